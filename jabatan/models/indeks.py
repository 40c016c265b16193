"""The merit projection: one row of ranking inputs per employee (jabatan.indeks keeps it)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import (
    Pegawai,
)


class IndeksMerit(models.Model):
    """One row per employee in the candidate pool: the merit inputs, ready for one table scan.

    A projection, never edited by hand: `jabatan.indeks.index_refresh` rebuilds a row whenever
    the employee, their evaluations, sanctions, assessments, placements or training change (the
    services call it through `pegawai.projection.refresh`, in their transaction), and the whole
    table after bulk loads; an annual period opening or closing re-reads the predikat columns.
    The ranking (`jabatan.peringkat`) reads this table alone, so ranking one vacancy is one scan
    whatever the number of employees. Days and scores are kept as the pure
    rules (`jabatan.merit`) count them, so SQL and Python give the same numbers. Which sanctions
    matter depends on the ranking date, so they stay in their own table; two dates here let the
    ranking look there only for the few rows that may be concerned.
    """

    # No database foreign key on the projection's tables: every row is written by the rebuild's
    # INSERT ... SELECT from pegawai_pegawai itself, and a check per row (deferred to the
    # commit) cost as much as the rebuild's SELECT. Django still cascades an employee's delete.
    pegawai = models.OneToOneField(
        Pegawai,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="indeks_merit",
        db_constraint=False,
    )
    nip = models.CharField(max_length=18)
    nama = models.CharField(max_length=250)
    jenis_kelamin = models.CharField(max_length=1)
    tanggal_lahir = models.DateField()
    status = models.CharField(max_length=4)
    aktif = models.BooleanField()  # kedudukan aktif (cuti is in the pool but not eligible)
    # SIASN's kedudukan hukum (pegawai.kedudukan_hukum): KEDUDUKAN_HUKUM and the DUK read it.
    kedudukan_hukum = models.CharField(max_length=2, blank=True, default="")
    golongan = models.CharField(max_length=5)
    urutan_golongan = models.PositiveSmallIntegerField()
    tmt_golongan = models.DateField()
    tmt_masuk = models.DateField()
    urutan_pendidikan = models.PositiveSmallIntegerField()
    bidang_studi_id = models.IntegerField(null=True)
    # The last two closed annual periods: predikat ('' when not evaluated) and its score.
    predikat_1 = models.CharField(max_length=20, blank=True)
    predikat_2 = models.CharField(max_length=20, blank=True)
    skor_1 = models.PositiveSmallIntegerField(null=True)
    skor_2 = models.PositiveSmallIntegerField(null=True)
    kinerja_lulus = models.BooleanField(default=False)  # both at least Baik (merit.kelayakan)
    asesmen = models.BooleanField(default=False)  # the levels below are the latest assessment
    level_m01 = models.PositiveSmallIntegerField(null=True)
    level_m02 = models.PositiveSmallIntegerField(null=True)
    level_m03 = models.PositiveSmallIntegerField(null=True)
    level_m04 = models.PositiveSmallIntegerField(null=True)
    level_m05 = models.PositiveSmallIntegerField(null=True)
    level_m06 = models.PositiveSmallIntegerField(null=True)
    level_m07 = models.PositiveSmallIntegerField(null=True)
    level_m08 = models.PositiveSmallIntegerField(null=True)
    level_sk01 = models.PositiveSmallIntegerField(null=True)
    # Days in ended definitive posts per position kind; the running post's kind and start.
    hari_jpt_utama = models.PositiveIntegerField(default=0)
    hari_jpt_madya = models.PositiveIntegerField(default=0)
    hari_jpt_pratama = models.PositiveIntegerField(default=0)
    hari_administrator = models.PositiveIntegerField(default=0)
    hari_pengawas = models.PositiveIntegerField(default=0)
    hari_pelaksana = models.PositiveIntegerField(default=0)
    hari_fungsional = models.PositiveIntegerField(default=0)
    # Days in ended definitive fungsional posts of the levels the JPT rule counts (Ahli Madya,
    # Ahli Utama: jabatan.merit.jpt.JENJANG_DIHITUNG); the running post's level.
    hari_ahli_madya = models.PositiveIntegerField(default=0)
    hari_ahli_utama = models.PositiveIntegerField(default=0)
    jabatan_kini = models.CharField(max_length=15, blank=True)
    jenjang_kini = models.CharField(max_length=15, blank=True)
    jabatan_kini_mulai = models.DateField(null=True)
    # The government affair of the running post's unit (related experience; the ended posts'
    # days per affair are in IndeksUrusan).
    urusan_kini_id = models.IntegerField(null=True)
    # The day related experience reaches what each managerial kind asks (merit.PENGALAMAN):
    # 0001-01-01 when ended posts suffice, NULL when time alone never brings it.
    cukup_jpt_pratama = models.DateField(null=True)
    cukup_administrator = models.DateField(null=True)
    cukup_pengawas = models.DateField(null=True)
    # The highest leadership program completed (jabatan.merit.pengembangan.TINGKAT: 0 none,
    # 1 PKP ... 4 PKN I); JP per year is in IndeksJp.
    tingkat_kepemimpinan = models.PositiveSmallIntegerField(default=0)
    # The JP of the window (jabatan.merit.pengembangan.tahun_jendela) that ends in the year of
    # the row's writing, `jp_jendela_tahun`: a ranking dated in that year reads the sum here
    # instead of joining IndeksJp twice per row (1,000,000 employees: about 1 s of the scan).
    # A ranking dated in another year sums the IndeksJp rows instead (the rows written last year
    # stay right, only slower, until the next rebuild).
    jp_jendela_tahun = models.PositiveSmallIntegerField(null=True)
    jp_jendela = models.PositiveIntegerField(default=0)
    # The latest assessment's JPM (of those with one), in hundredths: the talent grid's potensial
    # axis, banded at ranking time by HR's current PengaturanTalenta (so a band change needs no
    # rebuild here).
    jpm_sen = models.PositiveIntegerField(null=True)
    # Prefilters: only rows with a sanction near the date look at the sanctions table.
    hukuman_sampai = models.DateField(
        null=True, db_index=True
    )  # last end, sedang/berat (open: 9999)
    hukuman_terakhir = models.DateField(null=True)  # latest start of any sanction

    class Meta:
        verbose_name = _("indeks merit")
        # The ranking finds the rows whose jp_jendela is of another year (jabatan.peringkat.sql
        # _Sql.dari): none in a year the projection was rebuilt.
        indexes = [models.Index(fields=["jp_jendela_tahun"], name="indeks_merit_jp_tahun")]
        verbose_name_plural = pgettext_lazy("jamak", "indeks merit")

    def __str__(self) -> str:
        return f"{self.nip} {self.nama}"


class IndeksUrusan(models.Model):
    """Days an employee served in ended definitive posts in units of one government affair:
    the related experience of the merit ranking (jabatan.merit.relevansi), kept with IndeksMerit
    by the same writer. Only affairs with days have a row; the ranking joins the one row of the
    post's affair."""

    pegawai = models.ForeignKey(
        Pegawai,
        on_delete=models.CASCADE,
        related_name="indeks_urusan",
        db_constraint=False,
        db_index=False,  # the unique constraint leads with pegawai: one index less to write
    )
    urusan_id = models.IntegerField()
    hari = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("indeks pengalaman urusan")
        verbose_name_plural = pgettext_lazy("jamak", "indeks pengalaman urusan")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "urusan_id"], name="indeks_urusan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.urusan_id}: {self.hari}"


class IndeksJp(models.Model):
    """An employee's JP of one calendar year (completed catalogue training and verified external
    training): the pengembangan input of the merit ranking (jabatan.merit.pengembangan), kept
    with IndeksMerit by the same writer. Only years with JP have a row; the ranking joins the
    rows of the ranking year and the one before."""

    pegawai = models.ForeignKey(
        Pegawai,
        on_delete=models.CASCADE,
        related_name="indeks_jp",
        db_constraint=False,
        db_index=False,  # the unique constraint leads with pegawai: one index less to write
    )
    tahun = models.PositiveSmallIntegerField()
    jp = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("indeks JP pelatihan")
        verbose_name_plural = pgettext_lazy("jamak", "indeks JP pelatihan")
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="indeks_jp_unik")]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tahun}: {self.jp}"
