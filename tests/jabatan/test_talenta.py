"""One talent box: the ranking's talent pool and the kinerja dashboard's grid pick the same people.

kinerja owns the rule (kinerja.rules: the axes and the nine boxes, PermenPANRB 3/2020) and the
bands HR sets (kinerja.models.PengaturanTalenta); the ranking reads both. For the default bands, a
raised set (people leave the pool) and a lowered one (people enter it), each person's box on the
dashboard's box pages equals the ranking's box, and the ranking excludes for TALENT_POOL exactly
those outside boxes 7-9 — in the SQL counts and in the pure rules' explanations alike.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from jabatan.models import ProfilMerit
from jabatan.peringkat import peringkat_formasi
from kinerja import rules as kr
from kinerja.models import PengaturanTalenta, Periode
from pegawai import projection
from pegawai.models import HasilAsesmen, UnitKerja
from tests.factories import FormasiFactory, JabatanFactory, UnitKerjaFactory
from tests.jabatan.bantu import buat_calon

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)
SB, B = "Sangat Baik", "Baik"
ORANG = [  # the last two annual predikat, the latest assessment's JPM
    ((SB, SB), "85"),
    ((B, B), "85"),
    ((SB, B), "75"),
    ((B, B), "65"),
    ((SB, SB), "65"),
    ((B, B), "55"),
    ((SB, SB), "95"),
    ((SB, B), "55"),  # box 4 by default, 7 once HR lowers the bands
]
PITA = {  # kinerja (low, middle), potensial (low, middle)
    "bawaan": None,
    "naik": ((60, 90), (70, 90)),
    "turun": ((60, 85), (50, 70)),
}


def _jpm(pegawai, nilai: str) -> None:
    # An older assessment with another JPM: the latest one counts, on both pages.
    for tanggal, jpm in ((dt.date(2023, 5, 1), Decimal("99")), (dt.date(2025, 5, 1), nilai)):
        HasilAsesmen.objects.create(
            pegawai=pegawai,
            tanggal=tanggal,
            metode="ac",
            asesor="UPT Penilaian",
            jpm=Decimal(jpm),
            **dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3),
        )
    projection.refresh([pegawai.pk])  # raw rows: refreshed as the assessment admin does


def _kotak_dasbor(client: Client, periode: Periode) -> dict[int, int]:
    """Each person's box, as the dashboard's nine box pages list them."""
    kotak = {}
    for k in range(1, 10):
        response = client.get(f"/kinerja/talenta/{k}/", {"periode": periode.pk})
        assert response.status_code == 200
        for skp in response.context["halaman"].object_list:
            assert skp.pegawai_id not in kotak
            kotak[skp.pegawai_id] = k
    return kotak


@pytest.mark.parametrize("pita", list(PITA))
def test_the_ranking_and_the_dashboard_put_the_same_people_in_boxes_7_to_9(hr_client, pita):
    unit = UnitKerjaFactory(parent=UnitKerja.objects.filter(parent=None).first())
    orang = []
    for predikat, jpm in ORANG:
        p = buat_calon(unit, predikat=predikat)
        _jpm(p, jpm)
        orang.append(p.pk)
    if PITA[pita]:
        (kr_, km), (pr, pm) = PITA[pita]
        PengaturanTalenta.objects.update_or_create(
            pk=1,
            defaults={
                "kinerja_batas_rendah": kr_,
                "kinerja_batas_menengah": km,
                "potensial_batas_rendah": pr,
                "potensial_batas_menengah": pm,
            },
        )
    ProfilMerit.objects.filter(jenis_jabatan="PELAKSANA").update(hanya_talent_pool=True)
    formasi = FormasiFactory(unit_kerja=unit, jabatan=JabatanFactory(jenis="PELAKSANA"))

    dasbor = _kotak_dasbor(hr_client, Periode.objects.get(tahun=2025, jenis="tahunan"))
    assert set(dasbor) == set(orang)  # everyone has both axes: everyone has a box
    p = peringkat_formasi(formasi, pada=PADA, pegawai_ids=orang)
    assert {pid: h.kotak_talenta for pid, h in p.dicari.items()} == dasbor
    di_luar = {pid for pid, k in dasbor.items() if k not in kr.TALENT_POOL}
    assert {pid for pid, h in p.dicari.items() if "TALENT_POOL" in [a.kode for a in h.alasan]} == (
        di_luar
    )
    assert p.alasan.get("TALENT_POOL", 0) == len(di_luar)  # the SQL counts agree
    assert {h.kandidat.pegawai_id for h in p.teratas} <= set(dasbor) - di_luar
    assert 0 < len(di_luar) < len(orang)  # the bands split the group


def test_a_band_change_moves_people_in_and_out_of_the_pool(hr_client):
    """The same people under the three sets of bands: the pool is not the same set each time,
    so the test above could not pass with fixed bands on either page."""
    unit = UnitKerjaFactory(parent=UnitKerja.objects.filter(parent=None).first())
    orang = [buat_calon(unit, predikat=pr) for pr, _j in ORANG]
    for p, (_pr, jpm) in zip(orang, ORANG, strict=True):
        _jpm(p, jpm)
    ProfilMerit.objects.filter(jenis_jabatan="PELAKSANA").update(hanya_talent_pool=True)
    formasi = FormasiFactory(unit_kerja=unit, jabatan=JabatanFactory(jenis="PELAKSANA"))
    kolam = {}
    for nama, pita in PITA.items():
        if pita:
            (kr_, km), (pr, pm) = pita
            PengaturanTalenta.objects.update_or_create(
                pk=1,
                defaults={
                    "kinerja_batas_rendah": kr_,
                    "kinerja_batas_menengah": km,
                    "potensial_batas_rendah": pr,
                    "potensial_batas_menengah": pm,
                },
            )
        p = peringkat_formasi(formasi, pada=PADA, pegawai_ids=[o.pk for o in orang])
        kolam[nama] = {pid for pid, h in p.dicari.items() if h.kotak_talenta in kr.TALENT_POOL}
    assert kolam["naik"] < kolam["bawaan"] < kolam["turun"]
