"""What paged lists share (the lists of every app page with `?halaman=N`)."""

from __future__ import annotations

from django.http import HttpRequest


def query_without_page(request: HttpRequest) -> str:
    """Return the request's query string without its page number: the filters and sort order
    that the pager's links carry on to the other pages."""
    query = request.GET.copy()
    query.pop("halaman", None)
    return query.urlencode()
