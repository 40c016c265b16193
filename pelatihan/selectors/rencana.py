"""Plans against their realisation, and whether training worked (predikat before and
after, against similar employees who did not attend)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Count,
    QuerySet,
)

from pegawai.akses import Lingkup
from pegawai.models import UnitKerja
from pelatihan import rules
from pelatihan.models import Peserta
from pelatihan.selectors.jp import LULUS


@dataclass
class BarisRealisasi:
    program: str
    rencana: int
    biaya: int
    realisasi: int

    @property
    def persen(self) -> float:
        return round(100 * self.realisasi / self.rencana, 1) if self.rencana else 0.0


def rencana_terlihat(scope: Lingkup, tahun: int) -> QuerySet:
    """Return the plans of `tahun` the scope may see (the city's plan: HR only)."""
    from pelatihan.models import RencanaPengembangan

    qs = RencanaPengembangan.objects.filter(tahun=tahun).select_related("unit_kerja")
    return scope.filter(qs, path="unit_kerja__path", pegawai=None).order_by("unit_kerja__path")


def rencana_vs_realisasi(scope: Lingkup, tahun: int, unit: UnitKerja | None) -> list:
    """Return per program of the approved plan (the unit's, else the city's for HR): seats
    planned, their cost, and completions of the year by employees in the plan's reach."""
    from pelatihan.models import RencanaBaris, RencanaPengembangan

    if unit is None and not scope.semua and scope.unit_path:
        unit = UnitKerja.objects.filter(path=scope.unit_path).first()
    rencana = (
        RencanaPengembangan.objects.filter(
            tahun=tahun, status=RencanaPengembangan.Status.DISETUJUI, unit_kerja=unit
        )
        .only("pk")
        .first()
    )
    if rencana is None:
        return []
    baris = list(RencanaBaris.objects.filter(rencana=rencana).select_related("program"))
    peserta = Peserta.objects.filter(status=LULUS, tahun_jp=tahun,
                                     sesi__program__in=[b.program_id for b in baris])  # fmt: skip
    peserta = scope.filter(peserta, path="pegawai__unit_kerja__path", pegawai=None)
    if unit is not None:
        peserta = peserta.filter(pegawai__unit_kerja__path__startswith=unit.path)
    real = dict(
        peserta.order_by()
        .values("sesi__program")
        .annotate(n=Count("pk"))
        .values_list("sesi__program", "n")
    )
    return [BarisRealisasi(b.program.nama, b.jumlah_kursi, int(b.biaya), real.get(b.program_id, 0))
            for b in baris]  # fmt: skip


# --- Did it work? ----------------------------------------------------------------------------


def efek_pelatihan(scope: Lingkup, tahun: int) -> list[rules.Efek]:
    """Return, per program completed in `tahun` by employees in scope, the participants'
    predikat of `tahun - 1` → `tahun` against non-attendees starting from the same predikat
    (rules.efek_program, with its minimum group size). Three queries."""
    from kinerja.models import Skp
    from pelatihan.models import Program

    skp = scope.filter(
        Skp.objects.filter(periode__jenis="tahunan", periode__tahun__in=[tahun - 1, tahun],
                           status__in=Skp.STATUS_DINILAI),
        path="unit_kerja__path", pegawai=None,
    )  # fmt: skip
    per: dict[int, dict[int, str]] = defaultdict(dict)
    for pid, th, pr in skp.values_list("pegawai_id", "periode__tahun", "predikat"):
        per[pid][th] = pr
    pasangan = {pid: (d[tahun - 1], d[tahun]) for pid, d in per.items() if len(d) == 2}
    ikut: dict[int, set[int]] = defaultdict(set)
    for pid, prog in (
        Peserta.objects.filter(status=LULUS, tahun_jp=tahun, pegawai_id__in=list(pasangan))
        .values_list("pegawai_id", "sesi__program_id")
        .distinct()
    ):
        ikut[prog].add(pid)
    nama = dict(Program.objects.filter(pk__in=list(ikut)).values_list("pk", "nama"))
    hasil = [
        rules.efek_program(prog, nama[prog], {p: pasangan[p] for p in pids}, pasangan)
        for prog, pids in ikut.items()
    ]
    return sorted(hasil, key=lambda e: (not e.cukup, -e.n_peserta, e.nama))
