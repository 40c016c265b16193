"""Employees (pegawai ASN), the organisation tree and the employees' histories."""

from pegawai.models.akses import Akses, CatatanEkspor
from pegawai.models.base import (
    GOLONGAN_CODES,
    PNS_CODES,
    PPPK_CODES,
    NipField,
    NipFormField,
    TimestampedModel,
    pilihan_sah,
)
from pegawai.models.organisasi import (
    BidangStudi,
    JenisUnitKerja,
    RumpunIlmu,
    UnitKerja,
    UnitKerjaQuerySet,
    UrusanPemerintahan,
    perangkat_daerah_id,
)
from pegawai.models.pegawai import (
    JenisKelaminPegawai,
    KedudukanPegawai,
    Pegawai,
    PegawaiQuerySet,
    StatusPegawai,
)
from pegawai.models.riwayat import (
    HasilAsesmen,
    HukumanDisiplin,
    JenisKenaikanPangkat,
    MetodeAsesmen,
    RiwayatPangkat,
    RiwayatPendidikan,
    level_field,
)

__all__ = [
    "GOLONGAN_CODES",
    "PNS_CODES",
    "PPPK_CODES",
    "Akses",
    "BidangStudi",
    "CatatanEkspor",
    "HasilAsesmen",
    "HukumanDisiplin",
    "JenisKelaminPegawai",
    "JenisKenaikanPangkat",
    "JenisUnitKerja",
    "KedudukanPegawai",
    "MetodeAsesmen",
    "NipField",
    "NipFormField",
    "Pegawai",
    "PegawaiQuerySet",
    "RiwayatPangkat",
    "RiwayatPendidikan",
    "RumpunIlmu",
    "StatusPegawai",
    "TimestampedModel",
    "UnitKerja",
    "UnitKerjaQuerySet",
    "UrusanPemerintahan",
    "level_field",
    "perangkat_daerah_id",
    "pilihan_sah",
]
