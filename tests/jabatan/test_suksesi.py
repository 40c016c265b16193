"""Succession plans (rencana suksesi, PermenPANRB 3/2020): the database holds one active entry
per person and post and at most MAKS_SUKSESOR slots, unique; the services name, change and
remove successors, refusing every bad input with the field named and nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jabatan.models import MAKS_SUKSESOR, Suksesor
from jabatan.services import (
    pegawai_end,
    penempatan_create,
    suksesor_add,
    suksesor_end,
    suksesor_update,
)
from jabatan.services.base import _nama_constraint
from pegawai.jenis_jabatan import JenisJabatan
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory
from tests.jabatan.bantu import talenta

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)
SB, B = "Sangat Baik", "Baik"
SIAP = Suksesor.Kesiapan.SIAP_SEKARANG


@pytest.fixture
def hr(db) -> User:
    return User.objects.create_user("hr.suksesi")


@pytest.fixture
def kunci(db):
    """A key post: Administrator (Kepala Bidang) in a unit."""
    jabatan = JabatanFactory(
        nama="Kepala Bidang Uji", jenis=JenisJabatan.ADMINISTRATOR, kelas_jabatan=11
    )
    return FormasiFactory(jabatan=jabatan)


def _tambah(formasi, pegawai, hr, **kw):
    return suksesor_add(
        formasi=formasi,
        pegawai=pegawai,
        kesiapan=kw.pop("kesiapan", SIAP),
        pada=PADA,
        oleh=hr,
        **kw,
    )


def _baris(formasi) -> list[tuple[int, int]]:
    return list(
        Suksesor.objects.filter(formasi=formasi, aktif=True)
        .order_by("urutan")
        .values_list("urutan", "pegawai_id")
    )


# --- The database ----------------------------------------------------------------------------


def _raw(formasi, pegawai, hr, **kw) -> Suksesor:
    return Suksesor.objects.create(
        formasi=formasi,
        pegawai=pegawai,
        kesiapan=kw.pop("k", SIAP),
        urutan=kw.pop("urutan", 1),
        tanggal_penetapan=PADA,
        ditetapkan_oleh=hr,
        **kw,
    )


@pytest.mark.parametrize(
    ("kedua", "constraint"),
    [
        ({"sama_pegawai": True, "urutan": 2}, "suksesor_satu_per_pegawai_formasi"),
        ({"urutan": 1}, "suksesor_urutan_unik_per_formasi"),
        ({"urutan": MAKS_SUKSESOR + 1}, "suksesor_urutan_1_maks"),
        ({"urutan": 0}, "suksesor_urutan_1_maks"),
        ({"urutan": 2, "k": "besok"}, "suksesor_kesiapan_pilihan"),
        ({"urutan": 2, "aktif": False}, "suksesor_alasan_bila_berakhir"),
    ],
)
def test_the_database_refuses_what_breaks_a_plan(kunci, hr, kedua, constraint):
    a = PegawaiFactory()
    _raw(kunci, a, hr)
    pegawai = a if kedua.pop("sama_pegawai", False) else PegawaiFactory()
    with pytest.raises(IntegrityError) as e, transaction.atomic():
        _raw(kunci, pegawai, hr, **kedua)
    # SQLite names a unique index's columns, PostgreSQL the constraint: the services map both.
    assert _nama_constraint(e.value) == constraint


def test_the_database_keeps_removed_entries_beside_the_active_ones(kunci, hr):
    a = PegawaiFactory()
    _raw(kunci, a, hr, aktif=False, alasan_berakhir="Mutasi")
    _raw(kunci, a, hr, urutan=1)  # the same person and slot again: the old row is inactive
    for n in range(2, MAKS_SUKSESOR + 1):
        _raw(kunci, PegawaiFactory(), hr, urutan=n)
    assert Suksesor.objects.filter(formasi=kunci, aktif=True).count() == MAKS_SUKSESOR


# --- Naming a successor ----------------------------------------------------------------------


def test_it_names_successors_in_the_first_free_slots_with_the_audit_trail(kunci, hr):
    a, b, c = (talenta(kunci.unit_kerja, k) for k in (9, 8, 9))
    s = _tambah(kunci, a, hr, catatan="  Kandidat kuat  ")
    assert (s.urutan, s.catatan, s.tanggal_penetapan, s.ditetapkan_oleh) == (
        1,
        "Kandidat kuat",
        PADA,
        hr,
    )
    _tambah(kunci, c, hr, urutan=3)
    _tambah(kunci, b, hr, kesiapan=Suksesor.Kesiapan.SIAP_3_TAHUN)
    assert _baris(kunci) == [(1, a.pk), (2, b.pk), (3, c.pk)]
    entry = LogEntry.objects.get_for_object(s).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == hr


def test_it_refuses_a_fourth_successor_naming_the_full_plan(kunci, hr):
    for _ in range(MAKS_SUKSESOR):
        _tambah(kunci, talenta(kunci.unit_kerja), hr)
    with pytest.raises(ValidationError) as e:
        _tambah(kunci, talenta(kunci.unit_kerja), hr)
    assert "sudah penuh (3 calon suksesor)" in e.value.message_dict["formasi"][0]
    assert len(_baris(kunci)) == MAKS_SUKSESOR


def _bukan_struktural():
    return FormasiFactory(jabatan=JabatanFactory(jenis=JenisJabatan.PELAKSANA))


def _berhenti(p):
    p.kedudukan, p.tmt_berhenti = "pensiun", dt.date(2026, 1, 1)
    p.save()
    return p


def _pppk(unit):
    return PegawaiFactory(pppk=True, unit_kerja=unit)


# (how to spoil the input, the field named, a word of the message)
SALAH = [
    ("formasi_pelaksana", "formasi", "hanya untuk jabatan struktural"),
    ("jabatan_nonaktif", "formasi", "tidak aktif"),
    ("berhenti", "pegawai", "berkedudukan aktif atau cuti"),
    ("pppk", "pegawai", "diisi PNS"),
    ("pemangku", "pegawai", "pemangku formasi ini"),
    ("sudah", "pegawai", "sudah menjadi calon suksesor"),
    ("kotak_2", "pegawai", "kotak talenta 2"),
    ("tanpa_kotak", "pegawai", "belum memiliki kotak talenta"),
    ("kesiapan", "kesiapan", "Kesiapan harus salah satu"),
    ("urutan_0", "urutan", "1 sampai 3"),
    ("urutan_4", "urutan", "1 sampai 3"),
    ("urutan_dipakai", "urutan", "Urutan 1 sudah diisi"),
    ("catatan", "catatan", "paling panjang 300"),
]


@pytest.mark.parametrize(("salah", "field", "pesan"), SALAH, ids=[s[0] for s in SALAH])
def test_it_refuses_every_bad_input_naming_the_field(kunci, hr, salah, field, pesan):
    unit = kunci.unit_kerja
    lain = talenta(unit)
    _tambah(kunci, lain, hr)  # slot 1 taken
    formasi, pegawai, kw = kunci, talenta(unit), {}
    if salah == "formasi_pelaksana":
        formasi = _bukan_struktural()
    elif salah == "jabatan_nonaktif":
        kunci.jabatan.aktif = False
        kunci.jabatan.save()
    elif salah == "berhenti":
        pegawai = _berhenti(pegawai)
    elif salah == "pppk":
        pegawai = _pppk(unit)
    elif salah == "pemangku":
        PenempatanFactory(pegawai=(pegawai := PegawaiFactory(unit_kerja=unit)), formasi=kunci)
    elif salah == "sudah":
        pegawai = lain
    elif salah == "kotak_2":
        pegawai = talenta(unit, 2)
    elif salah == "tanpa_kotak":
        pegawai = PegawaiFactory(unit_kerja=unit)
    else:
        kw = {
            "kesiapan": {"kesiapan": "besok"},
            "urutan_0": {"urutan": 0},
            "urutan_4": {"urutan": 4},
            "urutan_dipakai": {"urutan": 1},
            "catatan": {"catatan": "x" * 301},
        }[salah]
    sebelum = Suksesor.objects.count()
    with pytest.raises(ValidationError) as e:
        _tambah(formasi, pegawai, hr, **kw)
    assert pesan in " ".join(e.value.message_dict[field])
    assert Suksesor.objects.count() == sebelum


def test_a_successor_on_leave_may_be_named(kunci, hr):
    p = talenta(kunci.unit_kerja)
    p.kedudukan = "cuti"
    p.save()
    assert _tambah(kunci, p, hr).aktif


def test_an_acting_holder_may_be_named(kunci, hr):
    p = talenta(kunci.unit_kerja)
    PenempatanFactory(pegawai=PegawaiFactory(), formasi=kunci, jenis="plt")
    PenempatanFactory(pegawai=p, formasi=FormasiFactory(), jenis="plt", tmt_mulai=PADA)
    assert _tambah(kunci, p, hr).urutan == 1


# --- Changing and removing -------------------------------------------------------------------


@pytest.fixture
def tiga(kunci, hr):
    orang = [talenta(kunci.unit_kerja) for _ in range(MAKS_SUKSESOR)]
    return [_tambah(kunci, p, hr) for p in orang]


def test_it_changes_readiness_and_note(tiga, hr):
    s = suksesor_update(
        suksesor=tiga[1], kesiapan=Suksesor.Kesiapan.SIAP_1_2_TAHUN, catatan="Perlu PKA", oleh=hr
    )
    s.refresh_from_db()
    assert (s.kesiapan, s.catatan, s.urutan) == ("1_2_tahun", "Perlu PKA", 2)


def test_it_swaps_two_successors_slots_in_a_full_plan_and_audits_both(kunci, tiga, hr):
    a, b, c = tiga
    suksesor_update(suksesor=c, urutan=1, oleh=hr)
    assert _baris(kunci) == [(1, c.pegawai_id), (2, b.pegawai_id), (3, a.pegawai_id)]
    for s, lama, baru in ((c, "3", "1"), (a, "1", "3")):
        entry = LogEntry.objects.get_for_object(s).filter(action=LogEntry.Action.UPDATE).get()
        assert entry.changes_dict == {"urutan": [lama, baru]} and entry.actor == hr


def test_it_moves_a_successor_into_a_free_slot(kunci, hr):
    s = _tambah(kunci, talenta(kunci.unit_kerja), hr)
    suksesor_update(suksesor=s, urutan=3, oleh=hr)
    assert _baris(kunci) == [(3, s.pegawai_id)]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"kesiapan": "x"}, "kesiapan"),
        ({"urutan": 4}, "urutan"),
        ({"urutan": 0}, "urutan"),
        ({"catatan": "x" * 301}, "catatan"),
    ],
)
def test_a_bad_change_names_the_field_and_changes_nothing(kunci, tiga, hr, kw, field):
    sebelum = _baris(kunci)
    with pytest.raises(ValidationError) as e:
        suksesor_update(suksesor=tiga[0], oleh=hr, **kw)
    assert field in e.value.message_dict
    assert _baris(kunci) == sebelum
    assert Suksesor.objects.get(pk=tiga[0].pk).kesiapan == SIAP


def test_removing_keeps_the_row_with_its_reason_and_closes_the_gap(kunci, tiga, hr):
    a, b, c = tiga
    suksesor_end(suksesor=a, alasan="  Mutasi ke provinsi ", oleh=hr)
    a.refresh_from_db()
    assert (a.aktif, a.alasan_berakhir) == (False, "Mutasi ke provinsi")
    assert _baris(kunci) == [(1, b.pegawai_id), (2, c.pegawai_id)]
    # The freed slot takes a new successor.
    assert _tambah(kunci, talenta(kunci.unit_kerja), hr).urutan == 3


@pytest.mark.parametrize(
    ("alasan", "field"), [("  ", "alasan_berakhir"), ("x" * 301, "alasan_berakhir")]
)
def test_removing_needs_a_reason(tiga, hr, alasan, field):
    with pytest.raises(ValidationError) as e:
        suksesor_end(suksesor=tiga[0], alasan=alasan, oleh=hr)
    assert field in e.value.message_dict
    assert Suksesor.objects.get(pk=tiga[0].pk).aktif


def test_a_removed_successor_is_neither_changed_nor_removed_again(tiga, hr):
    suksesor_end(suksesor=tiga[0], alasan="Mutasi", oleh=hr)
    for call in (
        lambda: suksesor_update(suksesor=tiga[0], urutan=2, oleh=hr),
        lambda: suksesor_end(suksesor=tiga[0], alasan="lagi", oleh=hr),
    ):
        with pytest.raises(ValidationError) as e:
            call()
        assert "sudah tidak aktif" in e.value.message_dict["suksesor"][0]


def test_appointment_to_the_post_ends_the_successors_entry(kunci, tiga, hr):
    a, b, c = tiga
    penempatan_create(pegawai=b.pegawai, formasi=kunci, tmt_mulai=PADA)
    b.refresh_from_db()
    assert not b.aktif and "Diangkat definitif pada formasi ini" in b.alasan_berakhir
    assert _baris(kunci) == [(1, a.pegawai_id), (2, c.pegawai_id)]


def test_an_employee_who_leaves_leaves_every_plan(kunci, hr):
    p = talenta(kunci.unit_kerja)
    lain = FormasiFactory(jabatan=JabatanFactory(jenis=JenisJabatan.JPT_PRATAMA, kelas_jabatan=14))
    _tambah(kunci, p, hr)
    _tambah(lain, p, hr)
    pegawai_end(pegawai=p, kedudukan="pensiun", tmt_berhenti=dt.date(2026, 12, 1))
    assert not Suksesor.objects.filter(pegawai=p, aktif=True).exists()
    assert set(Suksesor.objects.filter(pegawai=p).values_list("alasan_berakhir", flat=True)) == {
        "Pegawai berhenti: Pensiun"
    }
