"""Signal receivers: keep rows current on every save of what the projection reads, and the
`ditunda` context for bulk work (one rebuild at the end)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_save

from jabatan.indeks import tulis
from jabatan.indeks.tulis import segarkan
from jabatan.models import IndeksMerit, Jabatan, Penempatan
from kinerja.models import Periode, Skp
from pegawai.kompetensi import KODE
from pegawai.models import HasilAsesmen, HukumanDisiplin, Pegawai, UnitKerja
from pelatihan.models import PelatihanEksternal, Peserta, Program, Sesi

_lokal = threading.local()


@contextmanager
def ditunda(hanya: Callable[[], Collection[int]] | None = None) -> Iterator[None]:
    """Bulk work (the demo seed, imports): no per-row refresh inside, one rebuild at the end:
    of every row, or of the employees `hanya()` returns then (an import knows whom it touched;
    nothing touched, nothing rebuilt). A large share of the table is rebuilt whole (faster)."""
    _lokal.tunda = getattr(_lokal, "tunda", 0) + 1
    try:
        yield
    finally:
        _lokal.tunda -= 1
    if hanya is None:
        segarkan()
        return
    ids = hanya()
    if len(ids) > tulis.BATCH:  # read at call time (tests lower it)
        segarkan()
    elif ids:
        segarkan(ids)


def _aktif(raw: bool) -> bool:
    # raw: loaddata; rebuild with `manage.py indeks_merit` afterwards.
    return not raw and not getattr(_lokal, "tunda", 0)


# The fields each model lends the projection: a save that names only others changes nothing here
# (the placement service's save of the employee's unit, an evaluator's change on an SKP).
DIBACA = {
    Pegawai: {
        "nip",
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "jenis_kelamin",
        "tanggal_lahir",
        "status",
        "kedudukan",
        "kedudukan_hukum",
        "golongan",
        "tmt_golongan",
        "tmt_cpns",
        "tmt_pppk",
        "pendidikan",
        "bidang_studi",
    },
    Skp: {"pegawai", "periode", "status", "predikat"},
    HukumanDisiplin: {"pegawai", "jenis", "tmt_mulai", "tmt_selesai"},
    HasilAsesmen: {"pegawai", "tanggal", "jpm", *KODE},
    Penempatan: {"pegawai", "formasi", "jenis", "tmt_mulai", "tmt_selesai"},
    # JP and leadership training (jabatan.merit.pengembangan).
    Peserta: {"pegawai", "sesi", "status", "jp_diakui", "tahun_jp"},
    PelatihanEksternal: {"pegawai", "status", "jumlah_jp", "tahun_jp", "pelatihan_wajib"},
}


def _pemilik_lama(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """A record moved from one employee to another in the admin: remember the first, whose row
    needs rebuilding too (pre_save of the records that belong to an employee)."""
    if instance.pk and _aktif(raw) and (update_fields is None or "pegawai" in update_fields):
        lama = sender.objects.filter(pk=instance.pk).values_list("pegawai_id", flat=True).first()
        if lama is not None and lama != instance.pegawai_id:
            instance._indeks_pemilik_lama = lama


def _pegawai(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if not _aktif(raw) or (update_fields and not DIBACA[sender] & set(update_fields)):
        return
    if kwargs.get("signal") is post_delete and sender is Pegawai:
        IndeksMerit.objects.filter(pegawai_id=instance.pk).delete()
        return
    ids = {instance.pk if sender is Pegawai else instance.pegawai_id}
    lama = instance.__dict__.pop("_indeks_pemilik_lama", None)
    if lama is not None:
        ids.add(lama)
    segarkan(ids)


def _jabatan(sender, instance: Jabatan, raw=False, created=False, **kwargs) -> None:
    if created or not _aktif(raw):
        return
    segarkan(
        set(
            Penempatan.objects.filter(formasi__jabatan=instance).values_list(
                "pegawai_id", flat=True
            )
        )
    )


def _unit_lama(sender, instance: UnitKerja, raw=False, **kwargs) -> None:
    """Remember a unit's affair and parent before a save (pre_save of UnitKerja)."""
    if instance.pk and _aktif(raw):
        instance._indeks_lama = (
            UnitKerja.objects.filter(pk=instance.pk).values_list("urusan_id", "parent_id").first()
        )


