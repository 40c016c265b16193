"""Keep Sesi.jumlah_peserta equal to its enrolments that hold a seat, in the database.

The same pattern as a post's quota (jabatan migration 0002): with the CHECK constraint
`sesi_peserta_tidak_melebihi_kapasitas` the capacity is a database guarantee on every write path
(services, admin, raw SQL, COPY); on PostgreSQL the UPDATE of the session row serialises
concurrent enrolments into one session. PostgreSQL uses statement-level triggers with transition
tables (one UPDATE per statement for a bulk enrolment); SQLite has only row triggers.

Note for later migrations: SQLite drops a table's triggers when Django rebuilds that table; a
migration that alters `pelatihan_peserta` on SQLite must run this SQL again
(tests/pelatihan/test_models.py fails if the count stops following the enrolments).
"""

from django.db import migrations

SEAT = "status IN ('terdaftar', 'hadir', 'lulus', 'tidak_lulus')"

PG_FORWARD = f"""
CREATE OR REPLACE FUNCTION pelatihan_peserta_hitung() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE pelatihan_sesi s SET jumlah_peserta = s.jumlah_peserta + d.n
        FROM (SELECT sesi_id, count(*) AS n FROM new_rows WHERE {SEAT}
              GROUP BY sesi_id) d
        WHERE s.id = d.sesi_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE pelatihan_sesi s SET jumlah_peserta = s.jumlah_peserta - d.n
        FROM (SELECT sesi_id, count(*) AS n FROM old_rows WHERE {SEAT}
              GROUP BY sesi_id) d
        WHERE s.id = d.sesi_id;
    ELSE
        UPDATE pelatihan_sesi s SET jumlah_peserta = s.jumlah_peserta + d.n
        FROM (SELECT sesi_id, sum(n) AS n FROM (
                  SELECT sesi_id, 1 AS n FROM new_rows WHERE {SEAT}
                  UNION ALL
                  SELECT sesi_id, -1 AS n FROM old_rows WHERE {SEAT}
              ) x GROUP BY sesi_id HAVING sum(n) <> 0) d
        WHERE s.id = d.sesi_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER peserta_hitung_ins AFTER INSERT ON pelatihan_peserta
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pelatihan_peserta_hitung();
CREATE TRIGGER peserta_hitung_del AFTER DELETE ON pelatihan_peserta
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pelatihan_peserta_hitung();
CREATE TRIGGER peserta_hitung_upd AFTER UPDATE ON pelatihan_peserta
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pelatihan_peserta_hitung();
"""

PG_BACKWARD = """
DROP TRIGGER IF EXISTS peserta_hitung_ins ON pelatihan_peserta;
DROP TRIGGER IF EXISTS peserta_hitung_del ON pelatihan_peserta;
DROP TRIGGER IF EXISTS peserta_hitung_upd ON pelatihan_peserta;
DROP FUNCTION IF EXISTS pelatihan_peserta_hitung();
"""


def _sqlite_seat(alias: str) -> str:
    return f"{alias}.status IN ('terdaftar', 'hadir', 'lulus', 'tidak_lulus')"


SQLITE_FORWARD = [
    f"""CREATE TRIGGER peserta_hitung_ins AFTER INSERT ON pelatihan_peserta
    WHEN {_sqlite_seat("NEW")}
    BEGIN
        UPDATE pelatihan_sesi SET jumlah_peserta = jumlah_peserta + 1 WHERE id = NEW.sesi_id;
    END""",
    f"""CREATE TRIGGER peserta_hitung_del AFTER DELETE ON pelatihan_peserta
    WHEN {_sqlite_seat("OLD")}
    BEGIN
        UPDATE pelatihan_sesi SET jumlah_peserta = jumlah_peserta - 1 WHERE id = OLD.sesi_id;
    END""",
    f"""CREATE TRIGGER peserta_hitung_upd AFTER UPDATE ON pelatihan_peserta
    BEGIN
        UPDATE pelatihan_sesi SET jumlah_peserta = jumlah_peserta - 1
            WHERE id = OLD.sesi_id AND {_sqlite_seat("OLD")};
        UPDATE pelatihan_sesi SET jumlah_peserta = jumlah_peserta + 1
            WHERE id = NEW.sesi_id AND {_sqlite_seat("NEW")};
    END""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS peserta_hitung_ins",
    "DROP TRIGGER IF EXISTS peserta_hitung_del",
    "DROP TRIGGER IF EXISTS peserta_hitung_upd",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)
    else:
        raise NotImplementedError(f"No capacity triggers for the {vendor} backend.")
    schema_editor.execute(
        "UPDATE pelatihan_sesi SET jumlah_peserta = (SELECT count(*) FROM pelatihan_peserta p "
        f"WHERE p.sesi_id = pelatihan_sesi.id AND {_sqlite_seat('p')})"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    else:
        for sql in SQLITE_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("pelatihan", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
