"""Queued task rows store their task's import path (django-tasks `task_path`, `Progres.jenis`):
every path an earlier release stored must still import to a task, or a row queued before a
deploy fails after it."""

from __future__ import annotations

import pytest
from django.utils.module_loading import import_string
from django_tasks.base import Task

# Every task path of the release before issue 23 (commit 399541f): names kept, or an alias;
TERSIMPAN = [
    "impor.tasks.pratinjau",
    "impor.tasks.terapkan",
    "impor.tasks.rekonsiliasi",
    "impor.tasks.segarkan_indeks",
    "jabatan.tasks.buka_skp",
    "jabatan.tasks.segarkan_predikat",
    "jabatan.tasks.ekspor_peringkat",
    "pegawai.tasks.ekspor_admin",
    "pelatihan.tasks.daftar_massal",
    "pelatihan.tasks.susun_rencana",
    # and the one the release of issue 23 (b7d3f2b) named before the task moved to jabatan
    "impor.tasks.refresh_merit_index",
]


@pytest.mark.parametrize("path", TERSIMPAN)
def test_a_stored_task_path_still_imports_to_a_task(path):
    assert isinstance(import_string(path), Task)
