"""The merit-system index (penilaian mandiri sistem merit, PermenPANRB 40/2018 and 19/2025).

Above every app whose data it reads (pegawai, kinerja, pelatihan, jabatan, survei); beside the
public side and the importer, which it does not read (docs/desain.md)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SistemMeritConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sistem_merit"
    verbose_name = _("Indeks sistem merit")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.tautan import PUBLIK
        from pegawai.apps import AUDIT_EXCLUDE
        from sistem_merit import models as m
        from sistem_merit.bukti import load_all

        load_all()
        post_migrate.connect(load_shipped, sender=self, dispatch_uid="sistem-merit-instrumen")
        # The instrument's rows HR edits, and every level set, override and document kept: who,
        # when, before and after. An assessment's frozen record (ringkasan) is its own record
        # and would swamp the trail, as a decision's ranking does (jabatan.apps).
        for model in (
            m.Instrumen,
            m.Kategori,
            m.Aspek,
            m.Kriteria,
            m.LevelKriteria,
            m.JawabanKriteria,
            m.DokumenBukti,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Penilaian, exclude_fields=[*AUDIT_EXCLUDE, "ringkasan"])
        # The public page in the public side's menu (publik cannot name our URLs).
        PUBLIK.tambah("sistem_merit:publik", _("Indeks sistem merit"))


def load_shipped(sender, **kwargs) -> None:
    """Load the shipped instruments that are missing (migration 0003 loads them first; a test
    database's flush, which empties every table and then sends post_migrate, would otherwise
    leave none). An instrument that exists is HR's and is left alone (sistem_merit.muat)."""
    from django.apps import apps
    from django.db import connection

    from sistem_merit import muat

    if "sistem_merit_instrumen" not in connection.introspection.table_names():
        return  # this app not migrated (yet, or back to zero)
    for nama in muat.BAWAAN:
        muat.load(muat.read_file(muat.DATA / nama), apps)
