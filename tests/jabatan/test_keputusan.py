"""Proposing candidates and recording the appointing official's decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from jabatan.models import Formasi, Keputusan, Penempatan, Usulan
from jabatan.services import usulan_set
from tests.jabatan.bantu import PADA, putuskan

pytestmark = pytest.mark.django_db


def test_only_up_to_three_eligible_candidates_are_proposed(lowongan):
    lw = lowongan
    with pytest.raises(ValidationError) as exc:
        usulan_set(
            formasi=lw["formasi"], pegawai_ids=[lw["tidak_layak"].pk], pada=PADA, oleh=lw["hr"]
        )
    assert "memenuhi syarat" in exc.value.message_dict["pegawai"][0]
    ids = [lw["terbaik"].pk, lw["kedua"].pk]
    usulan = usulan_set(formasi=lw["formasi"], pegawai_ids=ids, pada=PADA, oleh=lw["hr"])
    assert [u.peringkat for u in usulan] == [1, 2]
    with pytest.raises(ValidationError):
        usulan_set(formasi=lw["formasi"], pegawai_ids=[1, 2, 3, 4], pada=PADA, oleh=lw["hr"])


def test_a_decision_for_someone_not_first_needs_a_justification_and_writes_nothing(lowongan):
    lw = lowongan
    usulan_set(
        formasi=lw["formasi"],
        pegawai_ids=[lw["terbaik"].pk, lw["kedua"].pk],
        pada=PADA,
        oleh=lw["hr"],
    )
    sebelum = Penempatan.objects.count()
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["kedua"])
    assert "peringkat 2" in exc.value.message_dict["justifikasi"][0]
    assert Penempatan.objects.count() == sebelum and not Keputusan.objects.exists()
    keputusan = putuskan(lw, lw["kedua"], justifikasi="Pengalaman lapangan sumber daya air")
    assert keputusan.peringkat_terpilih == 2


def test_a_decision_places_the_appointee_frees_their_old_post_and_freezes_the_ranking(lowongan):
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["terbaik"].pk], pada=PADA, oleh=lw["hr"])
    lama = Penempatan.objects.get(pegawai=lw["terbaik"], tmt_selesai__isnull=True)
    keputusan = putuskan(lw, lw["terbaik"])
    lama.refresh_from_db()
    assert lama.tmt_selesai == PADA - dt.timedelta(days=1)
    assert Formasi.objects.get(pk=lama.formasi_id).jumlah_terisi == 0  # now a vacancy
    assert Formasi.objects.get(pk=lw["formasi"].pk).jumlah_terisi == 1
    snap = keputusan.snapshot
    assert snap["aturan_versi"] == keputusan.aturan_versi
    assert snap["terpilih"]["pegawai_id"] == lw["terbaik"].pk and snap["terpilih"]["peringkat"] == 1
    assert snap["bobot"]["kinerja"] == 25 and snap["alasan"]["KINERJA"] >= 1
    # The relevance is frozen with it: the requirement's source and each row's words.
    assert "sumber_relevansi" in snap["syarat"] and "urusan" in snap["syarat"]
    assert all(b["keterangan"] for b in snap["teratas"])
    assert not Usulan.objects.filter(aktif=True).exists()


def test_an_appointee_who_was_not_proposed_is_refused(lowongan):
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["terbaik"].pk], pada=PADA, oleh=lw["hr"])
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["kedua"], justifikasi="x")
    assert "diusulkan" in exc.value.message_dict["pegawai"][0]


def test_a_filled_post_takes_no_second_decision_but_a_later_one_can_annul(lowongan):
    lw = lowongan
    usulan_set(
        formasi=lw["formasi"],
        pegawai_ids=[lw["terbaik"].pk, lw["kedua"].pk],
        pada=PADA,
        oleh=lw["hr"],
    )
    pertama = putuskan(lw, lw["terbaik"])
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["kedua"], justifikasi="x")
    assert "sudah terisi" in exc.value.message_dict["formasi"][0]
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["kedua"], justifikasi="x", membatalkan=pertama)
    assert "alasan_pembatalan" in exc.value.message_dict
    kedua = putuskan(
        lw,
        lw["kedua"],
        justifikasi="Yang pertama mengundurkan diri",
        membatalkan=pertama,
        alasan_pembatalan="Mengundurkan diri dari jabatan",
        tmt=PADA + dt.timedelta(days=30),
    )
    pertama.penempatan.refresh_from_db()
    assert pertama.penempatan.tmt_selesai == PADA + dt.timedelta(days=29)
    assert kedua.membatalkan == pertama
    # The annulment is the annulled decision's: its day and reason (keputusan_cancel's).
    pertama.refresh_from_db()
    assert (pertama.dibatalkan_pada, pertama.alasan_pembatalan) == (
        kedua.tanggal_sk,
        "Mengundurkan diri dari jabatan",
    )
    assert User.objects.filter(pk=lw["hr"].pk).exists()
