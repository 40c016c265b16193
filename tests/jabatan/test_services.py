"""Placement rules: the service's checks and the database guarantees behind them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jabatan.models import Formasi, Penempatan
from jabatan.services import (
    formasi_set_kuota,
    pegawai_end,
    penempatan_create,
    penempatan_end,
)
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory

pytestmark = pytest.mark.django_db
TMT = dt.date(2025, 1, 2)


def _terisi(formasi: Formasi) -> int:
    return Formasi.objects.values_list("jumlah_terisi", flat=True).get(pk=formasi.pk)


def test_it_places_an_employee_and_moves_the_unit():
    formasi = FormasiFactory()
    pegawai = PegawaiFactory()
    penempatan = penempatan_create(pegawai=pegawai, formasi=formasi, tmt_mulai=TMT)
    pegawai.refresh_from_db()
    assert penempatan.aktif
    assert pegawai.unit_kerja_id == formasi.unit_kerja_id
    assert _terisi(formasi) == 1


def test_it_ends_the_previous_definitive_placement():
    lama = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 1))
    baru = FormasiFactory()
    penempatan_create(pegawai=lama.pegawai, formasi=baru, tmt_mulai=TMT)
    lama.refresh_from_db()
    assert lama.tmt_selesai == TMT - dt.timedelta(days=1)
    assert _terisi(lama.formasi) == 0
    assert _terisi(baru) == 1


def test_it_rejects_a_full_post_and_writes_nothing():
    formasi = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=formasi)
    pegawai = PegawaiFactory()
    before = Penempatan.objects.count()
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=pegawai, formasi=formasi, tmt_mulai=TMT)
    assert "penuh" in exc.value.message_dict["formasi"][0]
    assert Penempatan.objects.count() == before
    pegawai.refresh_from_db()
    assert pegawai.unit_kerja_id != formasi.unit_kerja_id


def test_it_rejects_a_rank_below_the_minimum_for_a_definitive_placement():
    formasi = FormasiFactory(jabatan=JabatanFactory(golongan_minimal="III/d"))
    pegawai = PegawaiFactory(golongan="III/a")
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=pegawai, formasi=formasi, tmt_mulai=TMT)
    message = exc.value.message_dict["pegawai"][0]
    assert "Penata Muda (III/a)" in message and "Penata Tingkat I (III/d)" in message
    assert not Penempatan.objects.exists()


def test_it_allows_an_acting_holder_below_the_minimum_rank_without_filling_the_quota():
    formasi = FormasiFactory(jabatan=JabatanFactory(golongan_minimal="III/d"))
    pegawai = PegawaiFactory(golongan="III/a")
    penempatan_create(pegawai=pegawai, formasi=formasi, jenis="plt", tmt_mulai=TMT)
    assert _terisi(formasi) == 0
    assert Formasi.objects.lowong().filter(pk=formasi.pk).exists()


def test_it_rejects_education_below_the_minimum():
    formasi = FormasiFactory(jabatan=JabatanFactory(pendidikan_minimal="S1"))
    pegawai = PegawaiFactory(pendidikan="D3")
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=pegawai, formasi=formasi, tmt_mulai=TMT)
    assert "Pendidikan D-III" in exc.value.message_dict["pegawai"][0]


def test_it_rejects_an_employee_who_is_not_active():
    pegawai = PegawaiFactory(kedudukan="pensiun", tmt_berhenti=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=pegawai, formasi=FormasiFactory(), tmt_mulai=TMT)
    assert "kedudukan" in exc.value.message_dict["pegawai"][0]


def test_it_rejects_a_start_before_the_previous_placement():
    lama = PenempatanFactory(tmt_mulai=TMT)
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=lama.pegawai, formasi=FormasiFactory(), tmt_mulai=TMT)
    assert "tmt_mulai" in exc.value.message_dict
    lama.refresh_from_db()
    assert lama.tmt_selesai is None


def test_it_rejects_a_second_acting_holder():
    formasi = FormasiFactory()
    penempatan_create(pegawai=PegawaiFactory(), formasi=formasi, jenis="plt", tmt_mulai=TMT)
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=PegawaiFactory(), formasi=formasi, jenis="plh", tmt_mulai=TMT)
    assert "Plt/Plh" in exc.value.message_dict["formasi"][0]


def test_it_frees_the_seat_when_a_placement_ends():
    penempatan = PenempatanFactory()
    penempatan_end(penempatan=penempatan, tmt_selesai=TMT)
    assert _terisi(penempatan.formasi) == 0
    with pytest.raises(ValidationError):
        penempatan_end(penempatan=penempatan, tmt_selesai=TMT)


def test_it_rejects_an_end_before_the_start():
    penempatan = PenempatanFactory(tmt_mulai=TMT)
    with pytest.raises(ValidationError) as exc:
        penempatan_end(penempatan=penempatan, tmt_selesai=TMT - dt.timedelta(days=1))
    # The start date as pages print dates (Indonesian long form), not dd-mm-yyyy.
    assert exc.value.message_dict["tmt_selesai"] == [
        "TMT selesai tidak boleh sebelum TMT mulai (2 Januari 2025)."
    ]


def test_it_keeps_the_quota_at_least_the_holders():
    formasi = FormasiFactory(kuota=2)
    PenempatanFactory(formasi=formasi)
    PenempatanFactory(formasi=formasi)
    with pytest.raises(ValidationError) as exc:
        formasi_set_kuota(formasi=formasi, kuota=1)
    assert "kuota" in exc.value.message_dict
    assert formasi_set_kuota(formasi=formasi, kuota=3).kuota == 3


def test_the_database_refuses_an_overfilled_post_whatever_the_code_path():
    formasi = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=formasi)
    with pytest.raises(IntegrityError), transaction.atomic():
        PenempatanFactory(formasi=formasi)
    assert _terisi(formasi) == 1


def test_the_database_refuses_two_active_definitive_placements():
    lama = PenempatanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PenempatanFactory(pegawai=lama.pegawai)


def test_the_trigger_counts_moves_ends_and_deletes():
    a, b = FormasiFactory(kuota=2), FormasiFactory(kuota=2)
    p = PenempatanFactory(formasi=a)
    assert (_terisi(a), _terisi(b)) == (1, 0)
    Penempatan.objects.filter(pk=p.pk).update(formasi=b)
    assert (_terisi(a), _terisi(b)) == (0, 1)
    Penempatan.objects.filter(pk=p.pk).update(jenis="plt")
    assert _terisi(b) == 0
    Penempatan.objects.filter(pk=p.pk).update(jenis="definitif")
    assert _terisi(b) == 1
    Penempatan.objects.filter(pk=p.pk).delete()
    assert _terisi(b) == 0


def test_saving_a_post_never_overwrites_the_count():
    formasi = FormasiFactory(kuota=3)
    stale = Formasi.objects.get(pk=formasi.pk)
    PenempatanFactory(formasi=formasi)
    stale.keterangan = "diubah"
    stale.save()
    assert _terisi(formasi) == 1


def test_an_employee_who_retires_frees_every_post_they_hold():
    definitif = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 2))
    pegawai = definitif.pegawai
    plt = PenempatanFactory(pegawai=pegawai, jenis="plt", tmt_mulai=dt.date(2026, 11, 1))
    pegawai_end(pegawai=pegawai, kedudukan="pensiun", tmt_berhenti=dt.date(2026, 12, 1))
    definitif.refresh_from_db()
    plt.refresh_from_db()
    assert definitif.tmt_selesai == dt.date(2026, 11, 30)
    assert plt.tmt_selesai == dt.date(2026, 11, 30)
    assert _terisi(definitif.formasi) == 0
    pegawai.refresh_from_db()
    assert (pegawai.kedudukan, pegawai.tmt_berhenti) == ("pensiun", dt.date(2026, 12, 1))


def test_ending_an_employee_needs_a_leaving_state_and_changes_nothing_otherwise():
    penempatan = PenempatanFactory()
    with pytest.raises(ValidationError) as exc:
        pegawai_end(pegawai=penempatan.pegawai, kedudukan="cuti", tmt_berhenti=TMT)
    assert "kedudukan" in exc.value.message_dict
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai is None


def test_opening_a_period_gives_every_active_employee_an_skp_rated_by_their_superior():
    from jabatan.services import periode_open_skp
    from kinerja.models import Periode, Skp
    from pegawai.jenis_jabatan import JenisJabatan
    from tests.factories import UnitKerjaFactory

    kota = UnitKerjaFactory()
    setda = UnitKerjaFactory(parent=kota)
    dinas = UnitKerjaFactory(parent=kota)
    bidang = UnitKerjaFactory(parent=dinas)
    jpt = JabatanFactory(jenis=JenisJabatan.JPT_PRATAMA, kelas_jabatan=14, golongan_minimal="IV/a")
    sekda_jab = JabatanFactory(
        jenis=JenisJabatan.JPT_PRATAMA, kelas_jabatan=15, golongan_minimal="IV/b"
    )
    kabid_jab = JabatanFactory(
        jenis=JenisJabatan.ADMINISTRATOR, kelas_jabatan=11, golongan_minimal="III/d"
    )
    sekda = PenempatanFactory(
        formasi=FormasiFactory(jabatan=sekda_jab, unit_kerja=setda),
        pegawai=PegawaiFactory(unit_kerja=setda, golongan="IV/c"),
    ).pegawai
    kadis = PenempatanFactory(
        formasi=FormasiFactory(jabatan=jpt, unit_kerja=dinas),
        pegawai=PegawaiFactory(unit_kerja=dinas, golongan="IV/b"),
    ).pegawai
    kabid = PenempatanFactory(
        formasi=FormasiFactory(jabatan=kabid_jab, unit_kerja=bidang),
        pegawai=PegawaiFactory(unit_kerja=bidang, golongan="IV/a"),
    ).pegawai
    staf = PegawaiFactory(unit_kerja=bidang)
    PegawaiFactory(unit_kerja=bidang, kedudukan="pensiun", tmt_berhenti=dt.date(2025, 1, 1))
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    assert periode_open_skp(periode=periode) == 4
    penilai = dict(Skp.objects.values_list("pegawai_id", "penilai_id"))
    assert penilai == {staf.pk: kabid.pk, kabid.pk: kadis.pk, kadis.pk: sekda.pk, sekda.pk: None}
    assert Skp.objects.get(pegawai=staf).perangkat_daerah_id == dinas.pk
    assert periode_open_skp(periode=periode) == 0  # idempotent
