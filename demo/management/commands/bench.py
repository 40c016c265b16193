"""Measure the project's hot paths next to their floors (docs/desain.md, Benchmarks).

Prints one line per path:
`BENCH <name> pegawai=<N> median_ms=<m> floor_ms=<f> ratio=<m/f> queries=<q>`
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from demo import bench_impor, bench_pelatihan, bench_sistem_merit
from demo.tabel import SEEDED_MODELS
from jabatan.selectors import daftar_lowongan, formasi_lowong, halaman_lowongan, proyeksi_lowong
from pegawai.akses import Lingkup
from pegawai.models import Pegawai, UnitKerja

RUNS = 7
SEMUA = Lingkup(semua=True)  # benchmarks measure the whole data set, as HR sees it


def _timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, int]:
    """Return the median milliseconds of `runs` calls and the queries of one call."""
    fn()  # warm caches and the connection
    with CaptureQueriesContext(connection) as ctx:
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), len(ctx.captured_queries)


def _sql(query: str, params: tuple = ()) -> Callable[[], object]:
    def run() -> object:
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    return run


class Command(BaseCommand):
    help = "Ukur jalur penting (seed, daftar lowong, proyeksi pensiun, subtree unit) di PostgreSQL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pegawai", type=int, default=7000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--reuse", action="store_true", help="Pakai data yang ada bila jumlahnya sama."
        )
        parser.add_argument(
            "--impor", type=int, default=100_000, help="Baris berkas impor yang diukur (0: lewati)."
        )
        parser.add_argument(
            "--impor-ulang",
            type=int,
            default=3,
            help="Berapa kali impor diulang untuk mediannya (1: sekali, di mesin yang sibuk).",
        )
        parser.add_argument(
            "--hanya",
            choices=["pelatihan", "impor", "jabatan", "sistem_merit"],
            help="Ukur hanya jalur aplikasi ini (seed tetap dijalankan atau dipakai ulang).",
        )

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                "Benchmark berjalan di PostgreSQL: set DATABASE_URL, mis. "
                "postgres://postgres@127.0.0.1:5432/mataram_asn_bench"
            )
        if "bench" not in settings.DATABASES["default"]["NAME"]:
            raise CommandError(
                "Benchmark menghapus dan mengisi ulang data: pakai basis data khusus yang "
                "namanya memuat 'bench' (mis. mataram_asn_bench)."
            )
        call_command("migrate", verbosity=0)
        n = options["pegawai"]
        self._seed(n, options)
        self._floor_seed(n)
        if options["hanya"] == "pelatihan":
            self._pelatihan(n)
            connections.close_all()
            return
        if options["hanya"] == "sistem_merit":  # the index's evidence for one assessment
            self._sistem_merit(n)
            connections.close_all()
            return
        if options["hanya"] == "jabatan":  # the vacancy list, the projection's rebuild, the ranking
            self._vacancies(n)
            self._rank(n)
            connections.close_all()
            return
        if options["hanya"] != "impor":
            self._paths(n)
        if options["impor"]:
            self._impor(n, options["impor"], options["impor_ulang"])
        connections.close_all()

    def _line(self, name: str, n: int, median: float, floor: float, queries: int) -> None:
        self.stdout.write(
            f"BENCH {name} pegawai={n} median_ms={median:.2f} floor_ms={floor:.2f} "
            f"ratio={median / floor:.2f} queries={queries}"
        )

    def _seed(self, n: int, options: dict) -> None:
        self.seed_ms = None
        if not (options["reuse"] and Pegawai.objects.count() == n):
            start = time.perf_counter()
            call_command(
                "seed_demo", pegawai=n, seed=options["seed"], reset=True, stdout=StringIO()
            )
            self.seed_ms = (time.perf_counter() - start) * 1000
        # Also for reused data, which may come from a seed, a migration or an import that left
        # the planner's statistics behind (a dashboard query went from 1 s to minutes).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _floor_seed(self, n: int) -> None:
        """Floor: copy the same rows, table by table, with INSERT … SELECT into empty twins."""
        if self.seed_ms is None:
            self.stdout.write(f"BENCH pegawai.seed pegawai={n} skipped=reused")
            return
        tables = [m._meta.db_table for m in SEEDED_MODELS]
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"CREATE TEMP TABLE bench_{table} (LIKE {table} INCLUDING INDEXES)")
                cursor.execute(f"INSERT INTO bench_{table} SELECT * FROM {table}")
        floor = (time.perf_counter() - start) * 1000
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP TABLE bench_{table}")
        self._line("pegawai.seed", n, self.seed_ms, floor, 0)

    def _paths(self, n: int) -> None:
        pada = timezone.localdate()

        self._vacancies(n)

        # Projected retirements over the next 12 months.
        m, q = _timed(lambda: proyeksi_lowong(scope=SEMUA, pada=pada))
        batas = date(pada.year + 1, pada.month, 1)  # 12 months on, first of the month
        f, _ = _timed(
            _sql(
                "SELECT p.id, g.nama, g.tanggal_lahir, j.batas_usia_pensiun "
                "FROM jabatan_penempatan p "
                "JOIN pegawai_pegawai g ON g.id = p.pegawai_id "
                "JOIN jabatan_formasi f ON f.id = p.formasi_id "
                "JOIN jabatan_jabatan j ON j.id = f.jabatan_id "
                "WHERE p.tmt_selesai IS NULL AND p.jenis = 'definitif' "
                "AND g.kedudukan IN ('aktif', 'cuti') "
                "AND g.tanggal_lahir < make_date(%s - j.batas_usia_pensiun, %s, 1) "
                "ORDER BY g.tanggal_lahir",
                (batas.year, batas.month),
            )
        )
        self._line("jabatan.projected_vacancies", n, m, f, q)

        # "My unit and everything under it": the employees of the biggest agency, first page.
        opd = (
            UnitKerja.objects.filter(depth=1, jenis="dinas", singkatan="Dikbud").first()
            or UnitKerja.objects.filter(depth=1).first()
        )
        m, q = _timed(
            lambda: list(
                Pegawai.objects.in_unit(opd)
                .select_related("unit_kerja")
                .order_by("nama", "nip")[:50]
            )
        )
        f, _ = _timed(
            _sql(
                "SELECT p.*, u.* FROM pegawai_pegawai p JOIN pegawai_unitkerja u "
                "ON u.id = p.unit_kerja_id WHERE u.path LIKE %s ORDER BY p.nama, p.nip LIMIT 50",
                (opd.path + "%",),
            )
        )
        self._line("pegawai.subtree_list", n, m, f, q)
        self._dasbor(n)
        self._rank(n)
        self._buka_periode(n)
        self._pelatihan(n)
        self._sistem_merit(n)

    def _vacancies(self, n: int) -> None:
        """The vacancy list's first page as the page reads it (jabatan.selectors: the vacant
        posts with days vacant and acting holder, counted and paged), against raw SQL for the
        same count and the same page of rows: the day each post fell vacant computed for every
        vacant post (the page sorts by it), the acting holder for the page's rows only."""
        pada = timezone.localdate()

        def page() -> list:
            halaman = halaman_lowongan(daftar_lowongan(scope=SEMUA), 1, pada=pada)
            return [
                (f.pk, f.jabatan.nama, f.unit_kerja.nama, f.lowong, f.hari, f.pelaksana_tugas)
                for f in halaman
            ]

        m, q = _timed(page)
        count = _sql("SELECT count(*) FROM jabatan_formasi WHERE jumlah_terisi < kuota")
        # The day each vacant post fell vacant: one probe per post, or one pass over the ended
        # placements; the floor is the faster of the two.
        sejak = [
            "COALESCE((SELECT max(p.tmt_selesai) FROM jabatan_penempatan p"
            " WHERE p.formasi_id = f.id AND p.jenis = 'definitif'),"
            " (f.created_at AT TIME ZONE %s)::date)",
            "COALESCE(t.selesai, (f.created_at AT TIME ZONE %s)::date)",
        ]
        selesai = [
            "",
            " LEFT JOIN (SELECT formasi_id, max(tmt_selesai) AS selesai FROM jabatan_penempatan"
            " WHERE jenis = 'definitif' AND tmt_selesai IS NOT NULL GROUP BY formasi_id) t"
            " ON t.formasi_id = f.id",
        ]
        floors = []
        for hari, join in zip(sejak, selesai, strict=True):
            rows = _sql(
                "SELECT r.id, r.jabatan, r.unit, r.lowong, %s - r.sejak, (SELECT g.nama"
                " FROM jabatan_penempatan p JOIN pegawai_pegawai g ON g.id = p.pegawai_id"
                " WHERE p.formasi_id = r.id AND p.tmt_selesai IS NULL AND p.jenis IN ('plt', 'plh')"
                " ORDER BY p.tmt_mulai DESC, p.id DESC LIMIT 1)"
                " FROM (SELECT f.id, j.nama AS jabatan, u.nama AS unit,"
                f" f.kuota - f.jumlah_terisi AS lowong, {hari} AS sejak, u.path"
                " FROM jabatan_formasi f JOIN jabatan_jabatan j ON j.id = f.jabatan_id"
                f" JOIN pegawai_unitkerja u ON u.id = f.unit_kerja_id{join}"
                " WHERE f.jumlah_terisi < f.kuota ORDER BY sejak, u.path LIMIT 50) r"
                " ORDER BY r.sejak, r.path",
                (pada, settings.TIME_ZONE),
            )
            floors.append(_timed(lambda rows=rows: (count(), rows()))[0])
        f = min(floors)
        self._line("jabatan.vacancies", n, m, f, q)

    def _impor(self, n: int, baris: int, ulang: int = 3) -> None:
        bench_impor.jalankan(self, n, baris, ulang)

    def _buka_periode(self, n: int) -> None:
        """Opening a period for every active employee through the task path, end to end: the
        admin action's enqueue (jabatan.tasks.skp_open_start) and a worker run
        (`db_worker --batch`, in this process) that opens the SKPs batch by batch with progress
        and audits the operation. Floor: the same rows copied by one INSERT ... SELECT into an
        empty twin of the SKP table with its indexes."""
        from jabatan.tasks import skp_open_start
        from kinerja.models import Periode, Skp
        from tugas.models import Progres

        tahun = Periode.objects.order_by("-tahun").values_list("tahun", flat=True).first() or 2026
        # bulk_create: no save signals, so no projection refresh is queued beside the task.
        (periode,) = Periode.objects.bulk_create([Periode(tahun=tahun + 1, jenis="tahunan")])
        table = Skp._meta.db_table

        def kosongkan() -> None:
            # Raw: the ORM's delete would load and audit every SKP.
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table} WHERE periode_id = %s", [periode.pk])

        def jalur() -> None:
            kosongkan()
            progres = skp_open_start(periode=periode, oleh=None)
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
            progres.refresh_from_db()
            if progres.status != Progres.Status.SELESAI:
                raise CommandError(f"kinerja.open_period: {progres.status}: {progres.pesan}")

        m, q = _timed(jalur, runs=3)

        def floor() -> None:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TEMP TABLE bench_skp (LIKE {table} INCLUDING INDEXES)")
                cursor.execute(
                    f"INSERT INTO bench_skp SELECT * FROM {table} WHERE periode_id = %s",
                    [periode.pk],
                )
                cursor.execute("DROP TABLE bench_skp")

        f, _ = _timed(floor, runs=3)
        kosongkan()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Periode._meta.db_table} WHERE id = %s", [periode.pk])
        self._line("kinerja.open_period", n, m, f, q)

    def _rank(self, n: int) -> None:
        """Ranking one vacancy over every employee through the service (its inputs, eligibility,
        scores, counts by reason, fairness, breakdowns of the top 50), against the same result
        in raw SQL: the top 50 eligible ids in the same order, and the counts.

        The floor's statements are built once, before timing, from the ranking's own SQL pieces
        (jabatan.peringkat.sql: pool, rules, score, order), so its rows are the service's rows
        by construction, and checked to be. An earlier floor ranked by a made-up score over
        fewer rules and shared none of its 50 rows with the service (7,000 employees)."""
        from jabatan import indeks
        from jabatan.indeks import sql as indeks_sql
        from jabatan.peringkat import TERATAS, _Sql, peringkat_formasi

        # The rebuild (jabatan.indeks.sql: DELETE and one INSERT ... SELECT per table, in one
        # transaction) against its floor: the same rows written the same way into the same three
        # tables with their indexes, read from a copy of the rows instead of computed from the
        # live records. The difference is what computing the rows costs.
        rebuild, q_rebuild = _timed(indeks.index_refresh, runs=5)
        tabel = [model._meta.db_table for model, _select in indeks_sql.TABEL]
        with connection.cursor() as cursor:
            for t in tabel:
                cursor.execute(f"ANALYZE {t}")
                cursor.execute(f"CREATE TEMP TABLE bench_{t} AS SELECT * FROM {t}")

        @transaction.atomic
        def floor_rebuild() -> None:
            with connection.cursor() as cursor:
                for t in tabel:
                    cursor.execute(f"DELETE FROM {t}")
                    cursor.execute(f"INSERT INTO {t} SELECT * FROM bench_{t}")

        f_rebuild, _ = _timed(floor_rebuild, runs=5)
        with connection.cursor() as cursor:
            for t in tabel:
                cursor.execute(f"DROP TABLE bench_{t}")
                # The thirteen rebuilds above, back to back, left as many dead copies of each
                # table (100,000: 366 MB for 23 MB of rows), which the ranking's scan would read.
                # In service a rebuild is once in a while and autovacuum makes the space of the
                # last one reusable before the next; here the table is rewritten once.
                cursor.execute(f"VACUUM FULL ANALYZE {t}")
        self._line("jabatan.index_rebuild", n, rebuild, f_rebuild, q_rebuild)

        formasi = (
            formasi_lowong(scope=SEMUA).filter(jabatan__jenis="ADMINISTRATOR").first()
            or formasi_lowong(scope=SEMUA).first()
        )
        pada = timezone.localdate()
        m, q = _timed(lambda: peringkat_formasi(formasi, pada=pada), runs=5)

        p = peringkat_formasi(formasi, pada=pada)
        sql = _Sql(p.syarat, p.pada, p.bobot, p.hanya_talent_pool, p.pemangku, p.pita_talenta)
        statements = [sql.teratas("m.pegawai_id", TERATAS), *sql.hitung(sql.alasan())]

        def floor() -> list:
            with connection.cursor() as cursor:
                hasil = []
                for statement in statements:
                    cursor.execute(statement, sql.params)
                    hasil.append(cursor.fetchall())
                return hasil

        teratas = [row[0] for row in floor()[0]]
        if teratas != [h.kandidat.pegawai_id for h in p.teratas]:
            raise CommandError("jabatan.rank: the floor's rows are not the service's")
        f, _ = _timed(floor)
        self._line("jabatan.rank", n, m, f, q)

    def _dasbor(self, n: int) -> None:
        """The managers' dashboard as HR opens it: the view rendered, against raw SQL for its
        three heaviest aggregations (distribution, trend, talent grid)."""
        from django.contrib.auth.models import User
        from django.test import RequestFactory

        from kinerja.models import Skp
        from kinerja.selectors import periode_bawaan
        from kinerja.views import dasbor

        periode = periode_bawaan()
        user = User.objects.get(username="admin.bkpsdm")
        factory = RequestFactory()

        def view() -> object:
            request = factory.get("/kinerja/", {"periode": periode.pk})
            request.user = User.objects.get(pk=user.pk)  # a fresh user: no cached scope
            request.session = {}
            return dasbor(request).content

        # Plain static storage: the hashed manifest needs collectstatic, beside the point here.
        plain = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(STORAGES=plain):
            m, q = _timed(view)
        dinilai = "(" + ", ".join(f"'{s}'" for s in Skp.STATUS_DINILAI) + ")"
        skor = (
            "CASE k.predikat WHEN 'Sangat Baik' THEN 100 WHEN 'Baik' THEN 80 "
            "WHEN 'Butuh Perbaikan' THEN 60 WHEN 'Kurang/Misconduct' THEN 40 "
            "WHEN 'Sangat Kurang' THEN 20 END"
        )
        sql = [
            f"SELECT predikat, count(*) FROM kinerja_skp WHERE periode_id = {periode.pk} "
            f"AND status IN {dinilai} GROUP BY predikat",
            "SELECT p.tahun, k.predikat, count(*) FROM kinerja_skp k JOIN kinerja_periode p "
            f"ON p.id = k.periode_id WHERE p.jenis = 'tahunan' AND k.status IN {dinilai} "
            "GROUP BY 1, 2",
            f"WITH s AS (SELECT pegawai_id FROM kinerja_skp WHERE periode_id = {periode.pk} "
            f"AND status IN {dinilai}), "
            f"r AS (SELECT k.pegawai_id, avg({skor}) AS skor FROM kinerja_skp k "
            "JOIN kinerja_periode p ON p.id = k.periode_id WHERE p.jenis = 'tahunan' "
            f"AND p.tahun IN ({periode.tahun}, {periode.tahun - 1}) AND k.status IN {dinilai} "
            "GROUP BY k.pegawai_id), "
            "j AS (SELECT DISTINCT ON (pegawai_id) pegawai_id, jpm FROM pegawai_hasilasesmen "
            "WHERE jpm IS NOT NULL ORDER BY pegawai_id, tanggal DESC, id DESC) "
            "SELECT CASE WHEN r.skor <= 60 THEN 1 WHEN r.skor <= 80 THEN 2 ELSE 3 END, "
            "CASE WHEN j.jpm <= 60 THEN 1 WHEN j.jpm <= 80 THEN 2 ELSE 3 END, count(*) "
            "FROM s LEFT JOIN r USING (pegawai_id) LEFT JOIN j USING (pegawai_id) GROUP BY 1, 2",
        ]

        def floor() -> None:
            for statement in sql:
                _sql(statement)()

        f, _ = _timed(floor)
        self._line("kinerja.dashboard", n, m, f, q)

    def _pelatihan(self, n: int) -> None:
        bench_pelatihan.jalankan(self, n, _timed, _sql, SEMUA)

    def _sistem_merit(self, n: int) -> None:
        bench_sistem_merit.jalankan(self, n, _timed)
