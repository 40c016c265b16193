"""The one writer of the projection: rebuild rows (some or all), re-read the predikat after the
annual periods changed, and the check against the live records."""

from __future__ import annotations

from collections.abc import Callable, Collection

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

from jabatan import merit
from jabatan.indeks.baris import (
    FIELDS,
    FIELDS_JP,
    FIELDS_URUSAN,
    baris,
    baris_jp,
    baris_urusan,
    hari_urusan,
    jp_tahun,
    nilai_baris,
    nilai_jp,
    nilai_urusan,
)
from jabatan.models import IndeksJp, IndeksMerit, IndeksUrusan
from jabatan.selectors import kandidat_merit
from kinerja import rules as kinerja_rules
from kinerja.models import Skp
from kinerja.selectors import periode_tahunan_tertutup
from pegawai.bulk import BulkWriter
from pegawai.models import Pegawai
from pegawai.selectors import Bagian

BATCH = 20_000  # employees per batch of a whole rebuild


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
            # A range of ids, not 20,000 parameters (Django builds a long IN list slowly); a
            # dense one (the usual case) reads the inputs by the range alone.
            antara = (batch[0], batch[-1])
            bagian = Bagian(
                Pegawai.objects.aktif(), antara, padat=2 * len(batch) > batch[-1] - batch[0] + 1
            )
            _tulis(kandidat_merit(pegawai_ids=None if len(pool) <= BATCH else bagian))
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
