from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Timestamps change on every save: they add noise to the audit trail, never information.
AUDIT_EXCLUDE = ["created_at", "updated_at"]


class PegawaiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pegawai"
    verbose_name = _("Kepegawaian")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth.models import User

        from pegawai import models as m

        # Every change to employees, their histories, units and access: who, when, from where,
        # before and after (django-auditlog, one append-only table).
        for model in (
            m.UnitKerja,
            m.BidangStudi,
            m.Pegawai,
            m.RiwayatPangkat,
            m.RiwayatPendidikan,
            m.HukumanDisiplin,
            m.HasilAsesmen,
            m.Akses,
            m.RumpunIlmu,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        # What fits an affair's posts steers the ranking: its M2M edits are audited too.
        auditlog.register(
            m.UrusanPemerintahan,
            exclude_fields=AUDIT_EXCLUDE,
            m2m_fields={"bidang_studi", "rumpun"},
        )
        # Who was given which role is as answerable as what they did with it.
        auditlog.register(User, exclude_fields=["password", "last_login"], m2m_fields={"groups"})
