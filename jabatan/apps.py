from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JabatanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jabatan"
    verbose_name = _("Jabatan dan formasi")
