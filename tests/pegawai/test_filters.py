"""The one unit picker (pegawai.filters): which units it offers each scope, and that every app's
filter set uses it, a unit head at depth 2 included."""

from __future__ import annotations

from datetime import date

import pytest

from jabatan.filters import LowonganFilter
from jabatan.models import Formasi
from kinerja.filters import DasborFilter
from kinerja.models import Skp
from pegawai.akses import Lingkup, lingkup_seluruh
from pegawai.filters import unit_choices
from pegawai.models import Pegawai
from pelatihan.filters import JpFilter, KebutuhanFilter, PesertaFilter
from pelatihan.models import Peserta
from publik.filters import KeputusanPublikFilter
from tests.factories import FormasiFactory, PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pohon():
    """City > Dinas > Bidang (depth 2) > two Seksi (depth 3) > a sub-seksi (depth 4); another
    Dinas beside."""
    kota = UnitKerjaFactory(nama="Kota", jenis="pemda")
    dinas = UnitKerjaFactory(nama="Dinas Kesehatan", parent=kota)
    lain = UnitKerjaFactory(nama="Dinas Pendidikan", parent=kota)
    bidang = UnitKerjaFactory(nama="Bidang Pelayanan", parent=dinas, jenis="bidang")
    seksi_b = UnitKerjaFactory(nama="Seksi Rujukan", parent=bidang, jenis="bidang")
    seksi_a = UnitKerjaFactory(nama="Seksi Gizi", parent=bidang, jenis="bidang")
    bawah = UnitKerjaFactory(nama="Subseksi Gizi Anak", parent=seksi_a, jenis="bidang")
    return {
        "kota": kota,
        "dinas": dinas,
        "lain": lain,
        "bidang": bidang,
        "seksi_a": seksi_a,
        "seksi_b": seksi_b,
        "bawah": bawah,
    }


def _nama(qs) -> list[str]:
    return [u.nama for u in qs]


def test_it_offers_hr_the_city_and_its_perangkat_daerah(pohon):
    assert _nama(unit_choices(Lingkup(semua=True))) == [
        "Kota",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
    ]


def test_it_offers_a_depth_2_head_their_unit_then_the_units_right_under_it(pohon):
    scope = Lingkup(unit_path=pohon["bidang"].path)
    assert _nama(unit_choices(scope)) == ["Bidang Pelayanan", "Seksi Gizi", "Seksi Rujukan"]


def test_it_offers_an_employee_and_a_stranger_nothing(pohon):
    assert not unit_choices(Lingkup(pegawai_id=1)).exists()
    assert not unit_choices(Lingkup()).exists()


# Every app's filter set, with the rows it filters and the depth-2 head's scope.
FILTER_SETS = [
    (LowonganFilter, Formasi, {"pada": date(2026, 1, 1)}),
    (DasborFilter, Skp, {}),
    (JpFilter, Pegawai, {}),
    (KebutuhanFilter, Pegawai, {}),
    (PesertaFilter, Peserta, {}),
]


@pytest.mark.parametrize(("filterset", "model", "extra"), FILTER_SETS)
def test_every_apps_unit_filter_offers_a_depth_2_head_their_subtree(pohon, filterset, model, extra):
    scope = Lingkup(unit_path=pohon["bidang"].path)
    fs = filterset({}, queryset=model.objects.none(), scope=scope, **extra)
    assert _nama(fs.form.fields["unit"].queryset) == [
        "Bidang Pelayanan",
        "Seksi Gizi",
        "Seksi Rujukan",
    ]


@pytest.mark.parametrize(("filterset", "model", "extra"), FILTER_SETS)
def test_every_apps_unit_filter_refuses_a_unit_outside_the_scope(pohon, filterset, model, extra):
    scope = Lingkup(unit_path=pohon["bidang"].path)
    fs = filterset({"unit": pohon["lain"].pk}, queryset=model.objects.none(), scope=scope, **extra)
    assert not fs.is_valid()
    assert "unit" in fs.errors


def test_a_chosen_unit_keeps_its_whole_subtree(pohon):
    di_bawah = PegawaiFactory(unit_kerja=pohon["bawah"])
    di_seksi_b = PegawaiFactory(unit_kerja=pohon["seksi_b"])
    scope = Lingkup(unit_path=pohon["bidang"].path)
    fs = JpFilter({"unit": pohon["seksi_a"].pk}, queryset=Pegawai.objects.all(), scope=scope)
    assert fs.is_valid(), fs.errors
    assert list(fs.qs) == [di_bawah]
    semua = JpFilter({"unit": pohon["bidang"].pk}, queryset=Pegawai.objects.all(), scope=scope)
    assert set(semua.qs) == {di_bawah, di_seksi_b}


def test_the_vacancy_filter_narrows_a_depth_2_heads_posts_to_a_seksi(pohon):
    di_seksi = FormasiFactory(unit_kerja=pohon["bawah"])
    FormasiFactory(unit_kerja=pohon["seksi_b"])
    scope = Lingkup(unit_path=pohon["bidang"].path)
    fs = LowonganFilter(
        {"unit": pohon["seksi_a"].pk},
        queryset=Formasi.objects.all(),
        scope=scope,
        pada=date(2026, 1, 1),
    )
    assert fs.is_valid(), fs.errors
    assert list(fs.qs) == [di_seksi]


def test_the_public_filter_offers_every_perangkat_daerah_whoever_asks(pohon):
    # The perangkat daerah alone, by name: the city is the empty choice ("Semua perangkat
    # daerah"), not an option beside it.
    fs = KeputusanPublikFilter({})
    assert _nama(fs.form.fields["unit"].queryset) == ["Dinas Kesehatan", "Dinas Pendidikan"]
    assert _nama(fs.form.fields["unit"].queryset) == _nama(
        unit_choices(lingkup_seluruh()).filter(depth=1)
    )
    kota = KeputusanPublikFilter({"unit": pohon["kota"].pk})
    assert not kota.is_valid() and "unit" in kota.errors
