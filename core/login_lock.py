"""Login lockout per address as well as per username and address (password spraying).

django-axes 8 counts failures per lockout combination but compares every combination with one
limit (`AXES_FAILURE_LIMIT`). Adding a plain "ip_address" combination would therefore lock a
whole office behind one NAT address after five typos of different people, and a successful login
would wipe the address's count (AXES_RESET_ON_SUCCESS resets every combination of the request).
So the per-address limit is a second, higher limit checked here, over the same AccessAttempt
rows axes keeps: many usernames tried from one address lock that address, and only it.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone


class AxesHandler(AxesDatabaseHandler):
    """Axes' database handler plus `LOGIN_FAILURE_LIMIT_PER_ADDRESS` over all usernames."""

    def is_locked(self, request: HttpRequest, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or self._address_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        # Axes marks the request locked (its 429 page) only from its own count: do the same
        # for the address, on the failure that reaches the limit and on every one after.
        if request is not None and self._address_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def _address_locked(self, request: HttpRequest) -> bool:
        limit = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        if not limit:
            return False
        address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        attempts = AccessAttempt.objects.filter(ip_address=address)
        cool_off = get_cool_off(request)
        if cool_off is not None:
            attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
        failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        return failures >= limit
