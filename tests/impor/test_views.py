"""The import pages: HR only; upload -> preview (a task) -> map -> confirm (a task)."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from impor.models import Impor, PemetaanUnit
from pegawai.models import Pegawai
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv, ke_xlsx

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def langsung(settings, django_capture_on_commit_callbacks):
    settings.TASKS = IMMEDIATE
    return django_capture_on_commit_callbacks


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


def _unggah(client, data: bytes, nama="pegawai.csv", jenis="text/csv"):
    return client.post(reverse("impor:unggah"), {"berkas": SimpleUploadedFile(nama, data, jenis)})


@pytest.mark.parametrize("nama", ["impor:daftar", "impor:templat"])
def test_it_is_for_hr_only(client, nama, unit):
    url = reverse(nama, args=["csv"] if nama == "impor:templat" else [])
    assert client.get(url).status_code == 302  # to the login page
    user = User.objects.create_user("staf", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(url).status_code == 403


def test_it_refuses_a_bad_file_on_the_upload_page(hr_client, unit):
    response = _unggah(hr_client, b"%PDF", nama="a.pdf", jenis="application/pdf")
    assert response.status_code == 400
    assert "Jenis berkas .pdf tidak diterima" in response.content.decode()
    assert not Impor.objects.exists()


def test_upload_preview_map_confirm(hr_client, hr_user, unit, langsung):
    rows = [baris(), baris(unorId="X9", unorNama="BAPPEDA"), baris(golRuangAkhirId="77")]
    with langsung(execute=True):
        response = _unggah(hr_client, ke_csv(rows))
    assert response.status_code == 302 and response["Location"].startswith("/tugas/")
    impor = Impor.objects.get()
    assert impor.status == "pratinjau" and len(impor.checksum) == 64
    # The progress page's next step is the preview it built, not "back".
    progres = hr_client.get(response["Location"] + "?format=json").json()
    assert (progres["lanjut"], progres["label_lanjut"]) == (
        impor.get_absolute_url(),
        "Lihat pratinjau",
    )
    halaman = hr_client.get(response["Location"]).content.decode()
    assert f'<a class="tombol" href="{impor.get_absolute_url()}">Lihat pratinjau</a>' in halaman
    assert Pegawai.objects.count() == 0  # the preview writes nothing
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    assert 'data-jumlah="baru">1<' in page and 'data-jumlah="tolak">2<' in page
    assert "BAPPEDA" in page and "tidak dikenal" in page
    # HR maps the unknown unit; the preview runs again and reuses it.
    with langsung(execute=True):
        hr_client.post(reverse("impor:petakan", args=[impor.pk]), {"unit-0": unit.pk})
    assert PemetaanUnit.objects.get().kode_siasn == "X9"
    impor.refresh_from_db()
    assert (impor.ringkasan["baru"], impor.ringkasan["tolak"]) == (2, 1)
    # All-or-nothing: one rejected row, nothing kept, the rejects file to download.
    with langsung(execute=True):
        response = hr_client.post(reverse("impor:terapkan", args=[impor.pk]), {"sebagian": "0"})
    progres = hr_client.get(response["Location"] + "?format=json").json()
    assert "Tidak ada yang disimpan" in progres["pesan"] and progres["unduh"]
    assert Pegawai.objects.count() == 0
    # The valid rows only.
    with langsung(execute=True):
        response = hr_client.post(reverse("impor:terapkan", args=[impor.pk]), {"sebagian": "1"})
    progres = hr_client.get(response["Location"] + "?format=json").json()
    assert progres["status"] == "selesai", progres
    # What was done, in the past tense, on the progress page and on the import's page.
    dilakukan = "Diterapkan: 2 pegawai ditambahkan, 0 diperbarui, 1 baris ditolak"
    assert progres["pesan"].startswith(dilakukan)
    assert (progres["lanjut"], progres["label_lanjut"]) == (
        impor.get_absolute_url(),
        "Lihat hasil impor",
    )
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    assert dilakukan in page and "<h1>Hasil impor:" in page
    assert "pegawai ditambahkan" in page and "akan dicatat" not in page
    tolak = hr_client.get(progres["unduh"]).content.decode("utf-8-sig")
    assert "Golongan" in tolak and "77" in tolak
    assert Pegawai.objects.count() == 2
    impor.refresh_from_db()
    assert impor.status == "diterapkan" and impor.diterapkan_oleh == hr_user
    log = LogEntry.objects.get(additional_data__operasi="impor_pegawai")
    assert log.actor == hr_user
    assert log.additional_data["checksum"] == impor.checksum
    assert (log.additional_data["baru"], log.additional_data["ditolak"]) == (2, 1)


def test_the_template_downloads_and_imports_back(hr_client, unit):
    response = hr_client.post(reverse("impor:templat", args=["xlsx"]))
    assert response.status_code == 200
    from impor import read

    [b] = list(read.read_rows(response.content, "xlsx"))
    assert b.nilai["nipBaru"] == "198503152010011002"


def test_the_pages_run_a_fixed_number_of_queries(hr_client, unit, django_assert_max_num_queries):
    for _ in range(5):
        Impor.objects.create(
            nama_berkas="a.csv",
            format="csv",
            ukuran=1,
            checksum="0" * 64,
            berkas=b"x",
            ringkasan={"total": 1, "baru": 1, "ubah": 0, "sama": 0, "tolak": 0},
        )
    # session, user, groups' permissions, the list
    with django_assert_max_num_queries(6):
        assert hr_client.get(reverse("impor:daftar")).status_code == 200
    with django_assert_max_num_queries(6):
        assert hr_client.get(Impor.objects.first().get_absolute_url()).status_code == 200


def test_an_xlsx_upload_works_too(hr_client, unit, langsung):
    with langsung(execute=True):
        _unggah(
            hr_client,
            ke_xlsx([baris()]),
            nama="p.xlsx",
            jenis="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    assert Impor.objects.get().ringkasan["baru"] == 1


def test_a_date_that_does_not_exist_is_named_with_its_row_and_column(hr_client, unit, langsung):
    rows = [baris(), baris(tglLahir="31-02-1990"), baris(tmtGolAkhir="1 April 2018")]
    with langsung(execute=True):
        _unggah(hr_client, ke_csv(rows))
    impor = Impor.objects.get()
    ditolak = [(g["baris"], g["kolom"], g["alasan"]) for g in impor.ringkasan["ditolak"]]
    assert (
        3,
        "tglLahir",
        'Tanggal "31-02-1990" tidak ada (bulan 2 tahun 1990 hanya 28 hari).',
    ) in ditolak
    # A text that is no date at all keeps the format message.
    [format_salah] = [a for b, kolom, a in ditolak if b == 4 and kolom == "tmtGolAkhir"]
    assert format_salah.startswith('Tanggal "1 April 2018" tidak dikenali: tulis dd-mm-yyyy')
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    baris_html = page.split('<td class="angka">3</td>', 1)[1].split("</tr>", 1)[0]
    assert "<td>tglLahir</td>" in baris_html
    assert "31-02-1990&quot; tidak ada (bulan 2 tahun 1990 hanya 28 hari).</td>" in baris_html
