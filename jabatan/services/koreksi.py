"""Correcting and annulling a recorded decision (Keputusan pengisian jabatan).

A correction fixes the decree's particulars as HR typed them (a wrong SK number, SK date, TMT,
method, or a public summary the older decisions lack): the decision and its placement change
together, the frozen ranking (`snapshot`) never does, and each correction is kept as a
`KoreksiKeputusan` (who, when, old and new values, the reason) besides the audit trail.

An annulment (pembatalan) voids the decision with a reason, on its own (`keputusan_cancel`)
or through a later decision that replaces it (`keputusan_create(membatalkan=...)`): one concept,
one place (`_batalkan`). The appointee's placement ends the day before the annulment (or on its
first day, when it had not begun), so the post is vacant again and open to proposals. The
appointee's previous post is NOT restored: it was ended by this decision and may have been
filled since; putting the employee back takes a decree of its own (a new placement or decision,
recorded by HR), not a silent undo. Until then the employee holds no definitive post, which the
HR page of the annulled decision says.

Both lock the post's row before the decision's (the order `keputusan_create` follows), so two
officers correcting or annulling the same decision, or annulling it while another records a
decision replacing it, queue up and the second sees the first's result.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.audit import audited
from jabatan.models import Formasi, Keputusan, KoreksiKeputusan, Penempatan
from jabatan.services.base import _integrity_to_validation
from jabatan.services.penempatan import penempatan_end
from pegawai import projection

# What a correction may change, in the order the forms and the public note name them.
DAPAT_DIKOREKSI = ("nomor_sk", "tanggal_sk", "tmt", "metode", "ringkasan_publik")
RINGKASAN_MAKS = 280


def label_field(field: str) -> str:
    """Return the verbose name of a correctable field, as the pages and the public note say."""
    return str(Keputusan._meta.get_field(field).verbose_name)


def _teks(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _kunci(keputusan: Keputusan) -> Keputusan:
    """Lock the decision's post, then the decision (keputusan_create's order); return it fresh."""
    Formasi.objects.select_for_update(of=("self",)).filter(pk=keputusan.formasi_id).exists()
    return (
        Keputusan.objects.select_for_update(of=("self",))
        .select_related("penempatan", "pegawai")
        .get(pk=keputusan.pk)
    )


def _galat_batal(keputusan: Keputusan, pesan: str) -> dict[str, list[str]]:
    if keputusan.batal:
        return {"keputusan": [pesan % {"t": date_format(keputusan.dibatalkan_pada)}]}
    return {}


@audited
@transaction.atomic
def keputusan_correct(
    *,
    keputusan: Keputusan,
    alasan: str,
    oleh,
    nomor_sk: str | None = None,
    tanggal_sk: date | None = None,
    tmt: date | None = None,
    metode: str | None = None,
    ringkasan_publik: str | None = None,
) -> KoreksiKeputusan:
    """Correct a decision's particulars (None: unchanged) and its placement; return the record.

    Raise `ValidationError` keyed by field: no reason, an annulled decision, nothing changed,
    an empty SK number, an unknown method, a method to or from "Seleksi terbuka" (that link is
    made when the decision is recorded from its selection), a TMT that no longer fits the
    placements around it.
    """
    k = _kunci(keputusan)
    errors = _galat_batal(k, _("Keputusan ini sudah dibatalkan pada %(t)s: tidak dapat dikoreksi."))
    if not alasan.strip():
        errors["alasan"] = [_("Alasan koreksi wajib diisi.")]
    usulan = {
        "nomor_sk": nomor_sk.strip() if nomor_sk is not None else None,
        "tanggal_sk": tanggal_sk,
        "tmt": tmt,
        "metode": metode,
        "ringkasan_publik": ringkasan_publik.strip() if ringkasan_publik is not None else None,
    }
    baru = {f: v for f, v in usulan.items() if v is not None and v != getattr(k, f)}
    if "nomor_sk" in baru and not baru["nomor_sk"]:
        errors["nomor_sk"] = [_("Nomor SK wajib diisi.")]
    if "metode" in baru:
        if baru["metode"] not in Keputusan.Metode.values:
            errors["metode"] = [_("Metode pengisian tidak dikenal.")]
        elif Keputusan.Metode.SELEKSI_TERBUKA in (baru["metode"], k.metode):
            errors["metode"] = [
                _(
                    "Metode Seleksi terbuka tidak dapat dikoreksi menjadi atau dari metode lain: "
                    "batalkan keputusan ini dan catat keputusan baru dari seleksinya."
                )
            ]
    if ringkasan := baru.get("ringkasan_publik"):
        if len(ringkasan) > RINGKASAN_MAKS:
            errors["ringkasan_publik"] = [
                _("Ringkasan untuk publik paling panjang %(n)s karakter.") % {"n": RINGKASAN_MAKS}
            ]
        elif ringkasan.casefold() == k.justifikasi.strip().casefold():
            errors["ringkasan_publik"] = [
                _(
                    "Ringkasan untuk publik tidak boleh menyalin justifikasi internal: tulis "
                    "ringkasan tanpa data pribadi."
                )
            ]
    penempatan = Penempatan.objects.select_for_update().get(pk=k.penempatan_id)
    sebelumnya = None
    if "tmt" in baru:
        if penempatan.tmt_selesai is not None and baru["tmt"] > penempatan.tmt_selesai:
            errors["tmt"] = [
                _("TMT tidak boleh setelah penempatan ini berakhir (%(t)s).")
                % {"t": date_format(penempatan.tmt_selesai)}
            ]
        # The appointee's previous definitive post, ended by this decision the day before its
        # TMT: it moves with the TMT.
        sebelumnya = (
            Penempatan.objects.select_for_update()
            .filter(
                pegawai_id=k.pegawai_id,
                jenis=Penempatan.Jenis.DEFINITIF,
                tmt_selesai=k.tmt - timedelta(days=1),
            )
            .exclude(pk=penempatan.pk)
            .first()
        )
        if sebelumnya is not None and baru["tmt"] <= sebelumnya.tmt_mulai:
            errors.setdefault("tmt", []).append(
                _("TMT harus setelah TMT jabatan sebelumnya yang diakhiri keputusan ini (%(t)s).")
                % {"t": date_format(sebelumnya.tmt_mulai)}
            )
    if not baru and not errors:
        errors["__all__"] = [_("Tidak ada yang berubah: koreksi tidak dicatat.")]
    if errors:
        raise ValidationError(errors)
    perubahan = {f: {"dari": _teks(getattr(k, f)), "ke": _teks(v)} for f, v in baru.items()}
    try:
        with transaction.atomic():
            if sebelumnya is not None:
                sebelumnya.tmt_selesai = baru["tmt"] - timedelta(days=1)
                sebelumnya.save(update_fields=["tmt_selesai", "updated_at"])
            ubah_penempatan = {
                "nomor_sk": "nomor_sk",
                "tanggal_sk": "tanggal_sk",
                "tmt": "tmt_mulai",
            }
            kolom = [ubah_penempatan[f] for f in baru if f in ubah_penempatan]
            for f in baru:
                if f in ubah_penempatan:
                    setattr(penempatan, ubah_penempatan[f], baru[f])
            if "metode" in baru and penempatan.keterangan == str(k.get_metode_display()):
                penempatan.keterangan = str(Keputusan.Metode(baru["metode"]).label)
                kolom.append("keterangan")
            if kolom:
                penempatan.save(update_fields=[*kolom, "updated_at"])
            for f, v in baru.items():
                setattr(k, f, v)
            k.save(update_fields=[*baru, "updated_at"])
            if "tmt" in baru:  # the placements' dates: the merit projection reads them
                projection.refresh([k.pegawai_id])
            return KoreksiKeputusan.objects.create(
                keputusan=k, perubahan=perubahan, alasan=alasan.strip(), oleh=oleh
            )
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc


@audited
@transaction.atomic
def keputusan_cancel(
    *, keputusan: Keputusan, alasan: str, oleh, pada: date | None = None
) -> Keputusan:
    """Annul a decision with a reason: its placement ends, the post is vacant again.

    `pada` is the day of the annulment (today by default); the placement ends the day before,
    or on its first day when it had not begun by then.
    """
    pada = pada or timezone.localdate()
    k = _kunci(keputusan)
    errors = _galat_batal(k, _("Keputusan ini sudah dibatalkan pada %(t)s."))
    if not alasan.strip():
        errors["alasan"] = [_("Alasan pembatalan wajib diisi.")]
    if errors:
        raise ValidationError(errors)
    return _batalkan(k, alasan=alasan, pada=pada, tmt_selesai=pada - timedelta(days=1))


def _batalkan(keputusan: Keputusan, *, alasan: str, pada: date, tmt_selesai: date) -> Keputusan:
    """Annul a locked, not yet annulled decision: end its placement if still active, record the
    day and reason on the decision. The callers check the reason and lock the rows."""
    penempatan = keputusan.penempatan
    if penempatan.tmt_selesai is None:
        with translation.override(settings.LANGUAGE_CODE):  # a record, in the agency's language
            keterangan = _("Keputusan %(sk)s dibatalkan: %(a)s") % {
                "sk": keputusan.nomor_sk,
                "a": alasan.strip(),
            }
        penempatan_end(
            penempatan=penempatan,
            tmt_selesai=max(penempatan.tmt_mulai, tmt_selesai),
            keterangan=keterangan[:200],
        )
    keputusan.dibatalkan_pada = pada
    keputusan.alasan_pembatalan = alasan.strip()
    try:
        with transaction.atomic():
            keputusan.save(update_fields=["dibatalkan_pada", "alasan_pembatalan", "updated_at"])
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc
    return keputusan
