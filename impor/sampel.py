"""A small SIASN-shaped sample file for HR to try the import with (the import page's "contoh
berkas SIASN"), built from the units, posts and employees in the database, so that its preview
shows each case once:

- two of our employees: one restated as we hold it (unchanged), one with a new phone number
  (changed, before and after);
- a new employee placed in a post with room, with every history list SIASN sends (rank,
  education, past position, annual SKP, leadership training, a course);
- a new employee in a SIASN unit nobody has mapped (listed for HR to map, then reused);
- a new employee with a date in a form the import refuses (rejected with row, column, reason).

Field names, shapes and both date forms as SIASN's web services use them
(docs/data.md §1). Nothing is written; the NIPs of the new employees agree with their
birth dates and TMT CPNS and are not in the database.
"""

from __future__ import annotations

import json
from datetime import date

from django.db.models import F

from impor import kolom as k
from impor.ekspor import baris_pegawai
from jabatan.models import Formasi
from pegawai import golongan as gol
from pegawai.akses import Lingkup
from pegawai.models import Pegawai, UnitKerja
from pegawai.nip import compose_nip
from pegawai.pendidikan import memenuhi_pendidikan

GOLONGAN = "III/b"
PENDIDIKAN = "S1"
UNIT_ASING = ("A5EB03E2-CONTOH", "DINAS CONTOH (BELUM DIPETAKAN)")


def _nip_baru(lahir: date, tmt: date, jk: str, dipakai: set[str]) -> str:
    for urut in range(901, 1000):
        nip = compose_nip(lahir, tmt, jk, urut)
        if nip not in dipakai:
            dipakai.add(nip)
            return nip
    raise ValueError("no free NIP sequence")


def _teks(v: object) -> str:
    return f"{v:%d-%m-%Y}" if isinstance(v, date) else str(v or "")


def _formasi_lowong() -> Formasi | None:
    """A post with a free seat whose position a III/b with a bachelor's degree may hold."""
    for f in (
        Formasi.objects.filter(jabatan__aktif=True, kuota__gt=F("jumlah_terisi"))
        .select_related("jabatan", "unit_kerja")
        .order_by("pk")[:200]
    ):
        j = f.jabatan
        if (not j.golongan_minimal or gol.urutan(j.golongan_minimal) <= gol.urutan(GOLONGAN)) and (
            memenuhi_pendidikan(PENDIDIKAN, j.pendidikan_minimal)
        ):
            return f
    return None


def _baru(nip: str, nama: str, lahir: date, tmt: date, jk: str, unor: tuple[str, str]) -> dict:
    return {
        "nipBaru": nip,
        "nama": nama,
        "gelarDepan": "",
        "gelarBelakang": "S.E.",
        "tempatLahir": "Mataram",
        "tglLahir": f"{lahir:%d-%m-%Y}",
        "jenisKelamin": jk,
        "statusPegawai": "PNS",
        "kedudukanPnsNama": "Aktif",
        "tmtCpns": f"{tmt:%d-%m-%Y}",
        "tmtPns": f"{tmt.replace(year=tmt.year + 1):%Y-%m-%d}",  # SIASN sends ISO dates too
        "golRuangAkhirId": "32",
        "golRuangAkhir": GOLONGAN,
        "tmtGolAkhir": "01-04-2022",
        "tkPendidikanTerakhirId": "40",
        "tkPendidikanTerakhir": "S-1",
        "unorId": unor[0],
        "unorNama": unor[1],
    }


