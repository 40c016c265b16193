"""The admin of survei (the public satisfaction survey): every page within its query bound."""

from __future__ import annotations

import pytest

from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests

pytestmark = pytest.mark.django_db

APP = "survei"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database.
CHANGELIST_QUERIES = {
    "survei.unitlayanan": AUTH + 2,
    "survei.responskm": AUTH + 2 + 1,  # filter "unit": the service units
    "survei.komentarskm": AUTH + 2 + 1,  # filter "unit": the service units
    "survei.kiosskm": AUTH + 2,
    "survei.butirsurveipegawai": AUTH + 2,  # its filters are choices and booleans
}

# Responses and comments come from the public survey: no add page.
TANPA_TAMBAH = {"survei.responskm", "survei.komentarskm"}

# Change page: AUTH + CONTENT_TYPE + the object + the label of each selected autocomplete value.
CHANGE_QUERIES = {
    "survei.unitlayanan": AUTH + CONTENT_TYPE + 1 + 1,  # unit kerja
    "survei.responskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the service unit, its unit
    "survei.komentarskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the unit, the moderator
    "survei.kiosskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the service unit, its unit
    "survei.butirsurveipegawai": AUTH + CONTENT_TYPE + 1,
}


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH
)
