"""Competency standards (PermenPANRB 38/2017) and Job Person Match (Peraturan BKN 26/2019).

The nine competencies are the eight manajerial ones (M.01–M.08) and the sosial kultural one (SK.01),
each assessed on levels 1–5. Technical competencies are per position and not handled here.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from pegawai.jenis_jabatan import KETERAMPILAN, JenisJabatan, Jenjang

# Lower-case codes double as model field suffixes (e.g. ``level_m01``).
KOMPETENSI: tuple[tuple[str, str], ...] = (
    ("m01", "Integritas"),
    ("m02", "Kerja Sama"),
    ("m03", "Komunikasi"),
    ("m04", "Orientasi pada Hasil"),
    ("m05", "Pelayanan Publik"),
    ("m06", "Pengembangan Diri dan Orang Lain"),
    ("m07", "Mengelola Perubahan"),
    ("m08", "Pengambilan Keputusan"),
    ("sk01", "Perekat Bangsa"),
)
KODE: tuple[str, ...] = tuple(kode for kode, _nama in KOMPETENSI)
# Official notation used in PermenPANRB 38/2017: "M.01" … "M.08", "SK.01".
KODE_RESMI: dict[str, str] = {
    "m01": "M.01",
    "m02": "M.02",
    "m03": "M.03",
    "m04": "M.04",
    "m05": "M.05",
    "m06": "M.06",
    "m07": "M.07",
    "m08": "M.08",
    "sk01": "SK.01",
}

LEVEL_MIN = 1
LEVEL_MAX = 5


# Default required manajerial level per kind / fungsional jenjang [configurable, section 8].
_STANDAR_JENIS: dict[str, int] = {
    JenisJabatan.JPT_UTAMA: 5,
    JenisJabatan.JPT_MADYA: 5,
    JenisJabatan.JPT_PRATAMA: 4,
    JenisJabatan.ADMINISTRATOR: 3,
    JenisJabatan.PENGAWAS: 2,
    JenisJabatan.PELAKSANA: 1,
}
_STANDAR_JENJANG: dict[str, int] = {
    Jenjang.AHLI_UTAMA: 4,
    Jenjang.AHLI_MADYA: 3,
    Jenjang.AHLI_MUDA: 2,
    Jenjang.AHLI_PERTAMA: 1,
    **dict.fromkeys(KETERAMPILAN, 1),
}


def jpm(capaian: Mapping[str, int | None], standar: Mapping[str, int]) -> Decimal:
    """Return the Job Person Match in percent, two decimals (Peraturan BKN 26/2019).

    JPM = Σ min(achieved, required) ÷ Σ required × 100: each achieved level is capped at its
    required level, so JPM is at most 100. Only competencies in ``standar`` count; an achieved level
    that is missing (or ``None``, not yet assessed) counts as 0.
    """
    if not standar:
        raise ValueError("standar must name at least one competency")
    total_standar = 0
    total_capaian = 0
    for kode, required in standar.items():
        _check_level(kode, required, "standar")
        achieved = capaian.get(kode)
        if achieved is not None:
            _check_level(kode, achieved, "capaian")
            total_capaian += min(achieved, required)
        total_standar += required
    persen = Decimal(total_capaian) * 100 / Decimal(total_standar)
    return persen.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def standar_default(jenis_jabatan: str, jenjang: str = "") -> dict[str, int]:
    """Return the default required level of all nine competencies for a kind (and jenjang).

    PermenPANRB 38/2017 sets the manajerial level per position; the sosial-kultural (SK.01) default
    follows the manajerial level, a configurable practice HR can change per position.
    """
    if jenis_jabatan == JenisJabatan.FUNGSIONAL:
        try:
            level = _STANDAR_JENJANG[jenjang]
        except KeyError:
            raise ValueError(f"Fungsional needs a valid jenjang, got {jenjang!r}") from None
    else:
        try:
            level = _STANDAR_JENIS[jenis_jabatan]
        except KeyError:
            raise ValueError(f"Unknown jenis jabatan: {jenis_jabatan!r}") from None
    return dict.fromkeys(KODE, level)


def _check_level(kode: str, level: int, name: str) -> None:
    # bool is an int subclass; True would silently count as level 1.
    if isinstance(level, bool) or not isinstance(level, int) or not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValueError(f"{name}[{kode!r}] must be a level 1..5, got {level!r}")
