"""Write many rows of one model fast: COPY on PostgreSQL, executemany elsewhere (with the first
free id, for rows written with explicit ids); and compute over many employees without the
cyclic garbage collector in the way.

For bulk loads that bypass the models' save() on purpose (the demo seed, the merit projection's
rebuild, imports): the caller has validated the rows, and the database's constraints still hold
every row. In core, below every app but tugas, so every app from pegawai up can use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, models
from django.utils import timezone

STAMPS = ("created_at", "updated_at")


class BulkWriter:
    """Insert tuples of named fields; every other column gets its model default, and the
    created/updated timestamps get the writer's creation time."""

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"
        now = timezone.now()
        self.now = now if self.postgres else now.replace(tzinfo=None)

    def write(self, model: type[models.Model], fields: list[str], rows: Iterable[tuple]) -> int:
        """Insert `rows` (tuples in the order of `fields`, names or attnames); return how many."""
        meta = model._meta
        rest = [
            f
            for f in meta.concrete_fields
            if f.name not in fields
            and f.attname not in fields
            and not f.primary_key
            and f.name not in STAMPS
        ]
        tail = tuple(f.get_default() for f in rest)
        if any(f.name == "created_at" for f in meta.concrete_fields):
            rest += [meta.get_field(s) for s in STAMPS if s not in fields]
            tail += tuple(self.now for s in STAMPS if s not in fields)
        columns = [meta.get_field(f).column for f in fields] + [f.column for f in rest]
        table = connection.ops.quote_name(meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in columns)
        n = 0
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + tail)
                        n += 1
            else:
                marks = ", ".join(["%s"] * len(columns))
                batch: list[tuple] = []
                for row in rows:
                    batch.append(row + tail)
                    if len(batch) == 5000:
                        cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", batch)
                        n += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", batch)
                    n += len(batch)
        return n


def next_free_id(model: type[models.Model]) -> int:
    """The first free id of a table, for rows written with explicit ids (the demo seed, which
    moves the sequences past them afterwards)."""
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a computation over many employees.

    Such work allocates millions of small objects that hold no reference cycles (rows, the
    pure rules' inputs and results); the collector scanning the live ones again and again took
    a third of the city's training needs (CPU 7.8 s → 4.5 s at 100,000 employees). Reference
    counting still frees everything as it goes; the collector resumes at the end (it is
    process-wide: a thread that paused it while another had already done so leaves it off
    until the first one is done, which delays collection, never correctness)."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()
