"""The columns of an import (SIASN's field names, ../shared/domain/SIASN.md) and the pure
mappings of SIASN's reference ids onto ours: rank, education level, position kind, status.

No ORM here: units and positions are mapped through the saved mappings (impor.models)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pegawai import golongan as gol
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.pendidikan import TingkatPendidikan

# Our template's columns, in order: what an export writes and an import reads.
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

# SIASN's own fields that we read nothing from: a SIASN export carrying them is still accepted
# (they are ignored, and the preview says so); any other column is refused.
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
        "kedudukanPnsId",
    }
    # The rest of a whole data-utama record as SIASN's web service sends it (about a hundred
    # fields; public client code stores them one column each: lighthinkstudio/simpeg-lts,
    # database/migrations/2022_05_31_000000_create_master_pegawai_table.php, commit d810e99;
    # jumlahIstriSuami, validNik, flag, updated, asnJenjangJabatan and levelJabatan from other
    # public client code whose repository the search index does not name). Read and ignored: nothing of ours corresponds (bupPensiun: we apply our own rule,
    # pegawai.pensiun, and reconcile tmtPensiun against it).
    | {
        "pnsId",
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

# SIASN's golongan ids: tens = golongan, units = ruang (11 = I/a ... 45 = IV/e).
_RUANG = "abcde"
GOLONGAN_ID: dict[str, str] = {}
for _kode, _pangkat in gol.PNS:
    _g, _r = _kode.split("/")
    GOLONGAN_ID[f"{('I', 'II', 'III', 'IV').index(_g) + 1}{_RUANG.index(_r) + 1}"] = _kode
# PPPK golongan in SIASN: ids 101..117 (I..XVII), and the Roman numerals themselves.
for _n, _kode in enumerate(gol.PPPK, start=1):
    GOLONGAN_ID[str(100 + _n)] = _kode


def golongan(id_: str, nama: str) -> str | None:
    """Return our golongan code for SIASN's id or label ("31", "III/a", "Penata Muda (III/a)")."""
    if id_:
        return GOLONGAN_ID.get(id_.strip().lstrip("0") or "0")
    teks = nama.strip()
    if "(" in teks and teks.endswith(")"):
        teks = teks.rsplit("(", 1)[1][:-1]
    teks = teks.replace(" ", "")
    for kode, _label in gol.CHOICES:
        if teks.lower() == kode.lower():
            return kode
    if teks.lower().startswith("golongan"):
        return golongan("", teks[len("golongan") :])
    return None


# SIASN's tingkat pendidikan reference (ids as BKN's reference table numbers them).
PENDIDIKAN_ID = {
    "05": TingkatPendidikan.SD,
    "10": TingkatPendidikan.SMP,
    "12": TingkatPendidikan.SMP,
    "15": TingkatPendidikan.SLTA,
    "17": TingkatPendidikan.SLTA,
    "18": TingkatPendidikan.SLTA,
    "20": TingkatPendidikan.D1,
    "25": TingkatPendidikan.D2,
    "30": TingkatPendidikan.D3,
    "35": TingkatPendidikan.D4,
    "40": TingkatPendidikan.S1,
    "45": TingkatPendidikan.S2,
    "50": TingkatPendidikan.S3,
}
_PENDIDIKAN_NAMA = {
    "sd": "SD",
    "smp": "SMP",
    "sltp": "SMP",
    "slta": "SLTA",
    "sma": "SLTA",
    "smk": "SLTA",
    "slta/sma/smk": "SLTA",
    "d1": "D1",
    "d-i": "D1",
    "diplomai": "D1",
    "d2": "D2",
    "d-ii": "D2",
    "diplomaii": "D2",
    "d3": "D3",
    "d-iii": "D3",
    "diplomaiii": "D3",
    "d4": "D4",
    "d-iv": "D4",
    "diplomaiv": "D4",
    "s1": "S1",
    "s-1": "S1",
    "sarjana": "S1",
    "s2": "S2",
    "s-2": "S2",
    "s3": "S3",
    "s-3": "S3",
    "doktor": "S3",
}


def pendidikan(id_: str, nama: str) -> str | None:
    if id_:
        return PENDIDIKAN_ID.get(id_.strip().zfill(2))
    kunci = nama.strip().lower().replace(" ", "")
    return _PENDIDIKAN_NAMA.get(kunci) or _PENDIDIKAN_NAMA.get(kunci.split("/")[0])


# SIASN's jenis jabatan: 1 struktural, 2 fungsional tertentu, 4 fungsional umum (pelaksana).
JENIS_JABATAN_ID = {
    "1": (
        JenisJabatan.JPT_PRATAMA,
        JenisJabatan.ADMINISTRATOR,
        JenisJabatan.PENGAWAS,
        JenisJabatan.JPT_MADYA,
        JenisJabatan.JPT_UTAMA,
    ),
    "2": (JenisJabatan.FUNGSIONAL,),
    "4": (JenisJabatan.PELAKSANA,),
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


# SIASN's eselon ("II.b", "III.a", ...) and the managerial kind it corresponds to (UU 5/2014
# Pasal 131: JPT madya setara eselon I.a dan I.b, JPT pratama eselon II, administrator eselon
# III, pengawas eselon IV). Eselon V has no managerial kind (PermenPANRB 17/2021 made it Ahli
# Pertama): not checked.
_ESELON = {
    "I": JenisJabatan.JPT_MADYA,
    "II": JenisJabatan.JPT_PRATAMA,
    "III": JenisJabatan.ADMINISTRATOR,
    "IV": JenisJabatan.PENGAWAS,
}


def jenis_dari_eselon(eselon: str) -> str | None:
    """Return the managerial kind of a SIASN eselon ("II.b" -> JPT Pratama), None if none."""
    return _ESELON.get(eselon.strip().upper().split(".")[0].split("/")[0].strip())


STATUS = {"pns": "PNS", "cpns": "PNS", "pppk": "PPPK", "p3k": "PPPK"}
KEDUDUKAN = {
    "": "aktif",
    "aktif": "aktif",
    "cuti": "cuti",
    "cltn": "cuti",
    "diberhentikan": "diberhentikan",
    "pemberhentian": "diberhentikan",
    "pensiun": "pensiun",
    "meninggal": "meninggal",
    "meninggal dunia": "meninggal",
    "wafat": "meninggal",
}
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
