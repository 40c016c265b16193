"""SIASN's kedudukan hukum (`kedudukanPnsId`/`kedudukanPnsNama`, "KEDUDUKAN HUKUM ID"/
"KEDUDUKAN HUKUM NAMA"): each value with our kedudukan and the consequences the regulations give
it. One table, read by the employee model (its CHECK and the admin's select), the importer
(impor.referensi.kedudukan parses the labels), the merit ranking and the DUK.

Ids and labels: SIASN's reference as two public clients seed it and agree on ids 01–99 — a Laravel
migration creating table `kedudukan_hukum` (found with find_string "Tidak Ikut PUPNS 2015"; the code
index does not name its repository) and a PHP helper `kedudukan_hukum()` of an older SAPK client
(same index, repository not named either). "PPPK Aktif" is the label rumahASN tests a PPPK by
(controller/siasn-jabatan.controller.js: `kedudukanPnsNama === "PPPK Aktif"`).

Consequences:
- `memangku_jabatan`: the person still holds the post. PP 11/2017 jo. PP 17/2020 Pasal 94(1) ends a
  jabatan fungsional on pemberhentian sementara as PNS, cuti di luar tanggungan negara and tugas
  belajar of more than six months (quoted by BKPSDM Parigi Moutong's page on leaving a JF); the
  CLTN provisions end any jabatan and count no masa kerja (Pasal 334–336, hukumonline's summary);
  Pasal 64 ayat (1) does the same for a jabatan administrasi; a PNS appointed pejabat negara
  (huruf a), komisioner or member of a lembaga nonstruktural (huruf b), or detained as a suspect
  (huruf c) is diberhentikan sementara (PP 11/2017 Pasal 276, each ground in Pasal 277 ayat (1),
  (3), (4); detention counts from its first day, Pasal 280; pejabat negara also Pasal 343 ayat (3);
  the same three grounds in UU 5/2014 Pasal 88). Text of Pasal 276:
  dirbkpsdm.parigimoutongkab.go.id/index.php/pemberhentian/pemberhentian-sementara-dan-
  pengaktifan-kembali/pemberhentian-sementara. Masa persiapan pensiun frees the PNS from the
  post (practice; no article found). An import or the admin ends such a person's placements
  (jabatan.services.pegawai_release_posts), and no placement may start while it lasts.
- `dapat_diperingkat`: may be ranked for a vacancy: only who holds a post and serves no sanction
  or pending case (PP 94/2021 on disiplin for the sanctions) [practice where no article is cited].
- `masuk_duk`: on the Daftar Urut Kepangkatan (PP 15/1979): PNS still in service, not CPNS, not
  PPPK (UU 20/2023 Pasal 1 and 6 separate PPPK from PNS).
Labels whose meaning no regulation we found defines ("Tidak Ikut PUPNS 2015", "Pemblokiran Data
PNS") keep the cautious reading: in service, not ranked; "Punah" (a closed record) is out of
service.

Our kedudukan is written as its stored value (pegawai.models.KedudukanPegawai): the model imports
this module for its CHECK, so this module cannot import the model.
"""

from __future__ import annotations

from dataclasses import dataclass

# Regulation references, shown in the ranking's reason (jabatan.merit.kelayakan).
PP11_94_B = "PP 11/2017 jo. PP 17/2020 Pasal 94 ayat (1) huruf b"
PP11_94_C = "PP 11/2017 jo. PP 17/2020 Pasal 94 ayat (1) huruf c, Pasal 334–337"
PP11_94_D = "PP 11/2017 jo. PP 17/2020 Pasal 94 ayat (1) huruf d"
PP11_276_A = "PP 11/2017 jo. PP 17/2020 Pasal 276 huruf a, Pasal 277 ayat (1)"
PP11_276_C = "PP 11/2017 jo. PP 17/2020 Pasal 276 huruf c, Pasal 277 ayat (4), Pasal 280"
PP94 = "PP 94/2021 tentang Disiplin PNS"
PRAKTIK = "praktik kepegawaian; tidak ada pasal yang ditemukan"


@dataclass(frozen=True)
class KedudukanHukum:
    id: str
    nama: str  # as SIASN spells it
    kedudukan: str  # ours (Pegawai.kedudukan's stored value)
    memangku_jabatan: bool
    dapat_diperingkat: bool
    masuk_duk: bool
    pppk: bool = False  # only a PPPK can have it
    dasar: str = ""  # the regulation behind the consequences (for messages)


def _k(id_, nama, kedudukan, jabatan, peringkat, duk, dasar="", pppk=False) -> KedudukanHukum:
    return KedudukanHukum(id_, nama, kedudukan, jabatan, peringkat, duk, pppk, dasar)


AKTIF, CUTI, DIBERHENTIKAN, PENSIUN, MENINGGAL = (
    "aktif",
    "cuti",
    "diberhentikan",
    "pensiun",
    "meninggal",
)
_KELUAR = (False, False, False)  # out of service: no post, not ranked, not on the DUK

