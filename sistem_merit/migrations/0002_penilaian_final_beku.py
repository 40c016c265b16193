"""A final assessment is frozen in the database too: its row, its answers and its documents
refuse every change, whatever path the write takes (services, admin, the shell, raw SQL); on
PostgreSQL, the production database, deletion as well (SQLite: below).

The services refuse first with a message (sistem_merit.services._lock); these triggers are the
guarantee. The error text starts with `penilaian_final_beku`, the name tests look for.
"""

from django.db import migrations

PESAN = "penilaian_final_beku: penilaian sudah final dan dibekukan"

PG_FORWARD = f"""
CREATE OR REPLACE FUNCTION sistem_merit_penilaian_beku() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'final' THEN
        RAISE EXCEPTION '{PESAN}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER penilaian_beku BEFORE UPDATE OR DELETE ON sistem_merit_penilaian
    FOR EACH ROW EXECUTE FUNCTION sistem_merit_penilaian_beku();

CREATE OR REPLACE FUNCTION sistem_merit_jawaban_beku() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    pid bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN pid := NEW.penilaian_id; ELSE pid := OLD.penilaian_id; END IF;
    IF EXISTS (SELECT 1 FROM sistem_merit_penilaian WHERE id = pid AND status = 'final') THEN
        RAISE EXCEPTION '{PESAN}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER jawaban_beku BEFORE INSERT OR UPDATE OR DELETE ON sistem_merit_jawabankriteria
    FOR EACH ROW EXECUTE FUNCTION sistem_merit_jawaban_beku();

CREATE OR REPLACE FUNCTION sistem_merit_dokumen_beku() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    jid bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN jid := NEW.jawaban_id; ELSE jid := OLD.jawaban_id; END IF;
    IF EXISTS (
        SELECT 1 FROM sistem_merit_jawabankriteria j
        JOIN sistem_merit_penilaian p ON p.id = j.penilaian_id
        WHERE j.id = jid AND p.status = 'final'
    ) THEN
        RAISE EXCEPTION '{PESAN}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER dokumen_beku BEFORE INSERT OR UPDATE OR DELETE ON sistem_merit_dokumenbukti
    FOR EACH ROW EXECUTE FUNCTION sistem_merit_dokumen_beku();
"""

PG_BACKWARD = """
DROP TRIGGER IF EXISTS penilaian_beku ON sistem_merit_penilaian;
DROP TRIGGER IF EXISTS jawaban_beku ON sistem_merit_jawabankriteria;
DROP TRIGGER IF EXISTS dokumen_beku ON sistem_merit_dokumenbukti;
DROP FUNCTION IF EXISTS sistem_merit_penilaian_beku();
DROP FUNCTION IF EXISTS sistem_merit_jawaban_beku();
DROP FUNCTION IF EXISTS sistem_merit_dokumen_beku();
"""

_JAWABAN_FINAL = (
    "(SELECT status FROM sistem_merit_penilaian WHERE id = {row}.penilaian_id) = 'final'"
)
_DOKUMEN_FINAL = (
    "(SELECT p.status FROM sistem_merit_jawabankriteria j JOIN sistem_merit_penilaian p "
    "ON p.id = j.penilaian_id WHERE j.id = {row}.jawaban_id) = 'final'"
)
# SQLite (the quick start) refuses changes but not deletions: Django's flush, and the demo's
# reset, empty tables with DELETE, which PostgreSQL does with TRUNCATE (no row trigger fires).
# Nothing in the application deletes an assessment (no service does; the admin shows it read
# only), so on SQLite deleting one is left to the one who runs SQL by hand.
SQLITE = [
    f"CREATE TRIGGER penilaian_beku_update BEFORE UPDATE ON sistem_merit_penilaian "
    f"WHEN OLD.status = 'final' BEGIN SELECT RAISE(ABORT, '{PESAN}'); END;",
    *(
        f"CREATE TRIGGER {tabel}_beku_{op.lower()} BEFORE {op} ON sistem_merit_{tabel} "
        f"WHEN {cek.format(row=row)} BEGIN SELECT RAISE(ABORT, '{PESAN}'); END;"
        for tabel, cek in (("jawabankriteria", _JAWABAN_FINAL), ("dokumenbukti", _DOKUMEN_FINAL))
        for op, row in (("INSERT", "NEW"), ("UPDATE", "OLD"))
    ),
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        for sql in SQLITE:
            schema_editor.execute(sql)
    else:
        raise NotImplementedError(f"No freezing triggers for the {vendor} backend.")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    else:
        for sql in SQLITE:
            name = sql.split()[2]
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("sistem_merit", "0001_awal")]

    operations = [migrations.RunPython(forward, backward)]
