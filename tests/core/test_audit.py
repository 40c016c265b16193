"""core.audit: a service's audit context is undone on every path, the failing one too."""

from __future__ import annotations

import pytest
from auditlog.context import set_actor
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save

from core.audit import audited


@audited
def _refused(*, oleh) -> None:
    raise ValidationError("ditolak")


def test_a_refused_service_inside_a_request_leaves_no_audit_receiver_behind():
    """The audit middleware wraps each request in `set_actor` and disconnects its receiver by
    the id in the context when the request ends; a service that raised must not leave its own
    id there, or the request's receiver stays connected for the life of the process (one more
    per failed form, each walked on every audit save)."""
    before = len(pre_save.receivers)
    user = User(username="petugas")
    for _ in range(3):
        with set_actor(user, remote_addr="203.0.113.7"), pytest.raises(ValidationError):
            _refused(oleh=user)
    assert len(pre_save.receivers) == before
