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
from pegawai.disiplin import (
    MENGHALANGI,
    SELAMANYA,
    JenisHukuman,
    berakhir_menghalangi,
    menghalangi_promosi,
)
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import HukumanDisiplin
from tests.factories import FormasiFactory, JabatanFactory
from tests.jabatan.bantu import PADA, buat_calon

pytestmark = pytest.mark.django_db

MULAI = dt.date(2025, 1, 6)
SEBELUM = dt.date(2025, 3, 31)  # an end before PADA
SESUDAH = dt.date(2027, 1, 31)  # an end after PADA


@pytest.mark.parametrize("selesai", [SEBELUM, SESUDAH], ids=["selesai_sebelum", "selesai_sesudah"])
@pytest.mark.parametrize("jenis", list(JenisHukuman))
def test_python_projection_and_sql_agree_on_a_sanction_with_a_typed_end(jenis, selesai):
    """Every kind, its end before or after PADA: the rule (menghalangi_promosi), the candidate
    check in Python, the projection's last blocking day (berakhir_menghalangi) and the SQL
    ranking read the same row alike. The end is written over the row, as an import or an old
    row may hold it, even for the kinds whose save() derives it from the start."""
    formasi = FormasiFactory(
        jabatan=JabatanFactory(jenis=JenisJabatan.ADMINISTRATOR, kelas_jabatan=11)
    )
    calon = buat_calon(formasi.unit_kerja, predikat=("Sangat Baik", "Sangat Baik"))
    hukuman = HukumanDisiplin.objects.create(
        pegawai=calon, jenis=jenis, nomor_sk="800/9", tanggal_sk=MULAI, tmt_mulai=MULAI
    )
    HukumanDisiplin.objects.filter(pk=hukuman.pk).update(tmt_selesai=selesai)
    projection.refresh([calon.pk])  # as the sanction's admin does after the save
    menghalangi = menghalangi_promosi(jenis, MULAI, selesai, PADA)
    # The regulation's reading: ringan never blocks, dismissal for good, the rest until the end.
    assert menghalangi is (jenis in MENGHALANGI and (jenis in SELAMANYA or selesai >= PADA))
    (k,) = [k for k in kandidat_merit() if k.pegawai_id == calon.pk]
    from jabatan.merit import kelayakan

    python = [a.kode for a in kelayakan(k, syarat_formasi(formasi), PADA)]
    assert ("HUKUMAN_DISIPLIN" in python) is menghalangi
    sampai = (
        (berakhir_menghalangi(jenis, selesai) or indeks.TERBUKA) if jenis in MENGHALANGI else None
    )
    assert IndeksMerit.objects.get(pegawai=calon).hukuman_sampai == sampai
    p = peringkat_formasi(formasi, pada=PADA, pegawai_ids=[calon.pk])
    sql = [a.kode for a in p.dicari[calon.pk].alasan]
    assert ("HUKUMAN_DISIPLIN" in sql) is menghalangi
    assert (p.alasan.get("HUKUMAN_DISIPLIN", 0) == 1) is menghalangi
    assert indeks.selisih() == []
