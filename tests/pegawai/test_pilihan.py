"""Every choices field of pegawai's models is held by a CHECK constraint: raw SQL cannot store a
value outside the choices (forms check choices; imports, bulk writes and SQL do not)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction

from tests.akses_data import buat_organisasi

pytestmark = pytest.mark.django_db

FIELDS = [
    (model, field)
    for model in apps.get_app_config("pegawai").get_models()
    for field in model._meta.concrete_fields
    if field.choices
]


def test_it_knows_the_choices_fields():
    names = {f"{m._meta.model_name}.{f.name}" for m, f in FIELDS}
    assert {"pegawai.kedudukan", "hukumandisiplin.jenis", "unitkerja.jenis"} <= names


@pytest.mark.parametrize(
    ("model", "field"), FIELDS, ids=[f"{m._meta.model_name}.{f.name}" for m, f in FIELDS]
)
def test_a_raw_write_of_a_value_outside_the_choices_is_refused(model, field):
    buat_organisasi()
    obj = model.objects.order_by("pk").first()
    assert obj is not None
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, ["bukan-pilihan"[: field.max_length], obj.pk])
    # Refused by a choices CHECK of this column in the database itself, not only by another
    # rule the bad value happens to break (gender and NIP, rank and status).
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    assert any(
        name.endswith(f"_{field.name}_pilihan") and info["check"]
        for name, info in constraints.items()
    )
    # The same statement with the current value goes through: the SQL itself is sound.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [getattr(obj, field.attname), obj.pk])
