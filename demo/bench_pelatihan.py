"""The training benchmark of `manage.py bench`: the JP dashboard, the needs of one unit and of
the whole city, each next to a raw-SQL floor (docs/desain.md, Benchmarks).

The seed (demo.pelatihan) already holds two years of sessions and enrolments at any scale.
It proposes nobody for a post, so the bench adds three active proposals (Usulan) on a few
hundred vacant posts for the run — the needs then read target posts too — and removes them
after, by raw SQL (no audit rows for a benchmark's scaffolding). The seed's succession plans
(demo.suksesi) are target posts as well."""

from __future__ import annotations

import random
from collections.abc import Callable

from django.db import connection
from django.db.models import Count
from django.utils import timezone

STD = ", ".join(
    f"j.std_{k}" for k in ("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01")
)


def _usulan(n_formasi: int = 300) -> int:
    from django.contrib.auth.models import User

    from jabatan.models import Formasi, Usulan
    from pegawai.models import Pegawai

    user = User.objects.filter(is_staff=True).order_by("pk").first()
    formasi = list(Formasi.objects.lowong().order_by("pk").values_list("pk", flat=True)[:n_formasi])
    ids = list(Pegawai.objects.aktif().order_by("pk").values_list("pk", flat=True))
    rng = random.Random(2026)
    rows = [
        Usulan(formasi_id=f, pegawai_id=pid, diusulkan_oleh=user, urutan=i + 1, aktif=True)
        for f in formasi
        for i, pid in enumerate(rng.sample(ids, 3))
    ]
    Usulan.objects.bulk_create(rows)
    return len(rows)


def _hapus_usulan() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM jabatan_usulan")


def _floor_kebutuhan(pegawai_sql: str, params: tuple) -> Callable[[], object]:
    """The raw reads of the needs' inputs for the same employees (`pegawai_sql` selects their
    ids): the annual SKPs, the assessments, this year's JP and the leadership training
    completed, the post held with its standard, the proposed and succession posts with theirs —
    the columns the selector reads, each input one query joined on the employees in SQL."""
    tahun = timezone.localdate().year

    def run() -> object:
        with connection.cursor() as cursor:
            for sql, extra in (
                (
                    "SELECT s.pegawai_id, s.jenis_jabatan, s.predikat, s.status FROM kinerja_skp s "
                    "JOIN kinerja_periode r ON r.id = s.periode_id WHERE r.jenis = 'tahunan' "
                    "AND r.tahun <= %s AND s.pegawai_id IN ({p}) ORDER BY 1, r.tahun DESC",
                    (tahun,),
                ),
                (
                    "SELECT pegawai_id, jpm, m01, m02, m03, m04, m05, m06, m07, m08, sk01 "
                    "FROM pegawai_hasilasesmen WHERE pegawai_id IN ({p}) "
                    "ORDER BY pegawai_id, tanggal DESC, id DESC",
                    (),
                ),
                (
                    "SELECT pegawai_id, sum(jp_diakui) FROM pelatihan_peserta "
                    "WHERE status = 'lulus' "
                    "AND tahun_jp = %s AND pegawai_id IN ({p}) GROUP BY 1",
                    (tahun,),
                ),
                (
                    "SELECT DISTINCT e.pegawai_id, g.pelatihan_wajib FROM pelatihan_peserta e "
                    "JOIN pelatihan_sesi i ON i.id = e.sesi_id JOIN pelatihan_program g "
                    "ON g.id = i.program_id WHERE e.status = 'lulus' AND g.pelatihan_wajib <> '' "
                    "AND e.pegawai_id IN ({p})",
                    (),
                ),
                (
                    f"SELECT p.pegawai_id, j.id, j.jenis, j.jenjang, {STD} "
                    "FROM jabatan_penempatan p "
                    "JOIN jabatan_formasi f ON f.id = p.formasi_id "
                    "JOIN jabatan_jabatan j ON j.id = f.jabatan_id WHERE p.pegawai_id IN ({p}) "
                    "AND p.tmt_selesai IS NULL AND p.jenis = 'definitif'",
                    (),
                ),
                (
                    f"SELECT u.pegawai_id, j.id, j.nama, j.jenis, j.jenjang, {STD} "
                    "FROM jabatan_usulan u JOIN jabatan_formasi f ON f.id = u.formasi_id "
                    "JOIN jabatan_jabatan j ON j.id = f.jabatan_id "
                    "WHERE u.pegawai_id IN ({p}) AND u.aktif",
                    (),
                ),
                (
                    f"SELECT s.pegawai_id, j.id, j.nama, j.jenis, j.jenjang, {STD} "
                    "FROM jabatan_suksesor s JOIN jabatan_formasi f ON f.id = s.formasi_id "
                    "JOIN jabatan_jabatan j ON j.id = f.jabatan_id "
                    "WHERE s.pegawai_id IN ({p}) AND s.aktif",
                    (),
                ),
            ):
                cursor.execute(sql.format(p=pegawai_sql), (*extra, *params))
                cursor.fetchall()

    return run


