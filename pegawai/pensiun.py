"""Retirement age (batas usia pensiun) and retirement date.

UU 20/2023 Pasal 55 jo. PP 11/2017 Pasal 239: 58 years for Administrator, Pengawas, Pelaksana,
JF Ahli Pertama/Ahli Muda and all JF keterampilan; 60 for JPT and JF Ahli Madya; 65 for JF Ahli
Utama. Some fungsional positions (guru, dosen) have their own age in their own law: the ``khusus``
override.
"""

from datetime import date

from pegawai.bulan import add_months
from pegawai.jenis_jabatan import KETERAMPILAN, JenisJabatan, Jenjang

_BUP_JENIS: dict[str, int] = {
    JenisJabatan.JPT_UTAMA: 60,
    JenisJabatan.JPT_MADYA: 60,
    JenisJabatan.JPT_PRATAMA: 60,
    JenisJabatan.ADMINISTRATOR: 58,
    JenisJabatan.PENGAWAS: 58,
    JenisJabatan.PELAKSANA: 58,
}

_BUP_JENJANG: dict[str, int] = {
    Jenjang.AHLI_PERTAMA: 58,
    Jenjang.AHLI_MUDA: 58,
    Jenjang.AHLI_MADYA: 60,
    Jenjang.AHLI_UTAMA: 65,
    **dict.fromkeys(KETERAMPILAN, 58),
}


def batas_usia_pensiun(jenis_jabatan: str, jenjang: str = "", *, khusus: int | None = None) -> int:
    """Return the retirement age for a position kind (and jenjang, for fungsional).

    ``khusus`` is the position's own retirement age from its own law and wins when given.
    ``jenjang`` is ignored for non-fungsional kinds.
    """
    if khusus is not None:
        if khusus <= 0:
            raise ValueError(f"khusus must be a positive age, got {khusus!r}")
        return khusus
    if jenis_jabatan == JenisJabatan.FUNGSIONAL:
        try:
            return _BUP_JENJANG[jenjang]
        except KeyError:
            raise ValueError(f"Fungsional needs a valid jenjang, got {jenjang!r}") from None
    try:
        return _BUP_JENIS[jenis_jabatan]
    except KeyError:
        raise ValueError(f"Unknown jenis jabatan: {jenis_jabatan!r}") from None


def tanggal_pensiun(tanggal_lahir: date, batas_usia: int) -> date:
    """Return the retirement date: the first day of the month after the month the age is reached.

    Only the month matters, so a 29 February birthday reaches the age in February of a common
    year too, and retires on 1 March.
    """
    return add_months(date(tanggal_lahir.year + batas_usia, tanggal_lahir.month, 1), 1)


def lahir_sebelum_untuk_pensiun(batas: date, batas_usia: int) -> date:
    """Return D such that ``tanggal_pensiun(lahir, batas_usia) <= batas`` iff ``lahir < D``.

    A retirement date is always a first of month, so it is <= ``batas`` iff the age is reached in a
    month before ``batas``'s month, i.e. iff (birth year + age, birth month) < (batas year, batas
    month), i.e. iff the birth date is before the first of batas's month minus ``batas_usia`` years.
    This lets a query find projected retirements with a plain ``tanggal_lahir__lt`` comparison.
    """
    return date(batas.year - batas_usia, batas.month, 1)
