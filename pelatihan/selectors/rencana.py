"""Plans against their realisation, and whether training worked (predikat and assessed
competency levels before and after, against similar employees who did not attend)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Count,
    Q,
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
    peserta = Peserta.objects.filter(
        status=LULUS, tahun_jp=tahun, sesi__program__in=[b.program_id for b in baris]
    )
    peserta = scope.filter(peserta, path="pegawai__unit_kerja__path", pegawai=None)
    if unit is not None:
        peserta = peserta.filter(pegawai__unit_kerja__path__startswith=unit.path)
    real = dict(
        peserta.order_by()
        .values("sesi__program")
        .annotate(n=Count("pk"))
        .values_list("sesi__program", "n")
    )
    return [
        BarisRealisasi(b.program.nama, b.jumlah_kursi, int(b.biaya), real.get(b.program_id, 0))
        for b in baris
    ]


# --- Did it work? ----------------------------------------------------------------------------


def efek_pelatihan(scope: Lingkup, tahun: int) -> list[rules.Efek]:
    """Return, per program completed in `tahun` by employees in scope, the participants'
    predikat of `tahun - 1` → `tahun` against non-attendees starting from the same predikat,
    and, for each competency the program develops, their assessed level before the training
    year (the latest assessment before it) and after it (the first one after it) against
    non-attendees who started at the same level (rules.efek_program, with its minimum group
    size). Five queries: SKPs, completions, program names, their competencies, assessments."""
    from kinerja.models import Skp
    from pegawai.kompetensi import KODE
    from pegawai.models import HasilAsesmen
    from pelatihan.models import Program, ProgramKompetensi

    skp = scope.filter(
        Skp.objects.filter(
            periode__jenis="tahunan",
            periode__tahun__in=[tahun - 1, tahun],
            status__in=Skp.STATUS_DINILAI,
        ),
        path="unit_kerja__path",
        pegawai=None,
    )
    per: dict[int, dict[int, str]] = defaultdict(dict)
    for pid, th, pr in skp.values_list("pegawai_id", "periode__tahun", "predikat"):
        per[pid][th] = pr
    pasangan = {pid: (d[tahun - 1], d[tahun]) for pid, d in per.items() if len(d) == 2}
    ikut: dict[int, set[int]] = defaultdict(set)
    lulus = scope.filter(
        Peserta.objects.filter(status=LULUS, tahun_jp=tahun),
        path="pegawai__unit_kerja__path",
        pegawai=None,
    )
    for pid, prog in lulus.values_list("pegawai_id", "sesi__program_id").distinct():
        ikut[prog].add(pid)
    if not ikut:
        return []
    nama = dict(Program.objects.filter(pk__in=list(ikut)).values_list("pk", "nama"))
    kompetensi: dict[int, list[str]] = defaultdict(list)
    for prog, kode in (
        ProgramKompetensi.objects.filter(program_id__in=list(ikut))
        .order_by("program_id", "kode")
        .values_list("program_id", "kode")
    ):
        kompetensi[prog].append(kode)
    level = _level_sebelum_sesudah(scope, tahun, HasilAsesmen, KODE)
    hasil = [
        rules.efek_program(
            prog,
            nama[prog],
            {p: pasangan[p] for p in pids if p in pasangan},
            pasangan,
            kompetensi=kompetensi.get(prog, ()),
            ikut=pids,
            level=level,
        )
        for prog, pids in ikut.items()
    ]
    return sorted(hasil, key=lambda e: (not e.cukup, -e.n_peserta, e.nama))


def _level_sebelum_sesudah(scope: Lingkup, tahun: int, model, kode: tuple[str, ...]) -> dict:
    """{employee: (levels of the latest assessment before `tahun`, of the first after it)} of
    the employees in scope assessed on both sides of the year (one query)."""
    awal, akhir = dt.date(tahun, 1, 1), dt.date(tahun, 12, 31)
    qs = scope.filter(
        model.objects.filter(Q(tanggal__lt=awal) | Q(tanggal__gt=akhir)),
        path="pegawai__unit_kerja__path",
        pegawai=None,
    )
    sebelum: dict[int, dict[str, int]] = {}
    sesudah: dict[int, dict[str, int]] = {}
    for pid, tanggal, *nilai in qs.order_by("pegawai_id", "tanggal", "pk").values_list(
        "pegawai_id", "tanggal", *kode
    ):
        if tanggal < awal:
            sebelum[pid] = dict(zip(kode, nilai, strict=True))
        elif pid not in sesudah:
            sesudah[pid] = dict(zip(kode, nilai, strict=True))
    return {pid: (sebelum[pid], sesudah[pid]) for pid in sebelum.keys() & sesudah.keys()}
