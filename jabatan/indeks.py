"""Keep IndeksMerit, the per-employee projection of the merit inputs, current.

One writer: `segarkan`. Signal receivers (connected in JabatanConfig.ready) call it for the one
employee whose record, evaluation, sanction, assessment, placement or training was saved or
deleted, in the same transaction as the change, so a ranking never reads a half-applied
change. A change of the annual periods re-reads the predikat columns of every row in two UPDATE
statements, in a background task queued on commit (`jabatan.tasks.segarkan_predikat`). Bulk
loads (the demo seed) rebuild the whole table, as does `manage.py indeks_merit`, which can also
check the table against the live records.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from jabatan import merit
from jabatan.models import IndeksJp, IndeksMerit, IndeksUrusan, Jabatan, Penempatan
from jabatan.selectors import kandidat_merit
from kinerja import rules as kinerja_rules
from kinerja.models import Periode, Skp
from kinerja.selectors import periode_tahunan_tertutup
from pegawai import golongan as gol
from pegawai.bulk import BulkWriter
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE
from pegawai.models import HasilAsesmen, HukumanDisiplin, Pegawai, UnitKerja
from pelatihan.models import PelatihanEksternal, Peserta, Program, Sesi

KOLOM_HARI = {j: f"hari_{j.lower()}" for j in JenisJabatan.values}
KOLOM_CUKUP = {j: f"cukup_{j.lower()}" for j in merit.PENGALAMAN}
TERBUKA = date(9999, 12, 31)  # the end of a sanction without an end date
SUDAH = date(1, 1, 1)  # experience already sufficient from ended posts
BATCH = 20_000  # employees per batch of a whole rebuild


def cukup(k: merit.Kandidat, jenis: str) -> date | None:
    """The day `k`'s related experience reaches what position kind `jenis` asks, the same as
    merit.kelayakan decides it for any date from the start of the running post on."""
    tahun, terkait = merit.PENGALAMAN[jenis]
    perlu = merit.hari_minimal(tahun)
    selesai = sum(v for j, v in k.pengalaman_hari.items() if j in terkait)
    if selesai >= perlu:
        return SUDAH
    if k.jabatan_kini in terkait and k.jabatan_kini_mulai is not None:
        return date.fromordinal(k.jabatan_kini_mulai.toordinal() + perlu - selesai)
    return None


def nilai_baris(k: merit.Kandidat) -> dict[str, object]:
    """The projection row of one candidate, by column (bulk writes skip model instances)."""
    predikat = [*k.predikat_tahunan[:2], "", ""]
    row = dict(
        pegawai_id=k.pegawai_id,
        nip=k.nip,
        nama=k.nama[:250],
        jenis_kelamin=k.jenis_kelamin,
        tanggal_lahir=k.tanggal_lahir,
        status=k.status,
        aktif=k.aktif,
        golongan=k.golongan,
        urutan_golongan=gol.urutan(k.golongan),
        tmt_golongan=k.tmt_golongan,
        tmt_masuk=k.tmt_masuk,
        urutan_pendidikan=k.pendidikan,
        bidang_studi_id=k.bidang_studi,
        predikat_1=predikat[0],
        predikat_2=predikat[1],
        skor_1=kinerja_rules.skor_predikat(predikat[0]) if predikat[0] else None,
        skor_2=kinerja_rules.skor_predikat(predikat[1]) if predikat[1] else None,
        kinerja_lulus={predikat[0], predikat[1]} <= merit.PREDIKAT_LULUS,
        asesmen=k.capaian is not None,
        jabatan_kini=k.jabatan_kini,
        jabatan_kini_mulai=k.jabatan_kini_mulai,
        urusan_kini_id=k.urusan_kini,
        tingkat_kepemimpinan=k.tingkat_kepemimpinan,
        jpm_sen=int(k.jpm * 100) if k.jpm is not None else None,
        hukuman_sampai=max(
            (h.selesai or TERBUKA for h in k.hukuman if TINGKAT[h.jenis] != TingkatHukuman.RINGAN),
            default=None,
        ),
        hukuman_terakhir=max((h.mulai for h in k.hukuman), default=None),
    )
    for jenis in merit.PENGALAMAN:
        row[KOLOM_CUKUP[jenis]] = cukup(k, jenis)
    for kode in KODE:
        row[f"level_{kode}"] = (k.capaian or {}).get(kode)
    for jenis, kolom in KOLOM_HARI.items():
        row[kolom] = k.pengalaman_hari.get(jenis, 0)
    return row


def baris(k: merit.Kandidat) -> IndeksMerit:
    """The projection row of one candidate."""
    return IndeksMerit(**nilai_baris(k))


def nilai_urusan(k: merit.Kandidat) -> list[tuple[int, int, int]]:
    """The candidate's related-experience rows (FIELDS_URUSAN): days of ended posts per
    government affair, only affairs with days."""
    return [(k.pegawai_id, u, h) for u, h in sorted(k.pengalaman_urusan_hari.items()) if h]


def nilai_jp(k: merit.Kandidat) -> list[tuple[int, int, int]]:
    """The candidate's JP rows (FIELDS_JP): one per year with JP."""
    return [(k.pegawai_id, t, jp) for t, jp in sorted(k.jp_per_tahun.items()) if jp]


