"""pegawai's own bulk writer for imports: employees created and updated by NIP, set-based.

The caller (the `impor` app) has parsed, mapped and validated the rows and knows, for every
employee, which fields changed; this module only writes them, fast, and leaves one history entry
per employee in django-auditlog's table (the per-row signals do not run for bulk statements), so
each employee's history shows what the import changed. On PostgreSQL the rows go in through COPY:
new employees straight into the table, changes into a temporary staging table and then one
UPDATE ... FROM. Elsewhere (the SQLite quick start) through Django's bulk statements.

Bypassing save() is deliberate (core.bulk): the database's CHECK constraints still hold every
row. The merit projection is the caller's (impor.proses): it writes inside
`pegawai.projection.deferred(...)`, which refreshes only the employees the import touched once
at the end, or, past `pegawai.projection.BATCH` of them, queues one rebuild task for when the import
commits (`impor.tasks.merit_index_refresh_start`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from auditlog.cid import get_cid
from auditlog.models import LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from core.bulk import BulkWriter
from pegawai.models import HukumanDisiplin, Pegawai, RiwayatPangkat, RiwayatPendidikan


@dataclass
class HasilImpor:
    """What an app's import function of a history list did (jabatan, kinerja, pelatihan)."""

    baru: int = 0
    ubah: int = 0
    sama: int = 0
    # (index of the row in the list given, field, message): rows that could not be written.
    galat: list[tuple[int, str, str]] = field(default_factory=list)


# The fields an import may write; the unit is set when an employee is created only (afterwards
# the placement service alone moves it, docs/desain.md).
KOLOM_UBAH = (
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "status",
    "golongan",
    "tmt_golongan",
    "tmt_cpns",
    "tmt_pns",
    "tmt_pppk",
    "mk_golongan_tahun",
    "mk_golongan_bulan",
    "pendidikan",
    "kedudukan",
    "kedudukan_hukum",
    "tmt_berhenti",
    "email",
    "no_hp",
)
KOLOM_BARU = ("nip", *KOLOM_UBAH, "unit_kerja_id")


def per_nip(nips: Sequence[str], fields: Sequence[str]) -> list[dict[str, object]]:
    """Return the employees of `nips` as dicts of `fields` (attnames). On PostgreSQL one array
    parameter (`nip = ANY(%s)`), not thousands of placeholders: building and parsing those cost
    more than the query at an import's chunk size."""
    if connection.vendor != "postgresql":
        return list(Pegawai.objects.filter(nip__in=list(nips)).values(*fields))
    q = connection.ops.quote_name
    meta = Pegawai._meta
    kolom = [meta.get_field(f).column for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(q(c) for c in kolom)} FROM {q(meta.db_table)} WHERE nip = ANY(%s)",
            [list(nips)],
        )
        return [dict(zip(fields, row, strict=True)) for row in cursor.fetchall()]


@dataclass
class Perubahan:
    """One known employee's changed fields: field -> (old, new)."""

    pegawai_id: int
    nip: str
    nama: str
    beda: dict[str, tuple[object, object]]


def _teks(v: object) -> str | None:
    if v is None:
        return "None"
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def _log_rows(
    entri: Iterable[tuple[int, str, int, dict]], oleh: AbstractBaseUser | None, sumber: str
) -> Iterable[tuple]:
    for pk, repr_, action, changes in entri:
        yield (
            pk,
            str(pk),
            repr_[:250],
            action,
            json.dumps(changes),
            "",
            oleh.pk if oleh else None,
            json.dumps({"operasi": "impor", "sumber": sumber}),
            get_cid(),
        )


_LOG_FIELDS = [
    "object_id",
    "object_pk",
    "object_repr",
    "action",
    "changes",
    "changes_text",
    "actor_id",
    "additional_data",
    "cid",  # the id of the request that started the import (AUDITLOG_CID_GETTER)
]


def _tulis_log(entri: list[tuple[int, str, int, dict]], oleh, sumber: str) -> None:
    ct = ContentType.objects.get_for_model(Pegawai)
    rows = ((ct.pk, *r) for r in _log_rows(entri, oleh, sumber))
    if connection.vendor == "postgresql":
        BulkWriter().write(LogEntry, ["content_type_id", *_LOG_FIELDS], rows)
    else:
        LogEntry.objects.bulk_create(
            [
                LogEntry(
                    content_type_id=r[0],
                    **{
                        f: (json.loads(v) if f in ("changes", "additional_data") else v)
                        for f, v in zip(_LOG_FIELDS, r[1:], strict=True)
                    },
                )
                for r in rows
            ],
            batch_size=2000,
        )


