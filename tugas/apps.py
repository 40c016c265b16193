from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TugasConfig(AppConfig):
    """Progress of background tasks: the bottom layer, it depends on no app of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tugas"
    verbose_name = _("Tugas latar belakang")
