from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JabatanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jabatan"
    verbose_name = _("Jabatan dan formasi")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from jabatan import indeks
        from jabatan import models as m
        from jabatan.tasks import merit_index_refresh_start, predikat_refresh_start
        from pegawai import projection, saya
        from pegawai.apps import AUDIT_EXCLUDE

        auditlog.register(m.Jabatan, exclude_fields=AUDIT_EXCLUDE, m2m_fields={"bidang_studi"})
        # jumlah_terisi is kept by triggers: the placements that move it are logged themselves.
        auditlog.register(m.Formasi, exclude_fields=[*AUDIT_EXCLUDE, "jumlah_terisi"])
        auditlog.register(m.Penempatan, exclude_fields=AUDIT_EXCLUDE)
        # The merit weights, the proposals to the PPK and the decisions are answerable acts; a
        # decision's frozen ranking (snapshot) is its own record and would swamp the trail.
        auditlog.register(m.ProfilMerit, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Usulan, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Suksesor, exclude_fields=AUDIT_EXCLUDE)
        auditlog.register(m.Keputusan, exclude_fields=[*AUDIT_EXCLUDE, "snapshot"])
        auditlog.register(m.KoreksiKeputusan, exclude_fields=AUDIT_EXCLUDE)
        # Who signs the printed extracts: a change of signatory is answerable too.
        auditlog.register(m.PengaturanPetikan, exclude_fields=AUDIT_EXCLUDE)
        # The merit projection: the services below call pegawai.projection.refresh (no signals).
        projection.register(indeks.index_refresh, predikat_refresh_start, merit_index_refresh_start)
        # pelatihan's needs analysis reads the post held and the target posts through its
        # registry: pelatihan sits below jabatan and cannot import it.
        from jabatan.kebutuhan import jabatan_pegawai
        from pelatihan.sumber import daftarkan

        daftarkan(jabatan_pegawai)
        # The employee's own page: the JP of the year and the chances for vacant posts.
        from jabatan.saya import kartu_jp, kartu_peluang

        saya.tambah_kartu("jabatan:jp", kartu_jp)
        saya.tambah_kartu("jabatan:peluang", kartu_peluang)
