"""The open selection for JPT posts (seleksi terbuka, PermenPANRB 15/2019; docs/aturan.md §12).

HR opens a selection for one or more vacant JPT posts with its committee and its schedule of
stages; employees apply (the merit ranking's eligibility check runs at once); HR records each
stage's results and publishes its announcement (the names of those who pass, nothing more);
the selection ends with three names per post proposed to the PPK through jabatan's proposal
service, and the decision through jabatan's decision service. Every model is audited.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.models import Formasi
from pegawai.models import Pegawai, TimestampedModel, pilihan_sah


class SeleksiQuerySet(models.QuerySet):
    def terbit(self, pada: date) -> SeleksiQuerySet:
        """Return the selections the public sees on `pada`: from the first day of their
        announcement stage on. A selection is opened by its public announcement (PermenPANRB
        15/2019, the stage `pengumuman`); before that day HR is still preparing it, committee
        and all, and nothing of it is public: no page, feed entry or open-data row."""
        return self.filter(tahap__jenis=JenisTahap.PENGUMUMAN, tahap__mulai__lte=pada)


class Seleksi(TimestampedModel):
    judul = models.CharField(_("judul"), max_length=200)
    nomor_pengumuman = models.CharField(_("nomor pengumuman"), max_length=100)
    formasi = models.ManyToManyField(Formasi, verbose_name=_("formasi JPT"), related_name="seleksi")
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    selesai = models.BooleanField(_("selesai"), default=False)
    # The requirements of each post as announced, frozen from its position when the selection
    # opens (PermenPANRB 15/2019: the announcement states them): [{"formasi_id", "formasi",
    # "golongan_minimal", "pendidikan_minimal", "bidang_studi": [...], "kelas_jabatan"}].
    persyaratan = models.JSONField(_("persyaratan"), default=list, blank=True)
    # Where the announcement sets the JPT age limit or the years in an Administrator/Ahli Madya
    # post otherwise than PP 11/2017 Pasal 107 jo. PP 17/2020 (jabatan.merit.jpt): empty uses
    # the regulation's; a looser one needs its basis (ayat (2): the President's approval).
    usia_maksimal_jpt = models.PositiveSmallIntegerField(
        _("usia paling tinggi saat pendaftaran"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk batas PP 17/2020 Pasal 107: JPT pratama 56 tahun."),
    )
    tahun_jabatan_jpt = models.PositiveSmallIntegerField(
        _("lama menduduki jabatan administrator/JF ahli madya (tahun)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk syarat PP 17/2020 Pasal 107: paling singkat 2 tahun."),
    )
    dasar_pengecualian = models.CharField(
        _("dasar pengecualian"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wajib bila batas dilonggarkan, mis. persetujuan Presiden (PP 17/2020 "
            "Pasal 107 ayat (2))."
        ),
    )

    # Cancelled with a reason, never deleted (publik.services.seleksi_cancel): the public
    # pages say so with the date; its history row is a PerubahanSeleksi of kind "batal".
    dibatalkan_pada = models.DateField(_("dibatalkan pada"), null=True, blank=True)
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    objects = SeleksiQuerySet.as_manager()

    class Meta:
        verbose_name = _("seleksi terbuka")
        verbose_name_plural = pgettext_lazy("jamak", "seleksi terbuka")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dibatalkan_pada__isnull=True) | ~Q(alasan_pembatalan=""),
                name="seleksi_alasan_bila_dibatalkan",
                violation_error_message=_("Alasan pembatalan wajib diisi."),
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def syarat_pengumuman(self) -> dict[str, object]:
        """The JPT requirements this announcement sets, for the merit ranking
        (jabatan.peringkat.peringkat_formasi's `pengumuman`): only those it changes."""
        ubah: dict[str, object] = {}
        if self.usia_maksimal_jpt is not None:
            ubah["usia_maksimal_jpt"] = self.usia_maksimal_jpt
        if self.tahun_jabatan_jpt is not None:
            ubah["tahun_jabatan_jpt"] = self.tahun_jabatan_jpt
        if ubah:
            dasar = f"; {self.dasar_pengecualian}" if self.dasar_pengecualian else ""
            ubah["sumber_pengecualian"] = _("pengumuman %(n)s%(d)s") % {
                "n": self.nomor_pengumuman,
                "d": dasar,
            }
        return ubah


class AnggotaPanitia(models.Model):
    seleksi = models.ForeignKey(Seleksi, related_name="panitia", on_delete=models.CASCADE)
    nama = models.CharField(_("nama"), max_length=200)
    peran = models.CharField(_("peran"), max_length=100)

    class Meta:
        verbose_name = _("anggota panitia seleksi")
        verbose_name_plural = pgettext_lazy("jamak", "anggota panitia seleksi")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.peran})"


