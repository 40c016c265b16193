"""Absolute URLs of the public pages (the public side, the merit-system index), built from the
configured site address (SITE_URL).

Never from the request: build_absolute_uri(), get_host() and Django's RequestSite take the Host
header, and any of settings.ALLOWED_HOSTS may arrive there; a public page cached under one name
would then carry it to everyone (tests/publik/test_alamat.py).

A syndication Feed does the same by default: Feed.get_feed() prefixes each relative link,
feed_url and item link with get_current_site(request).domain, which without the sites framework
is the request's Host. Django's add_domain() leaves URLs that already start with http:// or
https:// alone, so a feed whose link(), feed_url() and item_link() return absolut(...) carries
SITE_URL only (django/contrib/syndication/views.py).
"""

from __future__ import annotations

from django.conf import settings


def absolut(path: str) -> str:
    """Return `path` (an absolute path such as reverse() gives) under settings.SITE_URL."""
    return settings.SITE_URL + path
