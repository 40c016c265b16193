"""The data the training-needs analysis runs on, and its pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from django.db.models import (
    QuerySet,
)
from django.utils import timezone

from core.bulk import gc_paused
from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from pegawai.selectors import Bagian, PilihanPegawai, saring_pegawai
from pelatihan import rules
from pelatihan.selectors.jp import (
    jp_per_tahun,
    kepemimpinan_selesai,
    pegawai_dalam_lingkup,
    sesi_terbuka,
)
from pelatihan.sumber import JabatanPegawai, jabatan_pegawai


def data_program() -> rules.Katalog:
    """Return the active catalogue as pure data for the needs analysis (two queries), as a
    Katalog that remembers its rankings."""
    from pelatihan.models import Program

    return rules.Katalog(
        rules.DataProgram(
            id=p.pk,
            nama=p.nama,
            kelompok=p.kelompok,
            jumlah_jp=p.jumlah_jp,
            biaya=int(p.biaya_per_peserta),
            pelatihan_wajib=p.pelatihan_wajib,
            kompetensi={k.kode: k.level for k in p.kompetensi.all()},
            jenis_jabatan_sasaran=tuple(p.jenis_jabatan_sasaran or ()),
        )
        for p in Program.objects.filter(aktif=True).prefetch_related("kompetensi").order_by("pk")
    )


def _standar_bawaan(jenis: str) -> dict[str, int] | None:
    from pegawai.jenis_jabatan import JenisJabatan, Jenjang
    from pegawai.kompetensi import standar_default

    if not jenis:
        return None
    # The SKP copies the position kind but not the fungsional jenjang: the lowest keahlian
    # level stands in (its standard, level 1, is what every fungsional must reach).
    return standar_default(jenis, Jenjang.AHLI_PERTAMA if jenis == JenisJabatan.FUNGSIONAL else "")


def data_kebutuhan(
    pegawai: Iterable[Pegawai] | QuerySet[Pegawai] | Bagian,
    tahun: int,
    *,
    jabatan: Mapping[int, JabatanPegawai] | None = None,
) -> list[rules.DataPegawai]:
    """Return the pure input of the needs analysis for `pegawai` (already scoped by the caller).

    `pegawai` is a list of employees, a queryset of them or a Bagian (one step of the city's
    needs): a queryset's employees are read as rows and every input is filtered by it as a
    subquery (pegawai.selectors.saring_pegawai), so a city of 100,000 is never sent to the
    database as lists of ids (binding them cost more than reading the rows).
    The position's competency standard and the target posts live in jabatan, which pelatihan
    may not import: they come from the providers registered in pelatihan.sumber (jabatan's
    reads the current definitive placement, the active proposals and succession plans), or
    from `jabatan` when given. An employee no provider knows gets the kind of the latest
    annual SKP and the default standard of that kind (PermenPANRB 38/2017, pegawai.kompetensi).
    Queries: SKPs, assessments, the talent bands, JP (2), leadership training (2), and the
    providers' — a fixed number whatever the number of employees (and one for a queryset's
    employees).
    """
    from kinerja.models import PengaturanTalenta, Skp
    from kinerja.rules import sumbu_potensial
    from pegawai.kompetensi import KODE
    from pegawai.models import HasilAsesmen

    ids: PilihanPegawai
    if isinstance(pegawai, Bagian | QuerySet):
        qs = pegawai.pegawai() if isinstance(pegawai, Bagian) else pegawai
        daftar = list(qs.values_list("pk", "status", "tmt_cpns"))
        ids = pegawai if isinstance(pegawai, Bagian) else qs.order_by().values("pk")
    else:
        daftar = [(p.pk, p.status, p.tmt_cpns) for p in pegawai]
        ids = [row[0] for row in daftar]
    skp: dict[int, list[str]] = {}  # [kind of the latest annual SKP, latest assessed predikat]
    for pid, jenis, predikat, status in (
        saring_pegawai(Skp.objects.filter(periode__jenis="tahunan", periode__tahun__lte=tahun), ids)
        .order_by("pegawai_id", "-periode__tahun")
        .values_list("pegawai_id", "jenis_jabatan", "predikat", "status")
    ):
        d = skp.get(pid)
        if d is None:
            d = skp[pid] = ["", ""]
        d[0] = d[0] or jenis
        if not d[1] and status in Skp.STATUS_DINILAI:
            d[1] = predikat
    # Rows, not instances: the latest assessment's levels and JPM (the city's needs read
    # a hundred thousand).
    asesmen: dict[int, tuple[dict[str, int], object]] = {}
    for pid, jpm, *nilai in (
        saring_pegawai(HasilAsesmen.objects.all(), ids)
        .order_by("pegawai_id", "-tanggal", "-pk")
        .values_list("pegawai_id", "jpm", *KODE)
    ):
        if pid not in asesmen:
            asesmen[pid] = (dict(zip(KODE, nilai, strict=True)), jpm)
    pita = PengaturanTalenta.aktif().pita_potensial
    jp = jp_per_tahun(ids, tahun, tahun)
    selesai = kepemimpinan_selesai(ids)
    if jabatan is None:
        jabatan = jabatan_pegawai(ids)
    bawaan: dict[str, dict[str, int] | None] = {}
    kosong_skp = ("", "")
    hasil = []
    for pid, status, tmt_cpns in daftar:
        jenis, predikat = skp.get(pid, kosong_skp)
        j = jabatan.get(pid)
        if j is not None and j.jenis_jabatan:
            jenis = j.jenis_jabatan
        if j is not None and j.standar is not None:
            standar = j.standar
        else:
            if jenis not in bawaan:
                bawaan[jenis] = _standar_bawaan(jenis)
            standar = bawaan[jenis]
        a = asesmen.get(pid)
        hasil.append(
            rules.DataPegawai(
                id=pid,
                status=status,
                jenis_jabatan=jenis,
                tahun_cpns=tmt_cpns.year if tmt_cpns else None,
                capaian=a[0] if a else None,
                standar=standar,
                predikat=predikat,
                potensial=sumbu_potensial(a[1], pita) if a and a[1] is not None else None,
                jp_tahun_ini=jp.get(pid, {}).get(tahun, 0),
                kepemimpinan_selesai=selesai.get(pid, frozenset()),
                sasaran=j.sasaran if j is not None else (),
            )
        )
    return hasil


def kebutuhan_untuk(
    data: list[rules.DataPegawai], programs: Sequence[rules.DataProgram] | None = None
) -> dict[int, list[rules.Kebutuhan]]:
    """Return {employee id: needs} for the prepared data (the catalogue read once)."""
    programs = data_program() if programs is None else programs
    return rules.kebutuhan_banyak(data, programs)


# --- The needs page --------------------------------------------------------------------------


@dataclass
class HalamanKebutuhan:
    form: object
    tahun: int
    baris: list | None = None  # [(pegawai, [Kebutuhan])] of those with a need that passes
    per_sumber: dict = field(default_factory=dict)
    per_program: list = field(default_factory=list)  # [(program id, name, employees)]
    sesi: list = field(default_factory=list)  # open sessions of the chosen program
    jumlah_pegawai: int = 0
    pegawai: QuerySet[Pegawai] | None = None  # the employees the filters kept (unit, name)


# Employees per step of a long read of needs (a city plan, a large unit's page): each step
# reads its inputs in the same fixed queries, by a range of ids (pegawai.selectors.Bagian); a
# larger step means fewer queries per run, a smaller one less memory (measured: city needs at
# 100,000 employees 5.5 -> 4.8 s from steps of 5,000 to this one).
UKURAN_BAGIAN = 20_000


def kebutuhan_bertahap(
    qs: QuerySet[Pegawai],
    tahun: int,
    programs: Sequence[rules.DataProgram],
    ukuran: int | None = None,
    ids: list[int] | None = None,
) -> Iterator[tuple[int, int, dict[int, list[rules.Kebutuhan]]]]:
    """Yield (employees done, total, {employee id: needs} of the step) over the employees of
    `qs` (their `ids` when the caller has read them), `ukuran` at a time in the order of their
    ids, Python's cyclic collector paused while it runs (core.bulk.gc_paused)."""
    ukuran = ukuran or UKURAN_BAGIAN
    ids = sorted(ids) if ids is not None else list(qs.order_by("pk").values_list("pk", flat=True))
    with gc_paused():
        for mulai in range(0, len(ids), ukuran):
            akhir = min(mulai + ukuran, len(ids))
            dari, sampai = ids[mulai], ids[akhir - 1]
            bagian = Bagian(qs, (dari, sampai), padat=2 * (akhir - mulai) > sampai - dari + 1)
            yield akhir, len(ids), kebutuhan_untuk(data_kebutuhan(bagian, tahun), programs)


