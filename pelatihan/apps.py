from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelatihanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pelatihan"
    verbose_name = _("Pelatihan")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from pegawai.apps import AUDIT_EXCLUDE
        from pegawai.saya import tambah_tautan
        from pelatihan import models as m

        # Enrolments credit JP and external training counts once verified: who changed which
        # status, when, is answerable (the count of seats is the triggers', not audited).
        for model in (
            m.Program,
            m.ProgramKompetensi,
            m.Peserta,
            m.PelatihanEksternal,
            m.RencanaPengembangan,
            m.RencanaBaris,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Sesi, exclude_fields=[*AUDIT_EXCLUDE, "jumlah_peserta"])
        tambah_tautan("pelatihan:saya", _("Pelatihan dan JP saya"))
