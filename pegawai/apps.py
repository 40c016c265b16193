from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PegawaiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pegawai"
    verbose_name = _("Kepegawaian")
