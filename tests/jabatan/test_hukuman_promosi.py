""" "A sanction blocks promotion" is one rule (pegawai.disiplin, PP 94/2021) read alike by the
Python rules (pegawai.disiplin, jabatan.merit.kelayakan), the projection and the SQL ranking.

The edge where the three copies disagreed before: a dismissal (PDHTAPS) with an end date typed
in. The regulation's rule blocks for good once it started; the ranking's copies stopped
blocking after the typed date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jabatan import indeks
from jabatan.models import IndeksMerit
from jabatan.peringkat import peringkat_formasi
from jabatan.selectors import kandidat_merit, syarat_formasi
from pegawai import projection
from pegawai.disiplin import JenisHukuman, menghalangi_promosi
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import HukumanDisiplin
from tests.factories import FormasiFactory, JabatanFactory
from tests.jabatan.bantu import PADA, buat_calon

pytestmark = pytest.mark.django_db

MULAI = dt.date(2025, 1, 6)
SELESAI = dt.date(2025, 3, 31)  # typed in, before PADA


@pytest.mark.parametrize(
    ("jenis", "menghalangi"),
    [
        (JenisHukuman.PEMBERHENTIAN, True),  # for good once started, whatever the typed end
        (JenisHukuman.TEGURAN_LISAN, False),  # ringan never blocks
    ],
)
def test_python_projection_and_sql_agree_on_a_sanction_with_a_typed_end(jenis, menghalangi):
    formasi = FormasiFactory(
        jabatan=JabatanFactory(jenis=JenisJabatan.ADMINISTRATOR, kelas_jabatan=11)
    )
    calon = buat_calon(formasi.unit_kerja, predikat=("Sangat Baik", "Sangat Baik"))
    HukumanDisiplin.objects.create(
        pegawai=calon,
        jenis=jenis,
        nomor_sk="800/9",
        tanggal_sk=MULAI,
        tmt_mulai=MULAI,
        tmt_selesai=SELESAI,
    )
    projection.refresh([calon.pk])  # as the sanction's admin does after the save
    assert menghalangi_promosi(jenis, MULAI, SELESAI, PADA) is menghalangi
    (k,) = [k for k in kandidat_merit() if k.pegawai_id == calon.pk]
    from jabatan.merit import kelayakan

    python = [a.kode for a in kelayakan(k, syarat_formasi(formasi), PADA)]
    assert ("HUKUMAN_DISIPLIN" in python) is menghalangi
    assert (IndeksMerit.objects.get(pegawai=calon).hukuman_sampai == indeks.TERBUKA) is (
        menghalangi
    )
    p = peringkat_formasi(formasi, pada=PADA, pegawai_ids=[calon.pk])
    sql = [a.kode for a in p.dicari[calon.pk].alasan]
    assert ("HUKUMAN_DISIPLIN" in sql) is menghalangi
    assert (p.alasan.get("HUKUMAN_DISIPLIN", 0) == 1) is menghalangi
    assert indeks.selisih() == []
