"""Absolute URLs of the public side, built from the configured site address (SITE_URL)."""

from __future__ import annotations

from django.conf import settings


def absolut(path: str) -> str:
    """Return `path` (an absolute path such as reverse() gives) under settings.SITE_URL."""
    return settings.SITE_URL + path
