"""Rating, the distribution curve, finalising and revising an SKP (PermenPANRB 6/2022)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, RevisiSkp, Skp
from kinerja.services.base import (
    SKP_FK,
    _kunci,
    _validasi,
    _wajib_bukan_final,
    _wajib_penilai,
    _wajib_periode_terbuka,
)
from pegawai import projection
from pegawai.akses import lingkup


def _cek_rating(**ratings: str) -> None:
    errors = {}
    for field, value in ratings.items():
        if value not in rules.RATING:
            label = Skp._meta.get_field(field).verbose_name
            errors[field] = _(
                "%(label)s harus salah satu dari: %(pilihan)s (PermenPANRB 6/2022)."
            ) % {"label": str(label).capitalize(), "pilihan": ", ".join(rules.RATING)}
    if errors:
        raise ValidationError(errors, code="rating_tidak_dikenal")


def pesan_tanpa_realisasi(n: int) -> str:
    """Return the refusal of a rating while `n` plan rows have no realisation."""
    return _(
        "Konfirmasi wajib dicentang: %(n)s baris rencana belum memiliki realisasi, padahal "
        "penilaian didasarkan pada realisasi (PermenPANRB 6/2022)."
    ) % {"n": n}


def pesan_wajib_catatan(predikat: str) -> str:
    """Return the refusal of a Butuh Perbaikan-or-lower result without the evaluator's note."""
    return _(
        "Catatan penilai wajib diisi untuk predikat %(p)s: pegawai perlu mengetahui alasannya "
        "dan apa yang harus diperbaiki (PermenPANRB 6/2022, umpan balik dan konseling kinerja)."
    ) % {"p": predikat}


def _wajib_catatan(skp: Skp) -> None:
    """Refuse a Butuh Perbaikan-or-lower result without a written note (the CHECK
    skp_final_rendah_punya_catatan holds it for final SKPs; the rating is refused as early)."""
    if rules.perlu_catatan(skp.predikat) and not skp.catatan_penilai.strip():
        raise ValidationError(
            {
                "catatan_penilai": ValidationError(
                    pesan_wajib_catatan(skp.predikat), code="catatan_wajib"
                )
            }
        )


@transaction.atomic
def skp_rate(
    *,
    skp: Skp,
    rating_hasil: str,
    rating_perilaku: str,
    oleh: AbstractBaseUser,
    catatan_perilaku: str | None = None,
    catatan_penilai: str | None = None,
    konfirmasi_tanpa_realisasi: bool = False,
) -> Skp:
    """Rate results and behaviour; the predikat follows from the official matrix. A note not
    given (None) keeps what the SKP has: rating again never blanks the behaviour notes.

    The rating rests on the realisations (PermenPANRB 6/2022: evaluation follows the monitoring
    of the plan). Plan rows without one are refused unless the evaluator confirms rating anyway
    (`konfirmasi_tanpa_realisasi`): a confirmation, not a ban, since an employee may have
    reported outside the application.
    """
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    _wajib_bukan_final(skp)
    _wajib_periode_terbuka(skp)
    if skp.status == Skp.Status.DRAFT:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "SKP belum memiliki rencana hasil kerja; nilai setelah direncanakan."
                )
            }
        )
    _cek_rating(rating_hasil=rating_hasil, rating_perilaku=rating_perilaku)
    tanpa = skp.rencana.filter(Q(realisasi="") | Q(realisasi__regex=r"^\s+$")).count()
    if tanpa and not konfirmasi_tanpa_realisasi:
        raise ValidationError(
            {
                "konfirmasi_tanpa_realisasi": ValidationError(
                    pesan_tanpa_realisasi(tanpa), code="tanpa_realisasi"
                )
            }
        )
    skp.rating_hasil, skp.rating_perilaku = rating_hasil, rating_perilaku
    skp.predikat = rules.predikat(rating_hasil, rating_perilaku)
    if catatan_perilaku is not None:
        skp.catatan_perilaku = catatan_perilaku
    if catatan_penilai is not None:
        skp.catatan_penilai = catatan_penilai
    _wajib_catatan(skp)
    skp.status = Skp.Status.DIEVALUASI
    skp.dinilai_pada = timezone.now()
    _validasi(skp, exclude=SKP_FK)
    skp.save()
    # No projection refresh: the period is open, and the merit projection reads evaluated
    # SKPs of closed annual periods only (jabatan.indeks.sql).
    return skp


