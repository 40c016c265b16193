"""The id of the request being served, where every layer can read it: the log lines
(core.logging), the audit trail's correlation id (AUDITLOG_CID_GETTER) and the background tasks a
request starts (tugas.progres), so one id follows an officer's complaint from nginx's access log
to the app's log, the audit rows and the worker's log.

In the bottom layer because tasks (here) carry it; core.middleware.RequestIdMiddleware
sets it for each request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# The id of the request being served (None outside a request: commands, an idle worker).
id_permintaan: ContextVar[str | None] = ContextVar("id_permintaan", default=None)

# The keyword under which a task receives the id of the request that started it
# (tugas.progres.mulai passes it; dengan_progres and the worker run the task under it).
KUNCI = "id_permintaan"


def id_kini() -> str | None:
    """Return the current request's id: django-auditlog's `AUDITLOG_CID_GETTER`, so each audit
    row's correlation id (`cid`, filterable in the admin's audit list) is the request's id."""
    return id_permintaan.get()


@contextmanager
def atas_nama(id_: str | None) -> Iterator[None]:
    """Run the block as part of request `id_` (a task started by that request), then restore
    what was there."""
    token = id_permintaan.set(id_)
    try:
        yield
    finally:
        id_permintaan.reset(token)
