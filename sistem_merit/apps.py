"""The merit-system index (penilaian mandiri sistem merit, PermenPANRB 40/2018 and 19/2025).

Above every app whose data it reads (pegawai, kinerja, pelatihan, jabatan, survei); beside the
public side and the importer, which it does not read (docs/desain.md)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SistemMeritConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sistem_merit"
    verbose_name = _("Indeks sistem merit")

    def ready(self) -> None:
        from core import tautan_publik
        from sistem_merit.bukti import load_all

        load_all()
        # The public page in the public side's menu (publik cannot name our URLs).
        tautan_publik.tambah("sistem_merit:publik", _("Indeks sistem merit"))