class BarisKebutuhan(Sequence):
    """The needs page's rows, (employee, needs), in the page's order. The needs of a large
    unit are worked out for everyone (the counts and filters need them), but employees are
    loaded only for the rows asked: a paginator's page is one query."""

    def __init__(self, baris: list[tuple[int, list[rules.Kebutuhan]]]) -> None:
        self._baris = baris

    def __len__(self) -> int:
        return len(self._baris)

    def _muat(self, baris: list[tuple[int, list[rules.Kebutuhan]]]) -> list:
        pegawai = Pegawai.objects.select_related("unit_kerja").in_bulk([pid for pid, _k in baris])
        return [(pegawai[pid], k) for pid, k in baris if pid in pegawai]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._muat(self._baris[i])
        return self._muat([self._baris[i]])[0]

    def __iter__(self) -> Iterator:
        for mulai in range(0, len(self._baris), 2000):
            yield from self._muat(self._baris[mulai : mulai + 2000])


def kebutuhan_halaman(scope: Lingkup, data) -> HalamanKebutuhan:
    """Return the needs page of the scope: every employee with a need, filtered by unit,
    name, source and recommended program; counts per source and per program. The needs are
    read in steps (kebutuhan_bertahap); only the page shown loads its employees."""
    from pelatihan.filters import KebutuhanFilter

    tahun = timezone.localdate().year
    fs = KebutuhanFilter(data or None, queryset=pegawai_dalam_lingkup(scope), scope=scope)
    if fs.is_bound and not fs.is_valid():
        return HalamanKebutuhan(form=fs.form, tahun=tahun)
    cd = fs.form.cleaned_data if fs.is_bound else {}
    qs = fs.qs
    urutan = list(qs.order_by("nama", "nip").values_list("pk", flat=True))
    semua: dict[int, list[rules.Kebutuhan]] = {}
    for _selesai, _total, bagian in kebutuhan_bertahap(qs, tahun, data_program(), ids=urutan):
        semua.update(bagian)
    sumber, program = cd.get("sumber"), cd.get("program")
    per_sumber: dict[str, int] = defaultdict(int)
    per_program: dict[int, list] = {}
    baris = []
    for pid in urutan:
        daftar = semua.get(pid, [])
        if sumber:
            daftar = [k for k in daftar if k.sumber == sumber]
        if program:
            daftar = [k for k in daftar if any(c.id == program.pk for c in k.program)]
        if not daftar:
            continue
        baris.append((pid, daftar))
        for s in {k.sumber for k in daftar}:
            per_sumber[s] += 1
        for program_id, nama in {(k.program[0].id, k.program[0].nama) for k in daftar if k.program}:
            per_program.setdefault(program_id, [program_id, nama, 0])[2] += 1
    sesi = list(sesi_terbuka().filter(program=program)) if program else []
    return HalamanKebutuhan(
        form=fs.form,
        tahun=tahun,
        baris=BarisKebutuhan(baris),
        per_sumber={str(rules.LABEL_SUMBER[s]): n for s, n in per_sumber.items()},
        per_program=sorted(per_program.values(), key=lambda r: (-r[2], r[1]))[:15],
        sesi=sesi,
        jumlah_pegawai=len(urutan),
        pegawai=qs,
    )