def sampel_siasn(scope: Lingkup) -> bytes:
    """Return the sample as SIASN's `{"data": [...]}` JSON (UTF-8)."""
    rows: list[dict] = []
    lama = []
    for row in baris_pegawai(scope):
        nilai = dict(zip(k.KOLOM, row, strict=True))
        if nilai["kedudukanPnsNama"] == Pegawai.Kedudukan.AKTIF and not nilai["tmtBerhenti"]:
            lama.append({c: _teks(v) for c, v in nilai.items() if v not in ("", None)})
        if len(lama) == 2:
            break
    if lama:
        rows.append(lama[0])  # as we hold it: unchanged
    if len(lama) > 1:
        ubah = dict(lama[1])
        ubah["noHp"] = "081234567890" if ubah.get("noHp") != "081234567890" else "081299990000"
        rows.append(ubah)  # a new phone number: changed
    formasi = _formasi_lowong()
    unit = formasi.unit_kerja if formasi else UnitKerja.objects.order_by("depth", "pk").first()
    dipakai = set(Pegawai.objects.filter(nip__startswith="199").values_list("nip", flat=True))
    if unit is not None:
        lahir, tmt = date(1992, 8, 17), date(2017, 3, 1)
        baru = _baru(
            _nip_baru(lahir, tmt, "P", dipakai),
            "Baiq Contoh Rahmawati",
            lahir,
            tmt,
            "P",
            (unit.kode, unit.nama),
        )
        baru["rw-golongan"] = [
            {
                "golonganId": "31",
                "golongan": "III/a",
                "tmtGolongan": "01-03-2017",
                "skNomor": "813/101/BKD/2017",
                "skTanggal": "2017-02-20",
            },
            {
                "golonganId": "32",
                "golongan": "III/b",
                "tmtGolongan": "2022-04-01",
                "skNomor": "823.3/77/BKPSDM/2022",
            },
        ]
        baru["rw-pendidikan"] = [
            {
                "tkPendidikanId": "40",
                "tkPendidikanNama": "S-1",
                "tahunLulus": "2015",
                "pendidikanNama": "S-1 Manajemen",
                "namaSekolah": "Universitas Mataram",
                "nomorIjasah": "UNRAM/2015/0419",
            },
        ]
        baru["rw-skp22"] = [
            {
                "tahun": "2022",
                "hasilKinerja": "SESUAI EKSPEKTASI",
                "perilakuKerja": "SESUAI EKSPEKTASI",
                "kuadranKinerja": "BAIK",
            },
            {
                "tahun": 2023,
                "hasilKinerja": "DIATAS EKSPEKTASI",
                "perilakuKerja": "DIATAS EKSPEKTASI",
                "kuadranKinerja": "SANGAT BAIK",
            },
        ]
        baru["rw-diklat"] = [
            {
                "latihanStrukturalId": "4",
                "latihanStrukturalNama": "DIKLATPIM TINGKAT IV",
                "nomor": "PIM.IV/2019/0042",
                "tanggal": "04-03-2019",
                "tanggalSelesai": "28-06-2019",
                "tahun": 2019,
                "institusiPenyelenggara": "BPSDMD Provinsi NTB",
                "jumlahJam": 285,
            },
        ]
        baru["rw-kursus"] = [
            {
                "namaKursus": "Bimbingan Teknis Pengelolaan Arsip Dinamis",
                "jumlahJam": "24",
                "institusiPenyelenggara": "Arsip Nasional RI",
                "nomorSertipikat": "ANRI/BT/2023/311",
                "tanggalKursus": "2023-05-08",
                "tanggalSelesaiKursus": "2023-05-10",
                "tahunKursus": 2023,
            },
        ]
        if formasi is not None:
            j = formasi.jabatan
            baru.update(jabatanId=j.kode, jabatanNama=j.nama, tmtJabatan="01-07-2022")
            baru["rw-jabatan"] = [
                # The first post, ended when the current one began (the last row is the current
                # position, which the main record carries).
                {
                    "unorId": unit.kode,
                    "unorNama": unit.nama,
                    "jabatanId": j.kode,
                    "namaJabatan": j.nama,
                    "tmtJabatan": "01-03-2018",
                    "nomorSk": "821.2/15/BKD/2018",
                    "tanggalSk": "20-02-2018",
                },
                {
                    "unorId": unit.kode,
                    "unorNama": unit.nama,
                    "jabatanId": j.kode,
                    "namaJabatan": j.nama,
                    "tmtJabatan": "01-07-2022",
                },
            ]
        rows.append(baru)
        lahir, tmt = date(1994, 1, 9), date(2019, 3, 1)
        rows.append(
            _baru(
                _nip_baru(lahir, tmt, "L", dipakai),
                "Lalu Contoh Pratama",
                lahir,
                tmt,
                "L",
                UNIT_ASING,
            )
        )
        lahir, tmt = date(1990, 11, 2), date(2015, 3, 1)
        salah = _baru(
            _nip_baru(lahir, tmt, "L", dipakai),
            "Made Contoh Saputra",
            lahir,
            tmt,
            "L",
            (unit.kode, unit.nama),
        )
        salah["tmtGolAkhir"] = "1 April 2019"  # refused: neither dd-mm-yyyy nor yyyy-mm-dd
        rows.append(salah)
    return json.dumps({"data": rows}, ensure_ascii=False, indent=1).encode("utf-8")