TABEL: tuple[KedudukanHukum, ...] = (
    _k("01", "Aktif", AKTIF, True, True, True),
    _k("02", "CLTN", CUTI, False, False, True, PP11_94_C),
    _k("03", "Tugas Belajar", AKTIF, False, False, True, PP11_94_D),
    _k(
        "04", "Pemberhentian Sementara", AKTIF, False, False, True, PP11_94_B
    ),  # also Pasal 64 ayat (1) huruf b, Pasal 276
    _k("05", "Penerima Uang Tunggu", AKTIF, False, False, True, PRAKTIK),
    _k("06", "Prajurit Wajib", AKTIF, False, False, True, PRAKTIK),
    _k("07", "Pejabat Negara", AKTIF, False, False, True, PP11_276_A),  # also Pasal 343 ayat (3)
    _k("08", "Kepala Desa", AKTIF, False, False, True, PRAKTIK),
    _k("09", "Sedang dlm Proses Banding BAPEK", AKTIF, True, False, True, PP94),
    _k("11", "Pegawai Titipan", AKTIF, True, True, True),
    _k("12", "Pengungsi", AKTIF, False, False, True, PRAKTIK),
    _k("13", "Perpanjangan CLTN", CUTI, False, False, True, PP11_94_C),
    _k("14", "PNS yang dinyatakan hilang", AKTIF, False, False, True, PRAKTIK),
    _k("15", "PNS kena hukuman disiplin", AKTIF, True, False, True, PP94),
    _k("16", "Pemindahan dalam rangka penurunan Jabatan", AKTIF, True, False, True, PP94),
    _k("20", "Masa Persiapan Pensiun", AKTIF, False, False, True, PRAKTIK),
    _k("51", "CPNS yang belum menerima SK CPNS", AKTIF, True, False, False, PRAKTIK),
    _k("52", "Tidak Aktif", CUTI, False, False, True, PRAKTIK),
    _k("66", "Diberhentikan", DIBERHENTIKAN, *_KELUAR),
    _k("67", "Punah", DIBERHENTIKAN, *_KELUAR),
    _k("68", "Eks PNS Timor Timur", DIBERHENTIKAN, *_KELUAR),
    _k("69", "TMS Dari Pengadaan", DIBERHENTIKAN, *_KELUAR),
    _k("70", "Pembatalan NIP", DIBERHENTIKAN, *_KELUAR),
    _k("71", "PPPK Aktif", AKTIF, True, True, False, pppk=True),
    # A PPPK status: rumahASN excludes 72 with 71 from its PNS checks (controller/kualitas-data/
    # accuracy.controller.js), applies its PPPK appointment-year check (NI PPPK) to ids 71 and 72
    # (consistentcy.controller.js) and counts 72 as "bukan PNS" (rw-keluarga.controller.js). Its
    # label is in no public table we found: read by id only.
    _k("72", "PPPK (kedudukan hukum 72)", AKTIF, True, False, False, PRAKTIK, pppk=True),
    _k("77", "Pemberhentian tanpa hak pensiun", DIBERHENTIKAN, *_KELUAR),
    _k("88", "Pemberhentian dengan hak pensiun", PENSIUN, *_KELUAR),
    _k("89", "Tidak aktif tetapi diusulkan Pensiun", AKTIF, False, False, True, PRAKTIK),
    _k("90", "Tidak Ikut PUPNS 2015", AKTIF, True, False, True, PRAKTIK),
    _k("91", "Tindak Pidana/ Tindak Pidana Jabatan", AKTIF, False, False, True, PP11_276_C),
    _k("92", "Pemblokiran Data PNS", AKTIF, True, False, True, PRAKTIK),
    _k("98", "Mencapai BUP", PENSIUN, *_KELUAR),
    _k("99", "Pensiun", PENSIUN, *_KELUAR),
)
ID: dict[str, KedudukanHukum] = {k.id: k for k in TABEL}

# The model field's choices: SIASN's id and label, as HR knows them from SIASN.
CHOICES = [(k.id, f"{k.id} {k.nama}") for k in TABEL]
# Which ids go with each of our kedudukan (the CHECK on Pegawai).
PER_KEDUDUKAN: dict[str, list[str]] = {}
for _kh in TABEL:
    PER_KEDUDUKAN.setdefault(_kh.kedudukan, []).append(_kh.id)
PPPK = frozenset(k.id for k in TABEL if k.pppk)
# The ids with a consequence, for queries: blank (unknown, entered by hand) is none of them.
TIDAK_MEMANGKU = frozenset(k.id for k in TABEL if not k.memangku_jabatan)
TIDAK_DIPERINGKAT = frozenset(k.id for k in TABEL if not k.dapat_diperingkat)
TIDAK_DUK = frozenset(k.id for k in TABEL if not k.masuk_duk)


def sesuai(kedudukan_hukum: str, kedudukan: str) -> bool:
    """Return whether SIASN's kedudukan hukum agrees with our kedudukan (blank agrees)."""
    return not kedudukan_hukum or kedudukan_hukum in PER_KEDUDUKAN.get(kedudukan, ())


def memangku_jabatan(kedudukan_hukum: str) -> bool:
    """Return whether the person still holds their post (blank: the plain kedudukan decides)."""
    return kedudukan_hukum not in TIDAK_MEMANGKU


def sama_arti(a: str, b: str, kedudukan: str) -> bool:
    """Return whether two kedudukan hukum mean the same for an employee of `kedudukan`: equal,
    or one blank and the other with its kedudukan's plain consequences (01 Aktif, 71 PPPK Aktif,
    99 Pensiun)."""
    if a == b:
        return True
    kode = a or b
    if (a and b) or kode not in ID:
        return False
    k = ID[kode]
    dalam_dinas = kedudukan in (AKTIF, CUTI)
    return k.kedudukan == kedudukan and (k.memangku_jabatan, k.dapat_diperingkat) == (
        dalam_dinas,
        dalam_dinas,
    )


def nama(kedudukan_hukum: str) -> str:
    """Return "03 Tugas Belajar" for "03" (as the select shows it)."""
    k = ID.get(kedudukan_hukum)
    return f"{k.id} {k.nama}" if k else ""
