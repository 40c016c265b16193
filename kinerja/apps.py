from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja")
