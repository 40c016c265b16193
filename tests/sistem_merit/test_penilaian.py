"""A year's assessment through its services: opening it, computing its evidence, setting levels
(accepted, overridden with a reason, audited), finalising, and the freeze that services and the
database both hold."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sistem_merit import services
from sistem_merit.models import JawabanKriteria, Kriteria, LevelKriteria, Penilaian
from tests.sistem_merit import bantu

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrumen():
    return bantu.buat(bantu.data_2018())


@pytest.fixture
def penilaian(instrumen, hr_user):
    return services.penilaian_create(
        instrumen=instrumen, tahun=2026, tanggal_data=date(2026, 11, 30), oleh=hr_user
    )


def _jawaban(penilaian, kode: str) -> JawabanKriteria:
    return penilaian.jawaban.get(kriteria__kode=kode)


def _pesan(exc: pytest.ExceptionInfo, field: str) -> str:
    return " ".join(exc.value.message_dict[field])


def test_it_opens_one_answer_per_criterion(penilaian):
    assert sorted(penilaian.jawaban.values_list("kriteria__kode", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
    ]


@pytest.mark.parametrize(
    ("tahun", "tanggal", "field", "pesan"),
    [
        (2017, date(2026, 1, 5), "tahun", "Tahun penilaian 2018 sampai"),
        (2026, date(2025, 12, 31), "tanggal_data", "di dalam tahun penilaian 2026"),
        (2025, date(2026, 2, 1), "tanggal_data", "di dalam tahun penilaian 2025"),
        (2026, None, "tanggal_data", "masa depan"),
    ],
)
def test_it_refuses_a_bad_year_or_date_naming_the_field(
    instrumen, hr_user, tahun, tanggal, field, pesan
):
    tanggal = tanggal or timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.penilaian_create(
            instrumen=instrumen, tahun=tahun, tanggal_data=tanggal, oleh=hr_user
        )
    assert pesan in _pesan(exc, field)
    assert not Penilaian.objects.exists()


def test_it_refuses_a_second_assessment_of_the_same_year(penilaian, instrumen, hr_user):
    with pytest.raises(ValidationError) as exc:
        services.penilaian_create(
            instrumen=instrumen, tahun=2026, tanggal_data=date(2026, 12, 1), oleh=hr_user
        )
    assert "sudah ada" in _pesan(exc, "tahun")
    assert Penilaian.objects.count() == 1


def test_it_computes_the_figure_and_proposes_its_level(penilaian, hr_user):
    bantu.FIGUR["nilai"] = (3, 4)
    assert services.evidence_compute(penilaian=penilaian, oleh=hr_user) == 1
    j = _jawaban(penilaian, "1.1")
    assert (j.pembilang, j.penyebut, j.level_usulan) == (3, 4, 3)
    assert j.alasan_usulan.startswith("Angka 75%. Memenuhi: level 3")
    assert j.kurang == "1 baris uji kurang"
    # Criteria without an evidence function get no figure and no proposal.
    assert _jawaban(penilaian, "1.2").level_usulan is None
    penilaian.refresh_from_db()
    assert penilaian.dihitung_pada is not None
    operasi = LogEntry.objects.get(additional_data__operasi="hitung_bukti")
    assert operasi.actor == hr_user


def test_it_proposes_nothing_when_there_is_nothing_to_measure(penilaian, hr_user):
    bantu.FIGUR["nilai"] = (0, 0)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = _jawaban(penilaian, "1.1")
    assert j.level_usulan is None
    assert "Tidak ada data" in j.alasan_usulan


def test_it_accepts_a_proposal_without_a_reason_and_refuses_an_override_without_one(
    penilaian, hr_user
):
    bantu.FIGUR["nilai"] = (4, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = services.jawaban_set_level(jawaban=_jawaban(penilaian, "1.1"), level=4, oleh=hr_user)
    assert (j.level, j.ditinjau_oleh) == (4, hr_user)
    with pytest.raises(ValidationError) as exc:
        services.jawaban_set_level(jawaban=j, level=2, alasan="  ", oleh=hr_user)
    assert "berbeda dari usulan data (4)" in _pesan(exc, "alasan")
    j.refresh_from_db()
    assert j.level == 4


def test_it_records_an_override_with_its_reason_and_actor(penilaian, hr_user):
    bantu.FIGUR["nilai"] = (4, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = services.jawaban_set_level(
        jawaban=_jawaban(penilaian, "1.1"),
        level=3,
        alasan="Standar kompetensi 40 jabatan belum ditetapkan dengan keputusan.",
        oleh=hr_user,
    )
    entry = LogEntry.objects.get_for_object(j).latest("timestamp")
    assert entry.actor == hr_user
    assert entry.changes_dict["level"] == ["None", "3"]
    assert "alasan" in entry.changes_dict


@pytest.mark.parametrize("level", [0, 5, None])
def test_it_refuses_a_level_outside_the_scale(penilaian, hr_user, level):
    with pytest.raises(ValidationError) as exc:
        services.jawaban_set_level(
            jawaban=_jawaban(penilaian, "1.2"), level=level, alasan="x", oleh=hr_user
        )
    assert "level harus 1 sampai 4" in _pesan(exc, "level")


def test_a_moved_proposal_clears_an_acceptance_but_keeps_an_override(penilaian, hr_user):
    bantu.FIGUR["nilai"] = (4, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    services.jawaban_set_level(jawaban=_jawaban(penilaian, "1.1"), level=4, oleh=hr_user)
    bantu.FIGUR["nilai"] = (1, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = _jawaban(penilaian, "1.1")
    assert (j.level_usulan, j.level) == (1, None)  # to be reviewed again
    # The undone acceptance is in the audit trail, by whoever ran the computation.
    entry = LogEntry.objects.get_for_object(j).latest("timestamp")
    assert (entry.actor, entry.changes_dict["level"]) == (hr_user, ["4", "None"])
    services.jawaban_set_level(jawaban=j, level=2, alasan="Dokumen ABK 2026", oleh=hr_user)
    bantu.FIGUR["nilai"] = (3, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j.refresh_from_db()
    assert (j.level_usulan, j.level, j.alasan) == (3, 2, "Dokumen ABK 2026")


def _isi_semua(penilaian, hr_user) -> None:
    bantu.FIGUR["nilai"] = (3, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    for kode, level in (("1.1", 3), ("1.2", 2), ("2.1", 4)):
        alasan = "" if kode == "1.1" else "Dokumen pendukung diunggah"
        services.jawaban_set_level(
            jawaban=_jawaban(penilaian, kode), level=level, alasan=alasan, oleh=hr_user
        )


def test_it_refuses_to_finalise_with_a_level_missing_naming_the_criteria(penilaian, hr_user):
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "kriteria 1.1, 1.2, 2.1" in _pesan(exc, "level")
    penilaian.refresh_from_db()
    assert not penilaian.final


def test_it_finalises_with_the_total_band_and_a_frozen_record(penilaian, hr_user):
    _isi_semua(penilaian, hr_user)
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    penilaian.refresh_from_db()
    # 60 × (3 + 2) / 2 + 40 × 4 = 310
    assert (penilaian.status, penilaian.nilai, penilaian.kategori) == (
        "final",
        Decimal("310.000"),
        "III Baik",
    )
    assert [(a["nomor"], a["skor"]) for a in penilaian.ringkasan] == [
        (1, "150.0000"),
        (2, "160.0000"),
    ]
    assert penilaian.ringkasan[0]["kriteria"][0] | {"uraian": ""} == {
        "kode": "1.1",
        "uraian": "",
        "bukti": bantu.KUNCI_UJI,
        "pembilang": 3,
        "penyebut": 4,
        "angka": "3 dari 4 baris uji",
        "level_usulan": 3,
        "level": 3,
    }


def test_a_final_assessment_refuses_every_service(penilaian, hr_user):
    _isi_semua(penilaian, hr_user)
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    j = _jawaban(penilaian, "1.1")
    for call in (
        lambda: services.evidence_compute(penilaian=penilaian, oleh=hr_user),
        lambda: services.jawaban_set_level(jawaban=j, level=4, alasan="x", oleh=hr_user),
        lambda: services.penilaian_finalise(penilaian=penilaian, oleh=hr_user),
    ):
        with pytest.raises(ValidationError) as exc:
            call()
        assert "sudah final dan dibekukan" in " ".join(exc.value.messages)
    j.refresh_from_db()
    assert j.level == 3


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda p: Penilaian.objects.filter(pk=p.pk).update(nilai=Decimal(400)), id="update"
        ),
        # Deletion is refused on PostgreSQL only (migration 0002: SQLite's flush deletes).
        pytest.param(
            lambda p: Penilaian.objects.filter(pk=p.pk).delete(),
            id="delete",
            marks=pytest.mark.postgres,
        ),
        pytest.param(
            lambda p: JawabanKriteria.objects.filter(penilaian=p).update(level=4),
            id="jawaban-update",
        ),
        pytest.param(
            lambda p: JawabanKriteria.objects.filter(penilaian=p).delete(),
            id="jawaban-delete",
            marks=pytest.mark.postgres,
        ),
    ],
)
def test_the_database_refuses_any_change_to_a_final_assessment(penilaian, hr_user, write):
    _isi_semua(penilaian, hr_user)
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    with pytest.raises(IntegrityError, match="penilaian_final_beku"), transaction.atomic():
        write(penilaian)
    penilaian.refresh_from_db()
    assert penilaian.nilai == Decimal("310.000")


def test_it_refuses_to_finalise_a_2025_assessment_without_the_survey(hr_user):
    instrumen = bantu.buat(bantu.data_2025())
    penilaian = services.penilaian_create(
        instrumen=instrumen, tahun=2026, tanggal_data=date(2026, 11, 30), oleh=hr_user
    )
    for j in penilaian.jawaban.all():
        services.jawaban_set_level(jawaban=j, level=2, alasan="uji", oleh=hr_user)
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "survei kepuasan dan keterikatan pegawai" in _pesan(exc, "skor_survei")


def test_a_2025_assessment_takes_the_closed_survey_of_its_year(hr_user):
    from survei.pegawai.services import periode_survei_pegawai_finish
    from tests.survei import bantu_pegawai as survei

    k = survei.kuesioner()
    periode = survei.periode_terbuka(tahun=2026)
    root = survei.kota()
    unit = survei.opd(root)
    # Five answers of 4 and 5 on the 1–5 scale: mean 4.5, score (4.5 − 1) / 4 = 0.875.
    for nilai in (4, 5, 4, 5, 4):
        survei.isi(periode, survei.pegawai_login(unit), k, kepuasan=nilai, keterikatan=9 - nilai)
    survei.tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)

    instrumen = bantu.buat(bantu.data_2025())
    penilaian = services.penilaian_create(
        instrumen=instrumen, tahun=2026, tanggal_data=date(2026, 11, 30), oleh=hr_user
    )
    bantu.FIGUR["nilai"] = (4, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    penilaian.refresh_from_db()
    assert penilaian.skor_survei == Decimal("0.8750")
    for j in penilaian.jawaban.all():
        services.jawaban_set_level(jawaban=j, level=4, alasan="uji", oleh=hr_user)
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    penilaian.refresh_from_db()
    # 0.75 × maturity 1 + 0.25 × 0.875 = 0.96875
    assert (penilaian.nilai, penilaian.kategori) == (Decimal("0.969"), "Tinggi")


def test_a_criterion_added_after_opening_counts_and_needs_its_level(penilaian, hr_user, instrumen):
    _isi_semua(penilaian, hr_user)
    aspek = instrumen.aspek.get(nomor=2)
    baru = Kriteria.objects.create(aspek=aspek, kode="2.2", uraian="Ditambah BKPSDM")
    for lv in range(1, 5):
        LevelKriteria.objects.create(kriteria=baru, level=lv, uraian=f"level {lv}")
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "Kriteria 2.2 ditambahkan ke instrumen" in _pesan(exc, "level")
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)  # brings it in
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "kriteria 2.2" in _pesan(exc, "level")
    services.jawaban_set_level(
        jawaban=_jawaban(penilaian, "2.2"), level=2, alasan="x", oleh=hr_user
    )
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    penilaian.refresh_from_db()
    # 60 × (3 + 2) / 2 + 40 × (4 + 2) / 2 = 270
    assert penilaian.nilai == Decimal("270.000")


@pytest.mark.parametrize(
    ("ambang", "pesan"),
    [
        ({"2": "0.8", "3": "0.5"}, "naik bersama level"),
        ({"2": "1.5"}, "naik bersama level"),
        ({"2": "banyak"}, "naik bersama level"),
        ({"5": "1"}, "Level 5 di luar skala instrumen (1–4)"),
        (["0.5"], "Ambang ditulis"),
    ],
)
def test_an_admin_edit_of_thresholds_is_checked_naming_the_rule(instrumen, ambang, pesan):
    kriteria = Kriteria.objects.get(aspek__instrumen=instrumen, kode="1.1")
    kriteria.ambang = ambang
    with pytest.raises(ValidationError) as exc:
        kriteria.full_clean()
    assert pesan in " ".join(exc.value.message_dict["ambang"])


def test_thresholds_that_rise_within_the_scale_pass(instrumen):
    kriteria = Kriteria.objects.get(aspek__instrumen=instrumen, kode="1.1")
    kriteria.ambang = {"2": ">0", "3": "0.75", "4": "1"}
    kriteria.full_clean()


def test_it_refuses_to_finalise_while_the_weights_do_not_sum_to_100(penilaian, hr_user, instrumen):
    _isi_semua(penilaian, hr_user)
    instrumen.aspek.filter(nomor=2).update(bobot=Decimal(30))
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "berjumlah 90.00, bukan 100" in _pesan(exc, "level")
