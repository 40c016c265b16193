"""The merit-system index's services, on tests/sistem_merit/bantu.py's small instruments:
opening, computing the evidence, setting levels, keeping documents, finalising and the freeze.
(The pages that call them: test_views_penilaian.py.)"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sistem_merit import services
from sistem_merit.models import JawabanKriteria, Kriteria, Penilaian
from tests.sistem_merit import bantu

pytestmark = pytest.mark.django_db

TAHUN = 2025
TANGGAL = dt.date(2025, 12, 31)
PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _figur():
    bantu.FIGUR["nilai"] = (3, 4)
    yield
    bantu.FIGUR["nilai"] = (0, 0)


def _buka(hr, data=None) -> Penilaian:
    return services.penilaian_create(
        instrumen=bantu.buat(data or bantu.data_2018()), tahun=TAHUN, tanggal_data=TANGGAL, oleh=hr
    )


def _j(penilaian: Penilaian, kode: str) -> JawabanKriteria:
    return JawabanKriteria.objects.select_related("kriteria").get(
        penilaian=penilaian, kriteria__kode=kode
    )


def _pesan(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


# --- Opening ----------------------------------------------------------------------------------


def test_it_opens_one_answer_per_criterion_and_one_assessment_per_year(hr_user):
    penilaian = _buka(hr_user)
    assert sorted(penilaian.jawaban.values_list("kriteria__kode", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
    ]
    assert penilaian.dibuat_oleh == hr_user and penilaian.status == "draf"
    with pytest.raises(ValidationError) as exc:
        services.penilaian_create(
            instrumen=penilaian.instrumen, tahun=TAHUN, tanggal_data=TANGGAL, oleh=hr_user
        )
    assert "sudah ada" in _pesan(exc)["tahun"][0]


@pytest.mark.parametrize(
    ("tahun", "tanggal", "field"),
    [
        (2017, dt.date(2018, 1, 1), "tahun"),  # before the first 40/2018 year
        (2999, dt.date(2025, 1, 1), "tahun"),  # a future year
        (TAHUN, dt.date(2999, 1, 1), "tanggal_data"),  # data from the future
        (TAHUN, dt.date(2024, 12, 31), "tanggal_data"),  # data before the year assessed
    ],
)
def test_it_refuses_a_year_or_date_out_of_range_on_its_field(hr_user, tahun, tanggal, field):
    instrumen = bantu.buat(bantu.data_2018())
    with pytest.raises(ValidationError) as exc:
        services.penilaian_create(
            instrumen=instrumen, tahun=tahun, tanggal_data=tanggal, oleh=hr_user
        )
    assert field in _pesan(exc)
    assert not Penilaian.objects.exists()


# --- Computing the evidence -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figur", "level"),
    [((0, 4), 1), ((1, 2), 2), ((74, 100), 2), ((3, 4), 3), ((99, 100), 3), ((4, 4), 4)],
)
def test_it_proposes_the_level_the_figure_reaches(hr_user, figur, level):
    bantu.FIGUR["nilai"] = figur
    penilaian = _buka(hr_user)
    langkah = []
    n = services.evidence_compute(
        penilaian=penilaian, oleh=hr_user, saat_maju=lambda i, t: langkah.append((i, t))
    )
    assert n == 1 and langkah == [(1, 1)]  # one evidenced criterion, one progress step
    j = _j(penilaian, "1.1")
    assert (j.pembilang, j.penyebut, j.level_usulan) == (*figur, level)
    assert j.uraian_angka == f"{figur[0]} dari {figur[1]} baris uji"
    assert j.alasan_usulan.startswith("Angka ")
    # The criteria HR sets are left alone.
    assert _j(penilaian, "1.2").level_usulan is None
    penilaian.refresh_from_db()
    assert penilaian.dihitung_pada is not None
    operasi = LogEntry.objects.get_for_object(penilaian).filter(actor=hr_user)
    assert [e.additional_data for e in operasi if e.additional_data] == [
        {"operasi": "hitung_bukti", "kriteria_dihitung": 1, "level_ditinjau_ulang": 0}
    ]


def test_it_proposes_nothing_when_there_is_nothing_to_measure(hr_user):
    bantu.FIGUR["nilai"] = (0, 0)
    penilaian = _buka(hr_user)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = _j(penilaian, "1.1")
    assert j.level_usulan is None and "Tidak ada data" in j.alasan_usulan


def test_it_names_an_evidence_function_the_app_does_not_know(hr_user):
    penilaian = _buka(hr_user)
    Kriteria.objects.filter(kode="1.1").update(bukti="tidak.ada")
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    j = _j(penilaian, "1.1")
    assert j.level_usulan is None and j.penyebut is None
    assert "tidak.ada" in j.uraian_angka and "tidak dikenal" in j.uraian_angka


def test_a_moved_proposal_clears_an_accepted_level_and_keeps_an_override(hr_user):
    data = bantu.data_2018()
    # A second evidenced criterion, overridden by HR below.
    data["aspek"][1]["kriteria"][0] |= {
        "bukti": bantu.KUNCI_UJI,
        "ambang": {"2": "0.5", "3": "0.75", "4": "1"},
    }
    penilaian = _buka(hr_user, data)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    services.jawaban_set_level(jawaban=_j(penilaian, "1.1"), level=3, oleh=hr_user)
    services.jawaban_set_level(
        jawaban=_j(penilaian, "2.1"), level=1, alasan="Data dua OPD tertinggal", oleh=hr_user
    )
    bantu.FIGUR["nilai"] = (4, 4)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    diterima, diubah = _j(penilaian, "1.1"), _j(penilaian, "2.1")
    assert (diterima.level_usulan, diterima.level, diterima.ditinjau_oleh) == (4, None, None)
    assert (diubah.level_usulan, diubah.level, diubah.alasan) == (4, 1, "Data dua OPD tertinggal")


# --- Setting a level --------------------------------------------------------------------------


def test_it_refuses_a_level_outside_the_scale(hr_user):
    penilaian = _buka(hr_user)
    for level in (None, 0, 5):
        with pytest.raises(ValidationError) as exc:
            services.jawaban_set_level(
                jawaban=_j(penilaian, "1.2"), level=level, alasan="x", oleh=hr_user
            )
        assert _pesan(exc)["level"] == ["Kriteria 1.2: level harus 1 sampai 4."]


def test_a_level_without_a_proposal_needs_its_basis(hr_user):
    penilaian = _buka(hr_user)
    j = _j(penilaian, "1.2")
    with pytest.raises(ValidationError) as exc:
        services.jawaban_set_level(jawaban=j, level=3, alasan="  ", oleh=hr_user)
    assert "tanpa usulan dari data" in _pesan(exc)["alasan"][0]
    services.jawaban_set_level(jawaban=j, level=3, alasan=" SK tim ", oleh=hr_user)
    j.refresh_from_db()
    assert (j.level, j.alasan, j.ditinjau_oleh) == (3, "SK tim", hr_user)


# --- Documents --------------------------------------------------------------------------------


def test_it_keeps_a_png_under_a_random_name_and_refuses_a_large_or_unknown_file(hr_user):
    penilaian = _buka(hr_user)
    j = _j(penilaian, "2.1")
    dokumen = services.dokumen_add(
        jawaban=j, berkas=SimpleUploadedFile("../../foto kegiatan.png", PNG), oleh=hr_user
    )
    assert (dokumen.nama, dokumen.jenis_berkas) == ("foto kegiatan.png", "image/png")
    assert dokumen.berkas.name.startswith("sistem-merit/") and "foto" not in dokumen.berkas.name
    besar = SimpleUploadedFile("besar.pdf", PDF + b"\x00" * services.MAKS_DOKUMEN)
    with pytest.raises(ValidationError) as exc:
        services.dokumen_add(jawaban=j, berkas=besar, oleh=hr_user)
    assert _pesan(exc)["berkas"] == ["Dokumen paling besar 10 MB."]
    with pytest.raises(ValidationError) as exc:
        services.dokumen_add(
            jawaban=j, berkas=SimpleUploadedFile("a.pdf", b"MZ\x90\x00"), oleh=hr_user
        )
    assert "PDF, JPG atau PNG" in _pesan(exc)["berkas"][0]
    assert j.dokumen.count() == 1


# --- Finalising and the freeze ----------------------------------------------------------------


def _tetapkan_semua(penilaian: Penilaian, hr) -> None:
    for kode, level in (("1.1", 3), ("1.2", 4), ("2.1", 2)):
        j = _j(penilaian, kode)
        alasan = "" if level == j.level_usulan else "Dokumen terlampir"
        services.jawaban_set_level(jawaban=j, level=level, alasan=alasan, oleh=hr)


def test_it_finalises_with_a_frozen_record_of_every_figure(hr_user):
    penilaian = _buka(hr_user)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    _tetapkan_semua(penilaian, hr_user)
    penilaian = services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    # Aspect 1: 60 × (3 + 4) / 2 = 210; aspect 2: 40 × 2 = 80; 290 is III Baik (250–324).
    assert (penilaian.nilai, penilaian.kategori) == (Decimal("290.000"), "III Baik")
    assert [(a["nomor"], a["skor"]) for a in penilaian.ringkasan] == [
        (1, "210.0000"),
        (2, "80.0000"),
    ]
    satu = penilaian.ringkasan[0]["kriteria"][0]
    assert (satu["kode"], satu["pembilang"], satu["penyebut"], satu["level"]) == ("1.1", 3, 4, 3)
    assert penilaian.difinalkan_oleh == hr_user and penilaian.difinalkan_pada is not None


def test_it_refuses_to_finalise_an_index_without_the_employees_survey(hr_user):
    penilaian = _buka(hr_user, bantu.data_2025())
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    for j in penilaian.jawaban.select_related("kriteria"):
        services.jawaban_set_level(jawaban=j, level=2, alasan="Dokumen", oleh=hr_user)
    with pytest.raises(ValidationError) as exc:
        services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert "survei" in _pesan(exc)["skor_survei"][0]
    assert Penilaian.objects.get().status == "draf"


def test_a_final_assessment_refuses_every_service(hr_user):
    penilaian = _buka(hr_user)
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    _tetapkan_semua(penilaian, hr_user)
    penilaian = services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    j = _j(penilaian, "1.1")
    calls = [
        lambda: services.refuse_final(penilaian),
        lambda: services.evidence_compute(penilaian=penilaian, oleh=hr_user),
        lambda: services.jawaban_set_level(jawaban=j, level=4, alasan="x", oleh=hr_user),
        lambda: services.dokumen_add(
            jawaban=j, berkas=SimpleUploadedFile("a.pdf", PDF), oleh=hr_user
        ),
        lambda: services.penilaian_finalise(penilaian=penilaian, oleh=hr_user),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as exc:
            call()
        assert exc.value.code == "final"
        assert "sudah final dan dibekukan" in exc.value.messages[0]
