"""The admin of pelatihan: every page within its query bound."""

from __future__ import annotations

import pytest

from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests

pytestmark = pytest.mark.django_db

APP = "pelatihan"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "pelatihan.program": AUTH + 2,
    "pelatihan.sesi": AUTH + 2 + 2,  # the date hierarchy's years, the program group filter
    "pelatihan.peserta": AUTH + 2 + 2,  # filters: DISTINCT tahun_jp, the depth-1 units
    "pelatihan.pelatihaneksternal": AUTH + 2 + 1,  # filter "tahun JP": SELECT DISTINCT
    "pelatihan.rencanapengembangan": AUTH + 2 + 1,  # filter "tahun": SELECT DISTINCT
}

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.
# External training is reported by the employee on their own page: no add page (403).
TANPA_TAMBAH = {
    "pelatihan.pelatihaneksternal",
}

# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
CHANGE_QUERIES = {
    "pelatihan.program": AUTH + CONTENT_TYPE + 1 + 1,  # inline: the competencies
    "pelatihan.sesi": AUTH + CONTENT_TYPE + 1 + 1,  # program
    "pelatihan.peserta": AUTH + CONTENT_TYPE + 1 + 2,  # read-only session (with its program),
    #                                                    employee
    "pelatihan.pelatihaneksternal": AUTH + CONTENT_TYPE + 1 + 1,  # read-only employee
    # unit kerja, the inline's rows, each row's program label (one row here), the approver
    "pelatihan.rencanapengembangan": AUTH + CONTENT_TYPE + 1 + 4,
}


# --- Every page, bounded ---------------------------------------------------------------------


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH
)
