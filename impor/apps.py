from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impor"
    verbose_name = _("Impor data")
