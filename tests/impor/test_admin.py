"""The admin of impor's saved SIASN mappings: every page within its query bound."""

from __future__ import annotations

import pytest

from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests

pytestmark = pytest.mark.django_db

APP = "impor"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "impor.pemetaanunit": AUTH + 2,  # rows joined to the unit and the user who mapped
    "impor.pemetaanjabatan": AUTH + 2,
}

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.

# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
CHANGE_QUERIES = {
    # The autocomplete's selected unit (or position), the user who mapped (read-only).
    "impor.pemetaanunit": AUTH + CONTENT_TYPE + 1 + 2,
    "impor.pemetaanjabatan": AUTH + CONTENT_TYPE + 1 + 2,
}


# --- Every page, bounded ---------------------------------------------------------------------


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES
)
