"""The merit-system index's benchmark of `manage.py bench` (docs/desain.md, Benchmarks):
`sistem_merit.hitung`, computing an assessment's evidence through the service
(`services.evidence_compute`: every evidenced criterion's figure as of the assessment's date,
the proposed levels, the answers written under the assessment's lock, the audit row).

The assessment is of the shipped PermenPANRB 19/2025 instrument (sistem_merit/data); where it
is not loaded, or none of its criteria names a registered evidence function, of an instrument
built here with one criterion per registered evidence key (`BUKTI`, read at run time: evidence
functions added later are measured too), removed after the run.

Floor: the evidence functions' own queries, recorded once (SQL and parameters) and run again as
raw SQL, one after the other: what the figures cost the database, without the ORM, the
service's Python and its writes. The assessment is removed after the run by raw SQL (no audit
rows for a benchmark's scaffolding).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import connection
from django.utils import timezone

KODE_2025 = "permenpanrb-19-2025"
KODE_BENCH = "bench-semua-bukti"


def _instrumen_bench(kunci: list[str]):
    """Load an instrument with one criterion per evidence key (through the real loader)."""
    from django.apps import apps

    from sistem_merit import muat
    from sistem_merit.models import Instrumen

    Instrumen.objects.filter(kode=KODE_BENCH).delete()
    muat.load(
        {
            "kode": KODE_BENCH,
            "nama": "Benchmark: semua fungsi bukti",
            "dasar_hukum": "benchmark",
            "rumus": "jumlah_2018",
            "level_min": 1,
            "level_max": 4,
            "kategori": [
                {"nama": "I", "batas_bawah": "100", "batas_atas": "174"},
                {"nama": "II", "batas_bawah": "175", "batas_atas": "249"},
                {"nama": "III", "batas_bawah": "250", "batas_atas": "324"},
                {"nama": "IV", "batas_bawah": "325", "batas_atas": "400"},
            ],
            "aspek": [
                {
                    "nomor": 1,
                    "nama": "Semua fungsi bukti",
                    "bobot": "100",
                    "kriteria": [
                        {
                            "kode": str(i),
                            "uraian": k,
                            "bukti": k,
                            "ambang": {"2": "0.5", "3": "0.75", "4": "1"},
                            "level": [{"level": lv, "uraian": f"level {lv}"} for lv in range(1, 5)],
                        }
                        for i, k in enumerate(kunci, 1)
                    ],
                }
            ],
        },
        apps,
    )
    return Instrumen.objects.get(kode=KODE_BENCH)


def _penilaian(instrumen):
    """Open an assessment of `instrumen` for the latest year it has none (None if every year
    has one)."""
    from sistem_merit import services
    from sistem_merit.models import Penilaian

    hari_ini = timezone.localdate()
    dipakai = set(Penilaian.objects.filter(instrumen=instrumen).values_list("tahun", flat=True))
    tahun = next((t for t in range(hari_ini.year, 2017, -1) if t not in dipakai), None)
    if tahun is None:
        return None
    tanggal = hari_ini if tahun == hari_ini.year else date(tahun, 12, 31)
    return services.penilaian_create(
        instrumen=instrumen, tahun=tahun, tanggal_data=tanggal, oleh=None
    )


def _hapus(penilaian) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM sistem_merit_jawabankriteria WHERE penilaian_id = %s", [penilaian.pk]
        )
        cursor.execute("DELETE FROM sistem_merit_penilaian WHERE id = %s", [penilaian.pk])


def _queries_of(fn: Callable[[], object]) -> list[tuple[str, object]]:
    """Return the statements `fn` runs, with their parameters."""
    statements: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        fn()
    return statements


def jalankan(cmd, n: int, timed: Callable) -> None:
    from sistem_merit.bukti import BUKTI
    from sistem_merit.models import Instrumen, Kriteria
    from sistem_merit.services import evidence_compute

    kunci = sorted(BUKTI)
    if not kunci:
        cmd.stdout.write(f"BENCH sistem_merit.hitung pegawai={n} skipped=no-evidence-functions")
        return
    instrumen = Instrumen.objects.filter(kode=KODE_2025).first()
    terdaftar = (
        instrumen is not None
        and Kriteria.objects.filter(aspek__instrumen=instrumen, bukti__in=kunci).exists()
    )
    dibangun = not terdaftar
    if dibangun:
        instrumen = _instrumen_bench(kunci)
    penilaian = _penilaian(instrumen)
    if penilaian is None:  # the shipped instrument has an assessment every year
        instrumen, dibangun = _instrumen_bench(kunci), True
        penilaian = _penilaian(instrumen)
    try:
        dipakai = sorted(
            set(
                Kriteria.objects.filter(aspek__instrumen=instrumen, bukti__in=kunci).values_list(
                    "bukti", flat=True
                )
            )
        )
        m, q = timed(lambda: evidence_compute(penilaian=penilaian, oleh=None), runs=5)
        tanggal = penilaian.tanggal_data
        statements = _queries_of(lambda: [BUKTI[k].hitung(tanggal) for k in dipakai])

        def floor() -> None:
            with connection.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(sql, params)
                    cursor.fetchall()

        f, _ = timed(floor, runs=5)
        cmd._line("sistem_merit.hitung", n, m, f, q)
        cmd.stdout.write(
            f"  sistem_merit.hitung: instrumen={instrumen.kode} fungsi_bukti={len(dipakai)} "
            f"query_bukti={len(statements)}"
        )
    finally:
        _hapus(penilaian)
        if dibangun:
            instrumen.delete()
