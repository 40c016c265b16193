"""The shipped instruments: loaded by the migration, scorable, every row sourced, every
evidence key known, and what is not from the regulation's own text marked so."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from sistem_merit import muat
from sistem_merit.bukti import BUKTI
from sistem_merit.models import Instrumen, Kriteria

pytestmark = pytest.mark.django_db

KODE = [muat.read_file(muat.DATA / nama)["kode"] for nama in muat.BAWAAN]


@pytest.mark.parametrize("kode", KODE)
def test_the_migration_ships_each_instrument_whole(kode):
    instrumen = Instrumen.objects.get(kode=kode)
    data = muat.read_file(muat.DATA / muat.BAWAAN[KODE.index(kode)])
    assert instrumen.aspek.count() == len(data["aspek"]) == 8
    assert sum(a.bobot for a in instrumen.aspek.all()) == Decimal(100)
    assert Kriteria.objects.filter(aspek__instrumen=instrumen).count() == sum(
        len(a["kriteria"]) for a in data["aspek"]
    )
    for k in Kriteria.objects.filter(aspek__instrumen=instrumen).prefetch_related("level"):
        assert [lv.level for lv in k.level.all()] == list(
            range(instrumen.level_min, instrumen.level_max + 1)
        ), k.kode


def test_every_criterion_cites_its_source_and_every_evidence_key_is_known():
    for k in Kriteria.objects.all():
        assert k.sumber.strip(), k.kode
        assert not k.bukti or k.bukti in BUKTI, (k.kode, k.bukti)
        if k.bukti:
            assert k.ambang and k.ambang_sumber.strip(), k.kode


def test_a_row_not_found_in_the_official_text_says_so_and_is_not_marked_verified():
    belum = Kriteria.objects.filter(uraian__startswith="Belum ditemukan")
    assert belum.exists()
    assert not belum.filter(terverifikasi=True).exists()


def test_loading_again_leaves_hr_s_rows_alone():
    from django.apps import apps

    kriteria = Kriteria.objects.filter(aspek__instrumen__kode=KODE[1]).first()
    kriteria.uraian = "Diubah BKPSDM dari formulir resmi"
    kriteria.save()
    assert muat.load(muat.read_file(muat.DATA / muat.BAWAAN[1]), apps) is False
    kriteria.refresh_from_db()
    assert kriteria.uraian == "Diubah BKPSDM dari formulir resmi"


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (lambda d: d["aspek"][0].update(bobot="11"), "bobot aspek berjumlah"),
        (lambda d: d["aspek"][0]["kriteria"][0]["level"].pop(), "level"),
        (lambda d: d["aspek"][0]["kriteria"][0].update(ambang={"9": "0.5"}), "di luar skala"),
        (
            lambda d: d["aspek"][0]["kriteria"][0].update(ambang={"1": "0.9", "2": "0.5"}),
            "naik bersama level",
        ),
    ],
)
def test_the_loader_refuses_data_that_cannot_score_naming_the_row(ubah, pesan):
    data = muat.read_file(muat.DATA / muat.BAWAAN[1])
    ubah(data)
    with pytest.raises(ValueError, match=pesan):
        muat.check(data)


def test_the_command_loads_a_new_instrument_and_refuses_a_bad_one_saving_nothing(tmp_path):
    from django.core.management import CommandError, call_command

    data = muat.read_file(muat.DATA / muat.BAWAAN[1]) | {"kode": "permenpanrb-baru"}
    berkas = tmp_path / "baru.json"
    berkas.write_text(json.dumps(data), encoding="utf-8")
    call_command("muat_instrumen", str(berkas))
    assert Instrumen.objects.get(kode="permenpanrb-baru").aspek.count() == 8
    with pytest.raises(CommandError, match="sudah ada"):
        call_command("muat_instrumen", str(berkas))
    data["kode"] = "permenpanrb-rusak"
    del data["aspek"][7]["kriteria"][0]["uraian"]
    berkas.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="tidak ada yang disimpan"):
        call_command("muat_instrumen", str(berkas))
    assert not Instrumen.objects.filter(kode="permenpanrb-rusak").exists()


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_shipped_instruments_back():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert set(Instrumen.objects.values_list("kode", flat=True)) == set(KODE)
