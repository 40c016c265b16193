"""Changing an opened selection (publik.services): editing before its announcement,
rescheduling with a reason, cancelling with a reason. Every change is audited as the acting
officer, kept in the selection's history, refused with a field-named message when it breaks a
rule, and written whole or not at all."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from publik.models import URUTAN_TAHAP, JenisTahap, Pelamar, PerubahanSeleksi, Seleksi, Tahap
from publik.services import (
    seleksi_apply,
    seleksi_cancel,
    seleksi_propose,
    seleksi_reschedule,
    seleksi_update,
    tahap_announce,
    tahap_record_hasil,
)
from tests.publik.bantu import PANITIA, buka, isi_dari, jadwal_dari

pytestmark = pytest.mark.django_db
HARI = dt.timedelta(days=1)


def isi(seleksi: Seleksi, **ubah) -> dict:
    """The arguments of seleksi_update that keep everything as it is, changed by `ubah`."""
    return isi_dari(
        {
            "seleksi": seleksi,
            "judul": seleksi.judul,
            "nomor_pengumuman": seleksi.nomor_pengumuman,
            "formasi": list(seleksi.formasi.all()),
            "panitia": [(a.nama, a.peran) for a in seleksi.panitia.all()],
            "tahap": {t.jenis: (t.mulai, t.selesai) for t in seleksi.tahap.all()},
            **ubah,
        }
    )


def jejak(obj) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("pk"))


def tahap(seleksi: Seleksi, jenis: str) -> Tahap:
    return seleksi.tahap.get(jenis=jenis)


# --- Editing before the announcement ---


def test_it_edits_a_selection_before_its_announcement_and_audits_it(jpt, hr_user):
    hari_ini = dt.date(2026, 9, 1)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(hari_ini + 10 * HARI))
    jadwal = jadwal_dari(hari_ini + 14 * HARI)
    # The committee puts rekam jejak first among the competence stages: it takes the first slot.
    slot = [jadwal["kompetensi"], jadwal["wawancara"], jadwal["rekam_jejak"]]
    jadwal["rekam_jejak"], jadwal["kompetensi"], jadwal["wawancara"] = slot
    perubahan = seleksi_update(
        **isi(
            seleksi,
            judul="Seleksi Terbuka Kepala Dinas Kominfo 2026",
            tahap=jadwal,
            urutan={"rekam_jejak": 1, "kompetensi": 2, "wawancara": 3},
            panitia=[*PANITIA[:4], ("Prof. Akademisi", "ketua")],
        ),
        pada=hari_ini,
        oleh=hr_user,
    )
    seleksi.refresh_from_db()
    assert seleksi.judul == "Seleksi Terbuka Kepala Dinas Kominfo 2026"
    assert [t.jenis for t in seleksi.tahap.order_by("urutan")] == [
        "pengumuman",
        "pendaftaran",
        "administrasi",
        "rekam_jejak",
        "kompetensi",
        "wawancara",
    ]
    assert tahap(seleksi, "pengumuman").mulai == hari_ini + 14 * HARI
    assert seleksi.panitia.filter(nama="Prof. Akademisi").exists()
    assert perubahan.jenis == "ubah" and set(perubahan.rincian) == {"judul", "panitia", "tahap"}
    assert perubahan.oleh == hr_user and perubahan.tanggal == hari_ini
    # Audited as the officer: the selection's title, each stage moved, the history row.
    ubah_judul = [e for e in jejak(seleksi) if "judul" in e.changes_dict]
    assert ubah_judul and ubah_judul[-1].actor == hr_user
    assert jejak(tahap(seleksi, "pengumuman"))[-1].actor == hr_user
    assert jejak(perubahan)[0].actor == hr_user


def test_an_edit_that_changes_nothing_writes_no_history(jpt, hr_user):
    hari_ini = dt.date(2026, 9, 1)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(hari_ini + 10 * HARI))
    assert seleksi_update(**isi(seleksi), pada=hari_ini, oleh=hr_user) is None
    assert not PerubahanSeleksi.objects.exists()


@pytest.mark.parametrize("hari", [0, 3], ids=["its-first-day", "after"])
def test_editing_after_the_announcement_is_refused(jpt, hr_user, hari):
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    with pytest.raises(ValidationError) as exc:
        seleksi_update(**isi(seleksi, judul="Judul lain"), pada=umum + hari * HARI, oleh=hr_user)
    assert "sudah diumumkan" in exc.value.message_dict["seleksi"][0]
    assert Seleksi.objects.get().judul == seleksi.judul and not PerubahanSeleksi.objects.exists()


def test_editing_is_refused_once_a_stage_announcement_is_out(jpt, hr_user):
    """An announcement published early (the stage's own date, before the schedule says the
    selection is public) fixes what it announced too."""
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    tahap_announce(tahap=tahap(seleksi, "pengumuman"), pada=umum, oleh=hr_user)
    with pytest.raises(ValidationError, match="sudah diumumkan"):
        seleksi_update(**isi(seleksi, judul="Judul lain"), pada=umum - 5 * HARI, oleh=hr_user)


@pytest.mark.parametrize(
    ("ubah", "field", "kata"),
    [
        ({"judul": "  "}, "judul", "Judul wajib diisi"),
        ({"panitia": PANITIA[:4]}, "panitia", "ganjil"),
        ({"formasi": []}, "formasi", "sedikitnya satu formasi"),
        (
            {"tahap": jadwal_dari(dt.date(2026, 8, 20))},
            "tahap_pengumuman",
            "tidak dapat diumumkan mundur",
        ),
        (
            {
                "tahap": {
                    **jadwal_dari(dt.date(2026, 9, 10)),
                    "pendaftaran": (dt.date(2026, 9, 15), dt.date(2026, 9, 18)),
                }
            },
            "tahap_pengumuman",
            "paling singkat 15 hari",
        ),
        (
            {
                "tahap": {
                    **jadwal_dari(dt.date(2026, 9, 10)),
                    "wawancara": (dt.date(2026, 10, 1), dt.date(2026, 10, 2)),
                }
            },
            "tahap_wawancara",
            "sebelum tahap Asesmen kompetensi selesai",
        ),
    ],
    ids=["no-title", "even-committee", "no-post", "backdated", "short-announcement", "order"],
)
def test_a_bad_edit_names_the_field_and_writes_nothing(jpt, hr_user, ubah, field, kata):
    hari_ini = dt.date(2026, 9, 1)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    sebelum = LogEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        seleksi_update(
            **isi(seleksi, **{"judul": "Judul baru", **ubah}), pada=hari_ini, oleh=hr_user
        )
    assert kata in " ".join(exc.value.message_dict[field])
    seleksi.refresh_from_db()
    assert seleksi.judul != "Judul baru" and tahap(seleksi, "pengumuman").mulai == dt.date(
        2026, 9, 10
    )
    assert LogEntry.objects.count() == sebelum and not PerubahanSeleksi.objects.exists()


# --- Rescheduling with a reason ---


def test_it_reschedules_with_a_reason_keeping_old_and_new_dates(jpt, hr_user):
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    hari_ini = umum + 8 * HARI  # registration runs
    jadwal = jadwal_dari(umum)
    baru = {
        j: (a + 7 * HARI, b + 7 * HARI)
        for j, (a, b) in jadwal.items()
        if j not in ("pengumuman", "pendaftaran")
    }
    baru["pendaftaran"] = (jadwal["pendaftaran"][0], jadwal["pendaftaran"][1] + 7 * HARI)
    perubahan = seleksi_reschedule(
        seleksi=seleksi,
        tahap=baru,
        alasan="  Pendaftar masih sedikit  ",
        pada=hari_ini,
        oleh=hr_user,
    )
    assert perubahan.jenis == "jadwal" and perubahan.alasan == "Pendaftar masih sedikit"
    assert perubahan.rincian[0] == {
        "jenis": "pendaftaran",
        "lama": ["2026-09-15", "2026-09-29"],
        "baru": ["2026-09-15", "2026-10-06"],
    }
    assert [r["jenis"] for r in perubahan.rincian] == ["pendaftaran", *URUTAN_TAHAP[2:]]
    assert tahap(seleksi, "pendaftaran").selesai == dt.date(2026, 10, 6)
    entri = jejak(tahap(seleksi, "pendaftaran"))[-1]
    assert entri.actor == hr_user and "selesai" in entri.changes_dict
    assert jejak(perubahan)[0].actor == hr_user


@pytest.mark.parametrize(
    ("geser", "hari", "field", "kata"),
    [
        (
            {"pengumuman": (dt.date(2026, 9, 11), dt.date(2026, 9, 14))},
            8,
            "tahap_pengumuman",
            "sudah dimulai 10 September 2026",
        ),
        (
            {"pengumuman": (dt.date(2026, 9, 10), dt.date(2026, 9, 13))},
            8,
            "tahap_pengumuman",
            "sudah selesai 14 September 2026",
        ),
        (
            {"pendaftaran": (dt.date(2026, 9, 15), dt.date(2026, 9, 17))},
            8,
            "tahap_pendaftaran",
            "tanggal selesai baru 17 September 2026 sudah lewat",
        ),
        (
            {"administrasi": (dt.date(2026, 9, 17), dt.date(2026, 10, 5))},
            8,
            "tahap_administrasi",
            "tanggal mulai baru 17 September 2026 sudah lewat",
        ),
        (
            {"administrasi": (dt.date(2026, 9, 25), dt.date(2026, 10, 5))},
            1,
            "tahap_administrasi",
            "sebelum tahap Pendaftaran selesai",
        ),
        (
            {"pendaftaran": (dt.date(2026, 9, 15), dt.date(2026, 9, 20))},
            1,
            "tahap_pengumuman",
            "paling singkat 15 hari",
        ),
        (
            {"kompetensi": (dt.date(2026, 10, 30), dt.date(2026, 10, 20))},
            1,
            "tahap_kompetensi",
            "tanggal mulai 30 Oktober 2026 sesudah tanggal selesai",
        ),
        (
            {"seleksi_lain": (dt.date(2026, 9, 15), dt.date(2026, 9, 29))},
            1,
            "tahap",
            "tidak dikenal",
        ),
    ],
    ids=[
        "started-start",
        "ended-end",
        "end-in-past",
        "start-in-past",
        "order",
        "announcement-minimum",
        "reversed",
        "unknown-stage",
    ],
)
def test_a_reschedule_breaking_a_rule_names_it_and_writes_nothing(
    jpt, hr_user, geser, hari, field, kata
):
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    sebelum = {t.jenis: (t.mulai, t.selesai) for t in seleksi.tahap.all()}
    # A valid move alongside: it is not written either.
    sah = {"rekam_jejak": (dt.date(2026, 10, 30), dt.date(2026, 11, 30))}
    with pytest.raises(ValidationError) as exc:
        seleksi_reschedule(
            seleksi=seleksi,
            tahap={**sah, **geser},
            alasan="Alasan",
            pada=umum + hari * HARI,
            oleh=hr_user,
        )
    assert kata in " ".join(exc.value.message_dict[field]), exc.value.message_dict
    assert {t.jenis: (t.mulai, t.selesai) for t in seleksi.tahap.all()} == sebelum
    assert not PerubahanSeleksi.objects.exists()


def test_a_stage_already_announced_keeps_its_dates(jpt, hr_user):
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    tahap_announce(tahap=tahap(seleksi, "pengumuman"), pada=umum, oleh=hr_user)
    with pytest.raises(ValidationError, match="sudah diumumkan pada 10 September 2026"):
        seleksi_reschedule(
            seleksi=seleksi,
            tahap={"pengumuman": (umum, umum + 6 * HARI)},
            alasan="x",
            pada=umum + HARI,
            oleh=hr_user,
        )


@pytest.mark.parametrize("alasan", ["", "   \n "])
def test_a_reschedule_without_a_reason_is_refused(jpt, hr_user, alasan):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    with pytest.raises(ValidationError) as exc:
        seleksi_reschedule(
            seleksi=seleksi,
            tahap={"rekam_jejak": (dt.date(2026, 10, 30), dt.date(2026, 11, 30))},
            alasan=alasan,
            pada=dt.date(2026, 9, 1),
            oleh=hr_user,
        )
    assert "alasan" in exc.value.message_dict
    assert tahap(seleksi, "rekam_jejak").selesai != dt.date(2026, 11, 30)


# --- Cancelling with a reason ---


def test_it_cancels_with_a_reason_and_nothing_follows(jpt, hr_user):
    umum = dt.date(2026, 9, 10)
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(umum))
    pelamar = seleksi_apply(
        seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][0], pada=umum + 6 * HARI
    )
    perubahan = seleksi_cancel(
        seleksi=seleksi,
        alasan="Jabatan dirampingkan (Perda 4/2026)",
        pada=umum + 8 * HARI,
        oleh=hr_user,
    )
    seleksi.refresh_from_db()
    assert seleksi.dibatalkan_pada == umum + 8 * HARI and seleksi.alasan_pembatalan.startswith(
        "Jabatan dirampingkan"
    )
    assert Seleksi.objects.filter(pk=seleksi.pk).exists()  # kept, never deleted
    assert perubahan.jenis == "batal" and jejak(perubahan)[0].actor == hr_user
    entri = [e for e in jejak(seleksi) if "dibatalkan_pada" in e.changes_dict]
    assert entri and entri[0].actor == hr_user
    pesan = "dibatalkan pada 18 September 2026: Jabatan dirampingkan"
    adm = tahap(seleksi, "administrasi")
    for langkah in (
        lambda: seleksi_cancel(seleksi=seleksi, alasan="lagi", pada=umum + 9 * HARI, oleh=hr_user),
        lambda: seleksi_reschedule(
            seleksi=seleksi,
            tahap={"rekam_jejak": (dt.date(2026, 10, 30), dt.date(2026, 11, 30))},
            alasan="x",
            pada=umum + 9 * HARI,
            oleh=hr_user,
        ),
        lambda: seleksi_update(**isi(seleksi, judul="Lain"), pada=umum - HARI, oleh=hr_user),
        lambda: seleksi_apply(
            seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][1], pada=umum + 9 * HARI
        ),
        lambda: tahap_record_hasil(
            tahap=adm, hasil={pelamar.pk: (True, None)}, pada=adm.mulai, oleh=hr_user
        ),
        lambda: tahap_announce(
            tahap=tahap(seleksi, "pendaftaran"), pada=umum + 9 * HARI, oleh=hr_user
        ),
        lambda: seleksi_propose(seleksi=seleksi, pada=umum + 9 * HARI, oleh=hr_user),
    ):
        with pytest.raises(ValidationError) as exc:
            langkah()
        assert pesan in " ".join(exc.value.messages), exc.value.messages
    assert PerubahanSeleksi.objects.count() == 1 and Pelamar.objects.count() == 1
    assert not adm.hasil.exists()


@pytest.mark.parametrize("alasan", ["", "  "])
def test_cancelling_without_a_reason_is_refused(jpt, hr_user, alasan):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    with pytest.raises(ValidationError) as exc:
        seleksi_cancel(seleksi=seleksi, alasan=alasan, pada=dt.date(2026, 9, 12), oleh=hr_user)
    assert "alasan pembatalan" in exc.value.message_dict["alasan"][0]
    assert Seleksi.objects.get().dibatalkan_pada is None


def test_a_failed_write_leaves_the_selection_uncancelled(jpt, hr_user):
    """The cancellation's two rows go together: when the history row cannot be written (here
    the database's one-cancellation rule, tripped by a row written behind the service's back),
    the selection is not left marked cancelled."""
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    PerubahanSeleksi.objects.create(
        seleksi=seleksi, jenis="batal", tanggal=dt.date(2026, 9, 11), alasan="x", oleh=hr_user
    )
    with pytest.raises(IntegrityError, match="perubahan_satu_pembatalan"):
        seleksi_cancel(seleksi=seleksi, alasan="Alasan", pada=dt.date(2026, 9, 12), oleh=hr_user)
    assert Seleksi.objects.get().dibatalkan_pada is None


def test_the_database_refuses_a_cancellation_without_a_reason(jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    with pytest.raises(IntegrityError, match="seleksi_alasan_bila_dibatalkan"):
        Seleksi.objects.filter(pk=seleksi.pk).update(dibatalkan_pada=dt.date(2026, 9, 12))


def test_only_hr_changes_a_selection(jpt, hr_user):
    from django.contrib.auth.models import User

    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    orang = User.objects.create_user("bukan-hr")
    for langkah in (
        lambda: seleksi_cancel(seleksi=seleksi, alasan="x", pada=dt.date(2026, 9, 12), oleh=orang),
        lambda: seleksi_reschedule(
            seleksi=seleksi, tahap={}, alasan="x", pada=dt.date(2026, 9, 12), oleh=orang
        ),
        lambda: seleksi_update(**isi(seleksi), pada=dt.date(2026, 9, 1), oleh=orang),
    ):
        with pytest.raises(ValidationError, match="Hanya BKPSDM"):
            langkah()
    assert not PerubahanSeleksi.objects.exists()


def test_a_reschedule_that_moves_nothing_is_refused(jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    with pytest.raises(ValidationError, match="Tidak ada tanggal yang berubah"):
        seleksi_reschedule(
            seleksi=seleksi,
            tahap={"pendaftaran": (dt.date(2026, 9, 15), dt.date(2026, 9, 29))},
            alasan="x",
            pada=dt.date(2026, 9, 11),
            oleh=hr_user,
        )


def test_the_public_status_of_a_cancelled_selection(jpt, hr_user):
    from publik.selectors import keadaan_seleksi

    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(dt.date(2026, 9, 10)))
    seleksi_cancel(
        seleksi=seleksi, alasan="Anggaran dialihkan", pada=dt.date(2026, 9, 12), oleh=hr_user
    )
    seleksi.refresh_from_db()
    k = keadaan_seleksi(seleksi, pada=timezone.localdate())
    assert k.dibatalkan and k.status == "Dibatalkan pada 12 September 2026: Anggaran dialihkan"
    assert JenisTahap.PENGUMUMAN  # the stages stay as they were
    assert seleksi.tahap.count() == 6
