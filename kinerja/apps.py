from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kinerja import models as m
        from pegawai.apps import AUDIT_EXCLUDE

        # A revision changes a final predikat (and so merit eligibility): it is audited with
        # who made it, as the SKP's own change is.
        for model in (
            m.Periode,
            m.Skp,
            m.RencanaHasilKerja,
            m.RevisiSkp,
            m.KinerjaOrganisasi,
            m.PengaturanTalenta,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        # The employee's own page: the SKP to fill in (pegawai.saya).
        from kinerja.saya import kartu_skp
        from pegawai.saya import tambah_kartu

        tambah_kartu("kinerja:skp", kartu_skp)
