"""core.paging: the pager's links keep the filters and sort order, never the page."""

from django.test import RequestFactory

from core.paging import query_without_page


def test_the_query_keeps_filters_and_repeated_values_and_drops_the_page():
    request = RequestFactory().get("/x/", {"unit": ["3", "4"], "urut": "-nama", "halaman": "7"})
    assert query_without_page(request) == "unit=3&unit=4&urut=-nama"


def test_a_query_of_only_the_page_becomes_empty():
    assert query_without_page(RequestFactory().get("/x/?halaman=2")) == ""
