"""Writes of the performance evaluation: plan, realisation, rating, finalising, revision.

Only the evaluator (pejabat penilai) or HR rates; the employee fills in realisations; a final SKP
changes only through a recorded revision. Every function checks, writes in one transaction and
raises `ValidationError` keyed by field; the audit trail records each save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, RevisiSkp, Skp
from kinerja.selectors import peran_skp
from pegawai.akses import lingkup
from pegawai.models import Pegawai, UnitKerja


def perangkat_daerah_dari(path: str) -> int:
    """Return the id of the perangkat daerah (depth-1 unit) of a unit's materialised path."""
    parts = path.strip("/").split("/")
    return int(parts[1]) if len(parts) > 1 else int(parts[0])


# FKs are checked by the database; validating them would cost a query each.
SKP_FK = ("pegawai", "periode", "penilai", "unit_kerja", "perangkat_daerah")
# Plan rows an SKP takes (the form offers five; an evaluator may add more).
RENCANA_MAKS = 20


def _validasi(obj: Model, *, exclude: Sequence[str] = (), baris: int | None = None) -> None:
    """Validate the fields of `obj` (lengths, NUL characters, choices) before it is written.

    Each message names the field (and the plan row), so a page showing them in a list still says
    where the problem is. The table's constraints stay the database's: each service checks the
    rules behind them itself, which costs no query per constraint.
    """
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors: dict[str, list[str]] = {}
        for name, messages in exc.message_dict.items():
            label = capfirst(obj._meta.get_field(name).verbose_name)
            for m in messages:
                teks = f"{label}: {m}"
                if baris is not None:
                    teks = _("Baris %(n)s: %(pesan)s") % {"n": baris, "pesan": teks}
                errors.setdefault(name, []).append(teks)
        raise ValidationError(errors) from exc


@transaction.atomic
def skp_create(
    *, pegawai: Pegawai, periode: Periode, penilai: Pegawai | None, jenis_jabatan: str = ""
) -> Skp:
    """Open an SKP for an employee, copying their unit, rank and position kind as they are now."""
    if not periode.terbuka:
        raise ValidationError({"periode": _("Periode %(p)s sudah ditutup.") % {"p": periode}})
    if penilai is not None and penilai.pk == pegawai.pk:
        raise ValidationError({"penilai": _("Pejabat penilai tidak boleh pegawai itu sendiri.")})
    unit = pegawai.unit_kerja
    skp = Skp(
        pegawai=pegawai,
        periode=periode,
        penilai=penilai,
        unit_kerja=unit,
        perangkat_daerah_id=perangkat_daerah_dari(unit.path),
        golongan=pegawai.golongan,
        jenis_jabatan=jenis_jabatan,
    )
    skp.full_clean()
    skp.save()
    return skp


# Rows per INSERT when opening a period: bounded memory, and a progress step the page can show.
BUKA_SKP_BATCH = 2000


def periode_buka_skp(
    *,
    periode: Periode,
    penilai: Mapping[int, int | None],
    jenis_jabatan: Mapping[int, str],
    saat_maju: Callable[[int, int], None] | None = None,
) -> int:
    """Open an SKP for every active employee who has none in the period; return how many.

    Kinerja knows no positions: the caller passes each employee's evaluator (`penilai`, the
    direct superior from the organisation structure, which jabatan computes) and position kind.
    An employee missing from `penilai` gets none, for HR to assign.

    Each batch commits on its own, with `saat_maju(done, total)` called inside its transaction,
    so a page polling the progress sees it move (a single transaction would show nothing until
    the end). If the work stops half-way, running it again opens the rest: it is idempotent.
    """
    with transaction.atomic():
        _periode_terbuka(periode)
        units = dict(UnitKerja.objects.values_list("pk", "path"))
        calon = list(
            Pegawai.objects.aktif()
            .exclude(skp__periode=periode)
            .order_by("pk")
            .values_list("pk", "unit_kerja_id", "golongan")
        )
        total = len(calon)
        if saat_maju:
            saat_maju(0, total)
    for start in range(0, total, BUKA_SKP_BATCH):
        with transaction.atomic():
            # Under the period's row lock: closing the period waits for the batch, and a
            # batch after the close is refused.
            _periode_terbuka(periode)
            Skp.objects.bulk_create(
                (
                    Skp(
                        pegawai_id=pk,
                        periode=periode,
                        penilai_id=penilai.get(pk),
                        unit_kerja_id=unit,
                        perangkat_daerah_id=perangkat_daerah_dari(units[unit]),
                        golongan=golongan,
                        jenis_jabatan=jenis_jabatan.get(pk, ""),
                    )
                    for pk, unit, golongan in calon[start : start + BUKA_SKP_BATCH]
                ),
                # Two runs at once (the same action clicked twice): the unique (pegawai,
                # periode) constraint keeps one SKP each; the other run skips those rows.
                ignore_conflicts=True,
            )
            if saat_maju:
                saat_maju(min(start + BUKA_SKP_BATCH, total), total)
    return total


