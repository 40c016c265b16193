"""Parse and format the NIP (PNS) and the NI PPPK.

Layouts (docs/aturan.md §3; NIP per Peraturan Kepala BKN 22/2007), 18 digits each:

- NIP:     ``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS, gender digit, ``NNN`` sequence.
- NI PPPK: ``YYYYMMDD`` birth date, ``YYYY`` year of first appointment, ``2`` (PPPK marker),
  contract number 1–9, gender digit, ``NNN`` sequence.

Gender digit: ``1`` laki-laki, ``2`` perempuan. Unlike the NIK, nothing is added to the birth day
for women.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PANJANG = 18
TAHUN_LAHIR_MINIMAL = 1900
_GENDER = {"1": "L", "2": "P"}


@dataclass(frozen=True)
class NipInfo:
    birth_date: date
    tmt_cpns: date  # always the first of the month
    gender: str  # "L" or "P"
    sequence: int


@dataclass(frozen=True)
class NiPppkInfo:
    birth_date: date
    tahun_pengangkatan: int
    nomor_kontrak: int
    gender: str  # "L" or "P"
    sequence: int


def normalize_nip(value: str) -> str:
    """Return the value without any whitespace (NIPs are stored ungrouped)."""
    return "".join(value.split())


def reads_as_pppk(value: str) -> bool:
    """Return whether an 18-digit number reads as an NI PPPK: its 13th digit is the PPPK marker
    ``2``; in a NIP that digit is the tens of the TMT CPNS month, 0 or 1 (for showing a number
    whose status is unknown, such as an import's row)."""
    digits = normalize_nip(value)
    return len(digits) == PANJANG and digits[12] == "2"


def format_nip(value: str, *, pppk: bool = False) -> str:
    """Return the NIP grouped as printed on decrees, or the input unchanged if not 18 digits.

    NIP: ``19850315 201001 1 002`` (8 6 1 3); NI PPPK: ``19900101 2021 2 1 1 001`` (8 4 1 1 1 3).
    """
    digits = normalize_nip(value)
    if len(digits) != PANJANG or not digits.isascii() or not digits.isdigit():
        return value
    sizes = (8, 4, 1, 1, 1, 3) if pppk else (8, 6, 1, 3)
    parts: list[str] = []
    start = 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)


def compose_nip(birth_date: date, tmt_cpns: date, gender: str, sequence: int) -> str:
    """Return the 18-digit NIP for these parts (the inverse of ``parse_nip``), e.g. for fixtures.

    Raise ``ValueError`` for a gender other than "L"/"P" or a sequence outside 1..999, and
    ``ValidationError`` if the result breaks a section 3 rule (e.g. TMT not after birth).
    """
    nip = f"{birth_date:%Y%m%d}{tmt_cpns:%Y%m}{_gender_digit(gender)}{_sequence_digits(sequence)}"
    parse_nip(nip)
    return nip


def compose_ni_pppk(
    birth_date: date, tahun_pengangkatan: int, nomor_kontrak: int, gender: str, sequence: int
) -> str:
    """Return the 18-digit NI PPPK for these parts (the inverse of ``parse_ni_pppk``).

    Raise ``ValueError`` for a contract number outside 1..9, a gender other than "L"/"P" or a
    sequence outside 1..999, and ``ValidationError`` if the result breaks a section 3 rule.
    """
    if not 1 <= nomor_kontrak <= 9:
        raise ValueError(f"nomor_kontrak must be 1..9, got {nomor_kontrak!r}")
    nip = (
        f"{birth_date:%Y%m%d}{tahun_pengangkatan:04d}2{nomor_kontrak}"
        f"{_gender_digit(gender)}{_sequence_digits(sequence)}"
    )
    parse_ni_pppk(nip)
    return nip


