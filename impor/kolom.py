"""The columns of an import: the fields we use (SIASN's camelCase names, docs/data.md §1),
the one normalisation of column titles (SIASN's spreadsheet exports write "NIP BARU",
"GOL AKHIR ID"; other tools "nip_baru") with the synonyms in one table, and the small value maps
(status, gender). SIASN's reference tables are impor.referensi's.

No ORM here: units and positions are mapped through the saved mappings (impor.models)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pegawai.jenis_jabatan import JenisJabatan

# The fields we use, in order: our template's columns, what an export writes and an import reads.
# Any other field or column is read, ignored and listed once in the preview ("dibaca tetapi tidak
# dipakai"), never a reason to refuse a file: a data-utama record carries about a hundred.
KOLOM = (
    "nipBaru",
    "nama",
    "gelarDepan",
    "gelarBelakang",
    "tempatLahir",
    "tglLahir",
    "jenisKelamin",
    "statusPegawai",
    "kedudukanPnsNama",
    "kedudukanPnsId",
    "tmtCpns",
    "tmtPns",
    "golRuangAkhirId",
    "golRuangAkhir",
    "tmtGolAkhir",
    "mkTahun",
    "mkBulan",
    "tkPendidikanTerakhirId",
    "tkPendidikanTerakhir",
    "unorId",
    "unorNama",
    "jenisJabatanId",
    "jabatanId",
    "jabatanNama",
    "jabatanStrukturalId",
    "jabatanStrukturalNama",
    "jabatanFungsionalId",
    "jabatanFungsionalNama",
    "jabatanFungsionalUmumId",
    "jabatanFungsionalUmumNama",
    "eselon",
    "tmtJabatan",
    "tmtBerhenti",
    "tmtPensiun",
    "email",
    "noHp",
)
WAJIB = ("nipBaru", "nama", "statusPegawai", "tmtGolAkhir", "unorId")
# One of each pair must be present as a column (SIASN sends ids, people type names).
SALAH_SATU = (
    ("golRuangAkhirId", "golRuangAkhir"),
    ("tkPendidikanTerakhirId", "tkPendidikanTerakhir"),
)
TANGGAL = (
    "tglLahir",
    "tmtCpns",
    "tmtPns",
    "tmtGolAkhir",
    "tmtJabatan",
    "tmtBerhenti",
    "tmtPensiun",
)

# SIASN's own fields that we read nothing from, as a whole data-utama record carries them. Any
# column outside KOLOM is ignored and listed once in the preview (impor.read); this list is what
# the import benchmark's whole records carry besides ours (impor.contoh).
SIASN_LAIN = frozenset(
    {
        "id",
        "nipLama",
        "agama",
        "agamaId",
        "jenisPegawaiNama",
        "golRuangAwalId",
        "golRuangAwal",
        "pangkatAkhir",
        "pangkatAwal",
        "masaKerja",
        "pendidikanTerakhirId",
        "pendidikanTerakhirNama",
        "tahunLulus",
        "jenisJabatan",
        "eselonId",
        "eselonLevel",
        "tmtEselon",
        "unorIndukId",
        "unorIndukNama",
        "instansiIndukNama",
        "instansiKerjaNama",
        "satuanKerjaKerjaNama",
        "lokasiKerja",
        "emailGov",
    }
    # The rest of a whole data-utama record as SIASN's web service sends it (about a hundred
    # fields; public client code stores them one column each: lighthinkstudio/simpeg-lts,
    # database/migrations/2022_05_31_000000_create_master_pegawai_table.php, commit d810e99;
    # jumlahIstriSuami, validNik, flag, updated, asnJenjangJabatan and levelJabatan from other
    # public client code whose repository the search index does not name). Read and ignored:
    # nothing of ours corresponds (bupPensiun: we apply our own rule, pegawai.pensiun, and
    # reconcile tmtPensiun against it).
    | {
        "tempatLahirId",
        "nik",
        "alamat",
        "noTelp",
        "jenisPegawaiId",
        "jenisIdDokumenId",
        "jenisIdDokumenNama",
        "nomorIdDocument",
        "noSeriKarpeg",
        "bupPensiun",
        "tglSkPns",
        "tglSkCpns",
        "kanregId",
        "kanregNama",
        "instansiKerjaId",
        "instansiKerjaKodeCepat",
        "instansiIndukId",
        "satuanKerjaId",
        "satuanKerjaNama",
        "satuanKerjaIndukId",
        "satuanKerjaIndukNama",
        "satuanKerjaKerjaId",
        "lokasiKerjaId",
        "gajiPokok",
        "kpknId",
        "kpknNama",
        "ktuaId",
        "ktuaNama",
        "taspenId",
        "taspenNama",
        "jenisKawinId",
        "statusPerkawinan",
        "statusHidup",
        "noSuratKeteranganDokter",
        "tglSuratKeteranganDokter",
        "jumlahPasangan",
        "jumlahIstriSuami",
        "jumlahAnak",
        "noSuratKeteranganBebasNarkoba",
        "tglSuratKeteranganBebasNarkoba",
        "skck",
        "tglSkck",
        "akteKelahiran",
        "akteMeninggal",
        "tglMeninggal",
        "noNpwp",
        "tglNpwp",
        "noAskes",
        "bpjs",
        "kodePos",
        "noSpmt",
        "noTaspen",
        "bahasa",
        "kppnId",
        "kppnNama",
        "tglSttpl",
        "nomorSttpl",
        "nomorSkCpns",
        "nomorSkPns",
        "jenjang",
        "jabatanAsn",
        "kartuAsn",
        "validNik",
        "flag",
        "updated",
        "asnJenjangJabatan",
        "levelJabatan",
    }
)
RIWAYAT = (
    "rw-golongan",
    "rw-pendidikan",
    "rw-jabatan",
    "rw-hukdis",
    "rw-skp22",
    "rw-diklat",
    "rw-kursus",
)  # the last four are other apps' records (impor.riwayat)

LABEL = {
    "nipBaru": _("NIP"),
    "nama": _("nama"),
    "gelarDepan": _("gelar depan"),
    "gelarBelakang": _("gelar belakang"),
    "tempatLahir": _("tempat lahir"),
    "tglLahir": _("tanggal lahir"),
    "jenisKelamin": _("jenis kelamin"),
    "statusPegawai": _("status kepegawaian"),
    "kedudukanPnsNama": _("kedudukan"),
    "kedudukanPnsId": _("kedudukan (id SIASN)"),
    "tmtCpns": _("TMT CPNS/PPPK"),
    "tmtPns": _("TMT PNS"),
    "golRuangAkhirId": _("golongan (id SIASN)"),
    "golRuangAkhir": _("golongan"),
    "tmtGolAkhir": _("TMT golongan"),
    "mkTahun": _("masa kerja golongan (tahun)"),
    "mkBulan": _("masa kerja golongan (bulan)"),
    "tkPendidikanTerakhirId": _("tingkat pendidikan (id SIASN)"),
    "tkPendidikanTerakhir": _("tingkat pendidikan"),
    "unorId": _("unit (id SIASN)"),
    "unorNama": _("unit"),
    "jenisJabatanId": _("jenis jabatan (id SIASN)"),
    "jabatanId": _("jabatan (id SIASN)"),
    "jabatanNama": _("jabatan"),
    "tmtJabatan": _("TMT jabatan"),
    "jabatanStrukturalId": _("jabatan struktural (id SIASN)"),
    "jabatanStrukturalNama": _("jabatan struktural"),
    "jabatanFungsionalId": _("jabatan fungsional (id SIASN)"),
    "jabatanFungsionalNama": _("jabatan fungsional"),
    "jabatanFungsionalUmumId": _("jabatan pelaksana (id SIASN)"),
    "jabatanFungsionalUmumNama": _("jabatan pelaksana"),
    "eselon": _("eselon"),
    "tmtBerhenti": _("TMT berhenti"),
    "tmtPensiun": _("TMT pensiun (SIASN)"),
    "email": _("email"),
    "noHp": _("nomor HP"),
}


# The position id of a SIASN record: our template's `jabatanId`, else the id of the position's
# kind, chosen by jenisJabatanId (data utama) or jenisJabatan (rw-jabatan): 1 struktural,
# 2 fungsional tertentu, 4 fungsional umum (pelaksana). Field names as public client code reads
# SIASN's records (lighthinkstudio/simpeg-lts, create_master_pegawai_table.php; rw-jabatan rows
# in public sync code carry jenisJabatan, jabatanFungsionalId, jabatanFungsionalUmumId and
# namaJabatan, but no structural id: a structural row maps by its name). One mapping for both
# lists (impor.models.PemetaanJabatan): the same id maps the same way from data utama and
# rw-jabatan.
_JABATAN_PER_JENIS = {
    "1": (("jabatanStrukturalId", "jabatanStrukturalNama"),),
    "2": (("jabatanFungsionalId", "jabatanFungsionalNama"),),
    "4": (("jabatanFungsionalUmumId", "jabatanFungsionalUmumNama"),),
}
_NAMA_JABATAN = ("jabatanNama", "namaJabatan")


def jabatan_siasn(r: dict[str, str]) -> tuple[str, str, str]:
    """Return (column, position id, position name) of a SIASN record or rw-jabatan row."""
    if r.get("jabatanId"):
        return "jabatanId", r["jabatanId"], r.get("jabatanNama") or r.get("namaJabatan", "")
    jenis = (r.get("jenisJabatanId") or r.get("jenisJabatan") or "").strip()
    pasangan = _JABATAN_PER_JENIS.get(jenis) or tuple(
        p for daftar in _JABATAN_PER_JENIS.values() for p in daftar
    )
    nama_umum = next((r[f] for f in _NAMA_JABATAN if r.get(f)), "")
    for kolom_id, kolom_nama in pasangan:
        if r.get(kolom_id):
            return kolom_id, r[kolom_id], r.get(kolom_nama) or nama_umum
    return pasangan[0][0] if jenis in _JABATAN_PER_JENIS else "jabatanId", "", nama_umum


# SIASN's eselon ("II.b", "III.a", ...) and the managerial kind it corresponds to, as UU 5/2014
# Pasal 131 sets them equal (its text quoted by asnri.com, "Penyetaraan Jabatan PNS Menurut UU
# ASN"): "b. jabatan eselon Ia dan eselon Ib setara dengan jabatan pimpinan tinggi madya; c.
# jabatan eselon II ... pimpinan tinggi pratama; d. ... eselon III ... administrator; e. ...
# eselon IV ... pengawas; dan f. jabatan eselon V dan fungsional umum setara dengan jabatan
# pelaksana". Huruf a (eselon Ia heading a lembaga pemerintah nonkementerian = JPT utama) has no
# post in a city, so I is read as JPT madya. Eselon V is a pelaksana, not a managerial kind:
# None, and not reconciled against the position's kind.
_ESELON = {
    "I": JenisJabatan.JPT_MADYA,
    "II": JenisJabatan.JPT_PRATAMA,
    "III": JenisJabatan.ADMINISTRATOR,
    "IV": JenisJabatan.PENGAWAS,
}


def jenis_dari_eselon(eselon: str) -> str | None:
    """Return the managerial kind of a SIASN eselon ("II.b" -> JPT Pratama), None if none."""
    return _ESELON.get(eselon.strip().upper().split(".")[0].split("/")[0].strip())


# "STATUS CPNS PNS" of SIASN's exports holds one letter, C or P (rumahASN
# controller/kualitas-data/accuracy.controller.js: status_cpns_pns != "C"); a PPPK is told by
# its kedudukan hukum (71 "PPPK Aktif"), impor.referensi.kedudukan.
STATUS = {"pns": "PNS", "cpns": "PNS", "pppk": "PPPK", "p3k": "PPPK", "p": "PNS", "c": "PNS"}
JENIS_KELAMIN = {
    "l": "L",
    "p": "P",
    "laki-laki": "L",
    "pria": "L",
    "perempuan": "P",
    "wanita": "P",
    "m": "L",
    "f": "P",
}


def kunci_judul(judul: str) -> str:
    """Return a column title without case, spaces, underscores, hyphens and dots: "NIP BARU",
    "nip_baru" and "nipBaru" are all "nipbaru"."""
    return "".join(c for c in judul.lower() if c not in " _-.")


# SIASN's spreadsheet export titles that do not fold onto a camelCase field name by
# `kunci_judul` alone -> the field. Titles: kanekescom/laravel-siasn-simpeg
# database/migrations/2024_01_02_000001_create_siasn_simpeg_pegawai_table.php (the export's
# columns, snake_cased by its reader) and the EXPECTED_HEADERS list of a public SIASN export
# uploader (same titles in capitals: "PNS ID", "NIP BARU", … "ESELON ID"); the data-utama names
# they stand for: the same repository's 2024_01_02_000006_create_siasn_simpeg_pns_data_utama_table.
SINONIM = {
    "PNS ID": "id",
    "NIP": "nipBaru",
    "TEMPAT LAHIR NAMA": "tempatLahir",
    "TANGGAL LAHIR": "tglLahir",
    "AGAMA NAMA": "agama",
    "JENIS KAWIN NAMA": "statusPerkawinan",
    "NOMOR HP": "noHp",
    "NPWP NOMOR": "noNpwp",
    "KEDUDUKAN HUKUM ID": "kedudukanPnsId",
    "KEDUDUKAN HUKUM NAMA": "kedudukanPnsNama",
    "STATUS CPNS PNS": "statusPegawai",
    "NOMOR SK CPNS": "nomorSkCpns",
    "TANGGAL SK CPNS": "tglSkCpns",
    "NOMOR SK PNS": "nomorSkPns",
    "TANGGAL SK PNS": "tglSkPns",
    "GOL AWAL ID": "golRuangAwalId",
    "GOL AWAL NAMA": "golRuangAwal",
    "GOL AKHIR ID": "golRuangAkhirId",
    "GOL AKHIR NAMA": "golRuangAkhir",
    "TMT GOLONGAN": "tmtGolAkhir",
    "JENIS JABATAN NAMA": "jenisJabatan",
    "TINGKAT PENDIDIKAN ID": "tkPendidikanTerakhirId",
    "TINGKAT PENDIDIKAN NAMA": "tkPendidikanTerakhir",
    "PENDIDIKAN ID": "pendidikanTerakhirId",
    "PENDIDIKAN NAMA": "pendidikanTerakhirNama",
    "LOKASI KERJA NAMA": "lokasiKerja",
    "ESELON NAMA": "eselon",
    "IS VALID NIK": "validNik",
}
_FIELD = {kunci_judul(f): f for f in (*KOLOM, *RIWAYAT)}
_FIELD |= {kunci_judul(judul): f for judul, f in SINONIM.items()}


def nama_field(judul: str) -> str:
    """Return the field a column title or JSON key stands for ("GOL AKHIR ID" ->
    "golRuangAkhirId", "nip_baru" -> "nipBaru"); a title we do not know comes back as written."""
    return _FIELD.get(kunci_judul(judul), judul)
