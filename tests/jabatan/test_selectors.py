"""Vacancies and projected vacancies are queries over placements."""

from __future__ import annotations

import datetime as dt

import pytest

from jabatan.selectors import formasi_lowong, proyeksi_lowong
from pegawai.akses import Lingkup
from pegawai.jenis_jabatan import JenisJabatan, Jenjang
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)
SEMUA = Lingkup(semua=True)


def test_a_post_with_fewer_holders_than_its_quota_is_vacant():
    kosong = FormasiFactory(kuota=1)
    sebagian = FormasiFactory(kuota=2)
    penuh = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=sebagian)
    PenempatanFactory(formasi=penuh)
    rows = {f.pk: f.lowong for f in formasi_lowong(scope=SEMUA)}
    assert rows == {kosong.pk: 1, sebagian.pk: 1}


def test_an_acting_holder_leaves_the_post_vacant_and_an_ended_placement_frees_it():
    plt = FormasiFactory()
    PenempatanFactory(formasi=plt, jenis="plt")
    selesai = FormasiFactory()
    PenempatanFactory(formasi=selesai, tmt_selesai=dt.date(2025, 6, 30))
    assert {f.pk for f in formasi_lowong(scope=SEMUA)} == {plt.pk, selesai.pk}


def test_the_vacancy_list_runs_in_one_query(django_assert_num_queries):
    for _ in range(5):
        PenempatanFactory()
        FormasiFactory()
    with django_assert_num_queries(1):  # posts joined with position and unit
        rows = [(f.jabatan.nama, f.unit_kerja.nama, f.lowong) for f in formasi_lowong(scope=SEMUA)]
    assert len(rows) == 5


def _holder(lahir: dt.date, **jabatan) -> object:
    formasi = FormasiFactory(jabatan=JabatanFactory(**jabatan))
    pegawai = PegawaiFactory(tanggal_lahir=lahir)
    return PenempatanFactory(pegawai=pegawai, formasi=formasi)


@pytest.mark.parametrize(
    ("lahir", "jabatan", "pensiun", "masuk"),
    [
        # Pelaksana retire at 58 on the first of the month after the birthday.
        (dt.date(1968, 11, 5), {}, dt.date(2026, 12, 1), True),
        (dt.date(1969, 10, 31), {}, dt.date(2027, 11, 1), True),
        (dt.date(1969, 11, 1), {}, dt.date(2027, 12, 1), False),
        # JPT retire at 60; guru at 60 by their own law; Ahli Utama at 65.
        (
            dt.date(1967, 6, 10),
            {"jenis": JenisJabatan.JPT_PRATAMA, "kelas_jabatan": 14},
            dt.date(2027, 7, 1),
            True,
        ),
        (
            dt.date(1968, 6, 10),
            {"jenis": JenisJabatan.JPT_PRATAMA, "kelas_jabatan": 14},
            dt.date(2028, 7, 1),
            False,
        ),
        (
            dt.date(1967, 3, 1),
            {"jenis": JenisJabatan.FUNGSIONAL, "jenjang": Jenjang.AHLI_PERTAMA, "bup_khusus": 60},
            dt.date(2027, 4, 1),
            True,
        ),
        (
            dt.date(1962, 1, 15),
            {"jenis": JenisJabatan.FUNGSIONAL, "jenjang": Jenjang.AHLI_UTAMA},
            dt.date(2027, 2, 1),
            True,
        ),
    ],
)
def test_it_projects_retirements_within_twelve_months(lahir, jabatan, pensiun, masuk):
    penempatan = _holder(lahir, **jabatan)
    rows = proyeksi_lowong(scope=SEMUA, pada=PADA)
    found = [r for r in rows if r.penempatan.pk == penempatan.pk]
    assert bool(found) is masuk
    if found:
        assert found[0].tanggal_pensiun == pensiun


def test_projection_ignores_acting_and_ended_placements(django_assert_max_num_queries):
    PenempatanFactory(pegawai=PegawaiFactory(tanggal_lahir=dt.date(1968, 12, 1)), jenis="plt")
    PenempatanFactory(
        pegawai=PegawaiFactory(tanggal_lahir=dt.date(1968, 12, 1)),
        tmt_selesai=dt.date(2025, 1, 1),
    )
    tetap = _holder(dt.date(1968, 12, 1))
    with django_assert_max_num_queries(2):  # distinct retirement ages, then the holders
        rows = proyeksi_lowong(scope=SEMUA, pada=PADA)
    assert [r.penempatan.pk for r in rows] == [tetap.pk]