# --- The annual development plan -------------------------------------------------------------


def usulan_rencana(
    qs: QuerySet[Pegawai],
    tahun: int,
    *,
    saat_maju: Callable[[int, int], None] | None = None,
    ukuran: int | None = None,
) -> tuple[dict[int, tuple[int, int]], dict[int, rules.DataProgram]]:
    """Return the seats a plan needs from the employees' needs: {program id: (seats, needs)},
    one seat per employee for the first-ranked program of each of their needs (an employee
    counted once per program), and the catalogue read.

    The employees go `ukuran` at a time (data_kebutuhan's queries per step), `saat_maju(done,
    total)` told after each: the city's plan runs as a task with progress (pelatihan.tasks)."""
    programs = data_program()
    kursi: dict[int, set[int]] = defaultdict(set)
    jumlah: dict[int, int] = defaultdict(int)
    if saat_maju:
        saat_maju(0, qs.count())
    for selesai, total, bagian in kebutuhan_bertahap(qs, tahun, programs, ukuran):
        for pid, daftar in bagian.items():
            for k in daftar:
                if k.program:
                    kursi[k.program[0].id].add(pid)
                    jumlah[k.program[0].id] += 1
        if saat_maju:
            saat_maju(selesai, total)
    return {pid: (len(s), jumlah[pid]) for pid, s in kursi.items()}, {p.id: p for p in programs}
