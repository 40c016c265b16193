"""The rules of proposals, decisions, merit profiles and choices hold in the database itself.

Each test writes around the services and the forms (a queryset update, a bulk insert): the
database refuses with IntegrityError, on SQLite and on PostgreSQL. The services turn the same
refusal into a field-named ValidationError.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from jabatan.models import Formasi, Jabatan, Keputusan, Penempatan, ProfilMerit, Usulan
from jabatan.services import _integrity_to_validation
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory
from tests.konkurensi import race

pytestmark = pytest.mark.django_db
TMT = dt.date(2025, 1, 2)


def _ditolak(write) -> IntegrityError:
    """Run a raw write; return the database's refusal (the test fails if there is none)."""
    with pytest.raises(IntegrityError) as info, transaction.atomic():
        write()
    return info.value


def _keputusan(oleh, **kwargs) -> Keputusan:
    penempatan = PenempatanFactory(tmt_mulai=TMT)
    isian = {
        "formasi": penempatan.formasi,
        "pegawai": penempatan.pegawai,
        "penempatan": penempatan,
        "nomor_sk": "821/1/2026",
        "tanggal_sk": TMT,
        "tmt": TMT,
        "metode": "talent_pool",
        "peringkat_terpilih": 1,
        "snapshot": {},
        "aturan_versi": "uji",
        "oleh": oleh,
        **kwargs,
    }
    return Keputusan.objects.create(**isian)


def test_profile_weights_must_sum_to_100():
    profil = ProfilMerit.objects.get(jenis_jabatan="PELAKSANA")
    rows = ProfilMerit.objects.filter(pk=profil.pk)
    exc = _ditolak(lambda: rows.update(bobot_kinerja=F("bobot_kinerja") + 1))
    assert "profil_merit_bobot_jumlah_100" in str(exc) or "CHECK" in str(exc)
    # Moving ten points between components keeps the total: allowed.
    rows.update(bobot_kinerja=F("bobot_kinerja") + 10, bobot_integritas=F("bobot_integritas") - 10)


def test_profile_form_errors_name_the_total_once():
    profil = ProfilMerit.objects.get(jenis_jabatan="PENGAWAS")
    profil.bobot_kinerja -= 10
    with pytest.raises(ValidationError) as info:
        profil.full_clean()
    assert info.value.messages == ["Jumlah bobot harus 100% (sekarang 90%)."]
    profil.bobot_integritas += 10
    profil.full_clean()


@pytest.mark.parametrize(
    ("update", "constraint"),
    [
        ({"peringkat_terpilih": 2}, "keputusan_justifikasi_bila_bukan_pertama"),
        ({"peringkat_terpilih": None}, "keputusan_justifikasi_bila_bukan_pertama"),
        (
            {"peringkat_terpilih": 2, "justifikasi": "   "},
            "keputusan_justifikasi_bila_bukan_pertama",
        ),
        ({"nomor_sk": ""}, "keputusan_nomor_sk_wajib"),
        ({"nomor_sk": "   "}, "keputusan_nomor_sk_wajib"),
        ({"metode": "undian"}, "keputusan_metode_pilihan"),
    ],
)
def test_a_decision_keeps_its_rules_against_a_raw_update(hr_user, update, constraint):
    keputusan = _keputusan(hr_user)
    exc = _ditolak(lambda: Keputusan.objects.filter(pk=keputusan.pk).update(**update))
    assert constraint in str(exc)
    galat = _integrity_to_validation(exc)
    field = next(k for k in ("justifikasi", "nomor_sk", "metode") if k in constraint)
    assert list(galat.message_dict) == [field]


def test_a_justified_decision_for_the_second_ranked_is_allowed(hr_user):
    keputusan = _keputusan(hr_user, peringkat_terpilih=2, justifikasi="Pengalaman bidang")
    assert Keputusan.objects.filter(pk=keputusan.pk).exists()


def test_annulling_needs_a_reason(hr_user):
    lama = _keputusan(hr_user)
    lama.dibatalkan_pada = TMT
    exc = _ditolak(lambda: lama.save(update_fields=["dibatalkan_pada"]))
    assert "keputusan_alasan_bila_dibatalkan" in str(exc)
    assert list(_integrity_to_validation(exc).message_dict) == ["alasan_pembatalan"]
    lama.alasan_pembatalan = "SK salah orang"
    lama.save(update_fields=["dibatalkan_pada", "alasan_pembatalan"])


