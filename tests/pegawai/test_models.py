"""Employee records: NIP agreement, rank/status consistency, protection, the unit tree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pegawai.models import Pegawai, UnitKerja
from tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


def _pegawai(**kwargs) -> Pegawai:
    values = {
        "nip": "198503152010011002",
        "nama": "Ahmad Fauzi",
        "status": "PNS",
        "golongan": "III/b",
        "tmt_golongan": dt.date(2014, 4, 1),
        "tmt_cpns": dt.date(2010, 1, 1),
        "pendidikan": "S1",
        "unit_kerja": UnitKerjaFactory(),
    }
    values.update(kwargs)
    return Pegawai(**values)


def test_it_takes_birth_date_and_gender_from_the_nip():
    p = _pegawai()
    p.full_clean()
    assert p.tanggal_lahir == dt.date(1985, 3, 15)
    assert p.jenis_kelamin == "L"
    assert p.nip_tercetak == "19850315 201001 1 002"


def test_it_accepts_a_nip_typed_with_spaces():
    p = _pegawai(nip="19850315 201001 1 002")
    p.full_clean()
    assert p.nip == "198503152010011002"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"nip": "19850315201001100"}, "nip", "18 digit"),
        ({"nip": "1985031520100110AB"}, "nip", "angka"),
        ({"nip": "198502302010011002"}, "nip", "tanggal lahir"),
        ({"nip": "198503152010013002"}, "nip", "jenis kelamin"),
        ({"nip": "198503152010011000"}, "nip", "urut"),
        ({"tanggal_lahir": dt.date(1985, 3, 16)}, "tanggal_lahir", "tidak sesuai NIP"),
        ({"jenis_kelamin": "P"}, "jenis_kelamin", "tidak sesuai NIP"),
        ({"tmt_cpns": dt.date(2011, 1, 1)}, "tmt_cpns", "01-2010"),
        ({"golongan": "IX"}, "golongan", "I/a sampai IV/e"),
        (
            {"status": "PPPK", "nip": "199001012021211001", "tmt_pppk": dt.date(2021, 1, 1)},
            "golongan",
            "I sampai XVII",
        ),
        ({"tmt_cpns": None}, "tmt_cpns", "wajib"),
        ({"kedudukan": "pensiun"}, "tmt_berhenti", "wajib"),
        ({"tmt_berhenti": dt.date(2025, 1, 1)}, "tmt_berhenti", "Kosongkan"),
    ],
)
def test_it_names_the_field_and_rule_of_bad_input(changes, field, fragment):
    p = _pegawai(**changes)
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert field in exc.value.message_dict, exc.value.message_dict
    assert any(fragment.lower() in m.lower() for m in exc.value.message_dict[field]), (
        exc.value.message_dict[field]
    )


def test_it_accepts_a_pppk_with_its_own_number_layout():
    p = _pegawai(
        nip="199001012021211001",
        status="PPPK",
        golongan="IX",
        tmt_cpns=None,
        tmt_pppk=dt.date(2021, 3, 1),
    )
    p.full_clean()
    assert p.nip_tercetak == "19900101 2021 2 1 1 001"
    assert p.pangkat_label == "Golongan IX"


@pytest.mark.parametrize(
    "changes",
    [
        {"nip": "12345"},
        {"jenis_kelamin": "P"},
        {"golongan": "IX"},
        {"kedudukan": "pensiun"},
    ],
)
def test_the_database_refuses_what_clean_refuses(changes):
    p = _pegawai()
    p.full_clean()
    for key, value in changes.items():
        setattr(p, key, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        p.save()
    assert not Pegawai.objects.exists()


def test_a_unit_subtree_includes_every_descendant_and_nothing_else():
    kota = UnitKerjaFactory(nama="Kota")
    dinas = UnitKerjaFactory(parent=kota)
    bidang = UnitKerjaFactory(parent=dinas)
    seksi = UnitKerjaFactory(parent=bidang)
    lain = UnitKerjaFactory(parent=kota)
    assert set(UnitKerja.objects.subtree(dinas)) == {dinas, bidang, seksi}
    assert seksi.depth == 3
    assert lain not in UnitKerja.objects.subtree(dinas)


def test_it_does_not_confuse_unit_11_with_unit_1():
    units = [UnitKerjaFactory() for _ in range(12)]
    child_of_first = UnitKerjaFactory(parent=units[0])
    assert set(UnitKerja.objects.subtree(units[0])) == {units[0], child_of_first}


def test_moving_a_unit_moves_its_subtree():
    kota = UnitKerjaFactory()
    a, b = UnitKerjaFactory(parent=kota), UnitKerjaFactory(parent=kota)
    child = UnitKerjaFactory(parent=a)
    grandchild = UnitKerjaFactory(parent=child)
    child.parent = b
    child.save()
    grandchild.refresh_from_db()
    assert grandchild.path == f"{kota.pk}/{b.pk}/{child.pk}/{grandchild.pk}/"
    assert grandchild.depth == 3
    assert set(UnitKerja.objects.subtree(b)) == {b, child, grandchild}
    assert list(UnitKerja.objects.subtree(a)) == [a]


def test_it_refuses_a_unit_under_its_own_descendant():
    a = UnitKerjaFactory()
    child = UnitKerjaFactory(parent=a)
    a.parent = child
    with pytest.raises(ValidationError) as exc:
        a.full_clean()
    assert "parent" in exc.value.message_dict


def test_employees_of_a_unit_include_its_subtree():
    dinas = UnitKerjaFactory()
    bidang = UnitKerjaFactory(parent=dinas)
    di_bidang = PegawaiFactory(unit_kerja=bidang)
    lain = PegawaiFactory()
    assert list(Pegawai.objects.in_unit(dinas)) == [di_bidang]
    assert lain not in Pegawai.objects.in_unit(dinas)
