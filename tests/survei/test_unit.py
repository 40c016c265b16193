"""HR's survey dashboard drills down to one service unit: its nine elements, the trend per
quarter (marking what /survei/ publishes) and its approved comments, each downloadable as CSV
or XLSX through the project's safe export writer; a unit head sees only units in scope."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from openpyxl import load_workbook

from pegawai.models import Akses, CatatanEkspor
from survei.models import KomentarSkm, UnitLayanan
from survei.services import komentar_moderate
from tests.factories import UnitKerjaFactory
from tests.publik.bantu import TERTUTUP, isi_survei

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(db) -> UnitLayanan:
    root = UnitKerjaFactory(jenis="pemda")
    dinas = UnitKerjaFactory(parent=root, nama="Dinas A")
    unit = UnitLayanan.objects.create(
        unit_kerja=UnitKerjaFactory(parent=dinas, nama="Loket A"), kode="loket-a"
    )
    isi_survei(unit, 6, nilai=3, tanggal=TERTUTUP)  # a published quarter
    isi_survei(unit, 2, nilai=4, tanggal=TERTUTUP.replace(month=8))  # too few to publish
    return unit


def _komentar(unit, hr_user, n: int, teks: str = "Ramah") -> None:
    isi_survei(unit, n, komentar=teks, tanggal=TERTUTUP)
    for k in KomentarSkm.objects.filter(teks=teks, status="menunggu"):
        komentar_moderate(komentar=k, tayangkan=True, oleh=hr_user)


def _url(unit) -> str:
    return reverse("survei:unit", args=[unit.kode]) + f"?tahun={TERTUTUP.year}"


def _ekspor(unit, bagian: str, fmt: str) -> str:
    url = reverse("survei:unit_ekspor", args=[unit.kode, bagian, fmt])
    return url + f"?tahun={TERTUTUP.year}"


def test_it_shows_the_elements_the_trend_and_the_approved_comments(hr_client, unit, hr_user):
    _komentar(unit, hr_user, 1, "Petugasnya ramah")
    isi_survei(unit, 1, komentar="Masih menunggu moderasi", tanggal=TERTUTUP)
    isi_survei(unit, 1, komentar="Komentar kasar", tanggal=TERTUTUP)
    komentar_moderate(
        komentar=KomentarSkm.objects.get(teks="Komentar kasar"), tayangkan=False, oleh=hr_user
    )
    response = hr_client.get(_url(unit))
    r = response.context["r"]
    html = response.content.decode()
    assert r.hasil.responden == 11 and len(r.hasil.unsur) == 9
    assert "9. Sarana dan Prasarana" in html
    # Second quarter: 9 questionnaires, published; third: 2, internal only.
    tw = {(t.tahun, t.triwulan): (t.hasil.responden, t.publik) for t in r.tren}
    assert tw[(TERTUTUP.year, 2)] == (9, True) and tw[(TERTUTUP.year, 3)] == (2, False)
    assert "Petugasnya ramah" in html
    assert "Masih menunggu" not in html and "kasar" not in html
    assert "Menunggu moderasi: 1; ditolak: 1." in html


def test_the_page_takes_the_same_queries_for_two_or_sixty_comments(
    hr_client, unit, hr_user, django_assert_num_queries
):
    _komentar(unit, hr_user, 2)
    hr_client.get(_url(unit))
    # session, user, permissions (user's, groups'); the unit in scope; the sums per year and
    # quarter; the distinct networks per year and quarter pattern; the counts awaiting and
    # refused; the comments' count and page
    with django_assert_num_queries(10) as sedikit:
        hr_client.get(_url(unit))
    _komentar(unit, hr_user, 58)
    with django_assert_num_queries(len(sedikit.captured_queries)):
        response = hr_client.get(_url(unit))
    assert len(response.context["r"].komentar.object_list) == 50  # one page of 60


def test_each_table_downloads_as_csv_and_xlsx_through_the_safe_writer(hr_client, unit, hr_user):
    _komentar(unit, hr_user, 1, '=HYPERLINK("http://contoh.invalid","klik")')
    tabel = [("unsur", "Unsur pelayanan"), ("tren", "Tampil di publik"), ("komentar", "Komentar")]
    for bagian, kolom in tabel:
        isi = hr_client.post(_ekspor(unit, bagian, "csv")).content.decode("utf-8-sig")
        baris = list(csv.reader(io.StringIO(isi), delimiter=";"))
        assert kolom in baris[0], (bagian, baris[0])
        buku = load_workbook(io.BytesIO(hr_client.post(_ekspor(unit, bagian, "xlsx")).content))
        lembar = list(buku.active.iter_rows(values_only=True))
        assert kolom in lembar[0] and len(lembar) == len(baris)
    # The formula stays text: quoted in CSV, a text cell in XLSX.
    isi = hr_client.post(_ekspor(unit, "komentar", "csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in isi
    buku = load_workbook(io.BytesIO(hr_client.post(_ekspor(unit, "komentar", "xlsx")).content))
    sel = next(buku.active.iter_rows(min_row=2, max_row=2))[2]
    assert sel.data_type == "s" and sel.value.startswith("=HYPERLINK")
    # The nine elements are numbers in XLSX; every download is logged.
    buku = load_workbook(io.BytesIO(hr_client.post(_ekspor(unit, "unsur", "xlsx")).content))
    # 6 × 3 + 2 × 4 + 1 × 4 over 9 questionnaires = 3.33 for every element
    nilai = [r[2] for r in buku.active.iter_rows(min_row=2, values_only=True)]
    assert nilai == [pytest.approx(3.33)] * 9 and all(isinstance(n, float) for n in nilai)
    assert CatatanEkspor.objects.filter(data="kinerja.survei.komentar").count() == 4


def test_an_unknown_table_or_format_is_404(hr_client, unit):
    for bagian, fmt in (("nama", "csv"), ("unsur", "pdf")):
        assert hr_client.post(_ekspor(unit, bagian, fmt)).status_code == 404


def test_a_unit_head_sees_their_units_only(client, unit):
    kepala = User.objects.create_user("kepala-b", is_staff=True)
    kepala.groups.add(Group.objects.get(name="Pimpinan Unit"))
    akses = Akses.objects.create(user=kepala, unit_kerja=UnitKerjaFactory(nama="Dinas B"))
    client.force_login(kepala)
    assert client.get(_url(unit)).status_code == 404
    assert client.post(_ekspor(unit, "unsur", "csv")).status_code == 404
    akses.unit_kerja = unit.unit_kerja.parent  # now the head of Dinas A
    akses.save()
    assert client.get(_url(unit)).status_code == 200
    assert client.post(_ekspor(unit, "unsur", "csv")).status_code == 200


def test_a_year_without_questionnaires_shows_and_downloads_empty(hr_client, unit):
    url = reverse("survei:unit", args=[unit.kode]) + f"?tahun={TERTUTUP.year - 1}"
    assert "Belum ada kuesioner tahun ini." in hr_client.get(url).content.decode()
    ekspor = reverse("survei:unit_ekspor", args=[unit.kode, "unsur", "csv"])
    isi = hr_client.post(ekspor + f"?tahun={TERTUTUP.year - 1}").content.decode("utf-8-sig")
    assert len(isi.splitlines()) == 1  # the header only
