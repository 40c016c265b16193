"""The audit trail's two helpers for services (django-auditlog writes the rows).

- `audited`: a service's per-row audit entries name its acting user `oleh` on every path (a
  command or the shell has no request for auditlog's middleware to name).
- `record_operation`: one audit record for a bulk operation (opening a period's SKPs,
  rebuilding the merit projection, an import): what was done, to which kind of record, by whom,
  with its counts. The thousands of rows such an operation writes go in through bulk statements
  that do not pass django-auditlog's per-row signals; this record makes the operation itself
  answerable, in the same append-only table (Administrasi → Jejak audit → Catatan audit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import wraps
from typing import TypeVar

from auditlog.cid import get_cid
from auditlog.context import auditlog_value, set_extra_data
from auditlog.models import LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models

T = TypeVar("T")


@contextmanager
def acting_as(oleh) -> Iterator[None]:
    """Attribute the audit entries written inside to `oleh`, the acting user a service was
    given, on every path (a command or the shell has no request for the audit middleware to
    name). Inside a request the request's other details (the address) are kept, and the
    request's context is restored afterwards."""
    try:
        previous = auditlog_value.get()
    except LookupError:
        previous = None
    data = {k: v for k, v in (previous or {}).items() if k != "signal_duid"}
    try:
        with set_extra_data({**data, "actor": oleh}):
            yield
    finally:
        # Also when the service raises (a refused form): left unrestored, the request's context
        # would keep this block's receiver id, so the audit middleware would disconnect the
        # wrong receiver and its own would stay connected for the life of the process.
        if previous is not None:
            auditlog_value.set(previous)


def audited(service: Callable[..., T]) -> Callable[..., T]:
    """Write the service's audit entries as its keyword argument `oleh` (the acting user)."""

    @wraps(service)
    def call(*args, oleh, **kwargs) -> T:
        with acting_as(oleh):
            return service(*args, oleh=oleh, **kwargs)

    return call


def record_operation(
    target: models.Model | type[models.Model],
    operation: str,
    counts: Mapping[str, int],
    *,
    oleh: AbstractBaseUser | None = None,
) -> LogEntry:
    """Write the audit record of a bulk operation on `target` (one record, or a whole model)
    with its counts (label -> number) and return it."""
    model = target if isinstance(target, type) else type(target)
    changes = {"operasi": [None, operation], **{k: [None, v] for k, v in counts.items()}}
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_pk="" if isinstance(target, type) else str(target.pk),
        object_id=None if isinstance(target, type) else target.pk,
        object_repr=str(model._meta.verbose_name_plural if isinstance(target, type) else target),
        action=LogEntry.Action.UPDATE,
        changes=changes,
        actor=oleh,
        additional_data={"operasi": operation, **counts},
        cid=get_cid(),  # the request's id, also in a task it started (AUDITLOG_CID_GETTER)
    )
