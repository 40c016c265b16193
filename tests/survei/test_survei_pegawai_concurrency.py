"""The employees' survey under real transactions (PostgreSQL): one response per employee when
the same employee submits twice at once, and a flush that leaves nothing in the system columns to
join a response to its mark.

Each writer runs in its own thread and connection (tests.konkurensi). PostgreSQL only: `xmin`
is PostgreSQL's, and SQLite serialises all writers.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from survei.pegawai.models import (
    JawabanSurveiPegawai,
    KotakSurveiPegawai,
    ResponSurveiPegawai,
    TandaSurveiPegawai,
)
from survei.pegawai.services import periode_survei_pegawai_finish
from tests.konkurensi import race
from tests.survei.bantu_pegawai import (
    isi,
    kota,
    kuesioner,
    opd,
    pegawai_login,
    periode_terbuka,
    tutup,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_concurrent_submissions_of_one_employee_give_one_response():
    k = kuesioner()
    periode = periode_terbuka()
    user = pegawai_login(opd(kota()))
    results = race(
        lambda: isi(periode, user, k, kepuasan=5),
        lambda: isi(periode, user, k, kepuasan=1),
    )
    assert results.count("ok") == 1
    (kalah,) = [r for r in results if r != "ok"]
    assert isinstance(kalah, ValidationError), kalah
    assert "sudah mengisi" in kalah.message_dict["periode"][0]
    assert TandaSurveiPegawai.objects.count() == 1
    assert KotakSurveiPegawai.objects.count() == 1


def test_different_employees_answer_at_once():
    k = kuesioner()
    periode = periode_terbuka()
    dinas = opd(kota())
    users = [pegawai_login(dinas) for _ in range(3)]
    results = race(*[(lambda u=u: isi(periode, u, k)) for u in users])
    assert results == ["ok"] * 3
    assert TandaSurveiPegawai.objects.count() == 3


def _xmin(model, periode) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT xmin::text FROM {model._meta.db_table} WHERE periode_id = %s", [periode.pk]
        )
        return [r[0] for r in cursor.fetchall()]


def test_a_flushed_batch_shares_one_xmin_that_no_mark_has(settings):
    """Five employees answer, each in their own transaction; the fifth's commit queues the flush
    (run at once here), which moves the five in one transaction of its own."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    k = kuesioner()
    periode = periode_terbuka()
    dinas = opd(kota())
    for n in range(5):
        isi(periode, pegawai_login(dinas), k, kepuasan=1 + n)
        assert KotakSurveiPegawai.objects.count() == (n + 1) % 5
    assert ResponSurveiPegawai.objects.filter(unit=dinas).count() == 5
    respon = _xmin(ResponSurveiPegawai, periode)
    tanda = _xmin(TandaSurveiPegawai, periode)
    assert len(respon) == 5 and len(set(respon)) == 1
    assert len(tanda) == 5 and len(set(tanda)) == 5  # each mark its own transaction
    assert not set(respon) & set(tanda)
    # Their answers came in the same transaction as the responses.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT j.xmin::text FROM survei_jawabansurveipegawai j "
            "JOIN survei_responsurveipegawai r ON r.id = j.respon_id WHERE r.periode_id = %s",
            [periode.pk],
        )
        assert [r[0] for r in cursor.fetchall()] == respon[:1]


def test_the_close_rewrites_the_period_so_no_batch_shows(settings):
    """A batch of five is flushed; two more answer and the period closes: the last batch (two
    people of a known unit) would name them to whoever holds the marks. After the close every
    response of the period has the closing transaction's xmin, and their answers too."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    k = kuesioner()
    periode = periode_terbuka()
    dinas = opd(kota())
    for _ in range(5):
        isi(periode, pegawai_login(dinas), k)
    sebelum = set(_xmin(ResponSurveiPegawai, periode))
    for _ in range(2):
        isi(periode, pegawai_login(dinas), k, kepuasan=1)
    tutup(periode)
    assert periode_survei_pegawai_finish(periode_id=periode.pk) == 2
    respon = _xmin(ResponSurveiPegawai, periode)
    assert len(respon) == 7 and len(set(respon)) == 1
    assert not set(respon) & sebelum
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT j.xmin::text FROM survei_jawabansurveipegawai j "
            "JOIN survei_responsurveipegawai r ON r.id = j.respon_id WHERE r.periode_id = %s",
            [periode.pk],
        )
        assert [r[0] for r in cursor.fetchall()] == respon[:1]
    assert sorted(JawabanSurveiPegawai.objects.values_list("nilai", flat=True))[:2] == [1, 1]
