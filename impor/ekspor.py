"""Our employees in the import's own columns (the template): what an import of the same file
reads back unchanged (the round trip), and what HR sends to be compared with SIASN."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from impor import kolom as k
from jabatan.models import Penempatan
from pegawai import kedudukan_hukum as kh
from pegawai.akses import Lingkup
from pegawai.models import Pegawai


def _tgl(d: date | None) -> date | str:
    # A date stays a date: dd-mm-yyyy text in CSV, a date cell shown dd-mm-yyyy in XLSX
    # (core.export); the import reads both back.
    return d or ""


def baris_pegawai(scope: Lingkup) -> Iterator[list[str | date]]:
    """Yield one row per employee in scope, in `kolom.KOLOM` order (two queries; the employees
    read in chunks)."""
    qs = scope.filter(
        Pegawai.objects.select_related("unit_kerja").order_by("pk"),
        path="unit_kerja__path",
        pegawai="pk",
    )
    jabatan = {
        pid: (kode, nama, tmt)
        for pid, kode, nama, tmt in Penempatan.objects.aktif()
        .definitif()
        .values_list("pegawai_id", "formasi__jabatan__kode", "formasi__jabatan__nama", "tmt_mulai")
    }
    for p in qs.iterator(chunk_size=2000):
        jab = jabatan.get(p.pk, ("", "", None))
        nilai = {
            "nipBaru": p.nip,
            "nama": p.nama,
            "gelarDepan": p.gelar_depan,
            "gelarBelakang": p.gelar_belakang,
            "tempatLahir": p.tempat_lahir,
            "tglLahir": _tgl(p.tanggal_lahir),
            "jenisKelamin": p.jenis_kelamin,
            "statusPegawai": p.status,
            # SIASN's id and label when known (a re-import reads them back), else our code.
            "kedudukanPnsId": p.kedudukan_hukum,
            "kedudukanPnsNama": kh.ID[p.kedudukan_hukum].nama if p.kedudukan_hukum else p.kedudukan,
            "tmtCpns": _tgl(p.tmt_cpns or p.tmt_pppk),
            "tmtPns": _tgl(p.tmt_pns),
            "golRuangAkhir": p.golongan,
            "tmtGolAkhir": _tgl(p.tmt_golongan),
            "mkTahun": "" if p.mk_golongan_tahun is None else str(p.mk_golongan_tahun),
            "mkBulan": "" if p.mk_golongan_bulan is None else str(p.mk_golongan_bulan),
            "tkPendidikanTerakhir": p.pendidikan,
            "unorId": p.unit_kerja.kode,
            "unorNama": p.unit_kerja.nama,
            "jabatanId": jab[0],
            "jabatanNama": jab[1],
            "tmtJabatan": _tgl(jab[2]),
            "tmtBerhenti": _tgl(p.tmt_berhenti),
            "email": p.email,
            "noHp": p.no_hp,
        }
        yield [nilai.get(c, "") for c in k.KOLOM]
