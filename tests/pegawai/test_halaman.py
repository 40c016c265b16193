"""pegawai.halaman: the pager's links keep the filters and sort order, never the page."""

from django.test import RequestFactory

from pegawai.halaman import query_tanpa_halaman


def test_the_query_keeps_filters_and_repeated_values_and_drops_the_page():
    request = RequestFactory().get("/x/", {"unit": ["3", "4"], "urut": "-nama", "halaman": "7"})
    assert query_tanpa_halaman(request) == "unit=3&unit=4&urut=-nama"


def test_a_query_of_only_the_page_becomes_empty():
    assert query_tanpa_halaman(RequestFactory().get("/x/?halaman=2")) == ""
