"""Logs a machine can read: one JSON object a line, each carrying the id of the request it
belongs to, so the IT office follows one request from nginx's access log through the app's log
lines (and an error's traceback) with one grep.

The id comes from nginx (`proxy_set_header X-Request-ID $request_id`, deploy/nginx) when it is
well formed, or is made here; the response carries it back (`X-Request-ID`) and a person who
reports an error can quote it.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished

# The id of the request being served lives in the bottom layer (tugas.permintaan), where the
# audit trail's correlation id and the background tasks read it too.
from tugas.permintaan import id_permintaan

# What an id from the proxy may look like: nginx's $request_id is 32 hex digits; a UUID is
# accepted too. Anything else (a newline to forge log lines, a megabyte) is replaced.
VALID_ID = re.compile(r"[0-9A-Za-z-]{8,64}")


def end_request(**kwargs) -> None:
    """Forget the request's id once its response is closed (Django's request_finished), so a
    log line after it, in the same thread, names no request."""
    id_permintaan.set(None)


request_finished.connect(end_request, dispatch_uid="core.logging.end_request")


def request_id_from(header: str | None) -> str:
    """Return the proxy's request id when it is well formed, else a new one."""
    if header and VALID_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record (`record.request_id`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = id_permintaan.get()
        return True


# A LogRecord's own attributes; anything else on a record came from `extra=` and is logged.
_BUILTIN = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request id, the
    `extra=` fields, and the traceback of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        baris = {
            "waktu": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        baris |= {k: v for k, v in vars(record).items() if k not in _BUILTIN}
        if record.exc_info:
            baris["traceback"] = self.formatException(record.exc_info)
        return json.dumps(baris, ensure_ascii=False, default=str)
