"""The import benchmark of `manage.py bench --impor N`: new rows, the same file again,
the dry run with its peak memory and the index rebuild, next to a COPY floor. The rows are whole
SIASN data-utama records (impor.contoh: about 130 columns, the hundred-odd fields we ignore
included), as a SIASN spreadsheet export carries them."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pegawai.models import Pegawai, UnitKerja


def jalankan(cmd, n: int, baris: int, ulang: int = 3) -> None:
    """The import of a `baris`-row CSV of new employees (impor.proses, the path the task
    and `import_pegawai` run), then the same file again (nothing changes), then its dry run
    with the peak of Python memory (tracemalloc). Floor: COPY of the same final column
    values into an empty twin of the employee table with its indexes and constraints.
    The merit projection's rebuild after a large import is a task of its own (queued on
    commit), measured apart as impor.indeks."""
    import tracemalloc

    from impor import proses
    from impor.contoh import baris_contoh, csv_contoh, kolom_utuh
    from jabatan import indeks
    from pegawai.impor import KOLOM_BARU

    unit = UnitKerja.objects.filter(kode="BENCH-IMPOR").first() or UnitKerja.objects.create(
        kode="BENCH-IMPOR", nama="Unit uji impor", jenis=UnitKerja.Jenis.DINAS
    )
    # NIP sequence 901 and up: no clash with the seeded employees' NIPs.
    kolom = kolom_utuh()
    # Built 10,000 rows at a time: a list of 100,000 whole records (128 keys each) would weigh
    # a gigabyte and be the process's peak, not the import.
    bagian = []
    for awal in range(0, baris, 10_000):
        teks = csv_contoh(
            baris_contoh(
                min(10_000, baris - awal), unit.kode, awal=604_800 * 900 + awal, utuh=True
            ),
            kolom,
        )
        bagian.append(teks if not bagian else teks.split(b"\r\n", 1)[1])
    data = b"".join(bagian)
    del bagian
    mb = len(data) / 1024 / 1024

    def kosongkan() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM jabatan_indeksmerit WHERE pegawai_id IN "
                "(SELECT id FROM pegawai_pegawai WHERE unit_kerja_id = %s)",
                [unit.pk],
            )
            cursor.execute(
                "DELETE FROM auditlog_logentry WHERE additional_data->>'operasi' = 'impor'"
            )
            cursor.execute("DELETE FROM pegawai_pegawai WHERE unit_kerja_id = %s", [unit.pk])

    cpu: list[float] = []  # this process's CPU time per import (the database's is apart)

    def sekali(fn: Callable[[], object]) -> tuple[float, int]:
        with CaptureQueriesContext(connection) as ctx:
            start, cpu0 = time.perf_counter(), time.process_time()
            fn()
            ms = (time.perf_counter() - start) * 1000
            cpu.append((time.process_time() - cpu0) * 1000)
        return ms, len(ctx.captured_queries)

    kosongkan()
    baru, sama = [], []
    cpu_baru = []
    for _ in range(ulang):
        kosongkan()
        baru.append(sekali(lambda: proses.jalankan(data, "csv", terapkan=True)))
        cpu_baru.append(cpu[-1])
        sama.append(sekali(lambda: proses.jalankan(data, "csv", terapkan=True)))
    m_indeks, q_indeks = sekali(indeks.index_refresh)
    # Floor: the rows as they end up in the table, COPYed into an empty twin.
    rows = [
        tuple({**r, "unit_kerja_id": unit.pk}.get(k) for k in KOLOM_BARU)
        for r in Pegawai.objects.filter(unit_kerja=unit).values(*KOLOM_BARU)
    ]
    table = Pegawai._meta.db_table
    cols = ", ".join(Pegawai._meta.get_field(k).column for k in KOLOM_BARU)

    def floor() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE bench_impor (LIKE {table} INCLUDING ALL) ON COMMIT DROP"
            )
            with cursor.cursor.copy(
                f"COPY bench_impor ({cols}, created_at, updated_at) FROM STDIN"
            ) as copy:
                now = timezone.now()
                for row in rows:
                    copy.write_row((*row, now, now))
            cursor.execute("DROP TABLE bench_impor")

    from django.db import transaction

    samples = []
    for _ in range(3):
        with transaction.atomic():
            start = time.perf_counter()
            floor()
            samples.append((time.perf_counter() - start) * 1000)
    f = statistics.median(samples)
    tracemalloc.start()
    start = time.perf_counter()
    proses.jalankan(data, "csv")
    m_dry = (time.perf_counter() - start) * 1000
    puncak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    kosongkan()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for nama, hasil in (("impor.pegawai_baru", baru), ("impor.pegawai_tetap", sama)):
        m = statistics.median(ms for ms, _q in hasil)
        cmd.stdout.write(
            f"BENCH {nama} pegawai={baris} median_ms={m:.2f} floor_ms={f:.2f} "
            f"ratio={m / f:.2f} queries={hasil[0][1]} kolom={len(kolom)} berkas_mb={mb:.0f} "
            f"peak_rss_mb={rss:.0f}"
            + (f" cpu_ms={statistics.median(cpu_baru):.0f}" if nama == "impor.pegawai_baru" else "")
        )
    cmd.stdout.write(
        f"BENCH impor.pratinjau pegawai={baris} median_ms={m_dry:.2f} floor_ms={f:.2f} "
        f"ratio={m_dry / f:.2f} queries=0 peak_mb={puncak:.1f} (tracemalloc, one run)"
    )
    cmd.stdout.write(
        f"BENCH impor.indeks pegawai={n + baris} median_ms={m_indeks:.2f} floor_ms={f:.2f} "
        f"ratio={m_indeks / f:.2f} queries={q_indeks}"
    )
    # What HR waits for: the import and the projection's rebuild it queues, and the rebuild's
    # share; the process's peak resident memory (the 100,000-row file itself included).
    m_baru = statistics.median(ms for ms, _q in baru)
    m_total = m_baru + m_indeks
    cmd.stdout.write(
        f"BENCH impor.pegawai_baru+indeks pegawai={baris} median_ms={m_total:.2f} "
        f"floor_ms={f:.2f} ratio={m_total / f:.2f} indeks_share={m_indeks / m_total:.0%} "
        f"peak_rss_mb={rss:.0f}"
    )
