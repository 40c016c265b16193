"""SIASN's jenis jabatan reference (`jenisJabatanId`, "JENIS JABATAN ID").

Ids as SIASN's table lists them (rumahASN docs/siasn/siasn_jenis_jabatan.csv): 1 Jabatan
Struktural, 2 Jabatan Fungsional Tertentu, 3 Jabatan Rangkap (Struktural dan Fungsional), 4 Jabatan
Fungsional Umum. Struktural covers our manajerial kinds (the eselon says which, ref_eselon_siasn.csv
in the same folder); fungsional umum is our Pelaksana.
"""

from __future__ import annotations

from pegawai.jenis_jabatan import JenisJabatan

STRUKTURAL = (
    JenisJabatan.JPT_UTAMA,
    JenisJabatan.JPT_MADYA,
    JenisJabatan.JPT_PRATAMA,
    JenisJabatan.ADMINISTRATOR,
    JenisJabatan.PENGAWAS,
)

# SIASN id -> (SIASN's name, the kinds of ours it may be)
ID: dict[str, tuple[str, tuple[str, ...]]] = {
    "1": ("Jabatan Struktural", STRUKTURAL),
    "2": ("Jabatan Fungsional Tertentu", (JenisJabatan.FUNGSIONAL,)),
    "3": ("Jabatan Rangkap (Struktural dan Fungsional)", (*STRUKTURAL, JenisJabatan.FUNGSIONAL)),
    "4": ("Jabatan Fungsional Umum", (JenisJabatan.PELAKSANA,)),
}
