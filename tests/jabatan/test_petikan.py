"""The decree extract (petikan SK) of a recorded decision: printed for HR, nobody else, in the
form of a regional head's decree (Permendagri 80/2015 as amended by Permendagri 120/2018: the
heading, lettered considerations), with the post's perangkat daerah and the signatories HR keeps
in jabatan.PengaturanPetikan (audited)."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from jabatan.models import Keputusan, PengaturanPetikan
from jabatan.models.petikan import JABATAN_PENGESAH_BAWAAN
from pegawai.models import Pegawai
from tests.akses_data import klien
from tests.factories import PegawaiFactory
from tests.jabatan.bantu import putus_halaman, usulkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def keputusan(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    assert usulkan(hr, formasi, [terbaik.pk]).status_code == 302
    assert putus_halaman(hr, formasi, pegawai=terbaik.pk).status_code == 302
    # After the decision, so the ranking is untouched: the extract prints the record as it is.
    Pegawai.objects.filter(pk=terbaik.pk).update(
        nip="198503152010011002",
        tanggal_lahir=date(1985, 3, 15),
        tmt_cpns=date(2010, 1, 1),
        jenis_kelamin="L",
        gelar_depan="dr.",
        gelar_belakang="M.Kes.",
        status="PNS",
    )  # the NIP agrees with the birth date, CPNS date and gender (database constraints)
    return Keputusan.objects.select_related("pegawai", "formasi__jabatan").get()


def _url(keputusan_id) -> str:
    return f"/jabatan/keputusan/{keputusan_id}/petikan/"


def test_it_prints_the_extract_for_hr(org, keputusan):
    response = klien(org.users["hr"]).get(_url(keputusan.pk))
    assert response.status_code == 200
    body = response.content.decode()
    p = keputusan.pegawai
    # The heading of a regional head's decree, not an office's letterhead.
    assert '<p class="kop-pemerintah">WALI KOTA MATARAM</p>' in body
    assert "PROVINSI NUSA TENGGARA BARAT" in body and "PEMERINTAH KOTA MATARAM" not in body
    assert "KEPUTUSAN WALI KOTA MATARAM" in body and "DENGAN RAHMAT TUHAN YANG MAHA ESA" in body
    assert "NOMOR 821/5/2026" in body
    assert "MEMUTUSKAN:" in body and "Menetapkan:" in body
    assert "Mengangkat Pegawai Negeri Sipil:" in body
    assert f"dr. {p.nama}, M.Kes." in body
    assert "19850315 201001 1 002" in body  # grouped as on decrees
    assert keputusan.formasi.jabatan.nama in body
    assert "Salinan sesuai dengan aslinya" in body
    assert "peringkat ke-1" in body  # from the frozen ranking
    # Indonesian long dates, the print stylesheet, nothing inline (CSP).
    bulan = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    t = keputusan.tmt
    assert f'<dd id="petikan-tmt">{t.day} {bulan[t.month - 1]} {t.year}</dd>' in body
    assert "css/cetak.css" in body
    assert "<script" not in body and "style=" not in body


def test_the_ranking_page_links_to_the_extract(org, keputusan):
    body = klien(org.users["hr"]).get(f"/jabatan/lowongan/{keputusan.formasi_id}/")
    assert _url(keputusan.pk) in body.content.decode()


@pytest.mark.parametrize("role", ["pegawai", "pimpinan", "pimpinan_lain"])
def test_it_refuses_everyone_but_hr(org, keputusan, role):
    response = klien(org.users[role]).get(_url(keputusan.pk))
    assert response.status_code in (403, 404)
    assert keputusan.nomor_sk not in response.content.decode()


def test_it_answers_404_for_an_unknown_decision(org, keputusan):
    assert klien(org.users["hr"]).get(_url(keputusan.pk + 1000)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login(keputusan):
    from django.test import Client

    response = Client().get(_url(keputusan.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_the_admin_change_page_links_to_the_extract_for_hr_only(org, keputusan):
    admin_url = f"/admin/jabatan/keputusan/{keputusan.pk}/change/"
    hr = klien(org.users["hr"]).get(admin_url)
    assert hr.status_code == 200
    assert _url(keputusan.pk) in hr.content.decode()
    assert "Jejak audit" in hr.content.decode()  # the project's other tool stays
    pimpinan = klien(org.users["pimpinan"]).get(admin_url)
    assert pimpinan.status_code == 200
    assert _url(keputusan.pk) not in pimpinan.content.decode()  # a link they could not open


def test_the_considerations_are_lettered_and_close_with_the_reason_to_decide(org, keputusan):
    body = klien(org.users["hr"]).get(_url(keputusan.pk)).content.decode()
    menimbang = body[body.index('<ol class="huruf" id="petikan-menimbang">') :]
    menimbang = menimbang[: menimbang.index("</ol>")]
    assert menimbang.count("<li") == 2  # a. the ranking, b. therefore (no justification)
    assert "sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Wali Kota" in menimbang
    # The petikan leaves BKPSDM: item b quotes the public summary HR wrote, never the internal
    # justification (tests/publik/test_ringkasan_publik.py).
    Keputusan.objects.filter(pk=keputusan.pk).update(justifikasi="Catatan internal panitia.")
    body = klien(org.users["hr"]).get(_url(keputusan.pk)).content.decode()
    assert "petikan-justifikasi" not in body and "Catatan internal" not in body
    Keputusan.objects.filter(pk=keputusan.pk).update(
        ringkasan_publik="Pengalaman lapangan terkait."
    )
    body = klien(org.users["hr"]).get(_url(keputusan.pk)).content.decode()
    assert 'id="petikan-justifikasi">bahwa pengangkatan' in body
    assert "Pengalaman lapangan terkait." in body
    assert "dimaksud dalam huruf a dan huruf b, perlu menetapkan" in body


def test_it_names_the_posts_perangkat_daerah(org, keputusan):
    unit = keputusan.formasi.unit_kerja
    opd = unit if unit.depth == 1 else unit.parent
    while opd.depth > 1:
        opd = opd.parent
    body = klien(org.users["hr"]).get(_url(keputusan.pk)).content.decode()
    assert f'<dd id="petikan-opd">{opd.nama}</dd>' in body


def test_the_signatories_come_from_hrs_audited_setting(org, keputusan):
    hr = klien(org.users["hr"])
    body = hr.get(_url(keputusan.pk)).content.decode()
    assert 'id="petikan-pengesah"' not in body  # nobody set yet: a blank line to sign on
    kepala = PegawaiFactory(nama="Lalu Kepala Badan", gelar_belakang="S.H.", golongan="IV/b")
    ubah = hr.post(
        "/admin/jabatan/pengaturanpetikan/1/change/",
        {
            "nama_kepala_daerah": "Wali Kota Uji, S.Sos.",
            "pengesah": kepala.pk,
            "jabatan_pengesah": f"Plt. {JABATAN_PENGESAH_BAWAAN}",
        },
    )
    assert ubah.status_code == 302, ubah.content.decode()[:2000]
    pengaturan = PengaturanPetikan.aktif()
    assert pengaturan.pengesah == kepala
    entri = LogEntry.objects.get_for_object(pengaturan).first()
    assert entri.actor == org.users["hr"] and "pengesah" in entri.changes_dict
    body = hr.get(_url(keputusan.pk)).content.decode()
    assert '<p class="nama" id="petikan-pengesah">Lalu Kepala Badan, S.H.</p>' in body
    assert "Pembina Tingkat I (IV/b)" in body
    assert f'<p class="nip">NIP {kepala.nip_tercetak}</p>' in body
    assert (
        "PLT. KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KOTA MATARAM," in body
    )
    assert '<p class="nama" id="petikan-kepala-daerah">WALI KOTA UJI, S.SOS.</p>' in body


@pytest.mark.parametrize("role", ["pegawai", "pimpinan"])
def test_only_hr_keeps_the_signatories(org, keputusan, role):
    response = klien(org.users[role]).get("/admin/jabatan/pengaturanpetikan/1/change/")
    assert response.status_code in (302, 403)
    assert not org.users[role].has_perm("jabatan.change_pengaturanpetikan")
