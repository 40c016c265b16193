"""The DUK (jabatan.duk): the ranking's tie-break order (one definition), scoped, exported,
printable."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from jabatan import indeks, merit, views_duk
from jabatan.duk import duk
from jabatan.models import IndeksMerit
from pegawai import projection
from pegawai.akses import Lingkup
from tests.akses_data import buat_organisasi
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    o = buat_organisasi()
    with projection.deferred():
        PegawaiFactory(
            nama="Senior",
            unit_kerja=o.unit_a,
            golongan="IV/a",
            tmt_golongan=date(2015, 4, 1),
            tmt_pns=date(2001, 1, 1),
        )
        PegawaiFactory(
            nama="Sama Gol Lebih Dulu",
            unit_kerja=o.bidang_a,
            golongan="III/a",
            tmt_golongan=date(2019, 4, 1),
            tmt_pns=date(2001, 1, 1),
        )
    return o


def test_the_order_is_the_rankings_tie_break_where_the_regulation_makes_them_the_same(org):
    # No one holds a post and no masa kerja golongan is imported: the two orders agree.
    baris = duk(scope=Lingkup(semua=True), unit=org.unit_a, pada=date(2026, 12, 1))
    harapan = sorted(
        IndeksMerit.objects.filter(
            pegawai__unit_kerja__path__startswith=org.unit_a.path, pegawai__tmt_pns__isnull=False
        ),
        key=lambda r: merit.kunci_duk(indeks.kandidat(r)),
    )
    assert [b.pegawai.pk for b in baris] == [r.pegawai_id for r in harapan]
    assert baris[0].pegawai.nama == "Senior"
    assert [b.nomor for b in baris] == list(range(1, len(baris) + 1))


def test_a_unit_head_sees_only_their_subtree(client, org):
    client.force_login(org.users["pimpinan"])
    ok = client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk})
    assert ok.status_code == 200 and "Senior" in ok.content.decode()
    assert client.get(reverse("jabatan:duk"), {"unit": org.unit_b.pk}).status_code == 404
    client.force_login(org.users["pegawai"])
    assert client.get(reverse("jabatan:duk")).status_code == 403


def test_the_export_keeps_the_nip_as_text_and_dates_dd_mm_yyyy(client, org, unduh_ekspor):
    client.force_login(org.users["hr"])
    url = reverse("jabatan:duk_ekspor", args=["csv"])
    isi = unduh_ekspor(client, url, {"unit": org.unit_a.pk})
    rows = list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["No.", "NIP", "Nama"]
    assert len(rows[1][1]) == 18 and rows[1][2] == "Senior"
    assert rows[1][4] == "01-04-2015"
    xlsx = unduh_ekspor(
        client, reverse("jabatan:duk_ekspor", args=["xlsx"]), {"unit": org.unit_a.pk}
    )
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx)).active
    assert ws["B2"].data_type == "s" and len(ws["B2"].value) == 18
    # TMT golongan and the birth date: date cells, shown dd-mm-yyyy.
    assert (ws["E2"].is_date, ws["E2"].number_format) == (True, "DD-MM-YYYY")
    assert ws["E2"].value.date() == date(2015, 4, 1)
    assert (ws["J2"].is_date, ws["J2"].number_format) == (True, "DD-MM-YYYY")


def test_the_printable_page_is_a4_landscape_with_the_city_header(client, org):
    client.force_login(org.users["hr"])
    page = client.get(reverse("jabatan:duk_cetak"), {"unit": org.unit_a.pk}).content.decode()
    assert "PEMERINTAH KOTA MATARAM" in page and 'class="lembar mendatar"' in page
    assert "DAFTAR URUT KEPANGKATAN" in page
    # NIP, dates and service length each kept on one line (cetak.css: .nip, .satu-baris); the
    # page count and the rows per page are measured on Chromium's PDF (tests/browser/test_cetak).
    senior = org.unit_a.pegawai.get(nama="Senior")
    assert f'<span class="nip">{senior.nip_tercetak}</span>' in page
    assert '<span class="satu-baris">01-04-2015</span>' in page
    assert '<td class="satu-baris">' in page


def test_the_duk_runs_a_fixed_number_of_queries(client, org, django_assert_max_num_queries):
    client.force_login(org.users["hr"])
    with projection.deferred():
        for _ in range(10):
            PegawaiFactory(unit_kerja=org.unit_a, tmt_pns=date(2012, 1, 1))
    # session, user, permissions, units for the select, the unit, projection rows, positions
    with django_assert_max_num_queries(9):
        assert client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk}).status_code == 200


def test_only_pns_are_on_it_ordered_by_post_then_masa_kerja_golongan(client, org):
    """PNS only, no CPNS or PPPK (SE Kepala BAKN 02/SE/1980 point 2.c on PP 15/1979); within
    the same pangkat and TMT, the higher post, then the longer masa kerja golongan."""
    from tests.factories import FormasiFactory, JabatanFactory, PenempatanFactory

    sama = dict(unit_kerja=org.unit_a, golongan="IV/b", tmt_golongan=date(2022, 4, 1))
    with projection.deferred():
        kepala = PegawaiFactory(nama="Kepala", tmt_pns=date(2005, 1, 1), **sama)
        # Entered later, but with credited prior service: the longer masa kerja golongan.
        PegawaiFactory(
            nama="Masa Kerja Panjang",
            tmt_pns=date(2011, 1, 1),
            mk_golongan_tahun=20,
            mk_golongan_bulan=0,
            tanggal_lahir=date(1985, 1, 1),
            **sama,
        )
        PegawaiFactory(
            nama="Masa Kerja Pendek",
            tmt_pns=date(2005, 1, 1),
            mk_golongan_tahun=15,
            mk_golongan_bulan=11,
            tanggal_lahir=date(1975, 1, 1),
            **sama,
        )
        PegawaiFactory(nama="Calon PNS", unit_kerja=org.unit_a, golongan="IV/e")
        PegawaiFactory(nama="Pegawai PPPK", unit_kerja=org.unit_a, pppk=True, golongan="XVII")
        PenempatanFactory(
            pegawai=kepala,
            formasi=FormasiFactory(
                unit_kerja=org.unit_a, jabatan=JabatanFactory(jenis="ADMINISTRATOR")
            ),
        )
    baris = duk(scope=Lingkup(semua=True), unit=org.unit_a, pada=date(2026, 12, 1))
    nama = [b.pegawai.nama for b in baris]
    assert "Calon PNS" not in nama and "Pegawai PPPK" not in nama
    assert baris.cpns >= 1
    assert nama.index("Kepala") < nama.index("Masa Kerja Panjang") < nama.index("Masa Kerja Pendek")
    b = baris[nama.index("Masa Kerja Panjang")]
    # 20 years on 1 April 2022, 4 years and 8 months later on 1 December 2026.
    assert (b.masa_kerja, b.masa_kerja_golongan) == ((24, 8), True)
    assert baris[nama.index("Kepala")].masa_kerja_golongan is False
    client.force_login(org.users["hr"])
    page = client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk}).content.decode()
    assert "24 th 8 bl</td>" in page and "tanpa TMT PNS tidak dicantumkan" in page


def test_it_sends_the_old_impor_address_to_the_new_one_with_its_query(client, org):
    # The DUK lived under /impor/ before it moved to jabatan: bookmarks keep working.
    response = client.get("/impor/duk/", {"unit": org.unit_a.pk})
    assert response.status_code == 301
    assert response["Location"] == f"{reverse('jabatan:duk')}?unit={org.unit_a.pk}"
    cetak = client.get("/impor/duk/cetak/", {"unit": org.unit_a.pk})
    assert cetak["Location"] == f"{reverse('jabatan:duk_cetak')}?unit={org.unit_a.pk}"


def _pns(org, n: int) -> None:
    with projection.deferred():
        for _ in range(n):
            PegawaiFactory(unit_kerja=org.unit_a, tmt_pns=date(2012, 1, 1))


def test_the_list_is_paged_in_the_duks_order_keeping_the_unit(
    client, org, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(views_duk, "DUK_PER_HALAMAN", 3)
    _pns(org, 6)
    client.force_login(org.users["hr"])
    semua = [
        b.pegawai.pk for b in duk(scope=Lingkup(semua=True), unit=org.unit_a, pada=date.today())
    ]
    assert len(semua) > 6
    dilihat, halaman = [], 1
    while True:
        # Every page the same queries as the first (test_the_duk_runs_a_fixed_number_of_queries).
        with django_assert_max_num_queries(9):
            r = client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk, "halaman": halaman})
        rows = list(r.context["halaman"])
        assert len(rows) <= 3
        # The numbers are the DUK's own, continued across pages.
        assert [b.nomor for b in rows] == list(
            range(len(dilihat) + 1, len(dilihat) + len(rows) + 1)
        )
        dilihat += [b.pegawai.pk for b in rows]
        if not r.context["halaman"].has_next():
            break
        assert f"?unit={org.unit_a.pk}&amp;halaman={halaman + 1}#duk" in r.content.decode()
        halaman += 1
    assert dilihat == semua and halaman == -(-len(semua) // 3)


def test_the_print_holds_every_row_up_to_its_bound_then_refuses_naming_the_xlsx(
    client, org, monkeypatch
):
    monkeypatch.setattr(views_duk, "DUK_PER_HALAMAN", 2)
    _pns(org, 3)
    client.force_login(org.users["hr"])
    n = len(duk(scope=Lingkup(semua=True), unit=org.unit_a, pada=date.today()))
    cetak = reverse("jabatan:duk_cetak")
    monkeypatch.setattr(views_duk, "CETAK_MAKS", n)
    r = client.get(cetak, {"unit": org.unit_a.pk})
    assert r.status_code == 200
    assert r.content.decode().count('<td class="no">') == n  # not paged
    assert cetak in client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk}).content.decode()
    monkeypatch.setattr(views_duk, "CETAK_MAKS", n - 1)
    r = client.get(cetak, {"unit": org.unit_a.pk})
    pesan = (
        f"DUK {org.unit_a.nama} berisi {n} PNS, lebih dari {n - 1} baris yang dapat dicetak "
        "sekaligus. Pilih unit kerja yang lebih kecil untuk mencetak, atau unduh XLSX untuk "
        "seluruh daftar."
    )
    body = r.content.decode()
    assert r.status_code == 400 and pesan in body and 'id="cetak-ditolak"' in body
    assert 'id="cetak-duk"' not in body
    # The list says so instead of offering the print; the download stays the whole list.
    body = client.get(reverse("jabatan:duk"), {"unit": org.unit_a.pk}).content.decode()
    assert cetak not in body and pesan in body and 'form="duk-xlsx"' in body
