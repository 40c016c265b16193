"""Disciplinary sanctions (hukuman disiplin), PP 94/2021 Pasal 8."""

from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.sql import literal_list
from pegawai.bulan import add_months


class TingkatHukuman(models.TextChoices):
    RINGAN = "ringan", _("Ringan")
    SEDANG = "sedang", _("Sedang")
    BERAT = "berat", _("Berat")


class JenisHukuman(models.TextChoices):
    # Ringan, PP 94/2021 Pasal 8 ayat (2)
    TEGURAN_LISAN = "teguran_lisan", _("Teguran lisan")
    TEGURAN_TERTULIS = "teguran_tertulis", _("Teguran tertulis")
    PERNYATAAN_TIDAK_PUAS = "pernyataan_tidak_puas", _("Pernyataan tidak puas secara tertulis")
    # Sedang, Pasal 8 ayat (3)
    # xgettext:no-python-format
    POTONG_TUKIN_6 = "potong_tukin_6", _("Pemotongan tunjangan kinerja 25% selama 6 bulan")
    # xgettext:no-python-format
    POTONG_TUKIN_9 = "potong_tukin_9", _("Pemotongan tunjangan kinerja 25% selama 9 bulan")
    # xgettext:no-python-format
    POTONG_TUKIN_12 = "potong_tukin_12", _("Pemotongan tunjangan kinerja 25% selama 12 bulan")
    # Berat, Pasal 8 ayat (4)
    PENURUNAN_JABATAN = (
        "penurunan_jabatan",
        _("Penurunan jabatan setingkat lebih rendah selama 12 bulan"),
    )
    PEMBEBASAN_JABATAN = (
        "pembebasan_jabatan",
        _("Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"),
    )
    PEMBERHENTIAN = (
        "pemberhentian",
        _("Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"),
    )


TINGKAT: dict[str, str] = {
    JenisHukuman.TEGURAN_LISAN: TingkatHukuman.RINGAN,
    JenisHukuman.TEGURAN_TERTULIS: TingkatHukuman.RINGAN,
    JenisHukuman.PERNYATAAN_TIDAK_PUAS: TingkatHukuman.RINGAN,
    JenisHukuman.POTONG_TUKIN_6: TingkatHukuman.SEDANG,
    JenisHukuman.POTONG_TUKIN_9: TingkatHukuman.SEDANG,
    JenisHukuman.POTONG_TUKIN_12: TingkatHukuman.SEDANG,
    JenisHukuman.PENURUNAN_JABATAN: TingkatHukuman.BERAT,
    JenisHukuman.PEMBEBASAN_JABATAN: TingkatHukuman.BERAT,
    JenisHukuman.PEMBERHENTIAN: TingkatHukuman.BERAT,
}

# Months a sanction runs; None when it has no running period (ringan, dismissal).
DURASI_BULAN: dict[str, int | None] = {
    JenisHukuman.TEGURAN_LISAN: None,
    JenisHukuman.TEGURAN_TERTULIS: None,
    JenisHukuman.PERNYATAAN_TIDAK_PUAS: None,
    JenisHukuman.POTONG_TUKIN_6: 6,
    JenisHukuman.POTONG_TUKIN_9: 9,
    JenisHukuman.POTONG_TUKIN_12: 12,
    JenisHukuman.PENURUNAN_JABATAN: 12,
    JenisHukuman.PEMBEBASAN_JABATAN: 12,
    JenisHukuman.PEMBERHENTIAN: None,
}

# The kinds that run for a number of months: their end date is always known (plain values, so a
# migration's CHECK constraint lists them literally).
JENIS_BERDURASI: list[str] = sorted(str(jenis) for jenis, bulan in DURASI_BULAN.items() if bulan)


def tingkat_hukuman(jenis: str) -> str:
    """Return the level (ringan, sedang, berat) of a sanction kind."""
    try:
        return TINGKAT[jenis]
    except KeyError:
        raise ValueError(f"Unknown jenis hukuman: {jenis!r}") from None


def durasi_bulan(jenis: str) -> int | None:
    """Return how many months a sanction runs, or None if it has no running period."""
    tingkat_hukuman(jenis)  # reject unknown kinds
    return DURASI_BULAN[jenis]


def tanggal_selesai(jenis: str, mulai: date) -> date | None:
    """Return the last day a sanction runs, or None if it has no running period.

    The sanction runs N whole months: it ends the day before the same day-of-month N months later,
    e.g. 2026-01-15 + 6 months ends 2026-07-14. A day missing in the target month is clamped to
    that month's last day first (2026-08-31 + 6 → 2027-02-28), then one day is taken off
    (→ 2027-02-27). This is our reading; the regulation does not define month arithmetic.
    """
    bulan = durasi_bulan(jenis)
    if bulan is None:
        return None
    return add_months(mulai, bulan) - timedelta(days=1)


# --- "A sanction blocks promotion", the one rule (PP 94/2021) -------------------------------
# PP 94/2021 Pasal 8-9 sets the levels and the months a sedang/berat sanction runs; while it runs
# the employee is not promoted (Pasal 10: the sanction's consequences for the career; BKN
# practice: no promotion, no rank increase while serving). [practice, set here;
# docs/aturan.md §11] Ringan never blocks; dismissal (PDHTAPS) blocks for good once it has
# started, whatever end date was typed. Python (`menghalangi_promosi`, `berakhir_menghalangi`)
# and SQL (`menghalangi_promosi_sql` for the merit ranking, `berakhir_menghalangi_sql` for the
# projection's prefilter) read these two sets alone.
MENGHALANGI: frozenset[str] = frozenset(
    str(j) for j, t in TINGKAT.items() if t != TingkatHukuman.RINGAN
)
SELAMANYA: frozenset[str] = frozenset({str(JenisHukuman.PEMBERHENTIAN)})


def menghalangi_promosi(jenis: str, mulai: date, selesai: date | None, pada: date) -> bool:
    """Return whether a sanction blocks promotion on date ``pada`` (the rule above): a sedang or
    berat sanction while it runs (``mulai <= pada <= selesai``; an unknown ``selesai`` counts as
    still running), dismissal for good once started, ringan never."""
    tingkat_hukuman(jenis)  # an unknown kind is an error, not "no block"
    if jenis not in MENGHALANGI or pada < mulai:
        return False
    return jenis in SELAMANYA or selesai is None or pada <= selesai


def berakhir_menghalangi(jenis: str, selesai: date | None) -> date | None:
    """The last day a blocking sanction blocks (None: for good); the projection's prefilter."""
    return None if jenis in SELAMANYA else selesai


def berakhir_menghalangi_sql(jenis: str, selesai: str, selamanya: str) -> str:
    """`berakhir_menghalangi` as an SQL expression over the column expressions given, with
    `selamanya` (a date literal) for "for good" and for an unknown end; NULL for a sanction that
    never blocks (ringan)."""
    return (
        f"CASE WHEN {jenis} IN {literal_list(SELAMANYA)} THEN {selamanya}"
        f" WHEN {jenis} IN {literal_list(MENGHALANGI)} THEN COALESCE({selesai}, {selamanya}) END"
    )


def menghalangi_promosi_sql(jenis: str, mulai: str, selesai: str, pada: str) -> str:
    """The same rule as an SQL condition over the column expressions given (PostgreSQL and
    SQLite): `pada` is a date parameter or column."""
    return (
        f"({jenis} IN {literal_list(MENGHALANGI)} AND {mulai} <= {pada} AND ({jenis} IN "
        f"{literal_list(SELAMANYA)} OR {selesai} IS NULL OR {pada} <= {selesai}))"
    )