@transaction.atomic
def pegawai_impor(
    *,
    baru: Sequence[Mapping[str, object]],
    ubah: Sequence[Perubahan],
    oleh: AbstractBaseUser | None = None,
    sumber: str = "",
    dibuat: set[int] | None = None,
) -> tuple[int, int]:
    """Create the employees of `baru` (dicts with every field of KOLOM_BARU) and write the
    changed fields of `ubah`; return (created, updated), and add the new ids to `dibuat`.
    One auditlog entry per employee."""
    n_baru = n_ubah = 0
    dibuat = set() if dibuat is None else dibuat
    if baru:
        if connection.vendor == "postgresql":
            BulkWriter().write(
                Pegawai, list(KOLOM_BARU), (tuple(r[k] for k in KOLOM_BARU) for r in baru)
            )
        else:
            Pegawai.objects.bulk_create(
                [Pegawai(**{k: r[k] for k in KOLOM_BARU}) for r in baru], batch_size=1000
            )
        n_baru = len(baru)
        if connection.vendor == "postgresql":
            dibuat.update(_log_baru_sql([r["nip"] for r in baru], oleh, sumber))
            baru = ()
        else:
            ids = {d["nip"]: d["id"] for d in per_nip([r["nip"] for r in baru], ("nip", "id"))}
            dibuat.update(ids.values())
    if baru:
        _tulis_log(
            [
                (
                    ids[r["nip"]],
                    f"{r['nama']} ({r['nip']})",
                    LogEntry.Action.CREATE,
                    {
                        k: ["None", _teks(v)]
                        for k in KOLOM_BARU
                        if (v := r[k]) != "" and v is not None
                    },
                )
                for r in baru
            ],
            oleh,
            sumber,
        )
    if ubah:
        _perbarui(ubah)
        n_ubah = len(ubah)
        _tulis_log(
            [
                (
                    p.pegawai_id,
                    f"{p.nama} ({p.nip})",
                    LogEntry.Action.UPDATE,
                    {k: [_teks(a), _teks(b)] for k, (a, b) in p.beda.items()},
                )
                for p in ubah
            ],
            oleh,
            sumber,
        )
    return n_baru, n_ubah


def _log_baru_sql(nips: list[str], oleh: AbstractBaseUser | None, sumber: str) -> list[int]:
    """PostgreSQL: the creation entries of the employees just copied in, built by the database
    from the rows themselves (INSERT ... SELECT, no JSON built in Python): the same `changes` as
    `_tulis_log` writes elsewhere (every non-blank field, ["None", text]); return their ids."""
    meta = Pegawai._meta
    q = connection.ops.quote_name
    isi = []
    for k in KOLOM_BARU:
        c = f"p.{q(meta.get_field(k).column)}::text"
        isi.append(
            f"'{k}', CASE WHEN {c} IS NULL OR {c} = '' THEN NULL "
            f"ELSE jsonb_build_array('None', {c}) END"
        )
    ct = ContentType.objects.get_for_model(Pegawai)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(LogEntry._meta.db_table)} (content_type_id, object_id, object_pk, "
            "object_repr, action, changes, changes_text, actor_id, additional_data, timestamp, "
            "cid) SELECT %s, p.id, p.id::text, left(p.nama || ' (' || p.nip || ')', 250), %s, "
            f"jsonb_strip_nulls(jsonb_build_object({', '.join(isi)})), '', %s, %s::jsonb, %s, %s "
            f"FROM {q(meta.db_table)} p WHERE p.nip = ANY(%s) RETURNING object_id",
            [
                ct.pk,
                LogEntry.Action.CREATE,
                oleh.pk if oleh else None,
                json.dumps({"operasi": "impor", "sumber": sumber}),
                timezone.now(),
                get_cid(),
                nips,
            ],
        )
        return [row[0] for row in cursor.fetchall()]


