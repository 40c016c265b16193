"""Writes of the employees' satisfaction and engagement survey: HR opens and closes a period; an
employee answers once; pending answers are moved into anonymous responses in batches.

One response per employee per period, without storing who answered what: the answer writes a
mark (`TandaSurveiPegawai`: an HMAC of the period and the employee, unique per period) and, in
the same transaction, a pending questionnaire (`KotakSurveiPegawai`: period, perangkat daerah,
answers; no user, no time). Why not the response itself: rows written in one transaction share
PostgreSQL's `xmin` (the writing transaction's id) and sit next to each other on disk, so whoever
can read the tables (a DBA, a backup) would join each response to its mark, and the mark to the
employee by recomputing the HMAC with SECRET_KEY. So a flush
(`kotak_survei_pegawai_flush`, run as a background task once a unit has `MIN_RESPONDEN`
pending questionnaires) moves a unit's pending rows into `ResponSurveiPegawai` in random order in
ONE transaction and deletes them: every response of a batch has that transaction's `xmin`, and
the batch holds at least `MIN_RESPONDEN` people. When the period closes
(`periode_survei_pegawai_finish`, from the close button and the daily clean-up
`manage.py survei_pegawai_rekap`) the rest is moved in one transaction, a unit's rows keeping
their unit only if the unit has at least `MIN_RESPONDEN` responses in all, else stored without
one (counted only in the agency's total).

At the close every response of the period is written again in random order under new ids, in
the closing transaction (`_tulis_ulang_acak`): the batches, and the last one however small, no
longer show; a complete period's responses all share one `xmin`.

Residual risk, accepted and stated: until its flush a pending row has its mark's `xmin`, so an
insider who reads the tables and holds SECRET_KEY in that window links one employee to their
answers (the window ends when the unit reaches `MIN_RESPONDEN` pending rows, or at the close).
While the period runs, the order of the marks (their `xmin` and disk order follow time) tells in
which batch of at least `MIN_RESPONDEN` an employee's response is, not which one; after the
close, not even that. Deleted rows stay in their pages until VACUUM reclaims them. Web server and
application logs record that a user posted the form, not the answers.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections import Counter
from collections.abc import Mapping
from datetime import date

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from pegawai.akses import pegawai_id_sendiri
from pegawai.models import Pegawai, perangkat_daerah_id
from survei.pegawai.models import (
    NILAI_MAKS,
    NILAI_MIN,
    ButirSurveiPegawai,
    JawabanSurveiPegawai,
    KotakSurveiPegawai,
    PeriodeSurveiPegawai,
    ResponSurveiPegawai,
    TandaSurveiPegawai,
)
from survei.pegawai.terbit import MIN_RESPONDEN

# A stored constant, never a module path: the marks already written were keyed with it;
# changing it lets every employee answer a running period twice.
GARAM_TANDA = "survei.pegawai.tanda.v1"


def kunci_tanda(*, periode_id: int, pegawai_id: int) -> str:
    """Return the mark of an employee in a period: HMAC-SHA256 keyed with SECRET_KEY of the salt,
    the period and the employee. Without SECRET_KEY it names nobody."""
    pesan = f"{GARAM_TANDA}:{periode_id}:{pegawai_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), pesan, hashlib.sha256).hexdigest()


def sudah_mengisi(*, periode: PeriodeSurveiPegawai, pegawai_id: int) -> bool:
    kunci = kunci_tanda(periode_id=periode.pk, pegawai_id=pegawai_id)
    return TandaSurveiPegawai.objects.filter(periode=periode, kunci=kunci).exists()


def periode_terbuka(hari_ini: date | None = None) -> PeriodeSurveiPegawai | None:
    """Return the period open today, if any."""
    hari_ini = hari_ini or timezone.localdate()
    return (
        PeriodeSurveiPegawai.objects.filter(
            dibuka__lte=hari_ini, ditutup__gt=hari_ini, rampung=False
        )
        .order_by("-tahun")
        .first()
    )


def _wajib_hr(oleh: AbstractBaseUser, perm: str, field: str) -> None:
    if not oleh.has_perm(perm):
        raise ValidationError({field: _("Hanya BKPSDM yang mengelola survei pegawai.")})


def periode_survei_pegawai_open(
    *, tahun: int, ditutup: date, oleh: AbstractBaseUser, hari_ini: date | None = None
) -> PeriodeSurveiPegawai:
    """Open the survey of a year from today until `ditutup` (the first day it is closed)."""
    _wajib_hr(oleh, "survei.add_periodesurveipegawai", "tahun")
    hari_ini = hari_ini or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if PeriodeSurveiPegawai.objects.filter(tahun=tahun).exists():
        errors["tahun"] = [_("Survei tahun %(tahun)s sudah pernah dibuka.") % {"tahun": tahun}]
    elif periode_terbuka(hari_ini) is not None:
        errors["tahun"] = [_("Masih ada periode survei yang terbuka: tutup dulu.")]
    if ditutup <= hari_ini:
        errors["ditutup"] = [_("Tanggal tutup harus setelah hari ini.")]
    if errors:
        raise ValidationError(errors)
    with set_actor(oleh), transaction.atomic():
        periode = PeriodeSurveiPegawai(tahun=tahun, dibuka=hari_ini, ditutup=ditutup)
        periode.full_clean()
        periode.save()
    return periode


def periode_survei_pegawai_close(
    *, periode: PeriodeSurveiPegawai, oleh: AbstractBaseUser, hari_ini: date | None = None
) -> PeriodeSurveiPegawai:
    """Close a period today and queue the move of its remaining answers (the final flush)."""
    from survei.pegawai.tasks import rekap_periode_survei_pegawai

    _wajib_hr(oleh, "survei.change_periodesurveipegawai", "periode")
    hari_ini = hari_ini or timezone.localdate()
    with set_actor(oleh), transaction.atomic():
        periode = PeriodeSurveiPegawai.objects.select_for_update().get(pk=periode.pk)
        if periode.tertutup_pada(hari_ini):
            raise ValidationError({"periode": _("Periode ini sudah ditutup.")})
        periode.ditutup = hari_ini
        periode.full_clean()
        periode.save(update_fields=["ditutup", "updated_at"])
        pk = periode.pk
        transaction.on_commit(lambda: rekap_periode_survei_pegawai.enqueue(pk))
    return periode


def _jawaban_sah(jawaban: Mapping[object, object]) -> dict[str, int]:
    """Return the answers as {butir id: value} if every active statement has one value 1–5."""
    aktif = set(ButirSurveiPegawai.objects.filter(aktif=True).values_list("pk", flat=True))
    hasil: dict[str, int] = {}
    try:
        for k, v in jawaban.items():
            nilai = int(v)
            if int(k) not in aktif or not NILAI_MIN <= nilai <= NILAI_MAKS:
                raise ValueError
            hasil[str(int(k))] = nilai
    except (TypeError, ValueError):
        hasil = {}
    if not aktif or set(hasil) != {str(pk) for pk in aktif}:
        raise ValidationError(
            {"jawaban": _("Jawab setiap pernyataan dengan salah satu pilihan 1 sampai 5.")}
        )
    return hasil


def _kunci_periode_bersama(periode: PeriodeSurveiPegawai) -> PeriodeSurveiPegawai:
    """Lock the period row FOR SHARE and return it as committed: answers proceed together, the
    final flush (FOR UPDATE) waits for them and they for it."""
    if connection.vendor != "postgresql":
        # The embedded SQLite of the quick start serialises every writer already.
        return PeriodeSurveiPegawai.objects.get(pk=periode.pk)
    tabel = PeriodeSurveiPegawai._meta.db_table
    return PeriodeSurveiPegawai.objects.raw(
        f"SELECT * FROM {tabel} WHERE id = %s FOR SHARE", [periode.pk]
    )[0]


def respon_survei_pegawai_submit(
    *,
    periode: PeriodeSurveiPegawai,
    jawaban: Mapping[object, object],
    oleh: AbstractBaseUser,
    hari_ini: date | None = None,
) -> None:
    """Record the acting employee's answers to the period's questionnaire, once.

    Writes the mark and the pending questionnaire (this module's docstring); a second answer of
    the same employee, even one committing at the same moment, is refused by the mark's unique
    constraint. Returns nothing: the caller has no use for a handle on the answers.
    """
    from survei.pegawai.tasks import flush_kotak_survei_pegawai

    pegawai_id = pegawai_id_sendiri(oleh)
    hari_ini = hari_ini or timezone.localdate()
    isian = _jawaban_sah(jawaban)
    path = Pegawai.objects.filter(pk=pegawai_id).values_list("unit_kerja__path", flat=True).get()
    unit_id = perangkat_daerah_id(path) if path else None
    kunci = kunci_tanda(periode_id=periode.pk, pegawai_id=pegawai_id)
    with transaction.atomic():
        kini = _kunci_periode_bersama(periode)
        if not kini.terbuka_pada(hari_ini):
            raise ValidationError({"periode": _("Survei periode ini tidak sedang dibuka.")})
        try:
            with transaction.atomic():
                TandaSurveiPegawai.objects.create(periode=kini, kunci=kunci)
        except IntegrityError:
            raise ValidationError(
                {
                    "periode": _(
                        "Anda sudah mengisi survei pegawai tahun %(tahun)s. Setiap pegawai "
                        "mengisi sekali dalam satu periode."
                    )
                    % {"tahun": kini.tahun}
                }
            ) from None
        KotakSurveiPegawai.objects.create(periode=kini, unit_id=unit_id, jawaban=isian)

        def flush_bila_cukup() -> None:
            if _tertunda(periode.pk, unit_id).count() >= MIN_RESPONDEN:
                flush_kotak_survei_pegawai.enqueue(periode.pk, unit_id)

        transaction.on_commit(flush_bila_cukup)


def _tertunda(periode_id: int, unit_id: int | None):
    qs = KotakSurveiPegawai.objects.filter(periode_id=periode_id)
    return qs.filter(unit__isnull=True) if unit_id is None else qs.filter(unit_id=unit_id)


def _pindahkan(baris: list[tuple[KotakSurveiPegawai, int | None]]) -> None:
    """Write each pending row as a response with the given unit, in random order, and delete the
    pending rows (inside the caller's one transaction)."""
    baris = list(baris)
    random.SystemRandom().shuffle(baris)
    butir = set(ButirSurveiPegawai.objects.values_list("pk", flat=True))
    respon, jawaban = [], []
    for kotak, unit_id in baris:
        r = ResponSurveiPegawai(periode_id=kotak.periode_id, unit_id=unit_id)
        respon.append(r)
        jawaban += [
            JawabanSurveiPegawai(respon=r, butir_id=int(b), nilai=int(n))
            for b, n in kotak.jawaban.items()
            if int(b) in butir  # a statement deleted since: its answer goes with it
        ]
    ResponSurveiPegawai.objects.bulk_create(respon)
    JawabanSurveiPegawai.objects.bulk_create(jawaban)
    KotakSurveiPegawai.objects.filter(pk__in=[k.pk for k, _unit in baris]).delete()


def kotak_survei_pegawai_flush(*, periode_id: int, unit_id: int | None) -> int:
    """Move a unit's pending questionnaires into responses, in random order and one transaction,
    if there are at least `MIN_RESPONDEN`; return how many were moved (0: not yet)."""
    with transaction.atomic():
        kotak = list(_tertunda(periode_id, unit_id).select_for_update())
        if len(kotak) < MIN_RESPONDEN:
            return 0
        _pindahkan([(k, unit_id) for k in kotak])
    return len(kotak)


def _tulis_ulang_acak(periode: PeriodeSurveiPegawai) -> None:
    """Write every response of the period again, in random order and under new ids, in the
    caller's (closing) transaction: all of them then share one `xmin` and a random place on
    disk, so the earlier batches, and the last one however small, no longer show. Only the
    marks' order in time remains, which says who answered, never what."""
    lama = list(ResponSurveiPegawai.objects.filter(periode=periode).values_list("id", "unit_id"))
    isi: dict[object, list[tuple[int, int]]] = {}
    for respon_id, butir_id, nilai in JawabanSurveiPegawai.objects.filter(
        respon__periode=periode
    ).values_list("respon_id", "butir_id", "nilai"):
        isi.setdefault(respon_id, []).append((butir_id, nilai))
    random.SystemRandom().shuffle(lama)
    JawabanSurveiPegawai.objects.filter(respon__periode=periode).delete()
    ResponSurveiPegawai.objects.filter(periode=periode).delete()
    baru = [ResponSurveiPegawai(periode=periode, unit_id=unit_id) for _id, unit_id in lama]
    ResponSurveiPegawai.objects.bulk_create(baru, batch_size=5000)
    jawaban = [
        JawabanSurveiPegawai(respon=r, butir_id=b, nilai=n)
        for r, (id_lama, _unit) in zip(baru, lama, strict=True)
        for b, n in isi.get(id_lama, [])
    ]
    random.SystemRandom().shuffle(jawaban)
    JawabanSurveiPegawai.objects.bulk_create(jawaban, batch_size=5000)


def periode_survei_pegawai_finish(*, periode_id: int, hari_ini: date | None = None) -> int:
    """Once a period is closed, move all its pending questionnaires into responses in one
    transaction (a unit keeps its name only with at least `MIN_RESPONDEN` responses in all) and
    mark the period complete, so its results may be read. Return how many were moved."""
    hari_ini = hari_ini or timezone.localdate()
    with transaction.atomic():
        periode = PeriodeSurveiPegawai.objects.select_for_update().get(pk=periode_id)
        if periode.rampung or not periode.tertutup_pada(hari_ini):
            return 0
        kotak = list(KotakSurveiPegawai.objects.filter(periode=periode).select_for_update())
        tertunda = Counter(k.unit_id for k in kotak)
        sudah = dict(
            ResponSurveiPegawai.objects.filter(periode=periode, unit__isnull=False)
            .values_list("unit_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        cukup = {
            u for u, n in tertunda.items() if u is not None and n + sudah.get(u, 0) >= MIN_RESPONDEN
        }
        _pindahkan([(k, k.unit_id if k.unit_id in cukup else None) for k in kotak])
        _tulis_ulang_acak(periode)
        periode.rampung = True
        periode.save(update_fields=["rampung", "updated_at"])
    return len(kotak)


def survei_pegawai_rekap(*, hari_ini: date | None = None) -> int:
    """The daily clean-up's part: complete every closed period, and flush the units of open
    periods that have enough pending questionnaires (a queued flush that was lost). Return how
    many questionnaires were moved."""
    hari_ini = hari_ini or timezone.localdate()
    n = 0
    for pk in PeriodeSurveiPegawai.objects.filter(rampung=False, ditutup__lte=hari_ini).values_list(
        "pk", flat=True
    ):
        n += periode_survei_pegawai_finish(periode_id=pk, hari_ini=hari_ini)
    siap = (
        KotakSurveiPegawai.objects.filter(periode__rampung=False)
        .values_list("periode_id", "unit_id")
        .annotate(n=Count("id"))
        .filter(n__gte=MIN_RESPONDEN)
        .order_by()
    )
    for periode_id, unit_id, _n in list(siap):
        n += kotak_survei_pegawai_flush(periode_id=periode_id, unit_id=unit_id)
    return n
