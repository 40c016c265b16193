"""kinerja's own writer for imports: annual SKP results from SIASN's rw-skp22 list.

The caller (the `impor` app) has read and checked the rows (the two ratings are PermenPANRB
6/2022 labels); this module compares them with the SKPs we hold and, when asked, writes them.
One function serves the dry run and the confirmed import, so the preview's counts are what
happens.

An imported year is a final annual SKP (SIASN holds the result after the evaluator finalised
it); the predikat follows from the official matrix (`rules.predikat`), never from the file. A
year we have no period for gets a closed annual period. A final SKP of ours whose ratings differ
is corrected the way every final SKP is: a RevisiSkp row keeps the old ratings, the reason and
who did it. The unit, rank and position kind copied onto a new SKP are the employee's as they
are now (SIASN's rw-skp22 does not carry them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja import rules
from kinerja.models import Periode, RevisiSkp, Skp
from kinerja.services.base import SKP_FK, _validasi, perangkat_daerah_dari
from pegawai import projection
from pegawai.impor import HasilImpor
from pegawai.models import Pegawai

CATATAN_IMPOR = gettext_lazy(
    "Hasil resmi SIASN (rw-skp22) tahun %(t)s; catatan penilai ada pada dokumen evaluasi "
    "kinerja di SIASN, tidak ikut dalam berkas impor."
)


def skp_import(
    *, baris: Sequence[Mapping[str, Any]], oleh: Any, terapkan: bool = False
) -> HasilImpor:
    """Compare (and with `terapkan`, write) imported annual results: dicts with `pegawai_id`
    (None for an employee the same import creates), `tahun`, `rating_hasil`, `rating_perilaku`.

    Three queries however many rows (periods, SKPs, employees), then one save per new or
    changed SKP (so the audit trail sees each); the merit projection of the employees touched
    is refreshed once at the end (pegawai.projection)."""
    hasil = HasilImpor()
    tahun = {b["tahun"] for b in baris}
    periode = {
        p.tahun: p for p in Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN, tahun__in=tahun)
    }
    ids = {b["pegawai_id"] for b in baris if b.get("pegawai_id")}
    ada = {
        (s.pegawai_id, s.periode_id): s
        for s in Skp.objects.filter(
            pegawai_id__in=ids, periode__in=[p.pk for p in periode.values()]
        )
    }
    tulis: list[tuple[int, Mapping[str, Any], Skp | None]] = []
    for i, b in enumerate(baris):
        p = periode.get(b["tahun"])
        lama = ada.get((b.get("pegawai_id"), p.pk)) if p and b.get("pegawai_id") else None
        if lama is None:
            hasil.baru += 1
        elif lama.status in Skp.STATUS_DINILAI and (lama.rating_hasil, lama.rating_perilaku) == (
            b["rating_hasil"],
            b["rating_perilaku"],
        ):
            hasil.sama += 1
            continue
        else:
            hasil.ubah += 1
        tulis.append((i, b, lama))
    if not terapkan or not tulis:
        return hasil
    revisi = any(lama is not None and lama.status == Skp.Status.FINAL for _i, _b, lama in tulis)
    if revisi and not getattr(oleh, "pk", None):
        raise ValueError("a revision of a final SKP records who made it")
    pegawai = {
        p.pk: p
        for p in Pegawai.objects.filter(pk__in={b["pegawai_id"] for _i, b, _l in tulis})
        .select_related("unit_kerja")
        .only("pk", "golongan", "unit_kerja__path")
    }
    sekarang = timezone.now()
    ada_periode = dict(periode)
    with transaction.atomic():
        for t in sorted({b["tahun"] for _i, b, _l in tulis} - set(periode)):
            # A past year we never evaluated in the application: closed, it is history.
            periode[t] = Periode.objects.create(
                tahun=t, jenis=Periode.Jenis.TAHUNAN, triwulan=0, terbuka=False
            )
        for _i, b, lama in tulis:
            baru = (b["rating_hasil"], b["rating_perilaku"])
            predikat = rules.predikat(*baru)
            if lama is None:
                peg = pegawai[b["pegawai_id"]]
                lama = Skp(
                    pegawai=peg,
                    periode=periode[b["tahun"]],
                    unit_kerja_id=peg.unit_kerja_id,
                    perangkat_daerah_id=perangkat_daerah_dari(peg.unit_kerja.path),
                    golongan=peg.golongan,
                )
            elif lama.status == Skp.Status.FINAL:
                RevisiSkp.objects.create(
                    skp=lama,
                    alasan=_("Impor SIASN (rw-skp22): hasil resmi tahun %(t)s.")
                    % {"t": b["tahun"]},
                    rating_hasil_lama=lama.rating_hasil,
                    rating_perilaku_lama=lama.rating_perilaku,
                    predikat_lama=lama.predikat,
                    predikat_baru=predikat,
                    oleh=oleh,
                )
            lama.rating_hasil, lama.rating_perilaku = baru
            lama.predikat = predikat
            if rules.perlu_catatan(predikat) and not lama.catatan_penilai.strip():
                # rw-skp22 carries the result, not the evaluator's note; a final Butuh
                # Perbaikan or lower needs one (CHECK skp_final_rendah_punya_catatan): say
                # where it is rather than leave the employee with nothing.
                lama.catatan_penilai = CATATAN_IMPOR % {"t": b["tahun"]}
            lama.status = Skp.Status.FINAL
            lama.dinilai_pada = lama.dinilai_pada or sekarang
            lama.difinalkan_pada = lama.difinalkan_pada or sekarang
            _validasi(lama, exclude=SKP_FK)
            lama.save()
        if len(periode) != len(ada_periode):
            projection.periods_changed()  # a closed annual period was added
        projection.refresh({b["pegawai_id"] for _i, b, _l in tulis})
    return hasil