@pytest.mark.parametrize(
    ("model", "update"),
    [
        (Penempatan, {"jenis": "DEFINITIF"}),  # the quota triggers match 'definitif' literally
        (Jabatan, {"jenis": "KEPALA"}),
        (Jabatan, {"eselon": "VI.a"}),
        (Jabatan, {"golongan_minimal": "V/a"}),
        (Jabatan, {"pendidikan_minimal": "S4"}),
        (ProfilMerit, {"jenis_jabatan": "KEPALA"}),
    ],
)
def test_a_choice_field_refuses_a_value_outside_its_choices(model, update):
    obj = {
        Penempatan: lambda: PenempatanFactory(tmt_mulai=TMT),
        Jabatan: JabatanFactory,
        ProfilMerit: lambda: ProfilMerit.objects.get(jenis_jabatan="PELAKSANA"),
    }[model]()
    exc = _ditolak(lambda: model.objects.filter(pk=obj.pk).update(**update))
    assert "pilihan" in str(exc) or "CHECK" in str(exc)


def test_a_placement_of_an_unknown_kind_cannot_slip_past_the_quota():
    formasi = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=formasi, tmt_mulai=TMT)
    _ditolak(lambda: PenempatanFactory(formasi=formasi, tmt_mulai=TMT, jenis="Definitif"))
    assert Formasi.objects.get(pk=formasi.pk).jumlah_terisi == 1


def _usulan(formasi, urutan: int, oleh, **kwargs) -> Usulan:
    return Usulan(
        formasi=formasi,
        pegawai=kwargs.pop("pegawai", None) or PegawaiFactory(),
        urutan=urutan,
        diusulkan_oleh=oleh,
        **kwargs,
    )


def test_a_post_holds_three_active_proposals_at_most(hr_user):
    formasi = FormasiFactory()
    Usulan.objects.bulk_create([_usulan(formasi, n, hr_user) for n in (1, 2, 3)])
    for urutan in (1, 3):
        exc = _ditolak(lambda u=urutan: _usulan(formasi, u, hr_user).save())
        assert list(_integrity_to_validation(exc).message_dict) == ["pegawai"]
        assert "tiga usulan aktif" in _integrity_to_validation(exc).messages[0]
    for urutan in (0, 4):
        _ditolak(lambda u=urutan: _usulan(formasi, u, hr_user).save())
    # Withdrawn proposals free their slots.
    Usulan.objects.filter(formasi=formasi).update(aktif=False)
    Usulan.objects.bulk_create([_usulan(formasi, n, hr_user) for n in (1, 2, 3)])
    assert Usulan.objects.filter(formasi=formasi, aktif=True).count() == 3


def test_the_same_employee_is_proposed_once_per_post(hr_user):
    formasi = FormasiFactory()
    pegawai = PegawaiFactory()
    _usulan(formasi, 1, hr_user, pegawai=pegawai).save()
    exc = _ditolak(lambda: _usulan(formasi, 2, hr_user, pegawai=pegawai).save())
    assert "sudah diusulkan" in _integrity_to_validation(exc).message_dict["pegawai"][0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_writers_racing_for_the_last_slots_leave_three_active_proposals(django_user_model):
    """Each writer reads the free slots without a lock (as a hand-written insert would) and
    takes them; both see slots 2 and 3 free, and the database lets only one of them in."""
    oleh = django_user_model.objects.create_user("hr-ras")
    formasi = FormasiFactory()
    Usulan.objects.bulk_create([_usulan(formasi, 1, oleh)])
    calon = [[PegawaiFactory(), PegawaiFactory()] for _ in range(2)]

    def tulis(pegawai):
        dipakai = set(
            Usulan.objects.filter(formasi=formasi, aktif=True).values_list("urutan", flat=True)
        )
        bebas = [n for n in (1, 2, 3) if n not in dipakai]
        Usulan.objects.bulk_create(
            [_usulan(formasi, n, oleh, pegawai=p) for n, p in zip(bebas, pegawai, strict=False)]
        )

    results = race(*[(lambda c=c: tulis(c)) for c in calon])
    assert results.count("ok") == 1
    (kalah,) = [r for r in results if r != "ok"]
    assert isinstance(kalah, IntegrityError)
    assert "usulan_tiga_slot_per_formasi" in str(kalah)
    assert Usulan.objects.filter(formasi=formasi, aktif=True).count() == 3
