from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impor"
    verbose_name = _("Impor data")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from impor import models as m
        from pegawai.apps import AUDIT_EXCLUDE

        # HR's mappings decide where every later import puts people; the upload itself (its
        # bytes excluded) is the record an import's audit entry points at.
        auditlog.register(m.PemetaanUnit, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.PemetaanJabatan, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Impor, exclude_fields=[*AUDIT_EXCLUDE, "berkas", "ringkasan"])
