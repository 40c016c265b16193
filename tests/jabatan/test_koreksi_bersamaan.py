"""Two officers correcting or annulling the same decision at once (PostgreSQL, threads as in
test_concurrency): both queue on the post's and the decision's row locks, so the second sees
the first's result — never two annulments, a correction of an annulled decision, or a second
decision on a post whose first was not annulled."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from jabatan.models import Formasi, Keputusan, KoreksiKeputusan
from jabatan.services import keputusan_cancel, keputusan_correct, keputusan_create, usulan_set
from tests.factories import FormasiFactory
from tests.jabatan.bantu import catat
from tests.konkurensi import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PADA = dt.date(2026, 4, 1)


@pytest.fixture
def petugas():
    return User.objects.create_user("hr.a"), User.objects.create_user("hr.b")


def _ditolak(results, pesan: str) -> None:
    assert results.count("ok") == 1, results
    (kalah,) = [r for r in results if r != "ok"]
    assert isinstance(kalah, ValidationError), kalah
    assert pesan in str(kalah.message_dict)


def test_two_officers_annulling_the_same_decision_one_wins(petugas):
    a, b = petugas
    k = catat(a)
    results = race(
        lambda: keputusan_cancel(keputusan=k, alasan="Alasan A.", oleh=a, pada=PADA),
        lambda: keputusan_cancel(keputusan=k, alasan="Alasan B.", oleh=b, pada=PADA),
    )
    _ditolak(results, "sudah dibatalkan")
    k.refresh_from_db()
    assert k.alasan_pembatalan in ("Alasan A.", "Alasan B.")
    assert Formasi.objects.get(pk=k.formasi_id).jumlah_terisi == 0


def test_two_officers_correcting_the_same_decision_both_count_in_order(petugas):
    a, b = petugas
    k = catat(a)
    results = race(
        lambda: keputusan_correct(keputusan=k, alasan="A.", oleh=a, nomor_sk="800/A/2026"),
        lambda: keputusan_correct(keputusan=k, alasan="B.", oleh=b, nomor_sk="800/B/2026"),
    )
    assert results == ["ok", "ok"]
    pertama, kedua = KoreksiKeputusan.objects.filter(keputusan=k).order_by("created_at", "id")
    # The second read the first's result: its "from" is the first's "to", not the original.
    assert pertama.perubahan["nomor_sk"]["dari"] == "800/1/2026"
    assert kedua.perubahan["nomor_sk"]["dari"] == pertama.perubahan["nomor_sk"]["ke"]
    k.refresh_from_db()
    k.penempatan.refresh_from_db()
    assert k.nomor_sk == k.penempatan.nomor_sk == kedua.perubahan["nomor_sk"]["ke"]


def test_annulling_while_another_officer_corrects(petugas):
    a, b = petugas
    k = catat(a)
    results = race(
        lambda: keputusan_cancel(keputusan=k, alasan="Batal.", oleh=a, pada=PADA),
        lambda: keputusan_correct(keputusan=k, alasan="Koreksi.", oleh=b, nomor_sk="800/K/2026"),
    )
    assert results[0] == "ok"
    k.refresh_from_db()
    assert k.batal
    if results[1] == "ok":  # the correction went first: recorded, then annulled
        assert KoreksiKeputusan.objects.filter(keputusan=k).count() == 1
        assert k.nomor_sk == "800/K/2026"
    else:  # the annulment went first: the correction is refused, nothing recorded
        assert "tidak dapat dikoreksi" in str(results[1].message_dict)
        assert not KoreksiKeputusan.objects.filter(keputusan=k).exists()
        assert k.nomor_sk == "800/1/2026"


def test_annulling_while_another_officer_records_a_replacing_decision(petugas):
    from tests.jabatan.bantu import PADA as PADA_MERIT
    from tests.jabatan.bantu import buat_calon

    a, b = petugas
    formasi = FormasiFactory(kuota=1)
    x, y = buat_calon(formasi.unit_kerja), buat_calon(formasi.unit_kerja)
    usulan_set(formasi=formasi, pegawai_ids=[x.pk], pada=PADA_MERIT, oleh=a)
    pertama = keputusan_create(
        formasi=formasi,
        pegawai=x,
        nomor_sk="SK/1",
        tanggal_sk=PADA_MERIT,
        tmt=PADA_MERIT,
        metode="talent_pool",
        justifikasi="uji",
        oleh=a,
    )
    tmt = PADA_MERIT + dt.timedelta(days=10)
    results = race(
        lambda: keputusan_cancel(keputusan=pertama, alasan="Batal.", oleh=a, pada=tmt),
        lambda: keputusan_create(
            formasi=formasi,
            pegawai=y,
            nomor_sk="SK/2",
            tanggal_sk=tmt,
            tmt=tmt,
            metode="talent_pool",
            justifikasi="pengganti",
            oleh=b,
            membatalkan=pertama,
            alasan_pembatalan="Diganti.",
        ),
    )
    _ditolak(results, "sudah dibatalkan")
    pertama.refresh_from_db()
    assert pertama.batal
    jumlah = Keputusan.objects.filter(formasi=formasi).count()
    assert jumlah == (2 if results[1] == "ok" else 1)
    assert Formasi.objects.get(pk=formasi.pk).jumlah_terisi == (1 if results[1] == "ok" else 0)