def _periode_terbuka(periode: Periode) -> None:
    if not Periode.objects.select_for_update().filter(pk=periode.pk, terbuka=True).exists():
        raise ValidationError({"periode": _("Periode %(p)s sudah ditutup.") % {"p": periode}})


def _kunci(skp: Skp) -> Skp:
    # Lock the SKP row only (the evaluator is an optional join: PostgreSQL refuses to lock it).
    return (
        Skp.objects.select_for_update(of=("self",))
        .select_related("periode", "penilai")
        .get(pk=skp.pk)
    )


def _boleh_menilai(user: AbstractBaseUser, skp: Skp) -> bool:
    return peran_skp(user, skp).penilai


def _wajib_penilai(user: AbstractBaseUser, skp: Skp) -> None:
    if not _boleh_menilai(user, skp):
        nama = skp.penilai.nama_lengkap if skp.penilai else _("(belum ditetapkan)")
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Hanya pejabat penilai SKP ini (%(nama)s) atau BKPSDM yang dapat mengubah "
                    "rencana dan memberi penilaian."
                )
                % {"nama": nama}
            },
            code="bukan_penilai",
        )


def _wajib_bukan_final(skp: Skp) -> None:
    if skp.status == Skp.Status.FINAL:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("SKP final tidak dapat diubah; ajukan revisi dengan alasan.")},
            code="skp_final",
        )


def _wajib_periode_terbuka(skp: Skp) -> None:
    if not skp.periode.terbuka:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Periode %(p)s sudah ditutup.") % {"p": skp.periode}},
            code="periode_tutup",
        )


@transaction.atomic
def skp_set_rencana(*, skp: Skp, rencana: Sequence[dict], oleh: AbstractBaseUser) -> Skp:
    """Set the work plan (rencana hasil kerja); done by the evaluator (Pasal 6)."""
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    _wajib_bukan_final(skp)
    _wajib_periode_terbuka(skp)
    if skp.status == Skp.Status.DIEVALUASI:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Rencana tidak dapat diubah setelah SKP dinilai.")}
        )
    errors: dict[str, list[str]] = {}
    baris = []
    if len(rencana) > RENCANA_MAKS:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _("Rencana hasil kerja paling banyak %(n)s baris.")
                % {"n": RENCANA_MAKS}
            }
        )
    for n, row in enumerate(rencana, start=1):
        item = RencanaHasilKerja(
            skp=skp,
            urutan=n,
            hasil_kerja=str(row.get("hasil_kerja") or "").strip(),
            indikator=str(row.get("indikator") or "").strip(),
            target=str(row.get("target") or "").strip(),
        )
        kosong = [f for f in ("hasil_kerja", "indikator", "target") if not getattr(item, f)]
        for field in kosong:
            label = capfirst(RencanaHasilKerja._meta.get_field(field).verbose_name)
            errors.setdefault(field, []).append(
                _("Baris %(n)s: %(f)s wajib diisi.") % {"n": n, "f": label}
            )
        try:
            _validasi(item, exclude=["skp", *kosong], baris=n)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        baris.append(item)
    if not baris:
        errors.setdefault(NON_FIELD_ERRORS, []).append(_("Rencana hasil kerja minimal satu baris."))
    if errors:
        raise ValidationError(errors)
    skp.rencana.all().delete()
    RencanaHasilKerja.objects.bulk_create(baris)
    skp.status = Skp.Status.DIRENCANAKAN
    skp.save(update_fields=["status", "updated_at"])
    return skp


@transaction.atomic
def skp_set_realisasi(
    *, skp: Skp, realisasi: dict[int, tuple[str, str]], oleh: AbstractBaseUser
) -> Skp:
    """Record realisations and evidence per planned result: the employee, evaluator or HR."""
    skp = _kunci(skp)
    scope = lingkup(oleh)
    if not (scope.pegawai_id == skp.pegawai_id or _boleh_menilai(oleh, skp)):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Realisasi diisi oleh pegawai yang bersangkutan atau penilainya.")}
        )
    _wajib_bukan_final(skp)
    _wajib_periode_terbuka(skp)
    if skp.status == Skp.Status.DRAFT or not skp.rencana.exists():
        raise ValidationError(
            {
                "realisasi": _(
                    "Realisasi tidak dapat diisi sebelum rencana hasil kerja ditetapkan penilai."
                )
            },
            code="tanpa_rencana",
        )
    rows = {r.pk: r for r in skp.rencana.all()}
    unknown = set(realisasi) - set(rows)
    if unknown:
        raise ValidationError({"realisasi": _("Baris rencana tidak dikenal.")})
    errors: dict[str, list[str]] = {}
    for pk, (nilai, bukti) in realisasi.items():
        row = rows[pk]
        row.realisasi, row.bukti = str(nilai or "").strip(), str(bukti or "").strip()
        try:
            _validasi(row, exclude=["skp"], baris=row.urutan)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:  # every row checked before any is written
        raise ValidationError(errors)
    for pk in realisasi:
        rows[pk].save(update_fields=["realisasi", "bukti", "updated_at"])
    return skp


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


