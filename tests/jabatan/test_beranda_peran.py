"""Landing pages by role: login and the site's home take HR to the summary, a unit head to their
unit's page, an employee to their own page ("next" first); the public portal stays reachable."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.models import Periode, Skp
from tests.akses_data import SANDI, buat_organisasi
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory
from tests.pelatihan.factories import PesertaFactory, ProgramFactory, SesiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    org = buat_organisasi()
    # An open period: A's employee's SKP is planned, one row not yet reported, waiting for the
    # head of A; B's employee's is waiting for the head of B.
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    for p, unit, opd, kepala in (
        (org.pegawai_a, org.bidang_a, org.unit_a, "pimpinan"),
        (org.pegawai_b, org.unit_b, org.unit_b, "pimpinan_lain"),
    ):
        skp = Skp.objects.create(
            pegawai=p,
            periode=periode,
            penilai=org.users[kepala].akses.pegawai,
            unit_kerja=unit,
            perangkat_daerah=opd,
            golongan=p.golongan,
            status=Skp.Status.DIRENCANAKAN,
        )
        skp.rencana.create(urutan=1, hasil_kerja="Layanan", indikator="Cakupan", target="95%")
    org.skp_a = Skp.objects.get(pegawai=org.pegawai_a, periode=periode)
    FormasiFactory(unit_kerja=org.bidang_a, jabatan=JabatanFactory(nama="Analis Kebijakan Uji"))
    FormasiFactory(unit_kerja=org.unit_b, jabatan=JabatanFactory(nama="Penata Layanan Lain"))
    return org


def _masuk(username: str, next_: str | None = None):
    client = Client()
    url = "/masuk/" + (f"?next={next_}" if next_ else "")
    response = client.post(url, {"username": username, "password": SANDI}, follow=True)
    return client, response


@pytest.mark.parametrize(
    ("username", "tujuan"),
    [("hr.bkpsdm", "/"), ("pimpinan", "/jabatan/unit/"), ("pegawai", "/saya/")],
)
def test_login_lands_each_role_on_its_own_page(org, username, tujuan):
    _client, response = _masuk(username)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == tujuan


def test_login_honours_next_before_the_role_page(org):
    _client, response = _masuk("pimpinan", "/kinerja/skp/")
    assert response.request["PATH_INFO"] == "/kinerja/skp/"
    _client, response = _masuk("pegawai", "https://contoh.example/")  # not ours: ignored
    assert response.request["PATH_INFO"] == "/saya/"


def test_the_public_portal_stays_reachable_when_logged_in(org):
    client, _response = _masuk("pegawai")
    body = client.get("/beranda/").content.decode()
    assert "Transparansi jabatan dan pelayanan publik" in body
    assert 'href="/beranda/"' in client.get("/saya/").content.decode()  # the footer's link


def test_the_unit_head_sees_their_unit_and_nothing_of_another(org, django_assert_max_num_queries):
    client = Client()
    client.force_login(org.users["pimpinan"])
    # session, user, user and group permissions, scope (akses), the unit, vacancies and their
    # count, the waiting SKPs and their count, PNS under 20 JP and their count, the menu's SKP
    # entry: 13 whatever the unit's size
    with django_assert_max_num_queries(13):
        response = client.get("/jabatan/unit/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="nama-unit">Dinas Kesehatan</h1>' in body
    assert f'href="/kinerja/skp/{org.skp_a.pk}/"' in body and "1 baris belum diisi" in body
    assert org.pegawai_a.nama in body  # 0 JP this year: under 20
    assert "Analis Kebijakan Uji" in body
    assert "?keadaan=menunggu" in body
    for lain in (org.pegawai_b.nama, "Penata Layanan Lain"):
        assert lain not in body
    b = response.context["b"]
    assert (b.skp_menunggu.jumlah, b.lowongan.jumlah) == (1, 1)


def test_the_unit_page_drops_who_reached_20_jp_and_counts_more_than_it_shows(org):
    from jabatan import beranda

    program = ProgramFactory(jumlah_jp=24)
    PesertaFactory(pegawai=org.pegawai_a, sesi=SesiFactory(program=program), lulus=True)
    for _ in range(beranda.BARIS + 2):
        PegawaiFactory(unit_kerja=org.bidang_a)
    client = Client()
    client.force_login(org.users["pimpinan"])
    response = client.get("/jabatan/unit/")
    kurang = response.context["b"].kurang_jp
    assert org.pegawai_a not in kurang.baris
    # the head, their bidang's new people (the factory's PNS); A's employee has 24 JP
    assert kurang.jumlah == beranda.BARIS + 3 and len(kurang.baris) == beranda.BARIS
    assert f"Lihat semua {kurang.jumlah} PNS di dasbor JP" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("hr", 403), ("pegawai", 403), ("anonim", 302)])
def test_the_unit_page_is_a_unit_heads_only(org, role, status):
    client = Client()
    if org.users[role]:
        client.force_login(org.users[role])
    assert client.get("/jabatan/unit/").status_code == status
    if org.users["pimpinan"]:
        head = Client()
        head.force_login(org.users["pimpinan"])
        assert head.post("/jabatan/unit/").status_code == 405


def test_the_employee_page_says_what_to_do(org, django_assert_max_num_queries):
    client = Client()
    client.force_login(org.users["pegawai"])
    # session, user, user and group permissions, scope, the employee with five prefetched
    # histories, the open SKP, the JP of the year (two sums), the menu's SKP entry, the open
    # period of the employees' survey (none here): 16
    with django_assert_max_num_queries(16):
        response = client.get("/saya/")
    body = response.content.decode()
    assert 'id="ringkasan-saya"' in body
    assert f'href="/kinerja/skp/{org.skp_a.pk}/">Isi realisasi</a>' in body
    assert "1 dari 1" in body  # rows without a realisation
    assert "Kurang 20 JP dari 20 JP setahun" in body
    assert 'href="/jabatan/peluang/"' in body
    org.skp_a.rencana.update(realisasi="96%")
    body = client.get("/saya/").content.decode()
    assert "Realisasi lengkap" in body and "Isi realisasi" not in body


def test_a_pppk_sees_the_24_jp_ceiling(org):
    pppk = PegawaiFactory(pppk=True, unit_kerja=org.bidang_a)
    from tests.akses_data import buat_user

    user = buat_user("pppk", "Pegawai", staff=False, pegawai=pppk)
    client = Client()
    client.force_login(user)
    body = client.get("/saya/").content.decode()
    assert "Sisa jatah 24 JP dari 24 JP setahun untuk PPPK" in body
    assert "Isi realisasi" not in body  # no SKP in the open period