def baris_urusan(k: merit.Kandidat) -> list[IndeksUrusan]:
    return [IndeksUrusan(**dict(zip(FIELDS_URUSAN, r, strict=True))) for r in nilai_urusan(k)]


def baris_jp(k: merit.Kandidat) -> list[IndeksJp]:
    return [IndeksJp(**dict(zip(FIELDS_JP, r, strict=True))) for r in nilai_jp(k)]


def kandidat(
    row: IndeksMerit,
    hukuman: Iterable[merit.Hukuman] = (),
    urusan_hari: Mapping[int, int] | None = None,
    jp_tahun: Mapping[int, int] | None = None,
) -> merit.Kandidat:
    """The pure rules' view of a projection row, its IndeksUrusan days and IndeksJp years (the
    explanations of the ranking use it)."""
    return merit.Kandidat(
        pegawai_id=row.pegawai_id,
        nip=row.nip,
        nama=row.nama,
        jenis_kelamin=row.jenis_kelamin,
        tanggal_lahir=row.tanggal_lahir,
        status=row.status,
        aktif=row.aktif,
        golongan=row.golongan,
        tmt_golongan=row.tmt_golongan,
        tmt_masuk=row.tmt_masuk,
        pendidikan=row.urutan_pendidikan,
        bidang_studi=row.bidang_studi_id,
        predikat_tahunan=tuple(p for p in (row.predikat_1, row.predikat_2) if p),
        hukuman=tuple(hukuman),
        capaian={k: getattr(row, f"level_{k}") for k in KODE} if row.asesmen else None,
        pengalaman_hari={
            j: getattr(row, kolom) for j, kolom in KOLOM_HARI.items() if getattr(row, kolom)
        },
        jabatan_kini=row.jabatan_kini,
        jabatan_kini_mulai=row.jabatan_kini_mulai,
        pengalaman_urusan_hari=dict(urusan_hari or {}),
        urusan_kini=row.urusan_kini_id,
        jp_per_tahun=dict(jp_tahun or {}),
        tingkat_kepemimpinan=row.tingkat_kepemimpinan,
        jpm=Decimal(row.jpm_sen).scaleb(-2) if row.jpm_sen is not None else None,
    )


FIELDS = [f.attname for f in IndeksMerit._meta.concrete_fields]
FIELDS_URUSAN = ["pegawai_id", "urusan_id", "hari"]
FIELDS_JP = ["pegawai_id", "tahun", "jp"]


def _tulis(kandidat: list[merit.Kandidat]) -> None:
    if len(kandidat) > 1000:
        # Tuples straight to COPY: 100,000 model instances cost more than the rows' rules.
        writer = BulkWriter()
        writer.write(
            IndeksMerit, FIELDS, (tuple(d[a] for a in FIELDS) for d in map(nilai_baris, kandidat))
        )
        writer.write(IndeksUrusan, FIELDS_URUSAN, (r for k in kandidat for r in nilai_urusan(k)))
        writer.write(IndeksJp, FIELDS_JP, (r for k in kandidat for r in nilai_jp(k)))
        return
    IndeksMerit.objects.bulk_create([baris(k) for k in kandidat], batch_size=500)
    IndeksUrusan.objects.bulk_create([u for k in kandidat for u in baris_urusan(k)], batch_size=500)
    IndeksJp.objects.bulk_create([j for k in kandidat for j in baris_jp(k)], batch_size=500)


def hari_urusan(pegawai_ids: Collection[int]) -> dict[int, dict[int, int]]:
    """The IndeksUrusan days of `pegawai_ids`, per employee and affair (one query)."""
    hasil: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, urusan, hari in IndeksUrusan.objects.filter(
        pegawai_id__in=list(pegawai_ids)
    ).values_list("pegawai_id", "urusan_id", "hari"):
        hasil[pid][urusan] = hari
    return hasil


def jp_tahun(pegawai_ids: Collection[int]) -> dict[int, dict[int, int]]:
    """The IndeksJp years of `pegawai_ids`, per employee and year (one query)."""
    hasil: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, tahun, jp in IndeksJp.objects.filter(pegawai_id__in=list(pegawai_ids)).values_list(
        "pegawai_id", "tahun", "jp"
    ):
        hasil[pid][tahun] = jp
    return hasil