class JenisTahap(models.TextChoices):
    """The stages of PermenPANRB 15/2019: announcement, registration and the administrative
    check come first in this order; the committee orders the competence stages (TAHAP_KOMPETENSI)
    as it sees fit — rekam jejak may come before makalah/wawancara — in each selection's
    `Tahap.urutan`."""

    PENGUMUMAN = "pengumuman", _("Pengumuman lowongan")
    PENDAFTARAN = "pendaftaran", _("Pendaftaran")
    ADMINISTRASI = "administrasi", _("Seleksi administrasi")
    KOMPETENSI = "kompetensi", _("Asesmen kompetensi")
    WAWANCARA = "wawancara", _("Penulisan makalah dan wawancara")
    REKAM_JEJAK = "rekam_jejak", _("Penelusuran rekam jejak")


URUTAN_TAHAP = list(JenisTahap.values)  # the usual order, and the default
TAHAP_DINILAI = URUTAN_TAHAP[2:]  # stages with results: from the administrative check on
TAHAP_KOMPETENSI = URUTAN_TAHAP[3:]  # in the order the committee sets


class Tahap(TimestampedModel):
    Jenis = JenisTahap

    seleksi = models.ForeignKey(Seleksi, related_name="tahap", on_delete=models.CASCADE)
    jenis = models.CharField(_("tahap"), max_length=20, choices=JenisTahap.choices)
    # The stage's place in its selection, 1 to 6: the committee's order (publik.services).
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))

    class Meta:
        verbose_name = _("tahap seleksi")
        verbose_name_plural = pgettext_lazy("jamak", "tahap seleksi")
        ordering = ["seleksi", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["seleksi", "jenis"], name="tahap_satu_per_jenis"),
            models.UniqueConstraint(fields=["seleksi", "urutan"], name="tahap_satu_per_urutan"),
            models.CheckConstraint(
                condition=Q(mulai__lte=F("selesai")),
                name="tahap_mulai_sebelum_selesai",
                violation_error_message=_("Tanggal mulai harus sebelum tanggal selesai."),
            ),
            pilihan_sah("jenis", JenisTahap, name="tahap_jenis_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.seleksi}: {self.get_jenis_display()}"


class JenisPerubahan(models.TextChoices):
    UBAH = "ubah", _("Isi seleksi diubah")
    JADWAL = "jadwal", _("Jadwal diubah")
    BATAL = "batal", _("Seleksi dibatalkan")


class PerubahanSeleksi(TimestampedModel):
    """A change to a selection after it was opened, kept for good (publik.services): an edit
    before its announcement, a new schedule with its reason, or its cancellation with its
    reason. The public page shows the schedule changes and the cancellation with their dates."""

    Jenis = JenisPerubahan

    seleksi = models.ForeignKey(Seleksi, related_name="perubahan", on_delete=models.PROTECT)
    jenis = models.CharField(_("jenis perubahan"), max_length=10, choices=JenisPerubahan.choices)
    tanggal = models.DateField(_("tanggal perubahan"))
    alasan = models.TextField(_("alasan"), blank=True)
    # JADWAL: [{"jenis": "pendaftaran", "lama": ["2026-10-06", "2026-10-15"],
    #           "baru": ["2026-10-06", "2026-10-22"]}, ...], the stages that moved;
    # UBAH: the names of the fields changed (["judul", "tahap", ...]); BATAL: [].
    rincian = models.JSONField(_("rincian"), default=list, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("perubahan seleksi")
        verbose_name_plural = pgettext_lazy("jamak", "perubahan seleksi")
        ordering = ["seleksi", "tanggal", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis=JenisPerubahan.UBAH) | ~Q(alasan=""),
                name="perubahan_alasan_wajib",
                violation_error_message=_("Alasan perubahan wajib diisi."),
            ),
            # A selection is cancelled once: two officers cancelling at the same moment
            # leave one cancellation (the service's lock is the first guard).
            models.UniqueConstraint(
                fields=["seleksi"],
                condition=Q(jenis=JenisPerubahan.BATAL),
                name="perubahan_satu_pembatalan",
                violation_error_message=_("Seleksi ini sudah dibatalkan."),
            ),
            pilihan_sah("jenis", JenisPerubahan, name="perubahan_jenis_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.seleksi}: {self.get_jenis_display()} ({self.tanggal})"


class Pelamar(TimestampedModel):
    seleksi = models.ForeignKey(Seleksi, related_name="pelamar", on_delete=models.PROTECT)
    formasi = models.ForeignKey(Formasi, related_name="pelamar_seleksi", on_delete=models.PROTECT)
    pegawai = models.ForeignKey(Pegawai, related_name="lamaran_seleksi", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("pelamar seleksi")
        verbose_name_plural = pgettext_lazy("jamak", "pelamar seleksi")
        ordering = ["seleksi", "formasi", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["seleksi", "formasi", "pegawai"],
                name="pelamar_sekali_per_formasi",
                violation_error_message=_("Anda sudah melamar formasi ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} → {self.formasi}"


class HasilTahap(TimestampedModel):
    tahap = models.ForeignKey(Tahap, related_name="hasil", on_delete=models.PROTECT)
    pelamar = models.ForeignKey(Pelamar, related_name="hasil", on_delete=models.PROTECT)
    lulus = models.BooleanField(_("lulus"))
    nilai = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    # The committee's note: seen by HR, never published.
    catatan = models.CharField(_("catatan"), max_length=500, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("hasil tahap")
        verbose_name_plural = pgettext_lazy("jamak", "hasil tahap")
        constraints = [
            models.UniqueConstraint(fields=["tahap", "pelamar"], name="hasil_sekali_per_tahap"),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(nilai__gte=0, nilai__lte=100),
                name="hasil_nilai_0_100",
                violation_error_message=_("Nilai antara 0 dan 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tahap}: {self.pelamar}"


class PengumumanQuerySet(models.QuerySet):
    def tayang(self) -> PengumumanQuerySet:
        return self.order_by("-tanggal", "-id")

    def terbit(self, pada: date) -> PengumumanQuerySet:
        """Return the announcements the public sees on `pada`: dated `pada` or earlier, of a
        selection already public (`SeleksiQuerySet.terbit`)."""
        return self.filter(tanggal__lte=pada, seleksi__in=Seleksi.objects.terbit(pada))


class Pengumuman(TimestampedModel):
    """A stage's published announcement: its date and the names of those who pass, frozen."""

    tahap = models.OneToOneField(Tahap, related_name="pengumuman", on_delete=models.PROTECT)
    seleksi = models.ForeignKey(Seleksi, related_name="pengumuman", on_delete=models.PROTECT)
    tanggal = models.DateField(_("tanggal pengumuman"))
    # Per post: [{"formasi": "Kepala Dinas …", "lulus": ["Dr. A, M.Si.", …]}]; names only.
    isi = models.JSONField(_("yang lulus"))
    ringkasan = models.TextField(_("ringkasan"), blank=True)

    objects = PengumumanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengumuman seleksi")
        verbose_name_plural = pgettext_lazy("jamak", "pengumuman seleksi")
        ordering = ["-tanggal", "-id"]

    def __str__(self) -> str:
        return f"{self.seleksi}: {self.tahap.get_jenis_display()}"


class KeputusanSeleksi(TimestampedModel):
    """The open selection a decision by "Seleksi terbuka" came from (jabatan.asal_seleksi).

    Points at the applicant row, which holds the selection, the post and the person: the
    database refuses a link to someone who never applied, and a second link for one decision.
    Written only by publik.keputusan in the decision's own transaction, which checks that the
    applicant is the appointee and the post the decision's post.
    """

    keputusan = models.OneToOneField(
        "jabatan.Keputusan",
        verbose_name=_("keputusan"),
        related_name="asal_seleksi",
        on_delete=models.PROTECT,
    )
    pelamar = models.ForeignKey(
        Pelamar, verbose_name=_("pelamar"), related_name="keputusan", on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("asal seleksi keputusan")
        verbose_name_plural = pgettext_lazy("jamak", "asal seleksi keputusan")

    def __str__(self) -> str:
        return f"{self.keputusan_id} ← {self.pelamar}"
