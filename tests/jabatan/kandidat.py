"""Candidates for the pure merit rules (jabatan.merit): an Administrator post's requirements
and a candidate who meets them, changed per test with keyword arguments."""

from __future__ import annotations

from datetime import date

from jabatan.merit import Kandidat, Syarat
from kinerja import rules as kr
from pegawai.jenis_jabatan import JenisJabatan as J

STD3 = dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3)


ADM = Syarat(J.ADMINISTRATOR, golongan_minimal="III/d", pendidikan_minimal=7, standar=STD3)


def kandidat(**kw) -> Kandidat:
    base = dict(
        pegawai_id=1,
        nip="198001012005011001",
        nama="A",
        jenis_kelamin="L",
        tanggal_lahir=date(1980, 1, 1),
        status="PNS",
        aktif=True,
        golongan="IV/a",
        tmt_golongan=date(2022, 4, 1),
        tmt_masuk=date(2005, 1, 1),
        pendidikan=7,
        bidang_studi=None,
        predikat_tahunan=(kr.BAIK, kr.BAIK),
        capaian=STD3,
        pengalaman_hari={J.PENGAWAS: 1827},  # five years of 365.25 days
    )
    base.update(kw)
    return Kandidat(**base)
