"""Fields of study a sector regulation requires: the head of a health office comes from the
health family (Permenkes 49/2016 on organising provincial and district/city health offices, whose
annex covers "kualifikasi jabatan", Pasal 2 huruf d — the annex's wording itself was not in the
searched sources; jabatan.models.Jabatan.rumpun_wajib).

On the demo city the Kepala Dinas Kesehatan position states it, so the ranking refuses everyone
outside the health family with BIDANG_STUDI and says why in Indonesian; without it, people from
other fields reach the top (the issue: 1 of the top 10 held a health degree).
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from jabatan.models import Formasi
from jabatan.peringkat import peringkat_formasi
from pegawai.models import BidangStudi, Pegawai, RumpunIlmu

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)


@pytest.fixture
def kota():
    """The demo city as `./dev.sh serve` seeds it (7,000 employees, seed 2026)."""
    call_command("seed_demo", pegawai=7000, seed=2026, tanggal=PADA, stdout=StringIO())


def _kadis_kesehatan() -> Formasi:
    return Formasi.objects.select_related("jabatan").get(
        unit_kerja__singkatan="Dikes", unit_kerja__depth=1, jabatan__kode="KADIS_KES"
    )


def test_the_top_ten_for_kepala_dinas_kesehatan_all_hold_a_health_degree(kota):
    formasi = _kadis_kesehatan()
    assert formasi.jabatan.nama == "Kepala Dinas Kesehatan"
    assert [r.kode for r in formasi.jabatan.rumpun_wajib.all()] == ["KESEHATAN"]
    assert formasi.jabatan.dasar_bidang_studi.startswith("Permenkes 49/2016")
    kesehatan = set(
        BidangStudi.objects.filter(rumpun__kode="KESEHATAN").values_list("pk", flat=True)
    )
    p = peringkat_formasi(formasi, pada=PADA, teratas=10)
    assert p.teratas, "no eligible candidate: the test would prove nothing"
    assert all(h.kandidat.bidang_studi in kesehatan for h in p.teratas), [
        h.kandidat.nama for h in p.teratas
    ]
    assert p.alasan.get("BIDANG_STUDI", 0) > 0

    # Those from other fields are refused with the reason and the regulation that sets it.
    lain = Pegawai.objects.aktif().exclude(bidang_studi__in=kesehatan).exclude(bidang_studi=None)
    dicari = peringkat_formasi(
        formasi,
        pada=PADA,
        teratas=0,
        hitung=False,
        pegawai_ids=list(lain.order_by("pk").values_list("pk", flat=True)[:30]),
    ).dicari
    ditolak = [h for h in dicari.values() if any(a.kode == "BIDANG_STUDI" for a in h.alasan)]
    assert len(ditolak) == len(dicari) == 30
    pesan = next(a.pesan for a in ditolak[0].alasan if a.kode == "BIDANG_STUDI")
    nama = BidangStudi.objects.get(pk=ditolak[0].kandidat.bidang_studi).nama
    rumpun = RumpunIlmu.objects.get(kode="KESEHATAN").nama
    assert pesan == (
        f"Jabatan ini mensyaratkan bidang studi rumpun {rumpun} (Permenkes 49/2016, "
        f"kualifikasi jabatan dinas kesehatan); bidang studi pegawai: {nama}."
    )


def test_without_the_requirement_other_fields_reach_the_top(kota):
    """The same post with the requirement removed: candidates from outside the health family
    are eligible and some rank in the top 30 (what the requirement corrects)."""
    formasi = _kadis_kesehatan()
    formasi.jabatan.rumpun_wajib.clear()
    formasi.jabatan.dasar_bidang_studi = ""
    formasi.jabatan.save()
    kesehatan = set(
        BidangStudi.objects.filter(rumpun__kode="KESEHATAN").values_list("pk", flat=True)
    )
    p = peringkat_formasi(formasi, pada=PADA, teratas=30)
    assert "BIDANG_STUDI" not in p.alasan
    # Health graduates still lead (their field fits the health affair, jabatan.merit.relevansi),
    # but without the requirement others reach the top 30: on the demo, several.
    assert sum(h.kandidat.bidang_studi not in kesehatan for h in p.teratas) >= 3
