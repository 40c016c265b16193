"""The evidence pack for BKN's verification: a background task started by HR with a POST,
one folder per criterion (its summary, the rows behind its figure as a typed XLSX, its
documents byte for byte) and an index, downloaded by its starter, logged as an export."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pegawai.models import CatatanEkspor
from sistem_merit.paket import INDEKS, safe_name
from tests.sistem_merit.bantu_publik import PDF, buat_penilaian
from tugas.models import Progres

pytestmark = pytest.mark.django_db


def _csv(isi: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))


def test_it_packs_one_folder_per_criterion_with_rows_documents_and_an_index(
    hr_client, hr_user, unduh_ekspor
):
    penilaian = buat_penilaian(hr_user, figur=(3, 4))
    isi = unduh_ekspor(hr_client, reverse("sistem_merit:penilaian_paket", args=[penilaian.pk]))
    zf = zipfile.ZipFile(io.BytesIO(isi))
    nama = set(zf.namelist())
    folder = {n.split("/", 1)[0] for n in nama if "/" in n}
    assert folder == {"1.1", "1.2", "2.1"}  # one per criterion, named by its code
    assert INDEKS in nama
    assert {f"{k}/ringkasan.csv" for k in folder} <= nama

    indeks = _csv(zf.read(INDEKS))
    assert [r[2] for r in indeks[1:]] == ["1.1", "1.2", "2.1"]
    kolom = indeks[0]
    baris_11 = dict(zip(kolom, indeks[1], strict=True))
    assert (baris_11["Pembilang"], baris_11["Penyebut"], baris_11["Level usulan"]) == (
        "3",
        "4",
        "3",
    )
    assert baris_11["Jumlah baris bukti"] == "4"
    assert dict(zip(kolom, indeks[2], strict=True))["Jumlah dokumen"] == "1"

    ringkasan = dict((r[0], r[1]) for r in _csv(zf.read("1.2/ringkasan.csv"))[1:])
    assert ringkasan["Level ditetapkan"] == "3"
    assert ringkasan["Alasan penetapan"] == "Dokumen 1.2 diperiksa."

    # The rows behind 1.1's figure, typed: text header, numbers and booleans as such.
    ws = load_workbook(io.BytesIO(zf.read("1.1/baris.xlsx"))).active
    rows = list(ws.iter_rows())
    assert [(c.value, c.data_type) for c in rows[0]] == [("baris", "s"), ("memenuhi", "s")]
    assert [(c.value, c.data_type) for c in rows[1]] == [(0, "n"), (True, "b")]
    assert [c.value for c in rows[4]] == [3, False]
    assert len(rows) == 5
    assert "1.2/baris.xlsx" not in nama  # set by HR with a document: no rows

    (dokumen,) = [n for n in nama if n.startswith("1.2/dokumen/")]
    assert dokumen == "1.2/dokumen/01-SK-Tim-Sistem-Merit.pdf"
    assert zf.read(dokumen) == PDF  # the uploaded bytes

    catatan = CatatanEkspor.objects.get()
    assert (catatan.user, catatan.data, catatan.jumlah_baris) == (hr_user, "sistem_merit.paket", 4)
    assert catatan.filter == f"penilaian={penilaian.pk}"


def test_it_reports_progress_per_criterion_and_serves_the_zip_to_its_starter_only(
    hr_client, hr_user, unduh_ekspor, django_user_model
):
    penilaian = buat_penilaian(hr_user, final=False)  # a draft is packed too, for HR's review
    unduh_ekspor(hr_client, reverse("sistem_merit:penilaian_paket", args=[penilaian.pk]))
    progres = Progres.objects.get(kunci=f"paket:{penilaian.pk}:{hr_user.pk}")
    assert (progres.status, progres.selesai, progres.total) == ("selesai", 3, 3)
    assert progres.jenis_berkas == "application/zip"
    assert progres.nama_berkas == "paket-bukti-uji-2018-2025.zip"
    from django.test import Client

    lain = Client()  # another HR login: only the starter downloads (tugas.views)
    lain_user = django_user_model.objects.create_user("hr2", password="x-rahasia-123")
    lain_user.groups.set(hr_user.groups.all())
    lain.force_login(lain_user)
    assert lain.get(f"{progres.get_absolute_url()}unduh/").status_code == 404


def test_only_hr_starts_it_and_only_by_post(hr_client, hr_user, django_user_model):
    from django.test import Client

    penilaian = buat_penilaian(hr_user)
    url = reverse("sistem_merit:penilaian_paket", args=[penilaian.pk])
    assert hr_client.get(url).status_code == 405
    assert hr_client.post(reverse("sistem_merit:penilaian_paket", args=[999999])).status_code == 404
    staf = Client()
    staf.force_login(
        django_user_model.objects.create_user("staf", password="x-rahasia-123", is_staff=True)
    )
    assert staf.post(url).status_code == 403
    assert not Progres.objects.exists()


@pytest.mark.parametrize(
    ("teks", "nama"),
    [("1.1", "1.1"), ("../../etc/passwd", "etc-passwd"), ("a/b", "a-b"), ("", "berkas")],
)
def test_a_name_inside_the_zip_is_never_a_path(teks, nama):
    assert safe_name(teks) == nama


def test_the_rows_keep_text_as_text_and_dates_as_dates(
    hr_client, hr_user, unduh_ekspor, monkeypatch
):
    """An evidence function's rows that name people: a NIP stays 18 digits of text, a name a
    spreadsheet would run stays text, a date is a date cell."""
    import datetime as dt

    from sistem_merit.bukti import BUKTI, Angka, Bukti
    from tests.sistem_merit.bantu import KUNCI_UJI

    def baris(tanggal):
        return ["NIP", "Nama", "TMT", "JP"], [
            ("198503152010011002", '=HYPERLINK("http://x")', dt.date(2024, 1, 2), 12)
        ]

    penilaian = buat_penilaian(hr_user)
    monkeypatch.setitem(
        BUKTI,
        KUNCI_UJI,
        Bukti(KUNCI_UJI, "Uji", lambda t: Angka(0, 1, ""), baris, "", "uji"),
    )
    isi = unduh_ekspor(hr_client, reverse("sistem_merit:penilaian_paket", args=[penilaian.pk]))
    ws = load_workbook(io.BytesIO(zipfile.ZipFile(io.BytesIO(isi)).read("1.1/baris.xlsx"))).active
    nip, nama, tmt, jp = next(ws.iter_rows(min_row=2))
    assert (nip.value, nip.data_type) == ("198503152010011002", "s")
    assert (nama.value, nama.data_type) == ('=HYPERLINK("http://x")', "s")
    assert tmt.is_date and tmt.value.date() == dt.date(2024, 1, 2)
    assert tmt.number_format == "DD-MM-YYYY"
    assert (jp.value, jp.data_type) == (12, "n")
