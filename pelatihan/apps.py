from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pelatihan"
    verbose_name = _("Pelatihan")
