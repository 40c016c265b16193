"""The tables the demo seed fills, children first: emptied in one statement before a new seed
(`seed_demo --reset`, the benchmark), their id sequences moved past the seed's explicit ids
after it."""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection, models

from demo.pelatihan import MODELS as PELATIHAN_MODELS
from demo.publik import MODELS as PUBLIK_MODELS
from demo.sistem_merit import MODELS as SISTEM_MERIT_MODELS
from demo.suksesi import MODELS as SUKSESI_MODELS
from jabatan.models import Formasi, IndeksJp, IndeksMerit, IndeksUrusan, Jabatan, Penempatan
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, RevisiSkp, Skp
from pegawai.models import (
    BidangStudi,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
    UnitKerja,
    UrusanPemerintahan,
)

SEEDED_MODELS: list[type[models.Model]] = [
    *SISTEM_MERIT_MODELS,
    *SUKSESI_MODELS,
    *PUBLIK_MODELS,
    *PELATIHAN_MODELS,
    IndeksJp,
    IndeksUrusan,
    IndeksMerit,
    RencanaHasilKerja,
    RevisiSkp,
    Skp,
    KinerjaOrganisasi,
    Periode,
    Penempatan,
    HasilAsesmen,
    HukumanDisiplin,
    RiwayatPendidikan,
    RiwayatPangkat,
    Pegawai,
    Formasi,
    Jabatan.bidang_studi.through,
    Jabatan.rumpun_wajib.through,
    Jabatan,
    UnitKerja,
    UrusanPemerintahan.bidang_studi.through,
    BidangStudi,
]  # (children first; the affairs and families are the migration's defaults)


def reset_sequences() -> None:
    """Move the tables' id sequences past the explicit ids the seed wrote."""
    sql = connection.ops.sequence_reset_sql(no_style(), SEEDED_MODELS)
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def hapus_semua() -> None:
    """Delete every seeded row (and, on PostgreSQL, what references them) in one statement."""
    tables = [m._meta.db_table for m in SEEDED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of this transaction would block TRUNCATE: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
