"""Correcting and annulling a recorded decision (jabatan.services.koreksi): the decision, its
placement, the correction record, the audit trail and the public page move together, or not at
all; the frozen ranking never moves."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import DataError
from django.test import Client
from django.urls import reverse

from jabatan.models import Formasi, Keputusan, KoreksiKeputusan, Penempatan
from jabatan.services import (
    keputusan_cancel,
    keputusan_correct,
    keputusan_create,
    usulan_set,
)
from tests.jabatan.bantu import PADA, SNAPSHOT, catat, putuskan

pytestmark = pytest.mark.django_db


def _publik(k: Keputusan) -> str:
    url = reverse("publik:keputusan_detail", kwargs={"keputusan_id": k.pk})
    return Client().get(url).content.decode()


def _keadaan(k: Keputusan) -> tuple:
    """Everything a correction or annulment may touch, to compare before and after."""
    k = Keputusan.objects.select_related("penempatan").get(pk=k.pk)
    p = k.penempatan
    lain = list(
        Penempatan.objects.filter(pegawai=k.pegawai)
        .order_by("pk")
        .values_list("pk", "tmt_mulai", "tmt_selesai", "nomor_sk", "tanggal_sk", "keterangan")
    )
    return (
        (k.nomor_sk, k.tanggal_sk, k.tmt, k.metode, k.ringkasan_publik, k.snapshot),
        (k.dibatalkan_pada, k.alasan_pembatalan),
        (p.tmt_mulai, p.tmt_selesai, p.nomor_sk, p.tanggal_sk, p.keterangan),
        lain,
        Formasi.objects.get(pk=k.formasi_id).jumlah_terisi,
        KoreksiKeputusan.objects.filter(keputusan=k).count(),
        LogEntry.objects.count(),
    )


def test_it_corrects_the_particulars_and_the_placement_and_keeps_the_ranking(hr_user):
    k = catat(hr_user)
    baru = dt.date(2026, 3, 16)
    koreksi = keputusan_correct(
        keputusan=k,
        alasan="Salah ketik pada SK.",
        oleh=hr_user,
        nomor_sk=" 800/11/2026 ",
        tmt=baru,
        tanggal_sk=dt.date(2026, 3, 10),
        metode="rotasi_mutasi",
        ringkasan_publik="Peringkat pertama dari kandidat yang memenuhi syarat.",
    )
    k.refresh_from_db()
    assert (k.nomor_sk, k.tmt, k.metode) == ("800/11/2026", baru, "rotasi_mutasi")
    assert k.snapshot == SNAPSHOT  # the frozen ranking is never corrected
    p = k.penempatan
    p.refresh_from_db()
    assert (p.nomor_sk, p.tanggal_sk, p.tmt_mulai) == ("800/11/2026", dt.date(2026, 3, 10), baru)
    assert p.keterangan == "Rotasi/mutasi"
    # The appointee's previous post, ended by this decision, ends the day before the new TMT.
    lama = Penempatan.objects.get(
        pegawai=k.pegawai, formasi__in=Formasi.objects.exclude(pk=k.formasi_id)
    )
    assert lama.tmt_selesai == dt.date(2026, 3, 15)
    assert koreksi.oleh == hr_user and koreksi.alasan == "Salah ketik pada SK."
    assert koreksi.perubahan["nomor_sk"] == {"dari": "800/1/2026", "ke": "800/11/2026"}
    assert koreksi.perubahan["tmt"] == {"dari": "2026-03-02", "ke": "2026-03-16"}
    assert set(koreksi.perubahan) == {"nomor_sk", "tmt", "tanggal_sk", "metode", "ringkasan_publik"}
    # Audit rows for the decision, its placement and the record, by the acting user.
    for obj in (k, p, koreksi, lama):
        entry = LogEntry.objects.get_for_object(obj).first()
        assert entry is not None and entry.actor == hr_user, obj
    html = _publik(k)
    assert "800/11/2026" in html and "Dikoreksi pada" in html
    assert "nomor SK" in html and "TMT jabatan" in html
    assert "Salah ketik" not in html  # the reason stays with HR


def test_a_correction_that_fails_midway_leaves_nothing_changed(hr_user):
    k = catat(hr_user)
    halaman = _publik(k)
    sebelum = _keadaan(k)
    # PostgreSQL refuses a NUL in text: the record, written last, fails after the placement and
    # the decision were saved.
    with pytest.raises(DataError):
        keputusan_correct(
            keputusan=k,
            alasan="Salah ketik\x00",
            oleh=hr_user,
            nomor_sk="800/12/2026",
            tmt=dt.date(2026, 3, 9),
        )
    assert _keadaan(k) == sebelum
    assert _publik(k) == halaman


def test_it_annuls_a_decision_the_post_falls_vacant_and_the_old_post_stays_ended(hr_user):
    k = catat(hr_user)
    formasi = Formasi.objects.get(pk=k.formasi_id)
    assert formasi.jumlah_terisi == 1
    keputusan_cancel(
        keputusan=k, alasan="SK untuk orang yang salah.", oleh=hr_user, pada=dt.date(2026, 4, 1)
    )
    k.refresh_from_db()
    assert (k.dibatalkan_pada, k.alasan_pembatalan) == (
        dt.date(2026, 4, 1),
        "SK untuk orang yang salah.",
    )
    assert k.snapshot == SNAPSHOT
    k.penempatan.refresh_from_db()
    assert k.penempatan.tmt_selesai == dt.date(2026, 3, 31)
    assert "dibatalkan" in k.penempatan.keterangan
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 0
    # Not silently restored: the previous post stays ended, the employee holds no post.
    assert not Penempatan.objects.aktif().filter(pegawai=k.pegawai).exists()
    assert LogEntry.objects.get_for_object(k).first().actor == hr_user
    html = _publik(k)
    assert "dibatalkan pada 1 April 2026" in html and "SK untuk orang yang salah." in html


def test_an_annulment_before_the_tmt_ends_the_placement_on_its_first_day(hr_user):
    k = catat(hr_user, tmt=dt.date(2026, 5, 4))
    keputusan_cancel(keputusan=k, alasan="Ditunda.", oleh=hr_user, pada=dt.date(2026, 4, 1))
    k.penempatan.refresh_from_db()
    assert k.penempatan.tmt_selesai == dt.date(2026, 5, 4)


@pytest.mark.parametrize("alasan", ["", "   "])
def test_it_refuses_an_empty_reason(hr_user, alasan):
    k = catat(hr_user)
    sebelum = _keadaan(k)
    with pytest.raises(ValidationError) as exc:
        keputusan_cancel(keputusan=k, alasan=alasan, oleh=hr_user)
    assert exc.value.message_dict["alasan"] == ["Alasan pembatalan wajib diisi."]
    with pytest.raises(ValidationError) as exc:
        keputusan_correct(keputusan=k, alasan=alasan, oleh=hr_user, nomor_sk="800/2/2026")
    assert exc.value.message_dict["alasan"] == ["Alasan koreksi wajib diisi."]
    assert _keadaan(k) == sebelum


def test_it_refuses_annulling_twice_and_correcting_an_annulled_decision(hr_user):
    k = catat(hr_user)
    keputusan_cancel(keputusan=k, alasan="Salah orang.", oleh=hr_user, pada=dt.date(2026, 4, 1))
    sebelum = _keadaan(k)
    with pytest.raises(ValidationError) as exc:
        keputusan_cancel(keputusan=k, alasan="Lagi.", oleh=hr_user)
    assert "sudah dibatalkan pada 1 April 2026" in exc.value.message_dict["keputusan"][0]
    with pytest.raises(ValidationError) as exc:
        keputusan_correct(keputusan=k, alasan="Salah ketik.", oleh=hr_user, nomor_sk="X/1")
    assert "tidak dapat dikoreksi" in exc.value.message_dict["keputusan"][0]
    assert _keadaan(k) == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({}, "__all__", "Tidak ada yang berubah"),
        ({"nomor_sk": "800/1/2026"}, "__all__", "Tidak ada yang berubah"),
        ({"nomor_sk": "  "}, "nomor_sk", "Nomor SK wajib diisi."),
        ({"metode": "undian"}, "metode", "tidak dikenal"),
        ({"metode": "seleksi_terbuka"}, "metode", "Seleksi terbuka"),
        ({"ringkasan_publik": "x" * 281}, "ringkasan_publik", "280"),
        # Not on or before the first day of the previous post (2020-01-02).
        ({"tmt": dt.date(2020, 1, 2)}, "tmt", "TMT jabatan sebelumnya"),
    ],
)
def test_it_refuses_a_bad_correction_with_the_field_named(hr_user, ubah, field, pesan):
    k = catat(hr_user)
    sebelum = _keadaan(k)
    with pytest.raises(ValidationError) as exc:
        keputusan_correct(keputusan=k, alasan="Perbaikan.", oleh=hr_user, **ubah)
    assert pesan in " ".join(exc.value.message_dict[field])
    assert _keadaan(k) == sebelum


def test_a_tmt_past_the_end_of_an_ended_placement_is_refused(hr_user):
    k = catat(hr_user)
    k.penempatan.tmt_selesai = dt.date(2026, 6, 30)
    k.penempatan.save()
    with pytest.raises(ValidationError) as exc:
        keputusan_correct(keputusan=k, alasan="x", oleh=hr_user, tmt=dt.date(2026, 7, 1))
    assert "berakhir" in exc.value.message_dict["tmt"][0]


def test_a_later_decision_that_fails_leaves_the_earlier_one_in_force(lowongan):
    """keputusan_create(membatalkan=...) annuls first, then records: a refusal after the
    annulment (the new appointee not eligible) undoes the annulment too."""
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["terbaik"].pk], pada=PADA, oleh=lw["hr"])
    pertama = putuskan(lw, lw["terbaik"])
    sebelum = _keadaan(pertama)
    with pytest.raises(ValidationError) as exc:
        putuskan(
            lw,
            lw["tidak_layak"],
            justifikasi="x",
            membatalkan=pertama,
            alasan_pembatalan="Mengundurkan diri.",
            tmt=PADA + dt.timedelta(days=30),
        )
    assert "tidak memenuhi syarat" in exc.value.message_dict["pegawai"][0]
    assert _keadaan(pertama) == sebelum
    assert not Keputusan.objects.get(pk=pertama.pk).batal


def test_a_decision_by_open_selection_must_name_its_selection(lowongan):
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["terbaik"].pk], pada=PADA, oleh=lw["hr"])
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["terbaik"], metode="seleksi_terbuka")
    assert "pilih seleksi terbuka asal" in exc.value.message_dict["seleksi"][0]
    with pytest.raises(ValidationError) as exc:
        putuskan(lw, lw["terbaik"], seleksi_id=1)
    assert "hanya untuk metode Seleksi terbuka" in exc.value.message_dict["seleksi"][0]
    assert not Keputusan.objects.exists()
    assert not Penempatan.objects.filter(formasi=lw["formasi"]).exists()


def test_keputusan_create_is_the_only_path_and_annuls_in_place(lowongan):
    """The replacing decision and the standalone annulment write the same state."""
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["terbaik"].pk], pada=PADA, oleh=lw["hr"])
    pertama = putuskan(lw, lw["terbaik"])
    keputusan_create(
        formasi=lw["formasi"],
        pegawai=lw["kedua"],
        nomor_sk="821/2",
        tanggal_sk=PADA,
        tmt=PADA + dt.timedelta(days=5),
        metode="talent_pool",
        justifikasi="Pengganti.",
        oleh=lw["hr"],
        membatalkan=pertama,
        alasan_pembatalan="Mengundurkan diri.",
    )
    pertama.refresh_from_db()
    assert pertama.batal and pertama.alasan_pembatalan == "Mengundurkan diri."
    assert "dibatalkan pada" in _publik(pertama)
