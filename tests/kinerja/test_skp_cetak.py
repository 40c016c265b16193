"""The printable SKP: the evaluation form of PermenPANRB 6/2022 (Dokumen Evaluasi Kinerja
Pegawai: the evaluated employee, the evaluator and the evaluator's superior, organisational
performance, the BerAKHLAK behaviours; Anak Lampiran 4, id.scribd.com/document/672154356), for
whoever may open the SKP page (the same access selector), nobody else; the evaluator's notes on
it only once the SKP is final, for every role."""

from __future__ import annotations

import pytest

from kinerja import rules
from kinerja.models import Skp
from pegawai.models import Pegawai
from pegawai.roles import PEGAWAI
from tests.akses_data import buat_user, klien
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skp(org):
    skp = Skp.objects.get(pegawai=org.pegawai_a)  # final, rated "Baik", evaluated by kepala A
    skp.rencana.create(
        urutan=1,
        hasil_kerja="Cakupan imunisasi dasar lengkap",
        indikator="Persentase bayi diimunisasi",
        target="95%",
        realisasi="97%",
    )
    skp.rencana.create(
        urutan=2,
        hasil_kerja="Laporan surveilans penyakit",
        indikator="Laporan tepat waktu",
        target="12 laporan",
    )
    Skp.objects.filter(pk=skp.pk).update(
        catatan_penilai="Pertahankan ketepatan laporan.",
        catatan_perilaku="Kolaboratif dengan lintas program.",
    )
    Pegawai.objects.filter(pk=org.pegawai_a.pk).update(gelar_belakang="S.K.M.")
    # The evaluator's own SKP of the same period, evaluated by the Sekretaris Daerah: the
    # form's "atasan pejabat penilai kinerja".
    sekda = PegawaiFactory(nama="Lalu Sekda Mataram", unit_kerja=org.kota, golongan="IV/c")
    kepala = skp.penilai
    Skp.objects.create(
        pegawai=kepala,
        periode=skp.periode,
        penilai=sekda,
        unit_kerja=org.unit_a,
        perangkat_daerah=org.unit_a,
        golongan=kepala.golongan,
    )
    return skp


def _url(skp) -> str:
    return f"/kinerja/skp/{skp.pk}/cetak/"


@pytest.mark.parametrize("role", ["pegawai", "pimpinan", "hr"])  # owner, evaluator, HR
def test_it_prints_the_form_for_who_may_open_the_skp(org, skp, role):
    response = klien(org.users[role]).get(_url(skp))
    assert response.status_code == 200
    body = response.content.decode()
    pegawai = Pegawai.objects.get(pk=org.pegawai_a.pk)
    penilai = skp.penilai
    assert "PEMERINTAH KOTA MATARAM" in body
    assert "Dinas Kesehatan" in body  # the agency of the SKP in the header
    assert f"{pegawai.nama}, S.K.M." in body
    assert pegawai.nip_tercetak in body and " " in pegawai.nip_tercetak  # grouped
    assert penilai.nama_lengkap in body and penilai.nip_tercetak in body
    assert org.formasi_a.jabatan.nama in body  # the employee's current post
    assert "Cakupan imunisasi dasar lengkap" in body and "Persentase bayi diimunisasi" in body
    assert "97%" in body and "12 laporan" in body
    assert '<td class="tebal" id="cetak-predikat">Baik</td>' in body
    assert "Pertahankan ketepatan laporan." in body  # final: the notes are printed
    assert "Kolaboratif dengan lintas program." in body
    # The three people of the form, the evaluator's superior from the evaluator's own SKP.
    assert "PEGAWAI YANG DINILAI" in body and "PEJABAT PENILAI KINERJA" in body
    assert "ATASAN PEJABAT PENILAI KINERJA" in body and "Lalu Sekda Mataram" in body
    assert "Pembina Utama Muda (IV/c)" in body
    # Organisational performance of the perangkat daerah that year, the seven BerAKHLAK lines.
    assert '<td id="cetak-kinerja-organisasi">Baik</td>' in body
    for _kode, nilai in rules.BERAKHLAK:
        assert f"<td>{nilai}</td>" in body
    # Each NIP on one line (cetak.css .nip: white-space: nowrap).
    assert f'<span class="nip">{pegawai.nip_tercetak}</span>' in body
    assert 'id="cetak-tanggal">Mataram, ' in body
    assert "Pegawai yang dinilai," in body and "Pejabat penilai kinerja," in body
    assert "css/cetak.css" in body
    assert "<script" not in body and "style=" not in body
    assert 'id="cetak-belum-final"' not in body


@pytest.mark.parametrize("status", ["direncanakan", "dievaluasi"])
@pytest.mark.parametrize("role", ["pegawai", "pimpinan", "hr"])  # owner, evaluator, HR
def test_a_draft_print_says_so_and_holds_no_notes_for_any_role(org, skp, role, status):
    ubah = {"status": status, "difinalkan_pada": None}
    if status == "direncanakan":
        ubah.update(rating_hasil="", rating_perilaku="", predikat="")
    Skp.objects.filter(pk=skp.pk).update(**ubah)
    response = klien(org.users[role]).get(_url(skp))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="cetak-belum-final"' in body
    assert "Pertahankan ketepatan laporan." not in body
    assert "Kolaboratif dengan lintas program." not in body
    assert "Diisi pejabat penilai setelah SKP final." in body


def test_without_an_evaluator_or_organisational_figure_the_form_shows_dashes(org, skp):
    Skp.objects.filter(pk=skp.pk).update(penilai=None)
    skp.perangkat_daerah.kinerja_organisasi.all().delete()
    body = klien(org.users["hr"]).get(_url(skp)).content.decode()
    assert "Lalu Sekda Mataram" not in body
    assert '<td id="cetak-kinerja-organisasi">—</td>' in body


def test_another_employee_and_another_units_head_get_404(org, skp):
    lain = buat_user("pegawai.lain", PEGAWAI, staff=False, pegawai=org.pegawai_b)
    for user in (lain, org.users["pimpinan_lain"]):
        response = klien(user).get(_url(skp))
        assert response.status_code == 404
        assert "Cakupan imunisasi" not in response.content.decode()


def test_an_unknown_skp_is_404(org, skp):
    assert klien(org.users["hr"]).get(f"/kinerja/skp/{skp.pk + 1000}/cetak/").status_code == 404


def test_the_skp_page_links_to_the_print(org, skp):
    body = klien(org.users["pegawai"]).get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert _url(skp) in body


def test_the_print_runs_a_fixed_number_of_queries(org, skp, django_assert_num_queries):
    client = klien(org.users["hr"])
    # session, user, the user's and groups' permissions (2), the SKP with its employee,
    # evaluator, period and unit, its plan rows, its revisions (the page's selector), the
    # evaluator's superior, the organisational performance, the agency, the three people's
    # units, their open placements with the posts.
    with django_assert_num_queries(12):
        assert client.get(_url(skp)).status_code == 200
