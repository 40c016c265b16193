"""Language selection, and no caching of what logged-in users see."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


class BahasaMiddleware(LocaleMiddleware):
    """Activate the language chosen with the set_language form, else LANGUAGE_CODE ("id").

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: a civil servant
    whose browser happens to be in English still works in the agency's language by default.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def boleh_disimpan(view: Callable) -> Callable:
    """Let a view's responses to logged-in users be cached (opt out of `TanpaSimpanMiddleware`).

    Only for responses that hold no personal data, e.g. a public page that looks the same for
    everyone.
    """
    view.boleh_disimpan = True
    return view


class TanpaSimpanMiddleware:
    """Send `Cache-Control: no-store, private` on every response to a logged-in user.

    Pages for logged-in users hold personal data (an employee's record, a ranking, SKPs, an
    export): no shared proxy and no browser cache may keep them, so the back button on a shared
    office computer shows nothing after logout. One place, so no new view can forget it; a view
    opts out with `boleh_disimpan`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not getattr(request, "_boleh_disimpan", False)
        ):
            patch_cache_control(response, no_store=True, private=True)
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs):
        request._boleh_disimpan = getattr(view_func, "boleh_disimpan", False)