@transaction.atomic
def segarkan(
    pegawai_ids: Collection[int] | None = None,
    *,
    laporan: Callable[[int, int], None] | None = None,
) -> int:
    """Rebuild the projection rows of `pegawai_ids` (every row when None); return the count.

    An employee who left the candidate pool (no longer aktif or cuti) loses their row. A whole
    rebuild reports (done, total) to `laporan` after each batch.
    """
    if pegawai_ids is None:
        IndeksUrusan.objects.all().delete()
        IndeksJp.objects.all().delete()
        IndeksMerit.objects.all().delete()
        pool = list(Pegawai.objects.aktif().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pool), BATCH):
            batch = pool[start : start + BATCH]
            # A range subquery, not 20,000 parameters: Django builds a long IN list slowly.
            ids = Pegawai.objects.filter(pk__gte=batch[0], pk__lte=batch[-1]).values("pk")
            _tulis(kandidat_merit(pegawai_ids=None if len(pool) <= BATCH else ids))
            if laporan:
                laporan(min(start + BATCH, len(pool)), len(pool))
        return len(pool)
    ids = set(pegawai_ids)
    if not ids:
        return 0
    IndeksUrusan.objects.filter(pegawai_id__in=ids).delete()
    IndeksJp.objects.filter(pegawai_id__in=ids).delete()
    IndeksMerit.objects.filter(pegawai_id__in=ids).delete()
    kandidat = kandidat_merit(pegawai_ids=ids)
    _tulis(kandidat)
    return len(kandidat)


@transaction.atomic
def segarkan_predikat() -> int:
    """Re-read the predikat columns of every row after the annual periods changed (one opened,
    closed, was added or removed): two UPDATE statements instead of a rebuild, so closing a year
    for a million employees takes seconds, not minutes in a web request."""
    tahunan = periode_tahunan_tertutup()

    def skp(periode_id: int) -> QuerySet:
        return (
            Skp.objects.dinilai()
            .filter(pegawai_id=OuterRef("pegawai_id"), periode_id=periode_id)
            .values("predikat")[:1]
        )

    kosong = Value("")
    if not tahunan:
        pertama = kedua = kosong
    elif len(tahunan) == 1:
        pertama, kedua = Coalesce(Subquery(skp(tahunan[0])), kosong), kosong
    else:
        t1, t2 = Subquery(skp(tahunan[0])), Subquery(skp(tahunan[1]))
        # Newest first among those evaluated, as kandidat_merit lists them.
        pertama = Coalesce(t1, t2, kosong)
        kedua = Case(When(Exists(skp(tahunan[0])), then=Coalesce(t2, kosong)), default=kosong)
    n = IndeksMerit.objects.update(predikat_1=pertama, predikat_2=kedua)
    lulus = sorted(merit.PREDIKAT_LULUS)

    def skor(kolom: str) -> Case:
        return Case(
            *[When(**{kolom: p}, then=Value(v)) for p, v in kinerja_rules.SKOR_PREDIKAT.items()],
            default=Value(None),
            output_field=IndeksMerit._meta.get_field("skor_1"),
        )

    IndeksMerit.objects.update(
        skor_1=skor("predikat_1"),
        skor_2=skor("predikat_2"),
        kinerja_lulus=ExpressionWrapper(
            Q(predikat_1__in=lulus, predikat_2__in=lulus), output_field=BooleanField()
        ),
    )
    return n


def selisih() -> list[int]:
    """Employees whose projection row differs from their live records (empty: all current)."""
    semua = kandidat_merit()
    segar = {k.pegawai_id: baris(k) for k in semua}
    segar_urusan = {k.pegawai_id: {u.urusan_id: u.hari for u in baris_urusan(k)} for k in semua}
    segar_jp = {k.pegawai_id: {j.tahun: j.jp for j in baris_jp(k)} for k in semua}
    ada = {r.pegawai_id: r for r in IndeksMerit.objects.all()}
    ada_urusan, ada_jp = hari_urusan(ada), jp_tahun(ada)
    beda = set(segar) ^ set(ada)
    for pid in set(segar) & set(ada):
        if (
            any(getattr(segar[pid], a) != getattr(ada[pid], a) for a in FIELDS)
            or segar_urusan[pid] != ada_urusan.get(pid, {})
            or segar_jp[pid] != ada_jp.get(pid, {})
        ):
            beda.add(pid)
    return sorted(beda)


# --- Signal receivers ----------------------------------------------------------------------------
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
    if len(ids) > BATCH:
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