def kurva_check(skp: Skp) -> tuple[str | None, dict[str, int], list[rules.Pelanggaran]]:
    """Return the unit's organisational predikat, its employees' predikat counts for the
    period, and the breaches of the distribution curve (docs/aturan.md §6)."""
    org = (
        KinerjaOrganisasi.objects.filter(
            unit_kerja_id=skp.perangkat_daerah_id, tahun=skp.periode.tahun
        )
        .values_list("predikat", flat=True)
        .first()
    )
    jumlah = dict(
        Skp.objects.filter(
            periode_id=skp.periode_id,
            perangkat_daerah_id=skp.perangkat_daerah_id,
        )
        .dinilai()
        .values_list("predikat")
        .annotate(n=Count("pk"))
    )
    return org, jumlah, (rules.cek_kurva(org, jumlah) if org else [])


@transaction.atomic
def skp_finalize(*, skp: Skp, oleh: AbstractBaseUser) -> Skp:
    """Make an evaluated SKP final. Curve breaches are shown before this step; HR decides."""
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    _wajib_bukan_final(skp)
    if skp.status != Skp.Status.DIEVALUASI:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Hanya SKP yang sudah dinilai dapat difinalkan.")}
        )
    # A rating saved before the note was required (or by the demo) is caught here.
    _wajib_catatan(skp)
    skp.status = Skp.Status.FINAL
    skp.difinalkan_pada = timezone.now()
    _validasi(skp, exclude=SKP_FK)
    skp.save(update_fields=["status", "difinalkan_pada", "updated_at"])
    # No projection refresh: evaluated and final are both read as evaluated, with the same
    # predikat (jabatan.indeks.sql).
    return skp


@transaction.atomic
def skp_revise(
    *,
    skp: Skp,
    rating_hasil: str,
    rating_perilaku: str,
    alasan: str,
    oleh: AbstractBaseUser,
    catatan_penilai: str | None = None,
) -> RevisiSkp:
    """Correct a final SKP: the old and new ratings are kept with the reason and who did it.

    In an open period the evaluator or HR revises. A closed period's predikat feed the merit
    rules (the last two annual predikat), so revising them is HR's alone (or goes the objection
    route to HR). Like finalising, the distribution curve is a warning, not a refusal
    (docs/aturan.md §6: "HR decides"): the page shows the unit's curve before the
    revision, and the breaches after it come back on `revisi.pelanggaran`, with the numbers.
    A revision to Butuh Perbaikan or lower needs the evaluator's note (`catatan_penilai`; None
    keeps the SKP's own).
    """
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    if not skp.periode.terbuka and not lingkup(oleh).semua:
        pesan = _(
            "Periode %(p)s sudah ditutup: SKP-nya hanya dapat direvisi oleh BKPSDM "
            "(ajukan keberatan kepada BKPSDM)."
        ) % {"p": skp.periode}
        raise ValidationError(
            {NON_FIELD_ERRORS: ValidationError(pesan, code="periode_tutup_bkpsdm")}
        )
    if skp.status != Skp.Status.FINAL:
        raise ValidationError({NON_FIELD_ERRORS: _("Revisi hanya untuk SKP yang sudah final.")})
    if not alasan.strip():
        raise ValidationError({"alasan": _("Alasan revisi wajib diisi.")})
    _cek_rating(rating_hasil=rating_hasil, rating_perilaku=rating_perilaku)
    revisi = RevisiSkp(
        skp=skp,
        alasan=alasan.strip(),
        rating_hasil_lama=skp.rating_hasil,
        rating_perilaku_lama=skp.rating_perilaku,
        predikat_lama=skp.predikat,
        predikat_baru=rules.predikat(rating_hasil, rating_perilaku),
        oleh=oleh,
    )
    _validasi(revisi, exclude=["skp", "oleh"])
    skp.rating_hasil, skp.rating_perilaku = rating_hasil, rating_perilaku
    skp.predikat = revisi.predikat_baru
    if catatan_penilai is not None:
        skp.catatan_penilai = catatan_penilai.strip()
    _wajib_catatan(skp)
    _validasi(skp, exclude=SKP_FK)
    revisi.save()
    skp.save(
        update_fields=[
            "rating_hasil",
            "rating_perilaku",
            "predikat",
            "catatan_penilai",
            "updated_at",
        ]
    )
    projection.refresh([skp.pegawai_id])  # the merit projection reads evaluated SKPs
    # The curve as the revision leaves it: the same check the page shows before finalising.
    revisi.pelanggaran = kurva_check(skp)[2]
    return revisi
