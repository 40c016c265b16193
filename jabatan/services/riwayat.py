"""The placement service's part for imports: past definitive placements (SIASN's rw-jabatan).

`penempatan_create` places an employee now and ends the previous placement; a position history
needs placements that have already ended. This function records them, with the same rules the
table's constraints and the placement service keep: one definitive placement at a time (no
overlap with the employee's other definitive placements), the end not before the start. An
ended placement takes no seat in its post (the quota triggers count open ones only), so the
post's quota is not checked, nor the rank and education rules, which held when the employee was
placed, not today.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jabatan.models import Penempatan
from pegawai import projection
from pegawai.impor import HasilImpor

KOLOM_IMPOR = ("tmt_selesai", "nomor_sk", "tanggal_sk")


def _tumpang(a0: date, a1: date | None, b0: date, b1: date | None) -> bool:
    return a0 <= (b1 or date.max) and b0 <= (a1 or date.max)


def penempatan_riwayat_import(
    *, baris: Sequence[Mapping[str, Any]], terapkan: bool = False
) -> HasilImpor:
    """Compare (and with `terapkan`, write) past placements: dicts with `pegawai_id` (None for
    an employee the same import creates), `formasi_id`, `tmt_mulai`, `tmt_selesai`,
    `nomor_sk`, `tanggal_sk`. A placement of that employee in that post from that TMT is the
    same one: unchanged, or changed when its end or decree differs (an open one is ended).

    One query for the employees' definitive placements, then one save per new or changed row."""
    hasil = HasilImpor()
    ids = {b["pegawai_id"] for b in baris if b.get("pegawai_id")}
    milik: dict[int, list[Penempatan]] = defaultdict(list)
    for p in (
        Penempatan.objects.definitif().filter(pegawai_id__in=ids).select_related("formasi__jabatan")
    ):
        milik[p.pegawai_id].append(p)
    tulis: list[Penempatan] = []
    for i, b in enumerate(baris):
        pid = b.get("pegawai_id")
        punya = milik[pid] if pid else []
        lama = next(
            (p for p in punya if p.formasi_id == b["formasi_id"] and p.tmt_mulai == b["tmt_mulai"]),
            None,
        )
        if lama is not None and all(getattr(lama, f) == b[f] for f in KOLOM_IMPOR):
            hasil.sama += 1
            continue
        bentrok = next(
            (
                p
                for p in punya
                if p is not lama
                and _tumpang(p.tmt_mulai, p.tmt_selesai, b["tmt_mulai"], b["tmt_selesai"])
            ),
            None,
        )
        if bentrok is not None:
            hasil.galat.append(
                (
                    i,
                    "tmt_mulai",
                    _(
                        "Bertumpang waktu dengan penempatan definitif %(j)s sejak %(t)s: "
                        "pegawai hanya menempati satu jabatan definitif pada satu waktu."
                    )
                    % {"j": bentrok.formasi.jabatan, "t": date_format(bentrok.tmt_mulai)},
                )
            )
            continue
        if lama is None:
            hasil.baru += 1
            lama = Penempatan(
                pegawai_id=pid,
                formasi_id=b["formasi_id"],
                jenis=Penempatan.Jenis.DEFINITIF,
                tmt_mulai=b["tmt_mulai"],
                keterangan=_("Riwayat jabatan dari SIASN"),
            )
            if pid:
                milik[pid].append(lama)
        else:
            hasil.ubah += 1
        for f in KOLOM_IMPOR:
            setattr(lama, f, b[f])
        tulis.append(lama)
    if terapkan:
        with transaction.atomic():
            for p in tulis:
                p.full_clean(
                    exclude=["pegawai", "formasi"],
                    validate_unique=False,
                    validate_constraints=False,
                )
                p.save()
            projection.refresh({p.pegawai_id for p in tulis})  # the merit projection
    return hasil
