"""django-axes (login lockouts) under an Indonesian heading.

The admin index titles each app by its AppConfig's verbose_name; axes has none, so HR read
"AXES" (Django's label, upper-cased by the admin's CSS) above the lockouts they unlock. Its own
module: a second AppConfig in core/apps.py would make Django's choice of core's config
ambiguous."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("Keamanan login")
