"""Keep Formasi.jumlah_terisi equal to its active definitive placements, in the database.

Together with the CHECK constraint `formasi_terisi_tidak_melebihi_kuota` this makes the quota a
database guarantee: every write path (services, admin, raw SQL, COPY) goes through the trigger,
and on PostgreSQL the UPDATE of the post row serialises concurrent placements into one post.

PostgreSQL uses statement-level triggers with transition tables, so a bulk load of 1,000,000
placements costs one UPDATE per statement, not one per row. SQLite has only row triggers.

Note for later migrations: SQLite drops a table's triggers when Django rebuilds that table; a
migration that alters `jabatan_penempatan` on SQLite must run this SQL again
(tests/jabatan/test_services.py fails if the count stops following the placements).
"""

from django.db import migrations

ACTIVE = "jenis = 'definitif' AND tmt_selesai IS NULL"

PG_FORWARD = f"""
CREATE OR REPLACE FUNCTION jabatan_penempatan_hitung_terisi() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE jabatan_formasi f SET jumlah_terisi = f.jumlah_terisi + d.n
        FROM (SELECT formasi_id, count(*) AS n FROM new_rows WHERE {ACTIVE}
              GROUP BY formasi_id) d
        WHERE f.id = d.formasi_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE jabatan_formasi f SET jumlah_terisi = f.jumlah_terisi - d.n
        FROM (SELECT formasi_id, count(*) AS n FROM old_rows WHERE {ACTIVE}
              GROUP BY formasi_id) d
        WHERE f.id = d.formasi_id;
    ELSE
        UPDATE jabatan_formasi f SET jumlah_terisi = f.jumlah_terisi + d.n
        FROM (SELECT formasi_id, sum(n) AS n FROM (
                  SELECT formasi_id, 1 AS n FROM new_rows WHERE {ACTIVE}
                  UNION ALL
                  SELECT formasi_id, -1 AS n FROM old_rows WHERE {ACTIVE}
              ) x GROUP BY formasi_id HAVING sum(n) <> 0) d
        WHERE f.id = d.formasi_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER penempatan_terisi_ins AFTER INSERT ON jabatan_penempatan
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jabatan_penempatan_hitung_terisi();
CREATE TRIGGER penempatan_terisi_del AFTER DELETE ON jabatan_penempatan
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jabatan_penempatan_hitung_terisi();
CREATE TRIGGER penempatan_terisi_upd AFTER UPDATE ON jabatan_penempatan
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jabatan_penempatan_hitung_terisi();
"""

PG_BACKWARD = """
DROP TRIGGER IF EXISTS penempatan_terisi_ins ON jabatan_penempatan;
DROP TRIGGER IF EXISTS penempatan_terisi_del ON jabatan_penempatan;
DROP TRIGGER IF EXISTS penempatan_terisi_upd ON jabatan_penempatan;
DROP FUNCTION IF EXISTS jabatan_penempatan_hitung_terisi();
"""

SQLITE_FORWARD = [
    f"""CREATE TRIGGER penempatan_terisi_ins AFTER INSERT ON jabatan_penempatan
    WHEN NEW.jenis = 'definitif' AND NEW.tmt_selesai IS NULL
    BEGIN
        UPDATE jabatan_formasi SET jumlah_terisi = jumlah_terisi + 1 WHERE id = NEW.formasi_id;
    END""",
    f"""CREATE TRIGGER penempatan_terisi_del AFTER DELETE ON jabatan_penempatan
    WHEN OLD.jenis = 'definitif' AND OLD.tmt_selesai IS NULL
    BEGIN
        UPDATE jabatan_formasi SET jumlah_terisi = jumlah_terisi - 1 WHERE id = OLD.formasi_id;
    END""",
    f"""CREATE TRIGGER penempatan_terisi_upd AFTER UPDATE ON jabatan_penempatan
    BEGIN
        UPDATE jabatan_formasi SET jumlah_terisi = jumlah_terisi - 1
            WHERE id = OLD.formasi_id AND OLD.jenis = 'definitif' AND OLD.tmt_selesai IS NULL;
        UPDATE jabatan_formasi SET jumlah_terisi = jumlah_terisi + 1
            WHERE id = NEW.formasi_id AND NEW.jenis = 'definitif' AND NEW.tmt_selesai IS NULL;
    END""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS penempatan_terisi_ins",
    "DROP TRIGGER IF EXISTS penempatan_terisi_del",
    "DROP TRIGGER IF EXISTS penempatan_terisi_upd",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)
    else:
        raise NotImplementedError(f"No quota triggers for the {vendor} backend.")
    # Any rows already present are counted once, so the trigger starts from the truth.
    schema_editor.execute(
        "UPDATE jabatan_formasi SET jumlah_terisi = (SELECT count(*) FROM jabatan_penempatan p "
        f"WHERE p.formasi_id = jabatan_formasi.id AND p.{ACTIVE.replace(' AND ', ' AND p.')})"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    else:
        for sql in SQLITE_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("jabatan", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
