"""Language selection: Indonesian for everyone unless the user picked another language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
