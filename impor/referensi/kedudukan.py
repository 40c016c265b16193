"""SIASN's kedudukan hukum reference (`kedudukanPnsId`/`kedudukanPnsNama`, "KEDUDUKAN HUKUM ID"/
"KEDUDUKAN HUKUM NAMA"), each value with our kedudukan and the consequences the regulations give it.

Ids and labels: SIASN's reference as two public clients seed it and agree on ids 01–99 — a Laravel
migration creating table `kedudukan_hukum` (found with find_string "Tidak Ikut PUPNS 2015"; the code
index does not name its repository) and a PHP helper `kedudukan_hukum()` of an older SAPK client
(same index, repository not named either). "PPPK Aktif" is the label rumahASN tests a PPPK by
(controller/siasn-jabatan.controller.js: `kedudukanPnsNama === "PPPK Aktif"`).

Consequences, as data for the code that acts on them (the DUK, who may be ranked, which posts an
import ends; none of it reads them yet, our Pegawai keeps only `kedudukan`):
- `memangku_jabatan`: the person still holds the post. PP 11/2017 jo. PP 17/2020 Pasal 94(1) ends a
  jabatan fungsional on pemberhentian sementara as PNS, cuti di luar tanggungan negara and tugas
  belajar of more than six months (quoted by BKPSDM Parigi Moutong's page on leaving a JF); the
  CLTN provisions end any jabatan and count no masa kerja (Pasal 334–336, hukumonline's summary);
  a PNS appointed pejabat negara or komisioner, or held as a suspect, is diberhentikan sementara
  (the grounds from a published summary of PP 11/2017; "Pasal 276" is our recollection of the
  number, not checked). Masa persiapan pensiun frees the PNS from the post (practice; no article
  found).
- `dapat_diperingkat`: may be ranked for a vacancy: only who holds a post and serves no sanction
  or pending case (PP 94/2021 on disiplin for the sanctions) [practice where no article is cited].
- `masuk_duk`: on the Daftar Urut Kepangkatan (PP 15/1979): PNS still in service, not CPNS, not
  PPPK (UU 20/2023 Pasal 1 and 6 separate PPPK from PNS).
Labels whose meaning no regulation we found defines ("Tidak Ikut PUPNS 2015", "Pemblokiran Data
PNS") keep the cautious reading: in service, not ranked; "Punah" (a closed record) is out of
service.
"""

from __future__ import annotations

from dataclasses import dataclass

from pegawai.models import KedudukanPegawai as K


@dataclass(frozen=True)
class KedudukanHukum:
    id: str
    nama: str  # as SIASN spells it
    kedudukan: str  # ours (Pegawai.kedudukan)
    memangku_jabatan: bool
    dapat_diperingkat: bool
    masuk_duk: bool
    pppk: bool = False  # only a PPPK can have it


def _k(id_, nama, kedudukan, jabatan, peringkat, duk, pppk=False) -> KedudukanHukum:
    return KedudukanHukum(id_, nama, kedudukan, jabatan, peringkat, duk, pppk)


_KELUAR = (False, False, False)  # out of service: no post, not ranked, not on the DUK

TABEL: tuple[KedudukanHukum, ...] = (
    _k("01", "Aktif", K.AKTIF, True, True, True),
    _k("02", "CLTN", K.CUTI, False, False, True),  # Pasal 94(1)c, Pasal 334–337
    _k("03", "Tugas Belajar", K.AKTIF, False, False, True),  # Pasal 94(1)d
    _k("04", "Pemberhentian Sementara", K.AKTIF, False, False, True),  # Pasal 94(1)b, 276
    _k("05", "Penerima Uang Tunggu", K.AKTIF, False, False, True),
    _k("06", "Prajurit Wajib", K.AKTIF, False, False, True),
    _k("07", "Pejabat Negara", K.AKTIF, False, False, True),  # Pasal 276
    _k("08", "Kepala Desa", K.AKTIF, False, False, True),
    _k("09", "Sedang dlm Proses Banding BAPEK", K.AKTIF, True, False, True),
    _k("11", "Pegawai Titipan", K.AKTIF, True, True, True),
    _k("12", "Pengungsi", K.AKTIF, False, False, True),
    _k("13", "Perpanjangan CLTN", K.CUTI, False, False, True),  # Pasal 334(3)
    _k("14", "PNS yang dinyatakan hilang", K.AKTIF, False, False, True),
    _k("15", "PNS kena hukuman disiplin", K.AKTIF, True, False, True),
    _k("16", "Pemindahan dalam rangka penurunan Jabatan", K.AKTIF, True, False, True),
    _k("20", "Masa Persiapan Pensiun", K.AKTIF, False, False, True),
    _k("51", "CPNS yang belum menerima SK CPNS", K.AKTIF, True, False, False),
    _k("52", "Tidak Aktif", K.CUTI, False, False, True),
    _k("66", "Diberhentikan", K.DIBERHENTIKAN, *_KELUAR),
    _k("67", "Punah", K.DIBERHENTIKAN, *_KELUAR),
    _k("68", "Eks PNS Timor Timur", K.DIBERHENTIKAN, *_KELUAR),
    _k("69", "TMS Dari Pengadaan", K.DIBERHENTIKAN, *_KELUAR),
    _k("70", "Pembatalan NIP", K.DIBERHENTIKAN, *_KELUAR),
    _k("71", "PPPK Aktif", K.AKTIF, True, True, False, pppk=True),
    # rumahASN excludes 72 with 71 from its PNS checks (controller/kualitas-data/
    # accuracy.controller.js); its label is in no public table we found: read by id only.
    _k("72", "PPPK (kedudukan hukum 72)", K.AKTIF, True, False, False, pppk=True),
    _k("77", "Pemberhentian tanpa hak pensiun", K.DIBERHENTIKAN, *_KELUAR),
    _k("88", "Pemberhentian dengan hak pensiun", K.PENSIUN, *_KELUAR),
    _k("89", "Tidak aktif tetapi diusulkan Pensiun", K.AKTIF, False, False, True),
    _k("90", "Tidak Ikut PUPNS 2015", K.AKTIF, True, False, True),
    _k("91", "Tindak Pidana/ Tindak Pidana Jabatan", K.AKTIF, False, False, True),  # Pasal 276
    _k("92", "Pemblokiran Data PNS", K.AKTIF, True, False, True),
    _k("98", "Mencapai BUP", K.PENSIUN, *_KELUAR),
    _k("99", "Pensiun", K.PENSIUN, *_KELUAR),
)
ID: dict[str, KedudukanHukum] = {k.id: k for k in TABEL}


def _kunci(teks: str) -> str:
    return " ".join(teks.lower().replace("/", "/ ").split())


# Labels people write and our own export writes (Pegawai.kedudukan's codes and labels).
_LAIN = {
    "cuti": _k("", "Cuti", K.CUTI, True, True, True),  # cuti tahunan etc.: the post stays
    "cuti di luar tanggungan negara": ID["02"],
    "mpp": ID["20"],
    "meninggal": _k("", "Meninggal dunia", K.MENINGGAL, *_KELUAR),
    "meninggal dunia": _k("", "Meninggal dunia", K.MENINGGAL, *_KELUAR),
    "wafat": _k("", "Wafat", K.MENINGGAL, *_KELUAR),
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
