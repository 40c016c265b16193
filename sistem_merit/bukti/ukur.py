"""What the evidence functions share: who is in service on a date, the 12 months up to it,
counting in one query, and numbers and yes/no the Indonesian way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from pegawai.models import Pegawai
from sistem_merit.rules import angka_persen

Baris = tuple[Sequence[str], Iterable[Sequence[object]]]


def angka(n: int) -> str:
    """Return `n` with the Indonesian thousands separator ("1.041")."""
    return number_format(n, force_grouping=True)


def persen(bagian: int, dari: int) -> str:
    """Return bagian / dari as a percentage in Indonesian notation: "38", "37,5"
    (sistem_merit.rules.angka_persen, as the level rule's reasons write it)."""
    return angka_persen(Decimal(bagian) / Decimal(dari))


def uraian_angka(teks: str, pembilang: int, penyebut: int, **lain: object) -> str:
    """Fill a figure's sentence, translated whole ("%(p)s dari %(n)s jabatan kunci ..."), with
    its two counts the Indonesian way and any other values (`lain`)."""
    return teks % {"p": angka(pembilang), "n": angka(penyebut), **lain}


def ya_tidak(nilai: bool) -> str:
    return gettext("Ya") if nilai else gettext("Tidak")


def kolom_pegawai() -> list[str]:
    """Return the headers of the columns every employee row starts with."""
    return [gettext("NIP"), gettext("Nama"), gettext("Unit kerja")]


KOLOM_PEGAWAI = ("nip", "nama", "unit_kerja__nama")


def mulai_bekerja_sebelum(tanggal: dt.date) -> Q:
    """Pegawai who started service (TMT CPNS for a PNS, TMT PPPK for a PPPK) on or before
    `tanggal`."""
    return Q(status=Pegawai.Status.PNS, tmt_cpns__lte=tanggal) | Q(
        status=Pegawai.Status.PPPK, tmt_pppk__lte=tanggal
    )


def bekerja_pada(tanggal: dt.date) -> Q:
    """Pegawai employed on `tanggal`: appointed on or before it (TMT CPNS, TMT PPPK) and not
    stopped on or before it (TMT berhenti: pension, dismissal, death)."""
    return mulai_bekerja_sebelum(tanggal) & (
        Q(tmt_berhenti__isnull=True) | Q(tmt_berhenti__gt=tanggal)
    )


def asn_pada(tanggal: dt.date) -> QuerySet[Pegawai]:
    """Return the employees (PNS and PPPK) in service on `tanggal` (bekerja_pada). Leave (cuti)
    is in service. Only the current record is kept, so a status change other than stopping
    (e.g. PPPK to PNS) is read as it is now."""
    return Pegawai.objects.filter(bekerja_pada(tanggal))


def pns_pada(tanggal: dt.date) -> QuerySet[Pegawai]:
    """Return the PNS in service on `tanggal` (asn_pada)."""
    return asn_pada(tanggal).filter(status=Pegawai.Status.PNS)


def jendela_12_bulan(tanggal: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the 12 months up to and including `tanggal`
    (29 February looks back to 1 March)."""
    try:
        setahun = tanggal.replace(year=tanggal.year - 1)
    except ValueError:  # 29 February
        setahun = tanggal.replace(year=tanggal.year - 1, day=28)
    return setahun + dt.timedelta(days=1), tanggal


def akhir_hari(tanggal: dt.date) -> dt.datetime:
    """Return the first moment after `tanggal` in local time (WITA): a row written before it
    existed on `tanggal` (compared as a moment, so an index on the column serves)."""
    return timezone.make_aware(dt.datetime.combine(tanggal + dt.timedelta(days=1), dt.time.min))


def hitung_qs(qs: QuerySet, memenuhi: Q, **lain) -> dict[str, int]:
    """Return {"penyebut": rows of `qs`, "pembilang": those meeting `memenuhi`, **lain} in one
    query (COUNT(*) FILTER); `lain` are further named aggregates."""
    return qs.order_by().aggregate(
        penyebut=Count("pk"), pembilang=Count("pk", filter=memenuhi), **lain
    )


def bendera(memenuhi: Q | Exists) -> ExpressionWrapper:
    """Return `memenuhi` as a boolean column, so the rows carry the very test the count used."""
    return ExpressionWrapper(memenuhi, output_field=BooleanField())
