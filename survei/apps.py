"""The public satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017): service
units, questionnaires, comments, counter kiosks, the published figures and the internal
dashboard. Not employee performance: it reads only the organisation tree (pegawai) and the
unit heads' scope; the public pages that show it live in publik, above it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "survei"
    verbose_name = _("Survei kepuasan")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from pegawai.apps import AUDIT_EXCLUDE
        from survei import models as m

        for model in (m.UnitLayanan, m.KomentarSkm):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        # Registering or switching off a counter kiosk changes how a unit's figures are counted.
        auditlog.register(m.KiosSkm, exclude_fields=[*AUDIT_EXCLUDE, "token_hash"])
        # The employees' survey: HR's periods and questions are audited; its responses and marks
        # never are (an audit row names its user and time: the link the design keeps out).
        auditlog.register(m.PeriodeSurveiPegawai, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.ButirSurveiPegawai, exclude_fields=AUDIT_EXCLUDE)
        # The employee's own page: whether they have answered an open period, and the way to it.
        from pegawai import saya
        from survei.pegawai.saya import kartu_survei_pegawai

        saya.tambah_kartu("survei:pegawai", kartu_survei_pegawai)