def _perbarui(ubah: Sequence[Perubahan]) -> None:
    """Write only the changed fields, one statement per set of fields that changed together.

    Fields tied by a CHECK constraint (kedudukan and tmt_berhenti; status, golongan and the TMT
    CPNS/PPPK) must change in the same statement: the database checks each row after each
    statement, so a pension written as "kedudukan, then TMT berhenti" is refused half-way."""
    per_set: dict[tuple[str, ...], list[Perubahan]] = {}
    for p in ubah:
        per_set.setdefault(tuple(sorted(p.beda)), []).append(p)
    if connection.vendor != "postgresql":
        for kolom, daftar in per_set.items():
            objs = []
            for p in daftar:
                obj = Pegawai(pk=p.pegawai_id)
                for k, (_lama, b) in p.beda.items():
                    setattr(obj, k, b)
                objs.append(obj)
            Pegawai.objects.bulk_update(objs, list(kolom), batch_size=500)
        Pegawai.objects.filter(pk__in=[p.pegawai_id for p in ubah]).update(
            updated_at=timezone.now()
        )
        return
    meta = Pegawai._meta
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for kolom, daftar in per_set.items():
            fields = [meta.get_field(k) for k in kolom]
            tipe = ", ".join(f"v{i} {f.db_type(connection)}" for i, f in enumerate(fields))
            cursor.execute(
                f"CREATE TEMP TABLE impor_stage (id bigint PRIMARY KEY, {tipe}) ON COMMIT DROP"
            )
            nama = ", ".join(f"v{i}" for i in range(len(fields)))
            with cursor.cursor.copy(f"COPY impor_stage (id, {nama}) FROM STDIN") as copy:
                for p in daftar:
                    copy.write_row((p.pegawai_id, *(p.beda[k][1] for k in kolom)))
            atur = ", ".join(f"{q(f.column)} = s.v{i}" for i, f in enumerate(fields))
            cursor.execute(
                f"UPDATE {q(meta.db_table)} p SET {atur}, updated_at = now() "
                "FROM impor_stage s WHERE p.id = s.id"
            )
            cursor.execute("DROP TABLE impor_stage")


# --- Histories: records the employee does not have yet are added; none is changed or removed ---


def _tambah(model: type[models.Model], objs: list[models.Model]) -> int:
    # save() of each record: few per employee, and the model's own save() derives what it must
    # (a sanction's end date) and auditlog records each one.
    for obj in objs:
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
    return len(objs)


@transaction.atomic
def riwayat_impor(
    *,
    pangkat: Sequence[Mapping[str, object]] = (),
    pendidikan: Sequence[Mapping[str, object]] = (),
    hukuman: Sequence[Mapping[str, object]] = (),
) -> dict[str, int]:
    """Add the history records (dicts of model fields with `pegawai_id`) an employee does not
    have yet: a rank by its TMT, an education by level and year, a sanction by kind and start.
    Return the counts added per kind."""
    ids = {r["pegawai_id"] for r in (*pangkat, *pendidikan, *hukuman)}
    ada_pangkat = set(
        RiwayatPangkat.objects.filter(pegawai_id__in=ids).values_list("pegawai_id", "tmt_golongan")
    )
    ada_pendidikan = set(
        RiwayatPendidikan.objects.filter(pegawai_id__in=ids).values_list(
            "pegawai_id", "tingkat", "tahun_lulus"
        )
    )
    ada_hukuman = set(
        HukumanDisiplin.objects.filter(pegawai_id__in=ids).values_list(
            "pegawai_id", "jenis", "tmt_mulai"
        )
    )
    return {
        "riwayat_pangkat": _tambah(
            RiwayatPangkat,
            [
                RiwayatPangkat(**r)
                for r in pangkat
                if (r["pegawai_id"], r["tmt_golongan"]) not in ada_pangkat
            ],
        ),
        "riwayat_pendidikan": _tambah(
            RiwayatPendidikan,
            [
                RiwayatPendidikan(**r)
                for r in pendidikan
                if (r["pegawai_id"], r["tingkat"], r["tahun_lulus"]) not in ada_pendidikan
            ],
        ),
        "hukuman_disiplin": _tambah(
            HukumanDisiplin,
            [
                HukumanDisiplin(**r)
                for r in hukuman
                if (r["pegawai_id"], r["jenis"], r["tmt_mulai"]) not in ada_hukuman
            ],
        ),
    }
