"""Reads of the heavy read-only pages from a PostgreSQL streaming replica (issue 22).

With `DATABASE_REPLICA_URL` set (mataram_asn/settings.py), the database alias `replika` is a hot
standby fed by streaming replication from the primary (`default`). Nothing reads from it unless a
request asks for it, opt-in, per page:

- `ReplikaMiddleware` runs the views named in `settings.REPLICA_VIEWS` (dashboards, public pages,
  open data, the feed, exports: one list, in the settings) with `_baca_replika` set, for a GET or
  HEAD only;
- `RouterReplika` (DATABASE_ROUTERS) then sends that view's ORM reads to `replika`, except the
  models of `APLIKASI_UTAMA` (the user, their session and permissions, the audit trail, the task
  queue) and any read inside a transaction on `default`; every write, `select_for_update`
  included, goes to `default`. The standby itself refuses writes (a read-only transaction), so a
  write sent there would fail loudly, never silently diverge.

Read-your-own-writes: a POST (any unsafe method) sets the cookie `COOKIE` for
`REPLICA_STICKY_SECONDS`; while the browser sends it back, every page reads from the primary, so
whoever just changed something sees the change, however far the replica is behind.

The replica falls back to the primary, with a warning in the log and never a 500, when it cannot
be reached, when its replay is more than `REPLICA_MAX_LAG_SECONDS` behind, or when a query on it
fails mid-page (the view is run again on the primary: it is a GET of a read-only page). After a
failure, this process leaves the replica alone for `REPLICA_RETRY_SECONDS`. Lag is the time since
the last replayed transaction's commit, zero when everything received has been replayed
(PostgreSQL documentation, "Hot Standby" and "System Administration Functions",
pg_last_wal_receive_lsn / pg_last_wal_replay_lsn / pg_last_xact_replay_timestamp).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, Error, OperationalError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

ALIAS = "replika"
COOKIE = "baca_utama"
# Apps whose tables are always read from the primary: the user behind the request, their
# session and permissions (read lazily, in the middle of a view), the audit trail, login
# lock-outs and the task queue (read right after being written).
APLIKASI_UTAMA = frozenset(
    {
        "auth",
        "contenttypes",
        "sessions",
        "admin",
        "auditlog",
        "axes",
        "django_tasks_database",
        "tugas",
    }
)
METODE_AMAN = ("GET", "HEAD")

_baca_replika: ContextVar[bool] = ContextVar("baca_replika", default=False)

# Lag of a hot standby in seconds; 0 when it has replayed all it received, or is no standby.
SQL_JEDA = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""

_istirahat = threading.Lock()
_istirahat_sampai = 0.0  # monotonic time before which this process leaves the replica alone


def terpasang() -> bool:
    """Return whether reads may go to a replica at all (configured and switched on)."""
    return settings.REPLICA_ENABLED and ALIAS in settings.DATABASES


def membaca_replika() -> bool:
    """Return whether this request's reads are being sent to the replica."""
    return _baca_replika.get()


def istirahatkan(alasan: str, *args: object) -> None:
    """Leave the replica alone in this process for REPLICA_RETRY_SECONDS, saying why."""
    global _istirahat_sampai
    with _istirahat:
        _istirahat_sampai = time.monotonic() + settings.REPLICA_RETRY_SECONDS
    logger.warning("replika: " + alasan + "; reading from the primary", *args)


def pulihkan() -> None:
    """Forget a past failure: try the replica on the next request (tests, operators)."""
    global _istirahat_sampai
    with _istirahat:
        _istirahat_sampai = 0.0


def jeda() -> float | None:
    """Return the replica's replay lag in seconds (None when it has never replayed anything)."""
    with connections[ALIAS].cursor() as cursor:
        cursor.execute(SQL_JEDA)
        nilai = cursor.fetchone()[0]
    return None if nilai is None else float(nilai)


def replika_siap() -> bool:
    """Return whether the replica can serve a page now: reachable and close enough behind."""
    if time.monotonic() < _istirahat_sampai:
        return False
    try:
        lag = jeda()
    except Error as exc:
        istirahatkan("unreachable (%s)", exc)
        return False
    if lag is None or lag > settings.REPLICA_MAX_LAG_SECONDS:
        istirahatkan("%s s behind (limit %s s)", lag, settings.REPLICA_MAX_LAG_SECONDS)
        return False
    return True


class RouterReplika:
    """Send the marked pages' reads to the replica; everything else to the primary."""

    def db_for_read(self, model, **hints) -> str:
        if (
            _baca_replika.get()
            and model._meta.app_label not in APLIKASI_UTAMA
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return ALIAS
        # Explicitly the primary: left to Django, a related object of a row read from the
        # replica would be read from the replica too (the instance's own database).
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        # Never the replica, even for an object read from it (Django's default would follow
        # the instance to its database).
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # Both aliases hold the same rows: a row read from one may point at a row of the other.
        dbs = {DEFAULT_DB_ALIAS, ALIAS}
        if obj1._state.db in dbs and obj2._state.db in dbs:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints) -> bool | None:
        # The standby gets its schema from the primary's WAL.
        return False if db == ALIAS else None


class ReplikaMiddleware:
    """Run the views of REPLICA_VIEWS on the replica; keep a writer on the primary for a while.

    Sits after the CSRF and authentication middleware (their checks run first) and returns the
    view's response from `process_view`, so the view runs inside the replica context.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in METODE_AMAN and terpasang():
            # Read-your-own-writes: this browser reads from the primary for a while.
            response.set_cookie(
                COOKIE,
                "1",
                max_age=settings.REPLICA_STICKY_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        if not (
            request.method in METODE_AMAN
            and terpasang()
            and request.resolver_match.view_name in settings.REPLICA_VIEWS
            and COOKIE not in request.COOKIES
            and replika_siap()
        ):
            return None
        token = _baca_replika.set(True)
        try:
            response = view_func(request, *view_args, **view_kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response = response.render()  # a TemplateResponse reads as it renders
            return response
        except OperationalError as exc:
            # Unreachable mid-page, or a query cancelled by a recovery conflict: the page is a
            # read-only GET, so run it again on the primary. (A write refused by the standby is
            # an InternalError and propagates: it would be a routing bug.)
            istirahatkan("failed during %s (%s)", request.path, exc)
        finally:
            _baca_replika.reset(token)
        return view_func(request, *view_args, **view_kwargs)