def jalankan(cmd, n: int, timed, sql, semua) -> None:
    """pelatihan.dasbor_jp: the JP dashboard's aggregates (per unit and the first page of
    employees) against the same JP sums in one raw grouped query. pelatihan.kebutuhan_unit
    (a typical perangkat daerah, the median by size) and pelatihan.kebutuhan_kota (every
    employee, the work the city plan's task does): the needs through the selector and the pure
    rules, against the raw reads of their inputs."""
    from pegawai.models import Pegawai, UnitKerja
    from pelatihan import selectors as sel

    tahun = timezone.localdate().year
    m, q = timed(lambda: ((d := sel.dasbor_jp(semua, {})).unit, list(d.pegawai[:50])))
    f, _ = timed(
        sql(
            "SELECT u.path, count(*) FILTER (WHERE p.status = 'PNS'), "
            "count(*) FILTER (WHERE p.status = 'PNS' AND coalesce(j.jp, 0) >= 20) "
            "FROM pegawai_pegawai p JOIN pegawai_unitkerja u ON u.id = p.unit_kerja_id "
            "LEFT JOIN (SELECT pegawai_id, sum(jp_diakui) AS jp FROM pelatihan_peserta "
            "WHERE status = 'lulus' AND tahun_jp = %s GROUP BY pegawai_id) j "
            "ON j.pegawai_id = p.id WHERE p.kedudukan IN ('aktif', 'cuti') GROUP BY u.path",
            (tahun,),
        )
    )
    cmd._line("pelatihan.dasbor_jp", n, m, f, q)

    _hapus_usulan()
    usulan = _usulan()
    try:
        opds = list(
            UnitKerja.objects.filter(depth=1).annotate(n=Count("pegawai")).order_by("n", "pk")
        )
        opd = opds[len(opds) // 2]
        unit = Pegawai.objects.aktif().in_unit(opd)
        ids = list(unit.values_list("pk", flat=True))
        m, q = timed(lambda: list(sel.kebutuhan_bertahap(unit, tahun, sel.data_program())))
        f, _ = timed(
            _floor_kebutuhan(
                "SELECT p.id FROM pegawai_pegawai p JOIN pegawai_unitkerja k "
                "ON k.id = p.unit_kerja_id WHERE p.kedudukan IN ('aktif', 'cuti') "
                "AND k.path LIKE %s",
                (opd.path + "%",),
            )
        )
        cmd._line("pelatihan.kebutuhan_unit", n, m, f, q)
        cmd.stdout.write(f"  (kebutuhan_unit: {len(ids)} pegawai; {usulan} usulan aktif)")
        semua_pegawai = Pegawai.objects.aktif()
        m, q = timed(lambda: sel.usulan_rencana(semua_pegawai, tahun), runs=3)
        aktif = "SELECT id FROM pegawai_pegawai WHERE kedudukan IN ('aktif', 'cuti')"
        f, _ = timed(_floor_kebutuhan(aktif, ()), runs=3)
        cmd._line("pelatihan.kebutuhan_kota", n, m, f, q)
    finally:
        _hapus_usulan()
