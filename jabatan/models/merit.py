"""The merit ranking's records: profiles (weights per position kind), proposals, decisions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.merit import KOMPONEN, Bobot
from jabatan.models.base import tidak_kosong
from jabatan.models.formasi import Formasi, Penempatan
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import (
    Pegawai,
    TimestampedModel,
    pilihan_sah,
)

BOBOT_JUMLAH_100 = "profil_merit_bobot_jumlah_100"
BAWAAN = Bobot()


class ProfilMerit(TimestampedModel):
    """The weights of the merit score for one position kind, editable by HR and audited."""

    jenis_jabatan = models.CharField(
        _("jenis jabatan"), max_length=15, choices=JenisJabatan.choices, unique=True
    )
    # Defaults: jabatan.merit.Bobot (why these, in its docstring).
    bobot_kinerja = models.PositiveSmallIntegerField(_("bobot kinerja (%)"), default=BAWAAN.kinerja)
    bobot_kompetensi = models.PositiveSmallIntegerField(
        _("bobot kompetensi (%)"), default=BAWAAN.kompetensi
    )
    bobot_kualifikasi = models.PositiveSmallIntegerField(
        _("bobot kualifikasi (%)"), default=BAWAAN.kualifikasi
    )
    bobot_pengembangan = models.PositiveSmallIntegerField(
        _("bobot pengembangan (%)"),
        default=BAWAAN.pengembangan,
        help_text=_("JP pelatihan tahun ini dan tahun lalu, dan pelatihan kepemimpinan jenjang."),
    )
    bobot_pengalaman = models.PositiveSmallIntegerField(
        _("bobot pengalaman (%)"), default=BAWAAN.pengalaman
    )
    bobot_integritas = models.PositiveSmallIntegerField(
        _("bobot integritas (%)"), default=BAWAAN.integritas
    )
    hanya_talent_pool = models.BooleanField(
        _("hanya kelompok rencana suksesi"),
        default=False,
        help_text=_("Batasi kandidat pada kotak talenta 7–9 (PermenPANRB 3/2020)."),
    )
    wajib_kepemimpinan = models.BooleanField(
        _("wajib lulus pelatihan kepemimpinan jenjang"),
        default=False,
        help_text=_(
            "Kandidat harus sudah lulus pelatihan kepemimpinan jenjang jabatan ini (PKP, PKA, "
            "PKN II) atau yang lebih tinggi. Peraturan mewajibkannya setelah pelantikan; "
            "centang bila pemerintah daerah mensyaratkannya sebelum."
        ),
    )

    class Meta:
        verbose_name = _("profil merit")
        verbose_name_plural = pgettext_lazy("jamak", "profil merit")
        ordering = ["jenis_jabatan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    bobot_kinerja__lte=100,
                    bobot_kompetensi__lte=100,
                    bobot_kualifikasi__lte=100,
                    bobot_pengembangan__lte=100,
                    bobot_pengalaman__lte=100,
                    bobot_integritas__lte=100,
                ),
                name="profil_merit_bobot_0_100",
                violation_error_message=_("Setiap bobot 0 sampai 100."),
            ),
            models.CheckConstraint(
                condition=Exact(
                    sum((F(f"bobot_{k}") for k in KOMPONEN[1:]), F(f"bobot_{KOMPONEN[0]}")), 100
                ),
                name=BOBOT_JUMLAH_100,
                violation_error_code=BOBOT_JUMLAH_100,
                violation_error_message=_("Jumlah bobot harus 100%%."),
            ),
            pilihan_sah(
                "jenis_jabatan", JenisJabatan.choices, name="profil_merit_jenis_jabatan_pilihan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_jabatan_display()}"

    @property
    def bobot(self) -> Bobot:
        return Bobot(**{k: getattr(self, f"bobot_{k}") for k in KOMPONEN})

    def clean(self) -> None:
        total = sum(getattr(self, f"bobot_{k}") or 0 for k in KOMPONEN)
        if total != 100:
            raise ValidationError(_("Jumlah bobot harus 100%% (sekarang %(n)s%%).") % {"n": total})

    def validate_constraints(self, exclude=None) -> None:
        # clean() names the wrong total; the same rule's constraint would repeat it without.
        try:
            super().validate_constraints(exclude)
        except ValidationError as exc:
            lain = {
                field: [e for e in errors if e.code != BOBOT_JUMLAH_100]
                for field, errors in exc.error_dict.items()
            }
            lain = {field: errors for field, errors in lain.items() if errors}
            if lain:
                raise ValidationError(lain) from exc


MAKS_USULAN = 3  # candidates proposed to the PPK per post


class Usulan(TimestampedModel):
    """A candidate proposed to the appointing official (PPK) for a vacant post: three at most."""

    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="usulan", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="usulan", on_delete=models.PROTECT
    )
    peringkat = models.PositiveIntegerField(_("peringkat saat diusulkan"), null=True)
    skor = models.DecimalField(_("skor"), max_digits=5, decimal_places=2, null=True)
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.PROTECT
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    # One of the post's three proposal slots: a CHECK cannot count rows, but a unique slot
    # among the active proposals holds "three at most" against any writer (usulan_set numbers).
    urutan = models.PositiveSmallIntegerField(_("urutan usulan"))

    class Meta:
        verbose_name = _("usulan kandidat")
        verbose_name_plural = pgettext_lazy("jamak", "usulan kandidat")
        ordering = ["formasi", "peringkat"]
        constraints = [
            models.UniqueConstraint(
                fields=["formasi", "pegawai"],
                condition=Q(aktif=True),
                name="usulan_satu_per_pegawai_formasi",
                violation_error_message=_("Pegawai ini sudah diusulkan untuk formasi ini."),
            ),
            models.UniqueConstraint(
                fields=["formasi", "urutan"],
                condition=Q(aktif=True),
                name="usulan_tiga_slot_per_formasi",
                violation_error_message=_("Formasi ini sudah memiliki tiga usulan aktif."),
            ),
            models.CheckConstraint(
                condition=Q(urutan__gte=1, urutan__lte=MAKS_USULAN),
                name="usulan_urutan_1_3",
                violation_error_message=_("Usulan paling banyak tiga per formasi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} → {self.formasi}"


class MetodePengisian(models.TextChoices):
    SELEKSI_TERBUKA = "seleksi_terbuka", _("Seleksi terbuka")
    TALENT_POOL = "talent_pool", _("Talent pool")
    ROTASI_MUTASI = "rotasi_mutasi", _("Rotasi/mutasi")


class Keputusan(TimestampedModel):
    """The appointing official's decision on a vacant post, with the ranking frozen beside it.

    The frozen ranking (`snapshot`) is never edited. HR may correct the decree's particulars
    (number, dates, method, public summary), each correction kept as a `KoreksiKeputusan`; or
    annul the decision (`dibatalkan_pada` with `alasan_pembatalan`), on its own or by a later
    decision that names it in `membatalkan` (jabatan/services/koreksi.py). An annulled decision
    stays on the public pages, marked as such: it never silently disappears.
    """

    Metode = MetodePengisian

    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="keputusan", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai yang diangkat"),
        related_name="keputusan",
        on_delete=models.PROTECT,
    )
    penempatan = models.OneToOneField(
        Penempatan,
        verbose_name=_("penempatan"),
        related_name="keputusan",
        on_delete=models.PROTECT,
    )
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    tmt = models.DateField(_("TMT jabatan"))
    metode = models.CharField(_("metode pengisian"), max_length=20, choices=Metode.choices)
    justifikasi = models.TextField(
        _("justifikasi"),
        blank=True,
        help_text=_("Wajib bila yang diangkat bukan kandidat layak peringkat pertama."),
    )
    # What the public pages, feed and open data print instead of `justifikasi`: the internal
    # justification is about people (candidates passed over, the appointee's record) and never
    # leaves the HR pages; HR writes this summary for the public. Empty: the public reads a
    # fixed sentence that a written justification exists (publik.selectors.baris_keputusan).
    ringkasan_publik = models.CharField(
        _("ringkasan justifikasi untuk publik"),
        max_length=280,
        blank=True,
        help_text=_(
            "Tampil di halaman transparansi, umpan Atom dan data terbuka. Tanpa data pribadi "
            "dan tanpa menyalin justifikasi internal."
        ),
    )
    peringkat_terpilih = models.PositiveIntegerField(_("peringkat yang diangkat"), null=True)
    snapshot = models.JSONField(_("snapshot peringkat"))
    aturan_versi = models.CharField(_("versi aturan"), max_length=30)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT
    )
    membatalkan = models.OneToOneField(
        "self",
        verbose_name=_("membatalkan keputusan"),
        related_name="dibatalkan_oleh",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    # The annulment belongs to the annulled decision: when and why (who: the audit trail). A
    # later decision that replaces it also links it through `membatalkan`.
    dibatalkan_pada = models.DateField(_("tanggal pembatalan"), null=True, blank=True)
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        verbose_name = _("keputusan pengisian jabatan")
        verbose_name_plural = pgettext_lazy("jamak", "keputusan pengisian jabatan")
        ordering = ["-tanggal_sk", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=tidak_kosong("nomor_sk"),
                name="keputusan_nomor_sk_wajib",
                violation_error_message=_("Nomor SK wajib diisi."),
            ),
            # An unknown rank (NULL) is not "ranked first": it needs a justification too.
            models.CheckConstraint(
                condition=Q(peringkat_terpilih__isnull=False, peringkat_terpilih=1)
                | tidak_kosong("justifikasi"),
                name="keputusan_justifikasi_bila_bukan_pertama",
                violation_error_message=_(
                    "Yang diangkat bukan kandidat layak peringkat pertama: tuliskan justifikasinya."
                ),
            ),
            models.CheckConstraint(
                condition=Q(dibatalkan_pada__isnull=True) | tidak_kosong("alasan_pembatalan"),
                name="keputusan_alasan_bila_dibatalkan",
                violation_error_message=_("Alasan pembatalan wajib diisi."),
            ),
            pilihan_sah("metode", MetodePengisian.choices, name="keputusan_metode_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor_sk}: {self.pegawai.nama} → {self.formasi}"

    def get_absolute_url(self) -> str:
        """HR's page of the decision (the admin's "Lihat di situs" leads there)."""
        return reverse("jabatan:keputusan_detail", args=[self.pk])

    @property
    def batal(self) -> bool:
        return self.dibatalkan_pada is not None


class KoreksiKeputusan(TimestampedModel):
    """One correction of a recorded decision's particulars: who, when, what changed, why.

    `perubahan` maps each corrected field to its old and new value as text,
    {"nomor_sk": {"dari": "800/1/2026", "ke": "800/11/2026"}}; the frozen ranking is never
    among them. A record: never edited or deleted.
    """

    keputusan = models.ForeignKey(
        Keputusan, verbose_name=_("keputusan"), related_name="koreksi", on_delete=models.PROTECT
    )
    perubahan = models.JSONField(_("perubahan"))
    alasan = models.TextField(_("alasan koreksi"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dikoreksi oleh"), on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("koreksi keputusan")
        verbose_name_plural = pgettext_lazy("jamak", "koreksi keputusan")
        ordering = ["keputusan", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=tidak_kosong("alasan"),
                name="koreksi_keputusan_alasan_wajib",
                violation_error_message=_("Alasan koreksi wajib diisi."),
            ),
            models.CheckConstraint(
                condition=~Q(perubahan={}),
                name="koreksi_keputusan_ada_perubahan",
                violation_error_message=_("Koreksi tanpa perubahan tidak dicatat."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.keputusan.nomor_sk}: {', '.join(self.perubahan)}"
