"""The SKP workflow as an evaluator meets it: a rating without realisations is warned and must
be confirmed, finalising must be confirmed, and the employee sees the evaluator's notes after."""

from __future__ import annotations

import pytest

from kinerja import rules
from kinerja.models import Periode, Skp
from tests.akses_data import klien

pytestmark = pytest.mark.django_db

NILAI_ATAS = {"rating_hasil": rules.DI_ATAS, "rating_perilaku": rules.DI_ATAS}


@pytest.fixture
def skp(org):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    skp = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=periode,
        penilai=org.users["pimpinan"].akses.pegawai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
        status=Skp.Status.DIRENCANAKAN,
    )
    skp.rencana.create(urutan=1, hasil_kerja="Layanan imunisasi", indikator="Cakupan", target="95%")
    skp.rencana.create(urutan=2, hasil_kerja="Posyandu aktif", indikator="Jumlah", target="12")
    return skp


def _url(skp, aksi=""):
    return f"/kinerja/skp/{skp.pk}/{aksi}"


def test_it_warns_on_the_page_when_plan_rows_have_no_realisation(org, skp):
    skp.rencana.filter(urutan=1).update(realisasi="96%")
    body = klien(org.users["pimpinan"]).get(_url(skp)).content.decode()
    assert 'id="peringatan-realisasi"' in body
    assert "1 baris rencana belum memiliki realisasi" in body
    assert "<li>Posyandu aktif</li>" in body
    assert 'name="konfirmasi_tanpa_realisasi"' in body


def test_it_refuses_a_rating_without_realisation_unless_confirmed(org, skp):
    client = klien(org.users["pimpinan"])
    response = client.post(_url(skp, "nilai/"), NILAI_ATAS)
    assert response.status_code == 200
    form = response.context["form_nilai"]
    assert form.errors.keys() == {"konfirmasi_tanpa_realisasi"}
    assert (
        "2 baris rencana belum memiliki realisasi" in form.errors["konfirmasi_tanpa_realisasi"][0]
    )
    fresh = Skp.objects.get(pk=skp.pk)
    assert (fresh.status, fresh.predikat) == (Skp.Status.DIRENCANAKAN, "")

    response = client.post(_url(skp, "nilai/"), {**NILAI_ATAS, "konfirmasi_tanpa_realisasi": "on"})
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).predikat == rules.SANGAT_BAIK


def test_a_rating_with_every_realisation_needs_no_confirmation(org, skp):
    skp.rencana.update(realisasi="Tercapai", bukti="Laporan")
    client = klien(org.users["pimpinan"])
    body = client.get(_url(skp)).content.decode()
    assert "peringatan-realisasi" not in body and "konfirmasi_tanpa_realisasi" not in body
    assert client.post(_url(skp, "nilai/"), NILAI_ATAS).status_code == 302
    assert Skp.objects.get(pk=skp.pk).predikat == rules.SANGAT_BAIK


def test_a_realisation_of_only_spaces_counts_as_none(org, skp):
    skp.rencana.update(realisasi="   ")
    response = klien(org.users["pimpinan"]).post(_url(skp, "nilai/"), NILAI_ATAS)
    assert response.status_code == 200
    assert "konfirmasi_tanpa_realisasi" in response.context["form_nilai"].errors


def _dinilai(skp, **catatan):
    skp.rencana.update(realisasi="Tercapai")
    Skp.objects.filter(pk=skp.pk).update(
        status=Skp.Status.DIEVALUASI,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        predikat=rules.SANGAT_BAIK,
        **catatan,
    )


def test_finalising_without_the_confirmation_is_a_field_error_and_nothing_changes(org, skp):
    _dinilai(skp)
    client = klien(org.users["pimpinan"])
    page = client.get(_url(skp)).content.decode()
    assert 'name="konfirmasi"' in page
    assert "Predikat yang akan difinalkan: Sangat Baik." in page
    response = client.post(_url(skp, "final/"))
    assert response.status_code == 200
    assert response.context["form_final"].errors.keys() == {"konfirmasi"}
    assert "Konfirmasi finalisasi wajib dicentang." in response.content.decode()
    fresh = Skp.objects.get(pk=skp.pk)
    assert (fresh.status, fresh.difinalkan_pada) == (Skp.Status.DIEVALUASI, None)

    assert client.post(_url(skp, "final/"), {"konfirmasi": "on"}).status_code == 302
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.FINAL


def test_the_employee_sees_the_evaluators_notes_only_after_finalising(org, skp):
    _dinilai(
        skp,
        catatan_penilai="Pertahankan cakupan imunisasi",
        catatan_perilaku="Kolaboratif dengan kader posyandu",
    )
    pegawai = klien(org.users["pegawai"])
    body = pegawai.get(_url(skp)).content.decode()
    assert "Pertahankan cakupan imunisasi" not in body  # still the evaluator's draft
    assert (
        klien(org.users["pimpinan"]).post(_url(skp, "final/"), {"konfirmasi": "on"}).status_code
        == 302
    )
    body = pegawai.get(_url(skp)).content.decode()
    assert "Catatan pejabat penilai" in body
    assert "Pertahankan cakupan imunisasi" in body
    assert "Kolaboratif dengan kader posyandu" in body
