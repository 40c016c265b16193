"""Building import files for the tests: rows of SIASN-named columns as CSV, XLSX or JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from openpyxl import Workbook

from impor import kolom as k
from pegawai.nip import compose_nip

_urut = iter(range(1, 999))


def nip(lahir=date(1985, 3, 15), tmt=date(2010, 1, 1), jk="L") -> str:
    return compose_nip(lahir, tmt, jk, next(_urut))


def baris(**ubah) -> dict[str, str]:
    """A valid row of a PNS in unit U-1 (a unit with kode "U-1" must exist)."""
    lahir = ubah.pop("_lahir", date(1985, 3, 15))
    row = {
        "nipBaru": nip(lahir),
        "nama": "Ahmad Fauzi",
        "gelarDepan": "",
        "gelarBelakang": "S.T.",
        "tempatLahir": "Mataram",
        "tglLahir": lahir.strftime("%d-%m-%Y"),
        "jenisKelamin": "L",
        "statusPegawai": "PNS",
        "kedudukanPnsNama": "Aktif",
        "tmtCpns": "01-01-2010",
        "tmtPns": "2011-01-01",
        "golRuangAkhirId": "32",
        "golRuangAkhir": "III/b",
        "tmtGolAkhir": "01-04-2018",
        "tkPendidikanTerakhirId": "40",
        "tkPendidikanTerakhir": "S-1",
        "unorId": "U-1",
        "unorNama": "Dinas Uji",
        "jenisJabatanId": "",
        "jabatanId": "",
        "jabatanNama": "",
        "tmtJabatan": "",
        "tmtBerhenti": "",
        "email": "",
        "noHp": "",
    }
    row.update(ubah)
    return row


def ke_csv(rows: list[dict], kolom=k.KOLOM, pemisah=";", encoding="utf-8-sig") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=pemisah)
    w.writerow(kolom)
    for r in rows:
        w.writerow([r.get(c, "") for c in kolom])
    return buf.getvalue().encode(encoding)


def ke_xlsx(rows: list[dict], kolom=k.KOLOM, *, gabung: str | None = None, nilai=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(kolom))
    for r in rows:
        ws.append([r.get(c, "") for c in kolom])
    if nilai:
        for sel, v in nilai.items():
            ws[sel] = v
    if gabung:
        ws.merge_cells(gabung)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ke_json(rows: list[dict], bungkus: bool = False) -> bytes:
    data = {"data": rows} if bungkus else rows
    return json.dumps(data).encode()


def rekam_utuh(**ubah) -> dict[str, str]:
    """A whole data-utama record as SIASN's web service sends it: every field public client
    code stores (lighthinkstudio/simpeg-lts, database/migrations/
    2022_05_31_000000_create_master_pegawai_table.php), the ones we do not use filled as SIASN
    fills them (impor.contoh.isian_lain), on top of a valid row of ours (`baris`)."""
    from impor.contoh import isian_lain

    row = isian_lain(1)
    row.update(bupPensiun="58", masaKerja="16 Tahun 03 Bulan", kedudukanPnsId="01")
    row.update(baris(**ubah))
    return row


def baris_pegawai(p, *, dasar=baris, **ubah) -> dict[str, str]:
    """Return an import row (`dasar`: our template's `baris` or SIASN's `rekam_utuh`) of an
    employee we already hold, unchanged but for `ubah`."""
    return dasar(
        nipBaru=p.nip,
        nama=p.nama,
        tglLahir="",
        jenisKelamin="",
        gelarBelakang="",
        tempatLahir="",
        tmtCpns=f"{p.tmt_cpns:%d-%m-%Y}",
        tmtPns="",
        golRuangAkhirId="",
        golRuangAkhir=p.golongan,
        tmtGolAkhir=f"{p.tmt_golongan:%d-%m-%Y}",
        **ubah,
    )


# kanekescom/laravel-siasn-simpeg database/migrations/
# 2024_01_02_000006_create_siasn_simpeg_pns_data_utama_table.php: the data-utama fields.
_DATA_UTAMA = (
    "id nipBaru nipLama nama gelarDepan gelarBelakang tempatLahir tempatLahirId tglLahir agama "
    "agamaId email emailGov nik alamat noHp noTelp jenisPegawaiId mkTahun mkBulan "
    "jenisPegawaiNama kedudukanPnsId kedudukanPnsNama statusPegawai jenisKelamin jenisIdDokumenId "
    "jenisIdDokumenNama nomorIdDocument noSeriKarpeg tkPendidikanTerakhirId tkPendidikanTerakhir "
    "pendidikanTerakhirId pendidikanTerakhirNama tahunLulus tmtPns tmtPensiun bupPensiun tglSkPns "
    "tmtCpns tglSkCpns instansiIndukId instansiIndukNama satuanKerjaIndukId satuanKerjaIndukNama "
    "kanregId kanregNama instansiKerjaId instansiKerjaNama instansiKerjaKodeCepat "
    "satuanKerjaKerjaId satuanKerjaKerjaNama unorId unorNama unorIndukId unorIndukNama "
    "jenisJabatanId jenisJabatan jabatanNama jabatanStrukturalId jabatanStrukturalNama "
    "jabatanFungsionalId jabatanFungsionalNama jabatanFungsionalUmumId jabatanFungsionalUmumNama "
    "tmtJabatan lokasiKerjaId lokasiKerja golRuangAwalId golRuangAwal golRuangAkhirId "
    "golRuangAkhir tmtGolAkhir masaKerja eselon eselonId eselonLevel tmtEselon gajiPokok kpknId "
    "kpknNama ktuaId ktuaNama taspenId taspenNama jenisKawinId statusPerkawinan statusHidup "
    "tglSuratKeteranganDokter noSuratKeteranganDokter jumlahIstriSuami jumlahAnak "
    "noSuratKeteranganBebasNarkoba tglSuratKeteranganBebasNarkoba skck tglSkck akteKelahiran "
    "akteMeninggal tglMeninggal noNpwp tglNpwp noAskes bpjs kodePos noSpmt noTaspen bahasa kppnId "
    "kppnNama pangkatAkhir tglSttpl nomorSttpl nomorSkCpns nomorSkPns jenjang jabatanAsn kartuAsn "
    "validNik pangkatAwal asnJenjangJabatan levelJabatan tanggal_taspen kelas_jabatan karis_karsu"
)

DATA_UTAMA = _DATA_UTAMA.split()

# SIASN's export titles, in the order of the file (sources: the docstring of
# tests/impor/test_bentuk_siasn.py).
_EKSPOR = (
    "PNS ID|NIP BARU|NIP LAMA|NAMA|GELAR DEPAN|GELAR BELAKANG|TEMPAT LAHIR ID|TEMPAT LAHIR NAMA|"
    "TANGGAL LAHIR|JENIS KELAMIN|AGAMA ID|AGAMA NAMA|JENIS KAWIN ID|JENIS KAWIN NAMA|NIK|"
    "NOMOR HP|EMAIL|EMAIL GOV|ALAMAT|NPWP NOMOR|BPJS|JENIS PEGAWAI ID|JENIS PEGAWAI NAMA|"
    "KEDUDUKAN HUKUM ID|KEDUDUKAN HUKUM NAMA|STATUS CPNS PNS|KARTU ASN VIRTUAL|NOMOR SK CPNS|"
    "TANGGAL SK CPNS|TMT CPNS|NOMOR SK PNS|TANGGAL SK PNS|TMT PNS|GOL AWAL ID|GOL AWAL NAMA|"
    "GOL AKHIR ID|GOL AKHIR NAMA|TMT GOLONGAN|MK TAHUN|MK BULAN|JENIS JABATAN ID|"
    "JENIS JABATAN NAMA|JABATAN ID|JABATAN NAMA|TMT JABATAN|TINGKAT PENDIDIKAN ID|"
    "TINGKAT PENDIDIKAN NAMA|PENDIDIKAN ID|PENDIDIKAN NAMA|TAHUN LULUS|KPKN ID|KPKN NAMA|"
    "LOKASI KERJA ID|LOKASI KERJA NAMA|UNOR ID|UNOR NAMA|INSTANSI INDUK ID|INSTANSI INDUK NAMA|"
    "INSTANSI KERJA ID|INSTANSI KERJA NAMA|SATUAN KERJA INDUK ID|SATUAN KERJA INDUK NAMA|"
    "SATUAN KERJA KERJA ID|SATUAN KERJA KERJA NAMA|IS VALID NIK|NAMA SEKOLAH|FLAG IKD|ESELON ID|"
    "ESELON NAMA"
)
EKSPOR = _EKSPOR.split("|")


def data_utama(lahir: date = date(1988, 6, 2), tmt: date = date(2014, 3, 1), **ubah) -> dict:
    """A whole data-utama record as the web service sends it: every field, ids as strings, dates
    dd-mm-yyyy, null where SIASN has nothing; a dokter (tingkat 42, profesi) in III/b."""
    # The fields we use are set below or left null (positions are mapped elsewhere).
    rec = {f: None if f in k.KOLOM else f"{f}-isi" for f in DATA_UTAMA}
    rec.update(
        {
            "id": "A8ACA7A5-1B2C",
            "nipBaru": nip(lahir, tmt, "P"),
            "nipLama": None,
            "nama": "Baiq Dewi Lestari",
            "gelarDepan": "dr.",
            "gelarBelakang": None,
            "tempatLahir": "Mataram",
            "tglLahir": f"{lahir:%d-%m-%Y}",
            "jenisKelamin": "F",
            "statusPegawai": "PNS",
            "kedudukanPnsId": "01",
            "kedudukanPnsNama": "Aktif",
            "tmtCpns": f"{tmt:%d-%m-%Y}",
            "tmtPns": f"{tmt.replace(year=tmt.year + 1):%d-%m-%Y}",
            "golRuangAkhirId": "32",
            "golRuangAkhir": "III/b",
            "tmtGolAkhir": "2018-03-31T16:00:00Z",  # 1 April 2018 in WITA
            "tkPendidikanTerakhirId": "42",
            "tkPendidikanTerakhir": "Profesi",
            "unorId": "8ae4828c-unor",
            "unorNama": "Puskesmas Ampenan",
            "jenisJabatanId": "2",
            "mkTahun": "10",
            "mkBulan": "3",
            "tmtPensiun": "01-07-2046",
            "email": "dewi@example.go.id",
            "noHp": "081234567890",
            "path": {"1": {"dok_id": "1", "object": "x.pdf"}},  # nested, unused
        }
    )
    rec.update(ubah)
    return rec


def ekspor_baris(**ubah) -> dict:
    """A row of SIASN's export: titles in capitals, text cells with a leading apostrophe, null
    where SIASN has nothing, dates dd-mm-yyyy, a PNS (P) with kedudukan hukum 01."""
    lahir = date(1979, 11, 23)
    row = {judul: "null" for judul in EKSPOR}
    row.update(
        {
            "PNS ID": "'A8ACA7A5-2D3E",
            "NIP BARU": "'" + nip(lahir, date(2005, 1, 1), "L"),
            "NAMA": "LALU MUHAMMAD ZAINI",
            "GELAR BELAKANG": "S.Kep., Ns.",
            "TEMPAT LAHIR NAMA": "PRAYA",
            "TANGGAL LAHIR": "23-11-1979",
            "JENIS KELAMIN": "M",
            "NIK": "'5271012311790001",
            "ALAMAT": "Jl. Pejanggik, Mataram",
            "KEDUDUKAN HUKUM ID": "01",
            "KEDUDUKAN HUKUM NAMA": "Aktif",
            "STATUS CPNS PNS": "P",
            "TMT CPNS": "01-01-2005",
            "TMT PNS": "01-01-2006",
            "GOL AKHIR ID": "33",
            "GOL AKHIR NAMA": "III/c",
            "TMT GOLONGAN": "01-10-2020",
            "MK TAHUN": "15",
            "MK BULAN": "9",
            "JENIS JABATAN ID": "2",
            "TINGKAT PENDIDIKAN ID": "47",
            "TINGKAT PENDIDIKAN NAMA": "Spesialis",
            "UNOR ID": "8ae4828c-unor",
            "UNOR NAMA": "RSUD Kota Mataram",
        }
    )
    row.update(ubah)
    return row
