"""The admins that write the merit projection's inputs themselves refresh it when a field it
reads changes (pegawai.projection.RefreshAdminMixin.projection_fields): each list, written by
hand, holds every column the projection's SQL (jabatan.indeks.sql) reads of its model."""

from __future__ import annotations

import re

from django.contrib import admin

from jabatan.indeks import sql
from pegawai.models import Pegawai
from pegawai.projection import RefreshAdminMixin


def _sql() -> str:
    """Every statement the projection runs: a whole rebuild's and a refresh of some employees'."""
    return " ".join(
        select for semua in (True, False) for _m, fn in sql.TABEL for select in fn(semua)[1:]
    )


def _dibaca(model, teks: str) -> set[str]:
    """The fields of `model` the SQL reads: `<alias>.<column>` for each alias the statements give
    its table (`FROM t alias`, `JOIN t alias`), its primary key aside (no form edits it)."""
    alias = set(re.findall(rf"(?:FROM|JOIN)\s+{model._meta.db_table}\s+(\w+)", teks))
    kolom = {k for a in alias for k in re.findall(rf"\b{a}\.(\w+)", teks)}
    nama = {f.column: f.name for f in model._meta.concrete_fields if not f.primary_key}
    return {nama.get(k, k) for k in kolom if k != model._meta.pk.column}


def test_each_admin_lists_every_field_the_projection_sql_reads_of_its_model():
    teks = _sql()
    admins = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, RefreshAdminMixin) and model_admin.projection_fields is not None
    }
    assert Pegawai in admins
    # The parse finds what it should: the employee's rank, and its study field by its name.
    assert {"golongan", "bidang_studi"} <= _dibaca(Pegawai, teks)
    hilang = {}
    for model, model_admin in admins.items():
        dibaca = _dibaca(model, teks)
        assert dibaca, f"{model.__name__}: the projection's SQL reads none of its columns"
        if kurang := dibaca - model_admin.projection_fields:
            hilang[model.__name__] = sorted(kurang)
    assert hilang == {}
