"""The SKP page and its actions: one POST-only view per action, each with a form whose bad input
is a field error on the page, never a 500 and never a silently ignored value."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.utils import timezone

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, RevisiSkp, Skp
from tests.akses_data import klien

pytestmark = pytest.mark.django_db


@pytest.fixture
def skp(org):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    return Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=periode,
        penilai=org.users["pimpinan"].akses.pegawai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
    )


def _rencana(*rows, total=None):
    data = {"rencana-TOTAL_FORMS": str(total or len(rows)), "rencana-INITIAL_FORMS": "0"}
    for i, (hasil, indikator, target) in enumerate(rows):
        data |= {
            f"rencana-{i}-hasil_kerja": hasil,
            f"rencana-{i}-indikator": indikator,
            f"rencana-{i}-target": target,
        }
    return data


def _realisasi(*rows):
    data = {"realisasi-TOTAL_FORMS": str(len(rows)), "realisasi-INITIAL_FORMS": str(len(rows))}
    for i, (pk, nilai, bukti) in enumerate(rows):
        data |= {
            f"realisasi-{i}-id": str(pk),
            f"realisasi-{i}-realisasi": nilai,
            f"realisasi-{i}-bukti": bukti,
        }
    return data


def _direncanakan(skp):
    Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.DIRENCANAKAN)
    return skp.rencana.create(urutan=1, hasil_kerja="Layanan", indikator="Cakupan", target="95%")


NILAI_ATAS = {"rating_hasil": rules.DI_ATAS, "rating_perilaku": rules.DI_ATAS}
# The plan rows here have no realisation: the rating form asks to confirm (test_skp_alur.py).
KONFIRMASI_TANPA_REALISASI = {"konfirmasi_tanpa_realisasi": "on"}


def test_the_detail_page_shows_the_forms_of_the_users_role(org, skp):
    body = klien(org.users["pimpinan"]).get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert f'action="/kinerja/skp/{skp.pk}/rencana/"' in body
    assert 'name="rencana-4-hasil_kerja"' in body  # five rows offered
    body = klien(org.users["pegawai"]).get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert "/rencana/" not in body and "/nilai/" not in body


@pytest.mark.parametrize("aksi", ["rencana", "realisasi", "nilai", "final", "revisi"])
def test_every_action_is_post_only_and_outside_the_scope_404(org, skp, aksi):
    url = f"/kinerja/skp/{skp.pk}/{aksi}/"
    assert klien(org.users["pimpinan"]).get(url).status_code == 405
    assert klien(org.users["pimpinan_lain"]).post(url, {}).status_code == 404
    assert Client().post(url, {}).status_code == 302  # to the login page


def test_the_evaluator_sets_the_plan_and_empty_rows_are_skipped(org, skp):
    data = _rencana(("Layanan imunisasi", "Cakupan", "95%"), ("", "", ""), total=2)
    response = klien(org.users["pimpinan"]).post(f"/kinerja/skp/{skp.pk}/rencana/", data)
    assert response.status_code == 302
    assert list(skp.rencana.values_list("hasil_kerja", flat=True)) == ["Layanan imunisasi"]
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.DIRENCANAKAN


def test_a_half_filled_plan_row_is_a_field_error_and_nothing_is_written(org, skp):
    data = _rencana(("Layanan", "Cakupan", "95%"), ("Pelaporan", "", "12"))
    response = klien(org.users["pimpinan"]).post(f"/kinerja/skp/{skp.pk}/rencana/", data)
    assert response.status_code == 200
    assert "Baris 2: Indikator kinerja wajib diisi." in response.content.decode()
    assert not skp.rencana.exists()


def test_a_plan_without_rows_or_without_its_management_form_is_refused(org, skp):
    client = klien(org.users["pimpinan"])
    response = client.post(f"/kinerja/skp/{skp.pk}/rencana/", _rencana(("", "", ""), total=1))
    assert "Rencana hasil kerja minimal satu baris." in response.content.decode()
    response = client.post(f"/kinerja/skp/{skp.pk}/rencana/", {"rencana-0-hasil_kerja": "X"})
    assert response.status_code == 200
    assert not skp.rencana.exists()


def test_a_plan_row_too_long_names_its_field(org, skp):
    data = _rencana(("x" * 301, "Cakupan", "95%"))
    response = klien(org.users["pimpinan"]).post(f"/kinerja/skp/{skp.pk}/rencana/", data)
    assert response.status_code == 200
    assert "paling banyak 300 karakter" in response.content.decode()
    assert not skp.rencana.exists()


def test_the_employee_records_realisations(org, skp):
    baris = _direncanakan(skp)
    data = _realisasi((baris.pk, "96%", "Laporan bulanan"))
    response = klien(org.users["pegawai"]).post(f"/kinerja/skp/{skp.pk}/realisasi/", data)
    assert response.status_code == 302
    baris.refresh_from_db()
    assert (baris.realisasi, baris.bukti) == ("96%", "Laporan bulanan")


@pytest.mark.parametrize("bad", ["lain", "abc", ""])
def test_a_plan_row_of_another_skp_or_no_number_is_a_field_error(org, skp, bad):
    baris = _direncanakan(skp)
    lain = Skp.objects.get(pegawai=org.pegawai_b)
    baris_lain = RencanaHasilKerja.objects.create(
        skp=lain, hasil_kerja="Milik B", indikator="I", target="1"
    )
    pk = {"lain": baris_lain.pk, "abc": "abc", "": ""}[bad]
    response = klien(org.users["pegawai"]).post(
        f"/kinerja/skp/{skp.pk}/realisasi/", _realisasi((pk, "96%", ""))
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Baris rencana" in body
    assert "Milik B" not in body
    baris.refresh_from_db()
    baris_lain.refresh_from_db()
    assert baris.realisasi == "" and baris_lain.realisasi == ""


def test_the_evaluator_rates_on_the_skp_page_and_others_cannot(org, skp):
    _direncanakan(skp)
    url = f"/kinerja/skp/{skp.pk}/nilai/"
    response = klien(org.users["pegawai"]).post(url, NILAI_ATAS)
    assert response.status_code == 200
    assert "pejabat penilai" in response.content.decode()
    assert Skp.objects.get(pk=skp.pk).predikat == ""
    response = klien(org.users["pimpinan"]).post(url, NILAI_ATAS | KONFIRMASI_TANPA_REALISASI)
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).predikat == rules.SANGAT_BAIK


@pytest.mark.parametrize("nilai", ["Hebat", "", "di atas ekspektasi"])
def test_a_rating_outside_the_choices_is_a_field_error(org, skp, nilai):
    _direncanakan(skp)
    response = klien(org.users["pimpinan"]).post(
        f"/kinerja/skp/{skp.pk}/nilai/", {"rating_hasil": nilai, "rating_perilaku": rules.SESUAI}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rating hasil kerja" in body
    assert ("harus salah satu dari" in body) or ("wajib dipilih" in body)
    assert response.context["form_nilai"].errors.keys() == {"rating_hasil"}
    assert Skp.objects.get(pk=skp.pk).predikat == ""


def test_the_evaluator_finalises_and_hr_revises_with_a_reason(org, skp):
    _direncanakan(skp)
    pimpinan, hr = klien(org.users["pimpinan"]), klien(org.users["hr"])
    pimpinan.post(f"/kinerja/skp/{skp.pk}/nilai/", NILAI_ATAS | KONFIRMASI_TANPA_REALISASI)
    assert pimpinan.post(f"/kinerja/skp/{skp.pk}/final/", {"konfirmasi": "on"}).status_code == 302
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.FINAL
    url = f"/kinerja/skp/{skp.pk}/revisi/"
    data = {"revisi-rating_hasil": rules.SESUAI, "revisi-rating_perilaku": rules.SESUAI}
    response = hr.post(url, data)
    assert response.status_code == 200
    assert "Alasan revisi wajib diisi." in response.content.decode()
    response = hr.post(url, {**data, "revisi-alasan": "Bukti terlambat"})
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).predikat == rules.BAIK


def test_finalising_twice_shows_the_services_refusal(org, skp):
    _direncanakan(skp)
    response = klien(org.users["pimpinan"]).post(
        f"/kinerja/skp/{skp.pk}/final/", {"konfirmasi": "on"}
    )
    assert response.status_code == 200
    assert "Hanya SKP yang sudah dinilai dapat difinalkan." in response.content.decode()
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.DIRENCANAKAN


def test_rating_keeps_the_behaviour_notes_the_form_carries_them_prefilled(org, skp):
    _direncanakan(skp)
    Skp.objects.filter(pk=skp.pk).update(catatan_perilaku="Kolaboratif dengan tim puskesmas")
    client = klien(org.users["pimpinan"])
    page = client.get(f"/kinerja/skp/{skp.pk}/")
    assert page.context["form_nilai"]["catatan_perilaku"].value() == (
        "Kolaboratif dengan tim puskesmas"
    )
    assert "Kolaboratif dengan tim puskesmas</textarea>" in page.content.decode()
    # The browser posts the prefilled field back with the ratings.
    data = {
        **NILAI_ATAS,
        "catatan_perilaku": "Kolaboratif dengan tim puskesmas",
        "catatan_penilai": "Baik",
        **KONFIRMASI_TANPA_REALISASI,
    }
    assert client.post(f"/kinerja/skp/{skp.pk}/nilai/", data).status_code == 302
    skp = Skp.objects.get(pk=skp.pk)
    assert (skp.catatan_perilaku, skp.catatan_penilai, skp.predikat) == (
        "Kolaboratif dengan tim puskesmas",
        "Baik",
        rules.SANGAT_BAIK,
    )


def test_a_nul_character_posted_is_a_field_error_not_a_500(org, skp):
    data = _rencana(("Layanan\x00", "Cakupan", "95%"))
    response = klien(org.users["pimpinan"]).post(f"/kinerja/skp/{skp.pk}/rencana/", data)
    assert response.status_code == 200
    assert response.context["form_rencana"].errors[0].keys() == {"hasil_kerja"}
    assert not skp.rencana.exists()


def _final(org, skp, predikat=rules.BAIK):
    _direncanakan(skp)
    Skp.objects.filter(pk=skp.pk).update(
        status=Skp.Status.FINAL,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        predikat=predikat,
        difinalkan_pada=timezone.now(),
    )


REVISI_ATAS = {
    "revisi-rating_hasil": rules.DI_ATAS,
    "revisi-rating_perilaku": rules.DI_ATAS,
    "revisi-alasan": "Bukti terlambat diunggah",
}


def test_a_closed_periods_revision_is_refused_to_the_evaluator_on_the_page(org, skp):
    _final(org, skp)
    Periode.objects.filter(pk=skp.periode_id).update(terbuka=False)
    response = klien(org.users["pimpinan"]).post(f"/kinerja/skp/{skp.pk}/revisi/", REVISI_ATAS)
    assert response.status_code == 200
    assert "hanya dapat direvisi oleh BKPSDM" in response.content.decode()
    assert Skp.objects.get(pk=skp.pk).predikat == rules.BAIK
    response = klien(org.users["hr"]).post(f"/kinerja/skp/{skp.pk}/revisi/", REVISI_ATAS)
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).predikat == rules.SANGAT_BAIK


def test_the_revision_form_shows_the_curve_and_the_breach_it_leaves(org, skp):
    KinerjaOrganisasi.objects.create(unit_kerja=org.unit_a, tahun=2026, predikat=rules.ISTIMEWA)
    _final(org, skp)
    client = klien(org.users["hr"])
    response = client.post(f"/kinerja/skp/{skp.pk}/revisi/", REVISI_ATAS, follow=True)
    body = response.content.decode()
    assert "Revisi dicatat." in body
    assert "Kurva distribusi: Sangat Baik 1 dari 1 pegawai (100,00%) melebihi batas" in body
    # The next revision's form shows the breach before anything is sent.
    assert "Periksa kembali sebelum merevisi" in body


def test_a_revision_writes_an_audit_entry_with_its_actor(org, skp):
    _final(org, skp)
    response = klien(org.users["hr"]).post(f"/kinerja/skp/{skp.pk}/revisi/", REVISI_ATAS)
    assert response.status_code == 302
    revisi = RevisiSkp.objects.get(skp=skp)
    entry = LogEntry.objects.get_for_object(revisi).get()
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, org.users["hr"])
    assert entry.changes_dict["predikat_baru"] == ["None", rules.SANGAT_BAIK]
    assert entry.changes_dict["alasan"][1] == "Bukti terlambat diunggah"
    # The SKP's own change is in the trail too, by the same actor.
    skp_entry = LogEntry.objects.get_for_object(skp).filter(action=LogEntry.Action.UPDATE)
    assert skp_entry.latest("timestamp").actor == org.users["hr"]


def test_the_skp_page_runs_a_fixed_number_of_queries(org, skp, django_assert_max_num_queries):
    # session, user, permissions (2), access link; the SKP with its people, period and unit;
    # its plan rows; its revisions; the unit's curve (organisational predikat, counts); the
    # menu's SKP entry (one EXISTS). None grows with the plan rows.
    client = klien(org.users["pimpinan"])
    _direncanakan(skp)
    Skp.objects.filter(pk=skp.pk).update(
        status=Skp.Status.DIEVALUASI,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        predikat=rules.BAIK,
    )
    for n in range(2, 12):
        skp.rencana.create(urutan=n, hasil_kerja=f"Hasil {n}", indikator="I", target="1")
    with django_assert_max_num_queries(11):
        response = client.get(f"/kinerja/skp/{skp.pk}/")
    assert response.context["form_final"] is not None
    assert "Hasil 11" in response.content.decode()