def _unit(sender, instance: UnitKerja, raw=False, created=False, **kwargs) -> None:
    """A unit's affair (or its parent, whose affair it may inherit) changed: the related
    experience of everyone who held a post in it or under it changes."""
    lama = instance.__dict__.pop("_indeks_lama", None)
    if created or not _aktif(raw) or lama == (instance.urusan_id, instance.parent_id):
        return
    segarkan(
        set(
            Penempatan.objects.definitif()
            .filter(formasi__unit_kerja__path__startswith=instance.path)
            .values_list("pegawai_id", flat=True)
        )
    )


def _program_lama(sender, instance: Program, raw=False, **kwargs) -> None:
    """Remember a program's leadership-training code before a save (pre_save of Program)."""
    if instance.pk and _aktif(raw):
        instance._indeks_lama = (
            Program.objects.filter(pk=instance.pk).values_list("pelatihan_wajib", flat=True).first()
        )


def _program(sender, instance: Program, raw=False, created=False, **kwargs) -> None:
    """A program became (or stopped being) a leadership training: its graduates' level
    changes."""
    lama = instance.__dict__.pop("_indeks_lama", None)
    if created or not _aktif(raw) or lama == instance.pelatihan_wajib:
        return
    segarkan(
        set(
            Peserta.objects.filter(sesi__program=instance, status=Peserta.Status.LULUS).values_list(
                "pegawai_id", flat=True
            )
        )
    )


def _sesi(sender, instance: Sesi, raw=False, created=False, **kwargs) -> None:
    """A session moved to another program (rare): its graduates' training may change."""
    if created or not _aktif(raw):
        return
    if kwargs.get("update_fields") and "program" not in kwargs["update_fields"]:
        return
    segarkan(
        set(
            Peserta.objects.filter(sesi=instance, status=Peserta.Status.LULUS).values_list(
                "pegawai_id", flat=True
            )
        )
    )


def _periode(sender, instance: Periode, raw=False, **kwargs) -> None:
    """An annual period opened, closed, was added or removed: the predikat columns of every row
    change. Two UPDATEs over the whole table are long at a province's scale, so they run as a
    background task queued when the saving transaction commits (jabatan.tasks), not in the
    request; until it has run, the ranking reads the previous periods' predikat."""
    if _aktif(raw) and instance.jenis == Periode.Jenis.TAHUNAN:
        from jabatan.tasks import jadwalkan_segarkan_predikat

        jadwalkan_segarkan_predikat()


def hubungkan() -> None:
    """Connect the receivers (JabatanConfig.ready)."""
    for model in DIBACA:
        if model is not Pegawai:
            pre_save.connect(
                _pemilik_lama, sender=model, dispatch_uid=f"indeks-pre-{model.__name__}"
            )
        post_save.connect(_pegawai, sender=model, dispatch_uid=f"indeks-{model.__name__}")
        post_delete.connect(_pegawai, sender=model, dispatch_uid=f"indeks-del-{model.__name__}")
    post_save.connect(_jabatan, sender=Jabatan, dispatch_uid="indeks-jabatan")
    pre_save.connect(_unit_lama, sender=UnitKerja, dispatch_uid="indeks-pre-unit")
    post_save.connect(_unit, sender=UnitKerja, dispatch_uid="indeks-unit")
    pre_save.connect(_program_lama, sender=Program, dispatch_uid="indeks-pre-program")
    post_save.connect(_program, sender=Program, dispatch_uid="indeks-program")
    post_save.connect(_sesi, sender=Sesi, dispatch_uid="indeks-sesi")
    post_save.connect(_periode, sender=Periode, dispatch_uid="indeks-periode")
    post_delete.connect(_periode, sender=Periode, dispatch_uid="indeks-del-periode")