def parse_nip(value: str) -> NipInfo:
    """Return the parts of a PNS NIP; raise ``ValidationError`` if it breaks a section 3 rule."""
    digits = _check_digits(value, label="NIP")
    birth = _birth_date(digits, label="NIP")

    tahun, bulan = int(digits[8:12]), int(digits[12:14])
    # The TMT is the first of its month, so "after the birth date" is a (year, month) comparison.
    if not 1 <= bulan <= 12 or (tahun, bulan) <= (birth.year, birth.month):
        raise ValidationError(
            _(
                "NIP digit 9–14 harus TMT CPNS (tahun dan bulan, YYYYMM) dengan bulan 01–12 dan "
                "sesudah tanggal lahir (diterima %(tmt)s)."
            ),
            code="nip_tmt",
            params={"tmt": digits[8:14]},
        )
    return NipInfo(
        birth_date=birth,
        tmt_cpns=date(tahun, bulan, 1),
        gender=_gender(digits[14], label="NIP"),
        sequence=_sequence(digits, label="NIP"),
    )


def parse_ni_pppk(value: str) -> NiPppkInfo:
    """Return the parts of an NI PPPK; raise ``ValidationError`` if it breaks a section 3 rule."""
    label = "NI PPPK"
    digits = _check_digits(value, label=label)
    birth = _birth_date(digits, label=label)

    if digits[12] != "2":
        raise ValidationError(
            _("NI PPPK digit 13 harus 2 (penanda PPPK), diterima %(digit)s."),
            code="nip_pppk_marker",
            params={"digit": digits[12]},
        )
    if digits[13] == "0":
        raise ValidationError(
            _("NI PPPK digit 14 (nomor kontrak) harus 1–9, diterima 0."),
            code="nip_pppk_kontrak",
        )
    tahun = int(digits[8:12])
    if tahun <= birth.year:
        raise ValidationError(
            _(
                "NI PPPK digit 9–12 (tahun pengangkatan pertama) harus sesudah tahun lahir "
                "(diterima %(tahun)s)."
            ),
            code="nip_pppk_tahun",
            params={"tahun": digits[8:12]},
        )
    return NiPppkInfo(
        birth_date=birth,
        tahun_pengangkatan=tahun,
        nomor_kontrak=int(digits[13]),
        gender=_gender(digits[14], label=label),
        sequence=_sequence(digits, label=label),
    )


def _check_digits(value: str, *, label: str) -> str:
    digits = normalize_nip(value)
    # isascii() keeps out non-ASCII digits such as "١" that str.isdigit() accepts.
    if digits and not (digits.isascii() and digits.isdigit()):
        raise ValidationError(
            _("%(label)s hanya boleh berisi angka 0–9."),
            code="nip_digits",
            params={"label": label},
        )
    if len(digits) != PANJANG:
        raise ValidationError(
            _("%(label)s harus 18 digit angka (diterima %(jumlah)d)."),
            code="nip_length",
            params={"label": label, "jumlah": len(digits)},
        )
    return digits


def _birth_date(digits: str, *, label: str) -> date:
    try:
        birth = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        birth = None
    if birth is None or birth.year < TAHUN_LAHIR_MINIMAL:
        raise ValidationError(
            _(
                "%(label)s digit 1–8 harus tanggal lahir yang sah (YYYYMMDD, tahun 1900 atau "
                "sesudahnya), diterima %(tanggal)s."
            ),
            code="nip_birth_date",
            params={"label": label, "tanggal": digits[0:8]},
        )
    return birth


def _gender(digit: str, *, label: str) -> str:
    if digit not in _GENDER:
        raise ValidationError(
            _(
                "%(label)s digit 15 (jenis kelamin) harus 1 (laki-laki) atau "
                "2 (perempuan), diterima %(digit)s."
            ),
            code="nip_gender",
            params={"label": label, "digit": digit},
        )
    return _GENDER[digit]


def _sequence(digits: str, *, label: str) -> int:
    sequence = int(digits[15:18])
    if sequence == 0:
        raise ValidationError(
            _("%(label)s digit 16–18 (nomor urut) tidak boleh 000."),
            code="nip_sequence",
            params={"label": label},
        )
    return sequence


def _gender_digit(gender: str) -> str:
    for digit, code in _GENDER.items():
        if code == gender:
            return digit
    raise ValueError(f"gender must be 'L' or 'P', got {gender!r}")


def _sequence_digits(sequence: int) -> str:
    if not 1 <= sequence <= 999:
        raise ValueError(f"sequence must be 1..999, got {sequence!r}")
    return f"{sequence:03d}"
