"""Fixtures of the jabatan tests: a vacant post with ranked candidates, for the services
(`lowongan`) and for the pages (`lowongan_halaman`, on tests/conftest.py's `org`)."""

from __future__ import annotations

import pytest

from pegawai.jenis_jabatan import JenisJabatan
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    tutup_periode,
)
from tests.jabatan.bantu import buat_calon


@pytest.fixture
def lowongan(hr_user):
    formasi = FormasiFactory(
        jabatan=JabatanFactory(
            jenis=JenisJabatan.ADMINISTRATOR,
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        )
    )
    unit = formasi.unit_kerja
    terbaik = buat_calon(unit, predikat=("Sangat Baik", "Sangat Baik"))
    kedua = buat_calon(unit)
    tidak_layak = buat_calon(unit, predikat=("Butuh Perbaikan", "Baik"))
    return {
        "formasi": formasi,
        "terbaik": terbaik,
        "kedua": kedua,
        "tidak_layak": tidak_layak,
        "hr": hr_user,
    }


@pytest.fixture
def lowongan_halaman(org):
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    terbaik = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Sangat Baik"))
    kedua = buat_calon(org.bidang_a)
    tutup_periode()
    return formasi, terbaik, kedua
