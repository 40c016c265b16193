"""Reading SIASN's kedudukan hukum from a file: its id ("01", "1", "71") or its label ("PPPK
Aktif", "MPP", our own export's "aktif"). The table of ids and their consequences is pegawai's
(pegawai.kedudukan_hukum); this module adds only the labels people write."""

from __future__ import annotations

from pegawai.kedudukan_hukum import CUTI, ID, MENINGGAL, TABEL, KedudukanHukum

__all__ = ["ID", "NAMA", "TABEL", "KedudukanHukum", "kedudukan"]


def _kunci(teks: str) -> str:
    return " ".join(teks.lower().replace("/", "/ ").split())


# Labels people write and our own export writes (Pegawai.kedudukan's codes and labels); those
# without an id keep the employee's kedudukan hukum blank (its kedudukan's plain meaning).
_MENINGGAL = KedudukanHukum("", "Meninggal dunia", MENINGGAL, False, False, False)
_LAIN = {
    "cuti": KedudukanHukum("", "Cuti", CUTI, True, True, True),  # cuti tahunan: the post stays
    "cuti di luar tanggungan negara": ID["02"],
    "mpp": ID["20"],
    "meninggal": _MENINGGAL,
    "meninggal dunia": _MENINGGAL,
    "wafat": KedudukanHukum("", "Wafat", MENINGGAL, False, False, False),
    "pemberhentian": ID["66"],
}
# Our own codes and labels ("aktif", "pensiun", "Meninggal dunia") are among these keys.
NAMA: dict[str, KedudukanHukum] = {**{_kunci(k.nama): k for k in TABEL}, **_LAIN}


def kedudukan(id_: str, nama: str) -> KedudukanHukum | None:
    """Return the kedudukan hukum of SIASN's id ("01", "1", "71") or label ("PPPK Aktif", "MPP");
    None when neither is known."""
    if id_:
        return ID.get(id_.strip().zfill(2))
    return NAMA.get(_kunci(nama))
