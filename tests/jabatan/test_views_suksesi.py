"""The post page's "Rencana suksesi" section (HR): the plan with readiness, order and box; naming
a ranked talent-pool candidate or anyone by NIP; changing and removing; every bad input a 400
naming the field with nothing written; scoped as the page is; queries not growing with the plan."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jabatan.models import Suksesor
from tests.akses_data import klien
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, tutup_periode
from tests.jabatan.bantu import talenta

pytestmark = pytest.mark.django_db


@pytest.fixture
def kunci(org):
    """A vacant Kepala Bidang post in A and three people of the talent pool (9, 9, 8) plus one
    outside it (box 2)."""
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            nama="Kepala Bidang Uji",
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    orang = [talenta(org.bidang_a, k) for k in (9, 9, 8, 2)]
    tutup_periode()
    return formasi, orang


def _url(formasi, *akhir) -> str:
    return "/".join([f"/jabatan/lowongan/{formasi.pk}", *map(str, akhir), ""])


def _tambah(client, formasi, **data):
    return client.post(_url(formasi, "suksesi"), {"kesiapan": "sekarang", **data})


def _aktif(formasi) -> list[tuple[int, int, str]]:
    return list(
        Suksesor.objects.filter(formasi=formasi, aktif=True)
        .order_by("urutan")
        .values_list("urutan", "pegawai_id", "kesiapan")
    )


def test_hr_names_changes_and_removes_successors_on_the_post_page(org, kunci):
    formasi, (a, b, c, _luar) = kunci
    hr = klien(org.users["hr"])
    body = hr.get(_url(formasi)).content.decode()
    assert "Rencana suksesi" in body and "Belum ada calon suksesor" in body
    calon = hr.get(_url(formasi)).context["suksesi_calon"]
    assert {h.kandidat.pegawai_id for h in calon} == {a.pk, b.pk, c.pk}  # box 2 not offered
    r = _tambah(hr, formasi, pegawai=a.pk, catatan="Kandidat kuat")
    assert r.status_code == 302 and r["Location"].endswith(f"{_url(formasi)}#suksesi")
    # By NIP as printed on a decree, in slot 3.
    r = _tambah(hr, formasi, nip=b.nip_tercetak, urutan="3", kesiapan="3_tahun")
    assert r.status_code == 302
    assert _aktif(formasi) == [(1, a.pk, "sekarang"), (3, b.pk, "3_tahun")]
    r = hr.get(_url(formasi))
    body = r.content.decode()
    assert "Siap sekarang" in body and "Siap 3 tahun atau lebih" in body and "Kandidat kuat" in body
    assert b.nip_tercetak in body
    assert {h.kandidat.pegawai_id for h in r.context["suksesi_calon"]} == {c.pk}
    sb = Suksesor.objects.get(formasi=formasi, pegawai=b)
    r = hr.post(
        _url(formasi, "suksesi", sb.pk, "ubah"),
        {"kesiapan": "1_2_tahun", "urutan": "1", "catatan": ""},
    )
    assert r.status_code == 302
    assert _aktif(formasi) == [(1, b.pk, "1_2_tahun"), (3, a.pk, "sekarang")]
    r = hr.post(_url(formasi, "suksesi", sb.pk, "hapus"), {"alasan_berakhir": "Mutasi"})
    assert r.status_code == 302
    assert _aktif(formasi) == [(2, a.pk, "sekarang")]
    body = hr.get(_url(formasi)).content.decode()
    assert "Riwayat: calon suksesor yang dihapus" in body and "Mutasi" in body


# (the POST, the field's label on the page, the message)
SALAH = [
    ({}, "Kandidat dari talent pool", "Pilih kandidat dari daftar atau isi NIP-nya."),
    ({"pegawai": "abc"}, "Kandidat dari talent pool", "tidak ada dalam lingkup Anda"),
    ({"pegawai": "999999"}, "Kandidat dari talent pool", "tidak ada dalam lingkup Anda"),
    ({"nip": "1234"}, "atau NIP", "NIP harus 18 digit angka"),
    ({"nip": "199001012015011999"}, "atau NIP", "bukan pegawai aktif dalam lingkup Anda"),
    ({"pegawai": "LUAR"}, "Kandidat dari talent pool", "berada di kotak talenta 2"),
    ({"pegawai": "A", "kesiapan": "besok"}, "Kesiapan", "Kesiapan tidak dikenal"),
    ({"pegawai": "A", "kesiapan": ""}, "Kesiapan", "Pilih kesiapan calon suksesor."),
    ({"pegawai": "A", "urutan": "9"}, "Urutan prioritas", "“9” tidak sah: pilih 1 sampai 3"),
    ({"pegawai": "A", "catatan": "x" * 301}, "Catatan", "paling panjang 300 karakter"),
]


@pytest.mark.parametrize(("data", "label", "pesan"), SALAH)
def test_a_bad_post_is_a_400_naming_the_field_and_writes_nothing(org, kunci, data, label, pesan):
    formasi, (a, _b, _c, luar) = kunci
    ganti = {"A": str(a.pk), "LUAR": str(luar.pk)}
    data = {k: ganti.get(v, v) for k, v in data.items()}
    r = klien(org.users["hr"]).post(_url(formasi, "suksesi"), {"kesiapan": "sekarang", **data})
    assert r.status_code == 400
    body = r.content.decode()
    assert f"{label}: " in body or "galat" in body
    assert pesan in body
    assert not Suksesor.objects.exists()


def test_a_full_plan_is_refused_on_the_page(org, kunci):
    formasi, orang = kunci
    hr = klien(org.users["hr"])
    for p in orang[:3]:
        assert _tambah(hr, formasi, pegawai=p.pk).status_code == 302
    body = hr.get(_url(formasi)).content.decode()
    assert "Rencana suksesi sudah penuh" in body
    lagi = talenta(org.bidang_a, 9)
    r = _tambah(hr, formasi, nip=lagi.nip)
    assert r.status_code == 400 and "sudah penuh (3 calon suksesor)" in r.content.decode()
    assert len(_aktif(formasi)) == 3


def test_bad_changes_and_removals_are_400s_naming_the_field(org, kunci):
    formasi, (a, *_rest) = kunci
    hr = klien(org.users["hr"])
    _tambah(hr, formasi, pegawai=a.pk)
    s = Suksesor.objects.get()
    for data, pesan in (
        ({"kesiapan": "sekarang", "urutan": "7"}, "Urutan prioritas: "),
        ({"kesiapan": "x", "urutan": "1"}, "Kesiapan: "),
    ):
        r = hr.post(_url(formasi, "suksesi", s.pk, "ubah"), data)
        assert r.status_code == 400 and pesan in r.content.decode()
    r = hr.post(_url(formasi, "suksesi", s.pk, "hapus"), {"alasan_berakhir": ""})
    assert r.status_code == 400
    assert "Alasan dihapus: Tuliskan alasan calon suksesor dihapus." in r.content.decode()
    assert _aktif(formasi) == [(1, a.pk, "sekarang")]


def test_the_section_is_scoped_as_the_page(org, kunci):
    formasi, (a, b, *_rest) = kunci
    hr = klien(org.users["hr"])
    _tambah(hr, formasi, pegawai=a.pk)
    s = Suksesor.objects.get()
    # Unit heads neither see the ranking page nor name successors.
    for user in ("pimpinan", "pimpinan_lain"):
        c = klien(org.users[user])
        assert c.get(_url(formasi)).status_code == 403
        assert _tambah(c, formasi, pegawai=b.pk).status_code == 403
        hapus = c.post(_url(formasi, "suksesi", s.pk, "hapus"), {"alasan_berakhir": "x"})
        assert hapus.status_code == 403
    assert _tambah(klien(org.users["pegawai"]), formasi, pegawai=b.pk).status_code == 403
    # A successor of another post, or an unknown post, is not found.
    pengawas = JabatanFactory(jenis="PENGAWAS", kelas_jabatan=9)
    lain = FormasiFactory(unit_kerja=org.bidang_a, jabatan=pengawas)
    hapus = hr.post(_url(lain, "suksesi", s.pk, "hapus"), {"alasan_berakhir": "x"})
    assert hapus.status_code == 404
    assert _tambah(hr, type("F", (), {"pk": 999999})(), pegawai=b.pk).status_code == 404
    assert hr.get(_url(formasi, "suksesi")).status_code == 405
    assert _aktif(formasi) == [(1, a.pk, "sekarang")]


def test_a_non_structural_post_has_no_succession_section(org):
    formasi = FormasiFactory(unit_kerja=org.bidang_a)  # a Pelaksana post
    r = klien(org.users["hr"]).get(_url(formasi))
    assert r.status_code == 200 and r.context["suksesi"] is None
    assert "Rencana suksesi" not in r.content.decode()
    r = _tambah(klien(org.users["hr"]), formasi, pegawai=org.pegawai_b.pk)
    assert r.status_code == 400 and "hanya untuk jabatan struktural" in r.content.decode()


def test_the_page_queries_do_not_grow_with_the_plan(org, kunci, django_assert_max_num_queries):
    formasi, (a, b, c, _luar) = kunci
    hr = klien(org.users["hr"])
    _tambah(hr, formasi, pegawai=a.pk)
    hr.get(_url(formasi))
    with CaptureQueriesContext(connection) as q:
        hr.get(_url(formasi))
        satu = len(q)
    _tambah(hr, formasi, pegawai=b.pk)
    _tambah(hr, formasi, pegawai=c.pk)
    Suksesor.objects.filter(pegawai=b).update(catatan="x")
    PegawaiFactory(unit_kerja=org.bidang_a)
    # The ranking page's own queries, plus the plan's: the active successors (with the
    # employees and who set them), the removed ones, their placements, the talent bands and
    # their projection rows.
    with django_assert_max_num_queries(satu) as q:
        r = hr.get(_url(formasi))
        tiga = len(q)
    assert len(r.context["suksesi"].baris) == 3
    # 31 measured: the ranking page's 26 (its rows' titles and units in one) and the plan's 5
    assert tiga == satu <= 31


def test_an_employee_sees_the_key_posts_they_are_a_successor_to(org, kunci):
    formasi, _orang = kunci
    Suksesor.objects.create(
        formasi=formasi,
        pegawai=org.pegawai_a,
        kesiapan="1_2_tahun",
        urutan=2,
        tanggal_penetapan=formasi.created_at.date(),
        ditetapkan_oleh=org.users["hr"],
    )
    body = klien(org.users["pegawai"]).get("/jabatan/peluang/").content.decode()
    assert "Anda calon suksesor untuk" in body
    assert "Kepala Bidang Uji — Bidang Pelayanan Kesehatan</a> (urutan 2, Siap 1–2 tahun)" in body
    # Nobody else's plan shows: another employee's page has no such section.
    Suksesor.objects.update(pegawai=org.pegawai_b)
    body = klien(org.users["pegawai"]).get("/jabatan/peluang/").content.decode()
    assert "Anda calon suksesor untuk" not in body
