"""Services of pelatihan: each transition, its refusals by field, bulk enrolment with bad rows,
external training and its verification, the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pegawai.models import Pegawai
from pelatihan import services as s
from pelatihan.models import PelatihanEksternal, Peserta, Sesi
from tests.factories import PegawaiFactory
from tests.pelatihan.factories import EksternalFactory, PesertaFactory, SesiFactory

pytestmark = pytest.mark.django_db
HARI = dt.date(2026, 3, 1)  # the day before the factory's session starts
SELESAI = dt.date(2026, 3, 6)


def _pesan(exc, field):
    return " ".join(exc.value.message_dict[field])


def test_it_enrols_and_credits_jp_on_completion(hr_user):
    sesi = SesiFactory(kapasitas=2)
    peg = PegawaiFactory()
    p = s.peserta_enrol(sesi=sesi, pegawai=peg, oleh=hr_user, hari_ini=HARI)
    assert p.status == Peserta.Status.TERDAFTAR
    assert Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 1
    s.peserta_attend(peserta=p, oleh=hr_user)
    p = s.peserta_pass(
        peserta=p,
        nomor_sertifikat=" 800/12/BKPSDM ",
        tanggal_sertifikat=SELESAI,
        oleh=hr_user,
        hari_ini=SELESAI,
    )
    assert (p.status, p.jp_diakui, p.tahun_jp, p.nomor_sertifikat) == (
        "lulus",
        24,
        2026,
        "800/12/BKPSDM",
    )
    entry = LogEntry.objects.get_for_object(p).first()
    assert entry.actor == hr_user


def test_it_refuses_a_full_session_by_field(hr_user):
    sesi = SesiFactory(kapasitas=1)
    s.peserta_enrol(sesi=sesi, pegawai=PegawaiFactory(), oleh=hr_user, hari_ini=HARI)
    with pytest.raises(ValidationError) as exc:
        s.peserta_enrol(sesi=sesi, pegawai=PegawaiFactory(), oleh=hr_user, hari_ini=HARI)
    assert "penuh" in _pesan(exc, "sesi")


def test_it_refuses_enrolling_twice(hr_user):
    p = PesertaFactory()
    with pytest.raises(ValidationError) as exc:
        s.peserta_enrol(sesi=p.sesi, pegawai=p.pegawai, oleh=hr_user, hari_ini=HARI)
    assert "Sudah terdaftar" in _pesan(exc, "pegawai")


def test_it_refuses_an_inactive_employee_and_an_ended_session(hr_user):
    peg = PegawaiFactory(kedudukan=Pegawai.Kedudukan.PENSIUN, tmt_berhenti=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError) as exc:
        s.peserta_enrol(sesi=SesiFactory(), pegawai=peg, oleh=hr_user, hari_ini=dt.date(2026, 4, 1))
    assert "tidak aktif" in _pesan(exc, "pegawai")
    assert "sudah berakhir" in _pesan(exc, "sesi")


def test_a_cancelled_enrolment_frees_the_seat_and_may_be_enrolled_again(hr_user):
    sesi = SesiFactory(kapasitas=1)
    p = s.peserta_enrol(sesi=sesi, pegawai=PegawaiFactory(), oleh=hr_user, hari_ini=HARI)
    s.peserta_cancel(peserta=p, keterangan="sakit", oleh=hr_user)
    assert Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 0
    other = s.peserta_enrol(sesi=sesi, pegawai=PegawaiFactory(), oleh=hr_user, hari_ini=HARI)
    with pytest.raises(ValidationError):
        s.peserta_enrol(sesi=sesi, pegawai=p.pegawai, oleh=hr_user, hari_ini=HARI)
    s.peserta_cancel(peserta=other, oleh=hr_user)
    again = s.peserta_enrol(sesi=sesi, pegawai=p.pegawai, oleh=hr_user, hari_ini=HARI)
    assert again.pk == p.pk and again.status == "terdaftar"


def test_an_employee_request_holds_no_seat_until_hr_enrols(hr_user):
    sesi = SesiFactory(kapasitas=1)
    peg = PegawaiFactory()
    req = s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, hari_ini=HARI)
    assert req.status == "diajukan" and Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 0
    with pytest.raises(ValidationError) as exc:
        s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, hari_ini=HARI)
    assert "sudah tercatat" in _pesan(exc, "sesi")
    p = s.peserta_enrol(sesi=sesi, pegawai=peg, oleh=hr_user, hari_ini=HARI)
    assert p.pk == req.pk and Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 1


@pytest.mark.parametrize(
    ("kolom", "hari", "pesan"),
    [
        ({"pendaftaran_dibuka": False}, HARI, "ditutup"),
        ({}, dt.date(2026, 3, 3), "sudah dimulai"),
    ],
)
def test_a_request_to_a_closed_or_started_session_is_refused(kolom, hari, pesan):
    with pytest.raises(ValidationError) as exc:
        s.peserta_submit(
            sesi=SesiFactory(**kolom), pegawai=PegawaiFactory(), oleh=None, hari_ini=hari
        )
    assert pesan in _pesan(exc, "sesi")


@pytest.mark.parametrize(
    ("nomor", "tanggal", "field", "pesan"),
    [
        ("", SELESAI, "nomor_sertifikat", "wajib"),
        ("x" * 101, SELESAI, "nomor_sertifikat", "100"),
        ("A/1", None, "tanggal_sertifikat", "wajib"),
        ("A/1", dt.date(2026, 2, 1), "tanggal_sertifikat", "sebelum sesi"),
        ("A/1", dt.date(2026, 12, 1), "tanggal_sertifikat", "masa depan"),
    ],
)
def test_completion_refuses_a_bad_certificate(hr_user, nomor, tanggal, field, pesan):
    p = PesertaFactory(status=Peserta.Status.HADIR)
    with pytest.raises(ValidationError) as exc:
        s.peserta_pass(
            peserta=p,
            nomor_sertifikat=nomor,
            tanggal_sertifikat=tanggal,
            oleh=hr_user,
            hari_ini=SELESAI,
        )
    assert pesan in _pesan(exc, field)
    assert Peserta.objects.get(pk=p.pk).status == "hadir"


@pytest.mark.parametrize(
    ("status", "aksi"),
    [
        ("terdaftar", "lulus"),  # attendance first
        ("lulus", "hadir"),
        ("lulus", "batal"),
        ("batal", "hadir"),
        ("tidak_lulus", "lulus"),
        ("diajukan", "hadir"),
    ],
)
def test_it_refuses_a_transition_out_of_order(hr_user, status, aksi):
    p = PesertaFactory(lulus=True) if status == "lulus" else PesertaFactory(status=status)
    calls = {
        "lulus": lambda: s.peserta_pass(
            peserta=p,
            nomor_sertifikat="A",
            tanggal_sertifikat=SELESAI,
            oleh=hr_user,
            hari_ini=SELESAI,
        ),
        "hadir": lambda: s.peserta_attend(peserta=p, oleh=hr_user),
        "batal": lambda: s.peserta_cancel(peserta=p, oleh=hr_user),
    }
    with pytest.raises(ValidationError) as exc:
        calls[aksi]()
    assert "tidak dapat" in _pesan(exc, "status")


def test_failing_needs_a_reason(hr_user):
    p = PesertaFactory(status=Peserta.Status.HADIR)
    with pytest.raises(ValidationError) as exc:
        s.peserta_fail(peserta=p, keterangan="  ", oleh=hr_user)
    assert "alasan" in _pesan(exc, "keterangan")
    p = s.peserta_fail(peserta=p, keterangan="Tidak menyerahkan proyek perubahan", oleh=hr_user)
    assert p.status == "tidak_lulus" and p.jp_diakui == 0


# --- bulk enrolment ------------------------------------------------------------------------


def _kelompok(sesi):
    aktif = [PegawaiFactory(nama=f"Aktif {i}") for i in range(3)]
    pensiun = PegawaiFactory(
        nama="Pensiunan", kedudukan="pensiun", tmt_berhenti=dt.date(2025, 1, 1)
    )
    sudah = PesertaFactory(sesi=sesi, pegawai=PegawaiFactory(nama="Sudah Ikut")).pegawai
    return aktif, pensiun, sudah


def test_bulk_enrolment_is_all_or_nothing_by_default(hr_user):
    sesi = SesiFactory(kapasitas=3)
    aktif, pensiun, sudah = _kelompok(sesi)
    hasil = s.peserta_enrol_bulk(
        sesi=sesi, pegawai=[*aktif, pensiun, sudah], oleh=hr_user, hari_ini=HARI
    )
    assert not hasil.dijalankan and hasil.didaftar == []
    alasan = {p.nama: a for p, a in hasil.ditolak}
    assert "tidak aktif" in alasan["Pensiunan"]
    assert "Sudah terdaftar" in alasan["Sudah Ikut"]
    # one seat was taken; only two of the three valid fit
    assert "penuh" in alasan["Aktif 2"]
    assert Peserta.objects.filter(sesi=sesi).count() == 1


def test_bulk_enrolment_of_the_valid_ones_is_an_explicit_choice(hr_user):
    sesi = SesiFactory(kapasitas=3)
    aktif, pensiun, sudah = _kelompok(sesi)
    hasil = s.peserta_enrol_bulk(
        sesi=sesi,
        pegawai=[*aktif, pensiun, sudah],
        hanya_yang_sah=True,
        oleh=hr_user,
        hari_ini=HARI,
    )
    assert hasil.dijalankan
    assert [p.nama for p in hasil.didaftar] == ["Aktif 0", "Aktif 1"]
    assert len(hasil.ditolak) == 3
    assert Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 3
    op = LogEntry.objects.filter(additional_data__operasi="pelatihan.daftar_massal").get()
    assert op.additional_data["didaftar"] == 2 and op.actor == hr_user


def test_bulk_enrolment_all_valid_reports_progress(hr_user):
    sesi = SesiFactory(kapasitas=10)
    pegawai = [PegawaiFactory() for _ in range(4)]
    langkah = []
    hasil = s.peserta_enrol_bulk(
        sesi=sesi,
        pegawai=pegawai,
        oleh=hr_user,
        hari_ini=HARI,
        saat_maju=lambda d, t: langkah.append((d, t)),
    )
    assert hasil.dijalankan and len(hasil.didaftar) == 4 and hasil.ditolak == []
    assert langkah[-1] == (4, 4)


# --- external training -------------------------------------------------------------------


def _eksternal(**kw):
    base = {
        "nama": "Pelatihan Analisis Data",
        "penyelenggara": "Kominfo",
        "kelompok": "teknis",
        "tanggal_mulai": dt.date(2026, 2, 2),
        "tanggal_selesai": dt.date(2026, 2, 4),
        "jumlah_jp": 12,
        "nomor_sertifikat": "KOM/77",
        "bukti": SimpleUploadedFile("s.pdf", b"%PDF-1.4"),
    }
    return {**base, **kw}


def test_external_training_counts_only_once_verified(hr_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    peg = PegawaiFactory()
    e = s.eksternal_record(pegawai=peg, oleh=None, hari_ini=dt.date(2026, 3, 1), **_eksternal())
    assert e.status == "diajukan" and e.tahun_jp == 2026
    e = s.eksternal_verify(eksternal=e, setuju=True, oleh=hr_user)
    assert e.status == "diverifikasi" and e.diverifikasi_oleh == hr_user
    with pytest.raises(ValidationError) as exc:
        s.eksternal_verify(eksternal=e, setuju=False, alasan="x", oleh=hr_user)
    assert "sudah" in _pesan(exc, "status")


@pytest.mark.parametrize(
    ("kolom", "field"),
    [
        ({"nama": " "}, "nama"),
        ({"penyelenggara": ""}, "penyelenggara"),
        ({"kelompok": "umum"}, "kelompok"),
        ({"pelatihan_wajib": "pkx"}, "pelatihan_wajib"),
        ({"tanggal_mulai": None}, "tanggal_mulai"),
        ({"tanggal_selesai": dt.date(2026, 2, 1)}, "tanggal_selesai"),
        ({"tanggal_selesai": dt.date(2026, 5, 1)}, "tanggal_selesai"),
        ({"jumlah_jp": 0}, "jumlah_jp"),
        ({"jumlah_jp": "8"}, "jumlah_jp"),
        ({"nomor_sertifikat": ""}, "nomor_sertifikat"),
        ({"bukti": None}, "bukti"),
    ],
)
def test_external_training_refuses_bad_input(kolom, field):
    with pytest.raises(ValidationError) as exc:
        s.eksternal_record(
            pegawai=PegawaiFactory(), oleh=None, hari_ini=dt.date(2026, 3, 1), **_eksternal(**kolom)
        )
    assert field in exc.value.message_dict
    assert not PelatihanEksternal.objects.exists()


def test_rejection_needs_a_reason_and_a_verifier(hr_user):
    e = EksternalFactory()
    with pytest.raises(ValidationError) as exc:
        s.eksternal_verify(eksternal=e, setuju=False, alasan="", oleh=hr_user)
    assert "alasan_penolakan" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        s.eksternal_verify(eksternal=e, setuju=True, oleh=None)
    assert "diverifikasi_oleh" in exc.value.message_dict
    e = s.eksternal_verify(
        eksternal=e, setuju=False, alasan="Sertifikat tidak terbaca", oleh=hr_user
    )
    assert e.status == "ditolak"


# --- The PPPK ceiling (PP 49/2018 Pasal 40 ayat (1)) -----------------------------------------


def _pppk_dengan_jp(jp_lulus: int, jp_terdaftar: int = 0):
    """A PPPK with `jp_lulus` JP credited in 2026 and `jp_terdaftar` JP enrolled, still to come."""
    peg = PegawaiFactory(pppk=True)
    if jp_lulus:
        PesertaFactory(pegawai=peg, sesi=SesiFactory(program__jumlah_jp=jp_lulus), lulus=True)
    if jp_terdaftar:
        PesertaFactory(pegawai=peg, sesi=SesiFactory(program__jumlah_jp=jp_terdaftar))
    return peg


def test_a_pppk_past_24_jp_is_warned_and_must_acknowledge_before_the_request_is_sent():
    peg = _pppk_dengan_jp(8, 8)
    sesi = SesiFactory(program__jumlah_jp=16)
    with pytest.raises(ValidationError) as exc:
        s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, hari_ini=HARI)
    pesan = _pesan(exc, "sadar_batas_pppk")
    assert "24 JP" in pesan and "PP 49/2018 Pasal 40" in pesan
    assert "sudah 8, terjadwal 8, program ini 16 — jumlah 32 JP, lebih 8 JP" in pesan
    assert not Peserta.objects.filter(sesi=sesi).exists()  # nothing written
    req = s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, sadar_batas_pppk=True, hari_ini=HARI)
    assert req.status == "diajukan"
    assert (
        req.keterangan.startswith("Diajukan dengan peringatan") and "lebih 8 JP" in req.keterangan
    )


def test_a_pppk_within_24_jp_and_a_pns_past_it_are_not_warned():
    pppk = _pppk_dengan_jp(8)
    pns = PegawaiFactory()
    PesertaFactory(pegawai=pns, sesi=SesiFactory(program__jumlah_jp=40), lulus=True)
    sesi = SesiFactory(program__jumlah_jp=16)  # 8 + 16 = 24: the ceiling, not past it
    for peg in (pppk, pns):
        req = s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, hari_ini=HARI)
        assert req.status == "diajukan" and req.keterangan == ""


def test_the_ceiling_counts_the_session_year_and_ignores_other_years_and_cancelled():
    peg = PegawaiFactory(pppk=True)
    lama = SesiFactory(
        program__jumlah_jp=24,
        tanggal_mulai=dt.date(2025, 3, 2),
        tanggal_selesai=dt.date(2025, 3, 6),
    )
    PesertaFactory(pegawai=peg, sesi=lama, lulus=True)  # 2025's JP
    PesertaFactory(pegawai=peg, sesi=SesiFactory(program__jumlah_jp=24), status="batal")
    PesertaFactory(pegawai=peg, sesi=SesiFactory(program__jumlah_jp=24), status="diajukan")
    sesi = SesiFactory(program__jumlah_jp=24)
    req = s.peserta_submit(sesi=sesi, pegawai=peg, oleh=None, hari_ini=HARI)
    assert req.keterangan == ""
    from pelatihan.selectors import batas_pppk, beban_jp

    assert beban_jp([peg.pk], 2025)[peg.pk].diakui == 24
    b = batas_pppk([peg], sesi)[peg.pk]
    assert (b.tahun, b.beban.jumlah, b.jumlah, b.lebih) == (2026, 0, 24, 0)
    # HR's enrolment of the request is not refused (a warning, see peserta_submit).