@transaction.atomic
def skp_nilai(
    *,
    skp: Skp,
    rating_hasil: str,
    rating_perilaku: str,
    oleh: AbstractBaseUser,
    catatan_perilaku: str | None = None,
    catatan_penilai: str | None = None,
) -> Skp:
    """Rate results and behaviour; the predikat follows from the official matrix. A note not
    given (None) keeps what the SKP has: rating again never blanks the behaviour notes."""
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
    skp.rating_hasil, skp.rating_perilaku = rating_hasil, rating_perilaku
    skp.predikat = rules.predikat(rating_hasil, rating_perilaku)
    if catatan_perilaku is not None:
        skp.catatan_perilaku = catatan_perilaku
    if catatan_penilai is not None:
        skp.catatan_penilai = catatan_penilai
    skp.status = Skp.Status.DIEVALUASI
    skp.dinilai_pada = timezone.now()
    _validasi(skp, exclude=SKP_FK)
    skp.save()
    return skp


def kurva_skp(skp: Skp) -> tuple[str | None, dict[str, int], list[rules.Pelanggaran]]:
    """Return the unit's organisational predikat, its employees' predikat counts for the
    period, and the breaches of the distribution curve (REGULATIONS.md section 6)."""
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
def skp_finalkan(*, skp: Skp, oleh: AbstractBaseUser) -> Skp:
    """Make an evaluated SKP final. Curve breaches are shown before this step; HR decides."""
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    _wajib_bukan_final(skp)
    if skp.status != Skp.Status.DIEVALUASI:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Hanya SKP yang sudah dinilai dapat difinalkan.")}
        )
    skp.status = Skp.Status.FINAL
    skp.difinalkan_pada = timezone.now()
    _validasi(skp, exclude=SKP_FK)
    skp.save(update_fields=["status", "difinalkan_pada", "updated_at"])
    return skp


@transaction.atomic
def skp_revisi(
    *, skp: Skp, rating_hasil: str, rating_perilaku: str, alasan: str, oleh: AbstractBaseUser
) -> RevisiSkp:
    """Correct a final SKP: the old and new ratings are kept with the reason and who did it.

    In an open period the evaluator or HR revises. A closed period's predikat feed the merit
    rules (the last two annual predikat), so revising them is HR's alone (or goes the objection
    route to HR). Like finalising, the distribution curve is a warning, not a refusal
    (REGULATIONS.md section 6: "HR decides"): the page shows the unit's curve before the
    revision, and the breaches after it come back on `revisi.pelanggaran`, with the numbers.
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
    _validasi(skp, exclude=SKP_FK)
    revisi.save()
    skp.save(update_fields=["rating_hasil", "rating_perilaku", "predikat", "updated_at"])
    # The curve as the revision leaves it: the same check the page shows before finalising.
    revisi.pelanggaran = kurva_skp(skp)[2]
    return revisi


def cek_penilai_baru(*, skp: Skp, penilai: Pegawai | None) -> None:
    """Refuse an evaluator the SKP cannot take: the employee themself, or any change once the
    SKP is final. The admin's form asks this too, so the refusal is a field error there."""
    if penilai is not None and penilai.pk == skp.pegawai_id:
        raise ValidationError(
            {"penilai": _("Pejabat penilai tidak boleh pegawai itu sendiri.")},
            code="penilai_diri_sendiri",
        )
    if skp.status == Skp.Status.FINAL and penilai != skp.penilai:
        raise ValidationError(
            {"penilai": _("SKP final tidak dapat diubah; ajukan revisi dengan alasan.")},
            code="skp_final",
        )


@transaction.atomic
def skp_ganti_penilai(*, skp: Skp, penilai: Pegawai | None, oleh: AbstractBaseUser) -> Skp:
    """Reassign the evaluator (HR): not the employee themself, not on a final SKP."""
    skp = _kunci(skp)
    if not lingkup(oleh).semua:
        raise ValidationError({"penilai": _("Pejabat penilai ditetapkan ulang oleh BKPSDM.")})
    _wajib_bukan_final(skp)
    cek_penilai_baru(skp=skp, penilai=penilai)
    skp.penilai = penilai
    _validasi(skp, exclude=SKP_FK)
    skp.save(update_fields=["penilai", "updated_at"])
    return skp
