"""The admin of the merit-system index: every page within its query bound."""

from __future__ import annotations

import pytest

from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests

pytestmark = pytest.mark.django_db

APP = "sistem_merit"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database.
CHANGELIST_QUERIES = {
    "sistem_merit.instrumen": AUTH + 2,
    "sistem_merit.aspek": AUTH + 2,
    "sistem_merit.kriteria": AUTH + 2 + 1,  # filter "instrumen": the instruments
    "sistem_merit.penilaian": AUTH + 2 + 1,  # filter "instrumen"
    "sistem_merit.jawabankriteria": AUTH + 2 + 2,  # filters: the instruments, the years
    "sistem_merit.dokumenbukti": AUTH + 2,
}

# Assessments, answers and documents change through the assessment pages: no add page.
TANPA_TAMBAH = {
    "sistem_merit.penilaian",
    "sistem_merit.jawabankriteria",
    "sistem_merit.dokumenbukti",
}

# Change page: AUTH + CONTENT_TYPE + the object + its inlines + the labels of its read-only or
# selected foreign keys.
CHANGE_QUERIES = {
    "sistem_merit.instrumen": AUTH + CONTENT_TYPE + 1 + 2,  # its bands, its aspects
    "sistem_merit.aspek": AUTH + CONTENT_TYPE + 1 + 1,  # the instrument's label
    "sistem_merit.kriteria": AUTH + CONTENT_TYPE + 1 + 1 + 2,  # its levels; the aspect's label
    "sistem_merit.penilaian": AUTH + CONTENT_TYPE + 1 + 3,  # instrument, opener, finaliser
    "sistem_merit.jawabankriteria": AUTH + CONTENT_TYPE + 1 + 5,  # documents; read-only labels
    "sistem_merit.dokumenbukti": AUTH + CONTENT_TYPE + 1 + 4,  # read-only labels
}


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH
)
