"""The public side: transparency of filled posts, open selections, the public satisfaction survey.

Above jabatan in the layers: it may read every app; no app imports it."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PublikConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publik"
    verbose_name = _("Layanan publik")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from jabatan import asal_seleksi
        from jabatan.models import Formasi, Keputusan, KoreksiKeputusan, Penempatan
        from pegawai import saya
        from pegawai.apps import AUDIT_EXCLUDE
        from publik import models as m
        from publik.cache import batalkan
        from publik.keputusan import AsalSeleksiPublik
        from publik.qr import alamat_pasang_kios
        from survei.models import KiosSkm, KomentarSkm, ResponSkm, UnitLayanan

        asal_seleksi.daftarkan(AsalSeleksiPublik())
        KiosSkm.alamat_pasang = staticmethod(alamat_pasang_kios)
        for model in (
            m.Tahap,
            m.Pelamar,
            m.HasilTahap,
            m.Pengumuman,
            m.AnggotaPanitia,
            m.PerubahanSeleksi,
            m.KeputusanSeleksi,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Seleksi, exclude_fields=AUDIT_EXCLUDE, m2m_fields={"formasi"})
        saya.tambah_tautan("publik:seleksi_saya", _("Seleksi terbuka jabatan pimpinan tinggi"))

        # What each public section shows; a save or delete of any of these models invalidates
        # the section's cached pages (publik/cache.py). The home page shows a bit of all.
        bagian = {
            Keputusan: ("transparansi", "beranda"),
            KoreksiKeputusan: ("transparansi", "beranda"),
            Penempatan: ("transparansi", "beranda"),
            Formasi: ("transparansi", "beranda"),
            ResponSkm: ("survei",),
            KomentarSkm: ("survei",),
            UnitLayanan: ("survei",),
            m.Seleksi: ("seleksi", "beranda"),
            m.Tahap: ("seleksi",),
            m.Pengumuman: ("seleksi", "beranda"),
            m.PerubahanSeleksi: ("seleksi", "beranda"),
        }
        for model, sections in bagian.items():

            def bump(sender, sections=sections, **kwargs) -> None:
                batalkan(*sections)

            post_save.connect(
                bump, sender=model, weak=False, dispatch_uid=f"publik-{model.__name__}"
            )
            post_delete.connect(
                bump, sender=model, weak=False, dispatch_uid=f"publik-del-{model.__name__}"
            )
