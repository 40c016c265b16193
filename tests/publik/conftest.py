"""Fixtures of the public pages: service units with responses, decisions with a frozen ranking
that holds private data (NIP, birth date, scores, exclusion reasons) the public must never see."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from pegawai.jenis_jabatan import JenisJabatan
from survei.models import UnitLayanan
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    UnitKerjaFactory,
)
from tests.publik.bantu import buat_calon_jpt


@pytest.fixture(autouse=True)
def _cache_kosong():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def opd(db):
    pemda = UnitKerjaFactory(nama="Pemerintah Kota Uji", jenis="pemda")
    return UnitKerjaFactory(nama="Dinas Kesehatan Uji", parent=pemda)


@pytest.fixture
def unit_layanan(opd) -> UnitLayanan:
    pkm = UnitKerjaFactory(nama="Puskesmas Uji", jenis="puskesmas", parent=opd)
    return UnitLayanan.objects.create(unit_kerja=pkm, kode="puskesmas-uji")


@pytest.fixture
def sistem(db) -> User:
    return User.objects.create_user("sistem-uji")


@pytest.fixture
def jpt(db):
    pemda = UnitKerjaFactory(jenis="pemda")
    dinas = UnitKerjaFactory(parent=pemda, nama="Dinas Komunikasi Uji")
    kadis = JabatanFactory(
        nama="Kepala Dinas Komunikasi",
        jenis=JenisJabatan.JPT_PRATAMA,
        kelas_jabatan=14,
        golongan_minimal="IV/a",
        pendidikan_minimal="S1",
    )
    formasi = FormasiFactory(jabatan=kadis, unit_kerja=dinas)
    calon = [buat_calon_jpt(dinas, urutan=i) for i in range(4)]
    return {
        "formasi": formasi,
        "calon": calon,
        "dinas": dinas,
        "tidak_layak": buat_calon_jpt(dinas, predikat="Butuh Perbaikan"),
    }
