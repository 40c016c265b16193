from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublikConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publik"
    verbose_name = _("Layanan publik")
