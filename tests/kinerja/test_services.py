"""SKP workflow: plan, realise, rate, finalise, revise — and every refusal, with nothing written."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import capfirst

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, RencanaHasilKerja, RevisiSkp, Skp
from kinerja.services import (
    kurva_check,
    periode_open_skp,
    skp_create,
    skp_finalize,
    skp_rate,
    skp_revise,
    skp_set_realisasi,
    skp_set_rencana,
)
from pegawai.models import Akses
from tests.factories import PegawaiFactory, PeriodeFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db
RENCANA = [{"hasil_kerja": "Layanan imunisasi", "indikator": "Cakupan", "target": "95%"}]


@pytest.fixture
def setup():
    kota = UnitKerjaFactory()
    dinas = UnitKerjaFactory(parent=kota)
    bidang = UnitKerjaFactory(parent=dinas)
    atasan = PegawaiFactory(unit_kerja=dinas)
    pegawai = PegawaiFactory(unit_kerja=bidang)
    penilai_user = User.objects.create_user("penilai")
    Akses.objects.create(user=penilai_user, pegawai=atasan)
    pegawai_user = User.objects.create_user("pegawai")
    Akses.objects.create(user=pegawai_user, pegawai=pegawai)
    lain = User.objects.create_user("lain")
    Akses.objects.create(user=lain, pegawai=PegawaiFactory(unit_kerja=dinas))
    hr = User.objects.create_user("hr")
    hr.groups.add(Group.objects.get(name="Admin BKPSDM"))
    skp = skp_create(pegawai=pegawai, periode=PeriodeFactory(), penilai=atasan)
    return {
        "skp": skp,
        "penilai": penilai_user,
        "pegawai": pegawai_user,
        "lain": lain,
        "hr": hr,
        "dinas": dinas,
    }


def _fresh(skp: Skp) -> Skp:
    return Skp.objects.get(pk=skp.pk)


def test_it_copies_unit_rank_and_perangkat_daerah(setup):
    skp = setup["skp"]
    assert skp.perangkat_daerah_id == setup["dinas"].pk
    assert skp.golongan == skp.pegawai.golongan
    assert skp.status == Skp.Status.DRAFT


def test_the_evaluator_takes_an_skp_from_plan_to_final(setup):
    skp, penilai, pegawai = setup["skp"], setup["penilai"], setup["pegawai"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai)
    baris = skp.rencana.get()
    skp_set_realisasi(skp=skp, realisasi={baris.pk: ("96%", "Laporan bulanan")}, oleh=pegawai)
    skp = skp_rate(skp=skp, rating_hasil=rules.DI_ATAS, rating_perilaku=rules.DI_ATAS, oleh=penilai)
    assert skp.predikat == rules.SANGAT_BAIK
    skp_finalize(skp=skp, oleh=penilai)
    assert _fresh(skp).status == Skp.Status.FINAL
    assert _fresh(skp).difinalkan_pada is not None


def test_it_refuses_a_rating_while_plan_rows_lack_a_realisation_unless_confirmed(setup):
    skp, penilai = setup["skp"], setup["penilai"]
    skp_set_rencana(
        skp=skp,
        rencana=[*RENCANA, {"hasil_kerja": "Posyandu", "indikator": "Jumlah", "target": "12"}],
        oleh=penilai,
    )
    pertama = skp.rencana.get(urutan=1)
    skp_set_realisasi(skp=skp, realisasi={pertama.pk: ("96%", "")}, oleh=setup["pegawai"])
    with pytest.raises(ValidationError) as exc:
        skp_rate(skp=skp, rating_hasil=rules.DI_ATAS, rating_perilaku=rules.DI_ATAS, oleh=penilai)
    assert (
        "1 baris rencana belum memiliki realisasi"
        in (exc.value.message_dict["konfirmasi_tanpa_realisasi"][0])
    )
    assert (_fresh(skp).status, _fresh(skp).predikat) == (Skp.Status.DIRENCANAKAN, "")
    skp_rate(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        oleh=penilai,
        konfirmasi_tanpa_realisasi=True,
    )
    assert _fresh(skp).predikat == rules.SANGAT_BAIK


def test_it_refuses_a_rating_outside_the_regulations_labels(setup):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=setup["penilai"])
    with pytest.raises(ValidationError) as exc:
        skp_rate(
            skp=skp,
            rating_hasil="Luar Biasa",
            rating_perilaku=rules.SESUAI,
            oleh=setup["penilai"],
            konfirmasi_tanpa_realisasi=True,
        )
    assert "Rating hasil kerja" in exc.value.message_dict["rating_hasil"][0]
    assert "Di Atas Ekspektasi" in exc.value.message_dict["rating_hasil"][0]
    assert _fresh(skp).predikat == ""


@pytest.mark.parametrize("siapa", ["pegawai", "lain"])
def test_it_refuses_a_rating_by_someone_who_is_not_the_evaluator(setup, siapa):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=setup["penilai"])
    with pytest.raises(ValidationError) as exc:
        skp_rate(
            skp=skp,
            rating_hasil=rules.SESUAI,
            rating_perilaku=rules.SESUAI,
            oleh=setup[siapa],
            konfirmasi_tanpa_realisasi=True,
        )
    assert "pejabat penilai" in exc.value.message_dict[NON_FIELD_ERRORS][0]
    assert _fresh(skp).status == Skp.Status.DIRENCANAKAN


def test_hr_may_rate_too(setup):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=setup["hr"])
    skp = skp_rate(
        skp=skp,
        rating_hasil=rules.DI_BAWAH,
        rating_perilaku=rules.SESUAI,
        oleh=setup["hr"],
        konfirmasi_tanpa_realisasi=True,
        catatan_penilai="Target cakupan tidak tercapai.",
    )
    assert skp.predikat == rules.BUTUH_PERBAIKAN


def test_it_refuses_a_realisation_without_a_plan(setup):
    with pytest.raises(ValidationError) as exc:
        skp_set_realisasi(skp=setup["skp"], realisasi={}, oleh=setup["pegawai"])
    assert "rencana hasil kerja" in exc.value.message_dict["realisasi"][0]


def test_it_refuses_an_incomplete_plan_and_keeps_the_old_one(setup):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=setup["penilai"])
    with pytest.raises(ValidationError) as exc:
        tanpa_indikator = {"hasil_kerja": "X", "indikator": "", "target": "1"}
        skp_set_rencana(skp=skp, rencana=[*RENCANA, tanpa_indikator], oleh=setup["penilai"])
    assert "Baris 2" in exc.value.message_dict["indikator"][0]
    assert list(skp.rencana.values_list("hasil_kerja", flat=True)) == ["Layanan imunisasi"]


def test_a_final_skp_is_not_edited_only_revised_with_a_reason(setup):
    skp, penilai, hr = setup["skp"], setup["penilai"], setup["hr"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai)
    skp_rate(
        skp=skp,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        oleh=penilai,
        konfirmasi_tanpa_realisasi=True,
    )
    skp_finalize(skp=skp, oleh=penilai)
    for attempt in (
        lambda: skp_rate(
            skp=skp,
            rating_hasil=rules.DI_ATAS,
            rating_perilaku=rules.DI_ATAS,
            oleh=penilai,
            konfirmasi_tanpa_realisasi=True,
        ),
        lambda: skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai),
        lambda: skp_set_realisasi(skp=skp, realisasi={}, oleh=penilai),
    ):
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert "final" in " ".join(exc.value.messages)
    assert _fresh(skp).predikat == rules.BAIK
    with pytest.raises(ValidationError) as exc:
        skp_revise(
            skp=skp, rating_hasil=rules.DI_ATAS, rating_perilaku=rules.DI_ATAS, alasan="  ", oleh=hr
        )
    assert "alasan" in exc.value.message_dict
    revisi = skp_revise(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        alasan="Bukti kinerja triwulan IV terlambat diunggah",
        oleh=hr,
    )
    assert (revisi.predikat_lama, revisi.predikat_baru) == (rules.BAIK, rules.SANGAT_BAIK)
    assert _fresh(skp).predikat == rules.SANGAT_BAIK
    assert RevisiSkp.objects.count() == 1


def test_a_closed_period_takes_no_rating(setup):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=setup["penilai"])
    skp.periode.terbuka = False
    skp.periode.save()
    with pytest.raises(ValidationError) as exc:
        skp_rate(
            skp=skp,
            rating_hasil=rules.SESUAI,
            rating_perilaku=rules.SESUAI,
            oleh=setup["penilai"],
            konfirmasi_tanpa_realisasi=True,
        )
    assert "ditutup" in " ".join(exc.value.messages)


def test_the_curve_is_checked_with_the_numbers_before_finalising(setup):
    skp, penilai = setup["skp"], setup["penilai"]
    KinerjaOrganisasi.objects.create(unit_kerja=setup["dinas"], tahun=2026, predikat=rules.ISTIMEWA)
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai)
    skp_rate(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        oleh=penilai,
        konfirmasi_tanpa_realisasi=True,
    )
    org, jumlah, pelanggaran = kurva_check(_fresh(skp))
    assert org == rules.ISTIMEWA and jumlah == {rules.SANGAT_BAIK: 1}
    assert [p.predikat for p in pelanggaran] == [rules.SANGAT_BAIK]
    assert "100,00%" in pelanggaran[0].pesan


def test_an_employee_is_not_their_own_evaluator():
    pegawai = PegawaiFactory()
    with pytest.raises(ValidationError) as exc:
        skp_create(pegawai=pegawai, periode=PeriodeFactory(), penilai=pegawai)
    assert "penilai" in exc.value.message_dict
    assert not Skp.objects.exists()


def test_rating_without_notes_keeps_the_existing_ones(setup):
    skp, penilai = setup["skp"], setup["penilai"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai)
    Skp.objects.filter(pk=skp.pk).update(catatan_perilaku="Adaptif", catatan_penilai="Tepat")
    skp_rate(
        skp=skp,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        oleh=penilai,
        konfirmasi_tanpa_realisasi=True,
    )
    assert (_fresh(skp).catatan_perilaku, _fresh(skp).catatan_penilai) == ("Adaptif", "Tepat")
    skp_rate(
        skp=skp,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        oleh=penilai,
        catatan_perilaku="",
        catatan_penilai="Diperbarui",
        konfirmasi_tanpa_realisasi=True,
    )
    assert (_fresh(skp).catatan_perilaku, _fresh(skp).catatan_penilai) == ("", "Diperbarui")


# --- Every service validates its fields before writing -----------------------------------------

PANJANG = "x" * 2_000_000


def _dinilai(setup) -> Skp:
    skp, penilai = setup["skp"], setup["penilai"]
    skp_set_rencana(skp=skp, rencana=RENCANA, oleh=penilai)
    return skp_rate(
        skp=skp,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        oleh=penilai,
        catatan_penilai="Awal",
        konfirmasi_tanpa_realisasi=True,
    )


@pytest.mark.parametrize(
    ("field", "value", "pesan"),
    [
        ("hasil_kerja", PANJANG, "paling banyak 300 karakter"),
        ("indikator", "Cakupan\x00", "NUL"),
        ("target", "9" * 101, "paling banyak 100 karakter"),
    ],
)
def test_the_plan_refuses_too_long_text_and_nul_by_field_and_writes_nothing(
    setup, field, value, pesan
):
    skp = setup["skp"]
    with pytest.raises(ValidationError) as exc:
        skp_set_rencana(
            skp=skp, rencana=[RENCANA[0], {**RENCANA[0], field: value}], oleh=setup["penilai"]
        )
    [message] = exc.value.message_dict[field]
    label = capfirst(RencanaHasilKerja._meta.get_field(field).verbose_name)
    assert message.startswith(f"Baris 2: {label}: ") and pesan in message
    assert not skp.rencana.exists()
    assert _fresh(skp).status == Skp.Status.DRAFT


@pytest.mark.parametrize(
    ("field", "value", "pesan"),
    [
        ("realisasi", PANJANG, "paling banyak 300 karakter"),
        ("realisasi", "96%\x00", "NUL"),
        ("bukti", PANJANG, "paling banyak 2000 karakter"),
        ("bukti", "\x00", "NUL"),
    ],
)
def test_the_realisation_refuses_too_long_text_and_nul_by_field_and_writes_nothing(
    setup, field, value, pesan
):
    skp = setup["skp"]
    skp_set_rencana(skp=skp, rencana=RENCANA * 2, oleh=setup["penilai"])
    pertama, kedua = skp.rencana.order_by("urutan")
    nilai = {"realisasi": "96%", "bukti": "Laporan", field: value}
    with pytest.raises(ValidationError) as exc:
        realisasi = {pertama.pk: ("90%", "Laporan"), kedua.pk: (nilai["realisasi"], nilai["bukti"])}
        skp_set_realisasi(skp=skp, realisasi=realisasi, oleh=setup["pegawai"])
    [message] = exc.value.message_dict[field]
    assert message.startswith("Baris 2: ") and pesan in message
    # The valid first row was not written either.
    assert list(skp.rencana.values_list("realisasi", "bukti")) == [("", ""), ("", "")]


@pytest.mark.parametrize(
    ("field", "value", "pesan"),
    [
        ("catatan_penilai", PANJANG, "paling banyak 2000 karakter"),
        ("catatan_perilaku", "Santun\x00", "NUL"),
    ],
)
def test_the_rating_refuses_too_long_notes_and_nul_by_field_and_writes_nothing(
    setup, field, value, pesan
):
    skp = _dinilai(setup)
    with pytest.raises(ValidationError) as exc:
        skp_rate(
            skp=skp,
            rating_hasil=rules.DI_ATAS,
            rating_perilaku=rules.DI_ATAS,
            oleh=setup["penilai"],
            **{field: value},
            konfirmasi_tanpa_realisasi=True,
        )
    [message] = exc.value.message_dict[field]
    label = capfirst(Skp._meta.get_field(field).verbose_name)
    assert message.startswith(f"{label}: ") and pesan in message
    skp = _fresh(skp)
    assert (skp.predikat, skp.catatan_penilai, skp.catatan_perilaku) == (rules.BAIK, "Awal", "")


@pytest.mark.parametrize("alasan", [PANJANG, "Salah ketik\x00"])
def test_the_revision_refuses_a_too_long_or_nul_reason_and_writes_nothing(setup, alasan):
    skp = _dinilai(setup)
    skp_finalize(skp=skp, oleh=setup["penilai"])
    with pytest.raises(ValidationError) as exc:
        skp_revise(
            skp=skp,
            rating_hasil=rules.DI_ATAS,
            rating_perilaku=rules.DI_ATAS,
            alasan=alasan,
            oleh=setup["hr"],
        )
    [message] = exc.value.message_dict["alasan"]
    assert message.startswith("Alasan revisi: ")
    assert not RevisiSkp.objects.exists()
    assert _fresh(skp).predikat == rules.BAIK


# --- Revisions: a closed period is HR's, and the curve is checked as before finalising ----------


def _final(setup) -> Skp:
    skp = _dinilai(setup)
    return skp_finalize(skp=skp, oleh=setup["penilai"])


def _tutup(skp: Skp) -> None:
    skp.periode.terbuka = False
    skp.periode.save()


def test_the_evaluator_revises_in_an_open_period(setup):
    skp = _final(setup)
    revisi = skp_revise(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        alasan="Bukti terlambat",
        oleh=setup["penilai"],
    )
    assert revisi.predikat_baru == rules.SANGAT_BAIK


def test_the_evaluator_cannot_revise_a_closed_period_and_nothing_is_written(setup):
    skp = _final(setup)
    _tutup(skp)
    with pytest.raises(ValidationError) as exc:
        skp_revise(
            skp=skp,
            rating_hasil=rules.DI_ATAS,
            rating_perilaku=rules.DI_ATAS,
            alasan="Bukti terlambat",
            oleh=setup["penilai"],
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "periode_tutup_bkpsdm"
    assert "hanya dapat direvisi oleh BKPSDM" in exc.value.messages[0]
    assert not RevisiSkp.objects.exists()
    assert _fresh(skp).predikat == rules.BAIK


def test_hr_revises_a_closed_period(setup):
    skp = _final(setup)
    _tutup(skp)
    revisi = skp_revise(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        alasan="Keberatan diterima",
        oleh=setup["hr"],
    )
    assert (revisi.oleh, revisi.predikat_lama, revisi.predikat_baru) == (
        setup["hr"],
        rules.BAIK,
        rules.SANGAT_BAIK,
    )
    assert _fresh(skp).predikat == rules.SANGAT_BAIK


def test_the_steps_that_do_not_refresh_the_merit_projection_leave_it_current(setup):
    """Planning, rating and finalising write nothing the projection reads (evaluated SKPs of
    closed annual periods): they do not refresh it, and it stays equal to the records, also for
    an SKP finalised after its period closed; a revision does change it, and refreshes."""
    from jabatan import indeks

    skp = _dinilai(setup)
    assert indeks.selisih() == []
    _tutup(skp)
    indeks.index_refresh()  # the period's admin queues this on closing (periods_changed)
    skp_finalize(skp=_fresh(skp), oleh=setup["hr"])
    assert indeks.selisih() == []
    skp_revise(
        skp=_fresh(skp),
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        alasan="Keberatan diterima",
        oleh=setup["hr"],
    )
    assert indeks.selisih() == []


def test_a_revision_breaching_the_curve_is_a_warning_with_the_numbers_as_in_finalising(setup):
    # Finalising an SKP that breaches the curve is allowed, with the breach shown (HR decides);
    # a revision does the same and reports the breach it leaves.
    KinerjaOrganisasi.objects.create(unit_kerja=setup["dinas"], tahun=2026, predikat=rules.ISTIMEWA)
    skp = _final(setup)
    assert kurva_check(_fresh(skp))[2] == []  # Baik 1 of 1: within the Istimewa curve
    revisi = skp_revise(
        skp=skp,
        rating_hasil=rules.DI_ATAS,
        rating_perilaku=rules.DI_ATAS,
        alasan="Bukti terlambat",
        oleh=setup["hr"],
    )
    assert [p.predikat for p in revisi.pelanggaran] == [rules.SANGAT_BAIK]
    assert "Sangat Baik 1 dari 1 pegawai (100,00%) melebihi batas" in revisi.pelanggaran[0].pesan
    assert _fresh(skp).predikat == rules.SANGAT_BAIK
    assert kurva_check(_fresh(skp))[2] == revisi.pelanggaran


# --- Opening a period for everyone ------------------------------------------------------------


@pytest.mark.django_db
def test_opening_a_period_skips_rows_another_run_wrote_meanwhile_and_reports_each_batch(
    monkeypatch,
):
    from kinerja.services import periode as buka

    unit = UnitKerjaFactory()
    orang = PegawaiFactory.create_batch(5, unit_kerja=unit)
    periode = PeriodeFactory(tahun=2027, jenis="tahunan", terbuka=True)
    monkeypatch.setattr(buka, "BUKA_SKP_BATCH", 2)
    langkah: list[tuple[int, int]] = []

    def maju(selesai: int, total: int) -> None:
        langkah.append((selesai, total))
        if selesai == 2:  # a second run, between two batches, opens the last employee's SKP
            Skp.objects.create(
                pegawai=orang[4],
                periode=periode,
                unit_kerja=unit,
                perangkat_daerah=unit,
                golongan=orang[4].golongan,
            )

    penilai = {p.pk: orang[0].pk for p in orang[1:]}
    n = buka.periode_open_skp(periode=periode, penilai=penilai, jenis_jabatan={}, saat_maju=maju)
    assert n == 5
    assert langkah == [(0, 5), (2, 5), (4, 5), (5, 5)]
    dibuka = Skp.objects.filter(periode=periode).values_list("pegawai_id", flat=True)
    assert sorted(dibuka) == sorted(p.pk for p in orang)  # one each, no conflict
    assert Skp.objects.get(periode=periode, pegawai=orang[1]).penilai_id == orang[0].pk
    assert buka.periode_open_skp(periode=periode, penilai=penilai, jenis_jabatan={}) == 0


@pytest.mark.django_db
def test_opening_a_closed_period_is_refused_by_field():
    periode = PeriodeFactory(tahun=2027, jenis="tahunan", terbuka=False)
    with pytest.raises(ValidationError) as exc:
        periode_open_skp(periode=periode, penilai={}, jenis_jabatan={})
    assert "periode" in exc.value.message_dict
