"""The columns of an import: the fields we use (SIASN's camelCase names, ../shared/domain/SIASN.md),
the one normalisation of column titles (SIASN's spreadsheet exports write "NIP BARU",
"GOL AKHIR ID"; other tools "nip_baru") with the synonyms in one table, and the small value maps
(status, gender). SIASN's reference tables are impor.referensi's.

No ORM here: units and positions are mapped through the saved mappings (impor.models)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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
    "tkPendidikanTerakhirId",
    "tkPendidikanTerakhir",
    "unorId",
    "unorNama",
    "jenisJabatanId",
    "jabatanId",
    "jabatanNama",
    "tmtJabatan",
    "tmtBerhenti",
    "email",
    "noHp",
)
WAJIB = ("nipBaru", "nama", "statusPegawai", "tmtGolAkhir", "unorId")
# One of each pair must be present as a column (SIASN sends ids, people type names).
SALAH_SATU = (
    ("golRuangAkhirId", "golRuangAkhir"),
    ("tkPendidikanTerakhirId", "tkPendidikanTerakhir"),
)
TANGGAL = ("tglLahir", "tmtCpns", "tmtPns", "tmtGolAkhir", "tmtJabatan", "tmtBerhenti")

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
    "tkPendidikanTerakhirId": _("tingkat pendidikan (id SIASN)"),
    "tkPendidikanTerakhir": _("tingkat pendidikan"),
    "unorId": _("unit (id SIASN)"),
    "unorNama": _("unit"),
    "jenisJabatanId": _("jenis jabatan (id SIASN)"),
    "jabatanId": _("jabatan (id SIASN)"),
    "jabatanNama": _("jabatan"),
    "tmtJabatan": _("TMT jabatan"),
    "tmtBerhenti": _("TMT berhenti"),
    "email": _("email"),
    "noHp": _("nomor HP"),
}


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
