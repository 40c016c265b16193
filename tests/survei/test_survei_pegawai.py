"""The employees' survey's writes and reads: one response per employee and period, nothing that
links a response to a person, batches of at least MIN_RESPONDEN, the close, and the score that
feeds the merit-system index."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

from survei.pegawai.models import (
    ButirSurveiPegawai,
    JawabanSurveiPegawai,
    KotakSurveiPegawai,
    PeriodeSurveiPegawai,
    ResponSurveiPegawai,
    TandaSurveiPegawai,
)
from survei.pegawai.selectors import hasil_survei_pegawai, skor_indeks, skor_indeks_dimensi
from survei.pegawai.services import (
    kotak_survei_pegawai_flush,
    kunci_tanda,
    periode_survei_pegawai_close,
    periode_survei_pegawai_finish,
    periode_survei_pegawai_open,
    respon_survei_pegawai_submit,
    survei_pegawai_rekap,
)
from tests.survei.bantu_pegawai import (
    isi,
    kota,
    kuesioner,
    opd,
    pegawai_login,
    periode_terbuka,
    tutup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def k():
    return kuesioner()


def test_it_refuses_a_second_response_of_the_same_employee_in_a_period(k):
    periode = periode_terbuka()
    user = pegawai_login(opd(kota()))
    isi(periode, user, k)
    with pytest.raises(ValidationError) as exc:
        isi(periode, user, k, kepuasan=1)
    assert "sudah mengisi" in exc.value.message_dict["periode"][0]
    assert TandaSurveiPegawai.objects.count() == 1
    assert KotakSurveiPegawai.objects.count() == 1


def test_the_database_alone_refuses_a_second_mark():
    periode = periode_terbuka()
    kunci = kunci_tanda(periode_id=periode.pk, pegawai_id=1)
    TandaSurveiPegawai.objects.create(periode=periode, kunci=kunci)
    with pytest.raises(IntegrityError), transaction.atomic():
        TandaSurveiPegawai.objects.create(periode=periode, kunci=kunci)


def test_the_same_employee_may_answer_again_next_year(k):
    user = pegawai_login(opd(kota()))
    lalu = periode_terbuka(2025)
    isi(lalu, user, k)
    tutup(lalu)
    isi(periode_terbuka(2026), user, k)
    assert TandaSurveiPegawai.objects.count() == 2


def test_the_mark_is_a_hash_keyed_with_the_secret_key(settings):
    kunci = kunci_tanda(periode_id=3, pegawai_id=7)
    assert len(kunci) == 64
    assert kunci == kunci_tanda(periode_id=3, pegawai_id=7)
    assert kunci != kunci_tanda(periode_id=3, pegawai_id=8)
    assert kunci != kunci_tanda(periode_id=4, pegawai_id=7)
    settings.SECRET_KEY = "kunci-lain-untuk-uji"
    assert kunci != kunci_tanda(periode_id=3, pegawai_id=7)


@pytest.mark.parametrize(
    "isian",
    [
        lambda a, b: {},  # nothing
        lambda a, b: {a: 3},  # one statement left out
        lambda a, b: {"x": 3},
        lambda a, b: {a: 0, b: 3},  # 0 is off the scale
        lambda a, b: {a: 6, b: 3},
        lambda a, b: {a: 3, b: 3, 999999: 3},  # a statement that is not active
    ],
    ids=["kosong", "kurang", "bukan-angka", "nol", "enam", "asing"],
)
def test_it_refuses_incomplete_or_off_scale_answers(k, isian):
    from survei.pegawai.services import respon_survei_pegawai_submit

    periode = periode_terbuka()
    user = pegawai_login(opd(kota()))
    jawaban = isian(k.kepuasan.pk, k.keterikatan.pk)
    with pytest.raises(ValidationError) as exc:
        respon_survei_pegawai_submit(periode=periode, jawaban=jawaban, oleh=user)
    assert "jawaban" in exc.value.message_dict
    assert not TandaSurveiPegawai.objects.exists()


def test_it_refuses_answers_outside_the_open_dates(k):
    user = pegawai_login(opd(kota()))
    periode = periode_terbuka()
    tutup(periode)
    with pytest.raises(ValidationError) as exc:
        isi(periode, user, k)
    assert "tidak sedang dibuka" in exc.value.message_dict["periode"][0]


# --- Nothing links a response to a person ---------------------------------------------------


@pytest.mark.parametrize(
    "model", [ResponSurveiPegawai, JawabanSurveiPegawai, KotakSurveiPegawai, TandaSurveiPegawai]
)
def test_no_field_of_the_response_side_links_to_a_person_or_a_moment(model):
    """No foreign key to a user or an employee, no date or time, no serial id: the primary key
    is random (or the row's own fields)."""
    for f in model._meta.concrete_fields:
        if f.is_relation:
            assert f.related_model._meta.label not in ("auth.User", "pegawai.Pegawai"), f
        assert not isinstance(f, models.DateField | models.TimeField), f  # DateTimeField too
        assert not isinstance(f, AutoFieldMixin), f
    names = {f.name for f in model._meta.concrete_fields}
    assert not names & {"user", "pegawai", "oleh", "created_at", "updated_at", "nip"}


def test_the_pending_row_holds_the_perangkat_daerah_not_the_section(k):
    root = kota()
    dinas = opd(root)
    user = pegawai_login(dinas)  # in a bidang under the dinas
    isi(periode_terbuka(), user, k)
    (kotak,) = KotakSurveiPegawai.objects.all()
    assert kotak.unit_id == dinas.pk
    assert kotak.jawaban == {str(k.kepuasan.pk): 4, str(k.keterikatan.pk): 4}


# --- Batches ---------------------------------------------------------------------------------


def test_it_flushes_a_unit_only_from_min_responden_pending_rows(k):
    periode = periode_terbuka()
    dinas = opd(kota())
    for _ in range(4):
        isi(periode, pegawai_login(dinas), k)
    assert kotak_survei_pegawai_flush(periode_id=periode.pk, unit_id=dinas.pk) == 0
    assert not ResponSurveiPegawai.objects.exists()
    isi(periode, pegawai_login(dinas), k, kepuasan=2)
    assert kotak_survei_pegawai_flush(periode_id=periode.pk, unit_id=dinas.pk) == 5
    assert not KotakSurveiPegawai.objects.exists()
    assert ResponSurveiPegawai.objects.filter(periode=periode, unit=dinas).count() == 5
    assert JawabanSurveiPegawai.objects.count() == 10
    nilai = sorted(JawabanSurveiPegawai.objects.values_list("nilai", flat=True))
    assert nilai == [2, *[4] * 9]


def test_the_close_flushes_the_rest_and_drops_the_name_of_a_unit_under_the_threshold(k):
    root = kota()
    besar, kecil = opd(root), opd(root)
    periode = periode_terbuka()
    for _ in range(7):
        isi(periode, pegawai_login(besar), k)
    kotak_survei_pegawai_flush(periode_id=periode.pk, unit_id=besar.pk)  # 7 moved
    for _ in range(2):
        isi(periode, pegawai_login(besar), k)  # a rest of 2: the unit has 9 in all
    for _ in range(3):
        isi(periode, pegawai_login(kecil), k)
    tutup(periode)
    assert periode_survei_pegawai_finish(periode_id=periode.pk) == 5
    assert not KotakSurveiPegawai.objects.exists()
    per_unit = dict(
        ResponSurveiPegawai.objects.values_list("unit_id").annotate(n=models.Count("id"))
    )
    assert per_unit == {besar.pk: 9, None: 3}
    periode.refresh_from_db()
    assert periode.rampung
    # Once complete, no more answers and no second finish.
    with pytest.raises(ValidationError):
        isi(periode, pegawai_login(besar), k)
    assert periode_survei_pegawai_finish(periode_id=periode.pk) == 0


def test_the_finish_waits_for_the_close(k):
    periode = periode_terbuka()
    isi(periode, pegawai_login(opd(kota())), k)
    assert periode_survei_pegawai_finish(periode_id=periode.pk) == 0
    assert not PeriodeSurveiPegawai.objects.get(pk=periode.pk).rampung


def test_the_daily_clean_up_completes_closed_periods_and_flushes_full_units(k):
    root = kota()
    lalu = periode_terbuka(2025)
    isi(lalu, pegawai_login(opd(root)), k)
    tutup(lalu)
    kini = periode_terbuka(2026)
    dinas = opd(root)
    for _ in range(5):
        isi(kini, pegawai_login(dinas), k)
    assert survei_pegawai_rekap() == 6
    assert PeriodeSurveiPegawai.objects.get(pk=lalu.pk).rampung
    assert not PeriodeSurveiPegawai.objects.get(pk=kini.pk).rampung
    assert ResponSurveiPegawai.objects.filter(periode=kini, unit=dinas).count() == 5


# --- HR opens and closes ----------------------------------------------------------------------


def test_hr_opens_a_year_once_and_closes_it(hr_user, django_capture_on_commit_callbacks):
    hari_ini = timezone.localdate()
    periode = periode_survei_pegawai_open(
        tahun=2026, ditutup=hari_ini + dt.timedelta(days=14), oleh=hr_user
    )
    assert periode.dibuka == hari_ini and periode.terbuka_pada(hari_ini)
    with pytest.raises(ValidationError) as exc:
        periode_survei_pegawai_open(
            tahun=2026, ditutup=hari_ini + dt.timedelta(days=14), oleh=hr_user
        )
    assert "tahun" in exc.value.message_dict
    with django_capture_on_commit_callbacks() as callbacks:
        periode_survei_pegawai_close(periode=periode, oleh=hr_user)
    assert len(callbacks) == 1  # the final flush, queued
    periode.refresh_from_db()
    assert periode.ditutup == hari_ini and not periode.terbuka_pada(hari_ini)
    with pytest.raises(ValidationError):
        periode_survei_pegawai_close(periode=periode, oleh=hr_user)


def test_only_hr_opens_a_period(k):
    user = pegawai_login(opd(kota()))
    with pytest.raises(ValidationError) as exc:
        periode_survei_pegawai_open(
            tahun=2026, ditutup=timezone.localdate() + dt.timedelta(days=3), oleh=user
        )
    assert "BKPSDM" in exc.value.message_dict["tahun"][0]


def test_a_close_date_must_lie_ahead(hr_user):
    with pytest.raises(ValidationError) as exc:
        periode_survei_pegawai_open(tahun=2026, ditutup=timezone.localdate(), oleh=hr_user)
    assert "ditutup" in exc.value.message_dict


# --- Results and the index score --------------------------------------------------------------


def _jawab(periode, unit, k, n: int, kepuasan: int = 5, keterikatan: int = 3) -> None:
    for _ in range(n):
        isi(periode, pegawai_login(unit), k, kepuasan=kepuasan, keterikatan=keterikatan)


def test_the_index_score_is_the_normalised_mean_of_a_complete_period(k):
    periode = periode_terbuka()
    _jawab(periode, opd(kota()), k, 5)  # every answer: kepuasan 5, keterikatan 3
    assert skor_indeks(2026) is None  # open
    tutup(periode)
    assert skor_indeks(2026) is None  # closed, not complete yet
    periode_survei_pegawai_finish(periode_id=periode.pk)
    assert skor_indeks(2026) == Decimal("0.7500")  # mean 4: (4 - 1) / 4
    assert skor_indeks_dimensi(2026) == {
        "kepuasan": Decimal("1.0000"),
        "keterikatan": Decimal("0.5000"),
    }
    assert skor_indeks(2025) is None  # no period


def test_the_index_score_needs_min_responden(k):
    periode = periode_terbuka()
    _jawab(periode, opd(kota()), k, 4)
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    assert skor_indeks(2026) is None
    assert skor_indeks_dimensi(2026) is None
    assert hasil_survei_pegawai(periode=PeriodeSurveiPegawai.objects.get()).instansi is None


def test_the_results_show_units_that_cannot_be_differenced(k, django_assert_num_queries):
    root = kota()
    a, b, c = opd(root, "Dinas A"), opd(root, "Dinas B"), opd(root, "Dinas C")
    periode = periode_terbuka()
    _jawab(periode, a, k, 6, kepuasan=5, keterikatan=5)
    _jawab(periode, b, k, 5, kepuasan=1, keterikatan=1)
    _jawab(periode, c, k, 3, kepuasan=3, keterikatan=3)  # under the threshold: agency only
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    periode.refresh_from_db()
    # Counts per unit, sums per unit and dimension, the units' names.
    with django_assert_num_queries(3):
        h = hasil_survei_pegawai(periode=periode)
    # C's 3 alone would be "agency minus A minus B": B, the smaller, is withheld too.
    assert [b.unit for b in h.unit] == [a]
    assert h.unit_ditahan == 1  # B; C's rows were stored without a unit at the close
    assert h.unit[0].rerata == Decimal("5.00") and h.unit[0].skor == Decimal("1.0000")
    assert h.instansi.responden == 14
    assert h.instansi.rerata == Decimal("3.14")  # (6·5 + 5·1 + 3·3) / 14


def test_a_dimension_answered_by_fewer_than_five_is_withheld_and_left_out_of_the_mean(k):
    """The engagement statement is switched on for the last two of seven respondents only."""
    root = kota()
    dinas = opd(root)
    periode = periode_terbuka()
    ButirSurveiPegawai.objects.filter(pk=k.keterikatan.pk).update(aktif=False)
    for _ in range(5):
        respon_survei_pegawai_submit(
            periode=periode, jawaban={k.kepuasan.pk: 4}, oleh=pegawai_login(dinas)
        )
    ButirSurveiPegawai.objects.filter(pk=k.keterikatan.pk).update(aktif=True)
    for _ in range(2):
        isi(periode, pegawai_login(dinas), k, kepuasan=4, keterikatan=1)
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    h = hasil_survei_pegawai(periode=PeriodeSurveiPegawai.objects.get(pk=periode.pk))
    [baris] = h.unit
    assert baris.per_dimensi == {"kepuasan": Decimal("4.00"), "keterikatan": None}
    assert baris.rerata == Decimal("4.00")  # the two answers of 1 are not in the mean
    assert h.instansi.per_dimensi["keterikatan"] is None
    assert skor_indeks_dimensi(periode.tahun) == {"kepuasan": Decimal("0.75")}
