"""Pages of pelatihan: the JP dashboard (scoped, filtered, sorted, paged, exported, bounded in
queries), /saya/ (JP, needs, open sessions, asking to join, external training), the needs
page and HR's bulk enrolment (inline and as a background task)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pegawai.capability import LEADER, demand
from pegawai.kompetensi import KODE
from pegawai.models import HasilAsesmen
from pelatihan.models import PelatihanEksternal, Peserta
from tests.akses_data import hr_tanpa, klien
from tests.factories import PegawaiFactory, skp_final
from tests.pelatihan.factories import (
    PesertaFactory,
    ProgramFactory,
    ProgramKompetensiFactory,
    SesiFactory,
)

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def _sesi(tahun=TAHUN, jp=24, **kw):
    program = kw.pop("program", None) or ProgramFactory(jumlah_jp=jp)
    return SesiFactory(
        program=program,
        tanggal_mulai=dt.date(tahun, 3, 2),
        tanggal_selesai=dt.date(tahun, 3, 6),
        **kw,
    )


def _lulus(pegawai, jp=24, tahun=TAHUN):
    return PesertaFactory(pegawai=pegawai, sesi=_sesi(tahun, jp), lulus=True)


def test_the_dashboard_is_for_unit_heads_and_hr(org):
    assert klien(org.users["pegawai"]).get(reverse("pelatihan:dasbor")).status_code == 403
    assert klien(org.users["pimpinan"]).get(reverse("pelatihan:dasbor")).status_code == 200


def test_the_dashboard_shows_the_share_meeting_20_jp_in_scope(org):
    _lulus(org.pegawai_a, 20)
    _lulus(org.pegawai_b, 30)  # another unit: the unit head of A never counts it
    r = klien(org.users["pimpinan"]).get(reverse("pelatihan:dasbor"))
    body = r.content.decode()
    assert org.pegawai_a.nama in body and org.pegawai_b.nama not in body
    d = r.context["d"]
    assert (d.pns, d.pns_memenuhi) == (2, 1)  # pegawai A and the unit head
    assert "<svg" in body
    hr = klien(org.users["hr"]).get(reverse("pelatihan:dasbor")).context["d"]
    assert (hr.pns, hr.pns_memenuhi) == (4, 2)


def test_the_dashboard_filters_sorts_and_refuses_bad_filters(org):
    _lulus(org.pegawai_a, 20)
    c = klien(org.users["hr"])
    r = c.get(reverse("pelatihan:dasbor"), {"memenuhi": "tidak", "urut": "-jp"})
    names = [p.nama for p in r.context["halaman"]]
    assert org.pegawai_a.nama not in names and len(names) == 3
    r = c.get(reverse("pelatihan:dasbor"), {"urut": "-jp"})
    assert next(p.nama for p in r.context["halaman"]) == org.pegawai_a.nama
    r = c.get(reverse("pelatihan:dasbor"), {"q": org.pegawai_a.nip[:8]})
    assert [p.pk for p in r.context["halaman"]] == [org.pegawai_a.pk]
    assert c.get(reverse("pelatihan:dasbor"), {"tahun": "1990"}).status_code == 400
    assert c.get(reverse("pelatihan:dasbor"), {"unit": org.unit_b.pk}).status_code == 200
    assert (
        klien(org.users["pimpinan"])
        .get(reverse("pelatihan:dasbor"), {"unit": org.unit_b.pk})
        .status_code
        == 400
    )


def test_the_dashboard_query_count_does_not_grow_with_rows(org, django_assert_max_num_queries):
    for i in range(60):
        _lulus(PegawaiFactory(unit_kerja=org.bidang_a), 10 + i)
    c = klien(org.users["hr"])
    # session + user + groups/permissions (3), the scope, the unit filter's choices, the
    # group units (2), the grouped unit table, the page's COUNT and rows, the menu's SKP check
    with django_assert_max_num_queries(12):
        r = c.get(reverse("pelatihan:dasbor"))
    assert r.status_code == 200 and len(r.context["halaman"]) == 50


def test_the_exports_hold_every_row_in_scope_and_are_logged(org, unduh_ekspor):
    """Each table is a background task started by a POST (HR's employee table is the city)."""
    from pegawai.models import CatatanEkspor
    from tugas.models import Progres

    _lulus(org.pegawai_a, 20)
    isi = unduh_ekspor(
        klien(org.users["pimpinan"]), reverse("pelatihan:ekspor", args=["pegawai", "csv"])
    )
    rows = list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "NIP" and {row[1] for row in rows[1:]} >= {org.pegawai_a.nama_lengkap}
    assert all(org.pegawai_b.nip != row[0] for row in rows)
    isi = unduh_ekspor(klien(org.users["hr"]), reverse("pelatihan:ekspor", args=["unit", "xlsx"]))
    assert isi[:2] == b"PK"  # an XLSX (a ZIP)
    assert CatatanEkspor.objects.filter(data__startswith="pelatihan.").count() == 2
    dimulai = (Progres.objects.count(), CatatanEkspor.objects.count())
    assert (
        klien(org.users["hr"]).post(reverse("pelatihan:ekspor", args=["x", "csv"])).status_code
        == 404
    )
    # A filter value the dashboard refuses: the dashboard with its error, nothing queued.
    r = klien(org.users["hr"]).post(
        reverse("pelatihan:ekspor", args=["unit", "csv"]) + "?tahun=abc"
    )
    assert r.status_code == 400 and r.templates[0].name == "pelatihan/dasbor.html"
    assert (Progres.objects.count(), CatatanEkspor.objects.count()) == dimulai


def test_saya_shows_jp_needs_and_open_sessions(org, django_assert_max_num_queries):
    _lulus(org.pegawai_a, 8)
    terbuka = SesiFactory(
        tanggal_mulai=timezone.localdate() + dt.timedelta(days=10),
        tanggal_selesai=timezone.localdate() + dt.timedelta(days=12),
    )
    c = klien(org.users["pegawai"])
    # auth and menu (5), the employee, history (2) and this year's JP (2), the needs' data
    # (SKPs, assessments, talent bands, JP 2, leadership 2, jabatan's provider: placements,
    # positions, proposals, successors), the catalogue (2), open sessions: fixed, whatever the
    # history's length.
    with django_assert_max_num_queries(25):
        r = c.get(reverse("pelatihan:saya"))
    body = r.content.decode()
    assert r.context["r"].jp == 8
    assert "kurang 12 JP" in body  # the JP need
    assert terbuka.program.nama in body
    assert klien(org.users["hr"]).get(reverse("pelatihan:saya")).status_code == 403
    saya = c.get(reverse("saya")).content.decode()
    assert reverse("pelatihan:saya") in saya


def test_an_employee_asks_to_join_and_sees_the_refusal_the_second_time(org):
    sesi = SesiFactory(
        tanggal_mulai=timezone.localdate() + dt.timedelta(days=10),
        tanggal_selesai=timezone.localdate() + dt.timedelta(days=12),
    )
    c = klien(org.users["pegawai"])
    r = c.post(reverse("pelatihan:ajukan", args=[sesi.pk]), follow=True)
    assert Peserta.objects.get(sesi=sesi).status == "diajukan"
    assert "tercatat" in r.content.decode()
    r = c.post(reverse("pelatihan:ajukan", args=[sesi.pk]), follow=True)
    assert "sudah tercatat" in r.content.decode()
    assert c.get(reverse("pelatihan:ajukan", args=[sesi.pk])).status_code == 405


def test_a_pppk_sees_the_24_jp_warning_before_sending_and_hr_sees_it_on_the_request(org):
    pppk = PegawaiFactory(pppk=True, nama="Ni Made PPPK", unit_kerja=org.bidang_a)
    _lulus(pppk, 16)
    from pegawai.roles import PEGAWAI
    from tests.akses_data import buat_user

    c = Client()
    c.force_login(buat_user("pppk", PEGAWAI, staff=False, pegawai=pppk))
    sesi = _sesi_depan(program=ProgramFactory(jumlah_jp=16), kapasitas=5)
    ringan = _sesi_depan(program=ProgramFactory(jumlah_jp=8), kapasitas=5)
    r = c.get(reverse("pelatihan:saya"))
    body = r.content.decode()
    assert f'id="batas-{sesi.pk}"' in body and f'id="batas-{ringan.pk}"' not in body
    assert "jumlah 32 JP, lebih 8 JP" in body and "Tetap ajukan" in body
    assert 'name="sadar_batas_pppk" value="1" required' in body
    url = reverse("pelatihan:ajukan", args=[sesi.pk])
    r = c.post(url, follow=True)  # without ticking: refused, the warning shown
    assert "lebih 8 JP" in r.content.decode()
    assert not Peserta.objects.filter(sesi=sesi).exists()
    c.post(url, {"sadar_batas_pppk": "1"})
    assert Peserta.objects.get(sesi=sesi, pegawai=pppk).status == "diajukan"
    # HR: on the participant list (requests) and on the bulk enrolment's review.
    hr = klien(org.users["hr"])
    r = hr.get(reverse("pelatihan:peserta", args=[sesi.pk]), {"status": "diajukan"})
    body = r.content.decode()
    assert "Ni Made PPPK" in body and "lebih 8 JP" in body and "batas-pppk" in body
    r = hr.get(reverse("pelatihan:daftar_massal", args=[sesi.pk]))
    baris = {b.pegawai.pk: b for b in r.context["u"].baris}
    assert baris[pppk.pk].batas.lebih == 8
    assert any("Mengajukan diri" in a for a in baris[pppk.pk].alasan)
    # HR decides: the enrolment is not refused.
    r = hr.post(reverse("pelatihan:daftar_massal", args=[sesi.pk]), {"pegawai": [pppk.pk]})
    assert r.status_code == 302
    assert Peserta.objects.get(sesi=sesi, pegawai=pppk).status == "terdaftar"


def test_an_employee_records_external_training_with_evidence(org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    c = klien(org.users["pegawai"])
    data = {
        "nama": "Kursus Python",
        "penyelenggara": "Digitalent",
        "kelompok": "teknis",
        "tanggal_mulai": "2026-01-05",
        "tanggal_selesai": "2026-01-09",
        "jumlah_jp": "16",
        "nomor_sertifikat": "DTS/1",
    }
    r = c.post(reverse("pelatihan:eksternal"), {**data, "bukti": SimpleUploadedFile("a.exe", b"x")})
    assert r.status_code == 400 and "PDF" in r.content.decode()
    r = c.post(
        reverse("pelatihan:eksternal"),
        {
            **data,
            "tanggal_selesai": "2025-01-01",
            "bukti": SimpleUploadedFile("a.pdf", b"%PDF-1.4"),
        },
    )
    assert r.status_code == 400 and "sebelum tanggal mulai" in r.content.decode()
    r = c.post(
        reverse("pelatihan:eksternal"), {**data, "bukti": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}
    )
    assert r.status_code == 302
    e = PelatihanEksternal.objects.get()
    assert e.pegawai == org.pegawai_a and e.status == "diajukan"


def test_the_needs_page_names_source_and_programs_for_a_unit_head(
    org, django_assert_max_num_queries
):
    program = ProgramFactory(nama="Orientasi Hasil Kerja")
    ProgramKompetensiFactory(program=program, kode="m04", level=3)
    c = klien(org.users["pimpinan"])
    # session, user, permissions (2), the scope, the employees' ids, the catalogue (2), per
    # step of 20,000 employees (one here) their rows and the needs' data (SKPs, assessments,
    # talent bands, JP 2, leadership 2, jabatan's provider: placements, positions, proposals,
    # successors), the page's employees, the menu's SKP check, the filter's units and
    # programs: fixed, whatever the number of employees up to a step.
    with django_assert_max_num_queries(24):
        r = c.get(reverse("pelatihan:kebutuhan"))
    body = r.content.decode()
    assert r.status_code == 200
    assert org.pegawai_a.nama in body and org.pegawai_b.nama not in body
    assert "kurang 20 JP" in body
    assert not r.context["boleh_daftar"]  # unit heads read only
    r = c.get(reverse("pelatihan:kebutuhan"), {"sumber": "jp"})
    assert all(k.sumber == "jp" for _p, ks in r.context["h"].baris for k in ks)
    assert c.get(reverse("pelatihan:kebutuhan"), {"sumber": "x"}).status_code == 400
    assert klien(org.users["pegawai"]).get(reverse("pelatihan:kebutuhan")).status_code == 403


def _sesi_depan(**kw):
    return SesiFactory(
        tanggal_mulai=timezone.localdate() + dt.timedelta(days=10),
        tanggal_selesai=timezone.localdate() + dt.timedelta(days=12),
        **kw,
    )


def _usulan(org, sesi, **extra):
    """HR's review of the session's proposal (the needs answering its program, "kurang 20 JP")."""
    return klien(org.users["hr"]).get(reverse("pelatihan:daftar_massal", args=[sesi.pk]), extra)


def test_hr_reviews_who_is_proposed_and_why_and_get_writes_nothing(
    org, django_assert_max_num_queries
):
    sesi = _sesi_depan(kapasitas=5)
    ketiga = PegawaiFactory(nama="Ketiga Uji", unit_kerja=org.bidang_a)
    _lulus(ketiga, 8)
    PegawaiFactory.create_batch(15, unit_kerja=org.unit_b)  # more rows, not more queries
    c = klien(org.users["hr"])
    url = reverse("pelatihan:daftar_massal", args=[sesi.pk])
    # session, user, permissions (2), scope, the needs analysis (as the needs page: ids,
    # catalogue 2, rows, SKPs, assessments, talent bands, JP 2, leadership 2, jabatan's
    # provider 4), the rows' employees, this session's enrolments, the rows' JP (3) and the
    # PPPK ceiling's (3), the session's seats, the menu, the filter's units and programs:
    # fixed, whatever the number of rows.
    with django_assert_max_num_queries(36):
        r = c.get(url)
    assert r.status_code == 200
    body = r.content.decode()
    baris = {b.pegawai.pk: b for b in r.context["u"].baris}
    assert {org.pegawai_a.pk, org.pegawai_b.pk, ketiga.pk} <= set(baris)
    assert "kurang 20 JP" in " ".join(baris[org.pegawai_a.pk].alasan)
    assert "Kurang dari 20 JP: baru 8 JP tahun ini" in body  # ketiga's JP, said once
    assert baris[ketiga.pk].jp.diakui == 8 and baris[ketiga.pk].jp_disebut
    assert f"JP {sesi.tanggal_selesai.year}: 8 dari minimal 20" == baris[ketiga.pk].jp_teks
    assert org.bidang_a.nama in body and ketiga.nip_tercetak in body
    assert body.count('name="pegawai"') == len(baris) and "checked" in body
    assert not Peserta.objects.filter(sesi=sesi).exists()  # a GET writes nothing
    assert c.get(url, {"sumber": "x"}).status_code == 400
    # A unit's filter narrows the proposal.
    r = c.get(url, {"unit": org.unit_b.pk})
    assert org.pegawai_b.pk in r.context["u"].ids and org.pegawai_a.pk not in r.context["u"].ids
    # Not HR: refused.
    assert klien(org.users["pimpinan"]).get(url).status_code == 403
    assert (
        klien(org.users["pimpinan"]).post(url, {"pegawai": [org.pegawai_a.pk]}).status_code == 403
    )
    assert not Peserta.objects.filter(sesi=sesi).exists()


def test_hr_enrols_exactly_the_ticked_and_lands_on_the_participant_list(org):
    sesi = _sesi_depan(kapasitas=5)
    ketiga = PegawaiFactory(nama="Ketiga Uji", unit_kerja=org.bidang_a)
    c = klien(org.users["hr"])
    url = reverse("pelatihan:daftar_massal", args=[sesi.pk])
    r = c.post(url, {"pegawai": [org.pegawai_a.pk, ketiga.pk]})  # pegawai_b unticked
    assert r.status_code == 302
    assert r["Location"] == reverse("pelatihan:peserta", args=[sesi.pk])
    assert set(Peserta.objects.filter(sesi=sesi).values_list("pegawai_id", flat=True)) == {
        org.pegawai_a.pk,
        ketiga.pk,
    }
    r = c.get(r["Location"])
    assert "2 pegawai didaftarkan" in r.content.decode()
    # Enrolled ones are proposed again but cannot be ticked: they say why.
    r = _usulan(org, sesi)
    baris = {b.pegawai.pk: b for b in r.context["u"].baris}
    assert "Sudah terdaftar" in baris[org.pegawai_a.pk].tolak
    assert f'value="{org.pegawai_a.pk}" id="usul-{org.pegawai_a.pk}" aria-label' in (
        r.content.decode()
    )


def test_a_tampered_or_out_of_scope_id_is_refused_and_nothing_written(org):
    sesi = _sesi_depan(kapasitas=5)
    luar = PegawaiFactory(nama="Di Luar Usulan", unit_kerja=org.unit_b)
    _lulus(luar, 24)  # meets 20 JP: not proposed for a JP need
    c = klien(org.users["hr"])
    url = reverse("pelatihan:daftar_massal", args=[sesi.pk])
    for data in (
        {"pegawai": [org.pegawai_a.pk, luar.pk]},  # not proposed
        {"pegawai": [org.pegawai_a.pk, org.pegawai_b.pk], "unit": org.unit_a.pk},  # filtered
        {"pegawai": [org.pegawai_a.pk, "x"]},  # not a number
        {"pegawai": [999999]},  # no such employee
        {},  # nobody ticked
    ):
        r = c.post(url, data)
        assert r.status_code == 400, data
        assert "Pegawai:" in r.content.decode()
        assert not Peserta.objects.filter(sesi=sesi).exists()
    assert sesi.__class__.objects.get(pk=sesi.pk).jumlah_peserta == 0


def test_bulk_enrolment_is_all_or_nothing_unless_hr_asks_for_the_valid_ones(org):
    sesi = _sesi_depan(kapasitas=1)
    c = klien(org.users["hr"])
    url = reverse("pelatihan:daftar_massal", args=[sesi.pk])
    ids = [org.pegawai_a.pk, org.pegawai_b.pk]
    r = c.post(url, {"pegawai": ids})
    body = r.content.decode()
    assert r.status_code == 400 and "Tidak ada yang didaftarkan" in body and "penuh" in body
    assert not Peserta.objects.filter(sesi=sesi).exists()
    assert f'value="{org.pegawai_b.pk}"' in body and r.context["dipilih"] == set(ids)
    r = c.post(url, {"pegawai": ids, "hanya_yang_sah": "on"}, follow=True)
    assert Peserta.objects.filter(sesi=sesi).count() == 1
    assert "Dilewati" in r.content.decode()


def test_a_large_bulk_enrolment_runs_as_a_task_with_its_errors_listed(
    org, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from tugas.models import Progres

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr("pelatihan.tasks.MASSAL_LATAR", 2)
    sesi = _sesi_depan(kapasitas=150)
    pegawai = [PegawaiFactory(unit_kerja=org.bidang_a) for _ in range(3)]
    c = klien(org.users["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(
            reverse("pelatihan:daftar_massal", args=[sesi.pk]),
            {"pegawai": [p.pk for p in pegawai], "hanya_yang_sah": "on"},
        )
    assert r.status_code == 302 and r["Location"].startswith("/tugas/")
    progres = Progres.objects.get()
    assert progres.status == "selesai" and progres.jumlah_galat == 0
    assert progres.url_kembali == reverse("pelatihan:peserta", args=[sesi.pk])
    assert Peserta.objects.filter(sesi=sesi).count() == 3
    assert c.get(r["Location"]).status_code == 200


def test_the_participant_list_is_scoped_filtered_sorted_and_exported(
    org, django_assert_max_num_queries
):
    sesi = _sesi_depan(kapasitas=10)
    PesertaFactory(sesi=sesi, pegawai=org.pegawai_a)
    PesertaFactory(sesi=sesi, pegawai=org.pegawai_b, status="diajukan")
    for _ in range(6):
        PesertaFactory(sesi=sesi, pegawai=PegawaiFactory(unit_kerja=org.bidang_a))
    for _ in range(3):  # PPPK rows: the ceiling's three queries once for the page
        PesertaFactory(sesi=sesi, pegawai=PegawaiFactory(pppk=True, unit_kerja=org.bidang_a))
    url = reverse("pelatihan:peserta", args=[sesi.pk])
    hr = klien(org.users["hr"])
    # session, user, permissions (2), scope, the session, count, page rows, the PPPK ceiling
    # (3: JP 2, under way 1), the menu, the filter's units: fixed, whatever the number of rows.
    with django_assert_max_num_queries(16):
        r = hr.get(url)
    body = r.content.decode()
    assert r.status_code == 200 and "11 peserta" in body
    assert org.bidang_a.nama in body and "Diajukan pegawai" in body
    r = hr.get(url, {"status": "diajukan"})
    assert [p.pegawai for p in r.context["halaman"]] == [org.pegawai_b]
    r = hr.get(url, {"q": org.pegawai_a.nip[:8], "urut": "-nama"})
    assert org.pegawai_a in [p.pegawai for p in r.context["halaman"]]
    assert hr.get(url, {"status": "x"}).status_code == 400
    assert hr.get(url, {"urut": "x"}).status_code == 400
    # The admin link for the status changes opens the session's rows.
    r = hr.get(reverse("admin:pelatihan_peserta_changelist"), {"sesi__id__exact": sesi.pk})
    assert r.status_code == 200 and r.context["cl"].result_count == 11
    # A unit head of B sees only B's row; an employee nothing.
    r = klien(org.users["pimpinan_lain"]).get(url)
    assert [p.pegawai for p in r.context["halaman"]] == [org.pegawai_b]
    assert klien(org.users["pegawai"]).get(url).status_code == 403
    # Export: every filtered row in scope, logged.
    r = hr.post(reverse("pelatihan:peserta_ekspor", args=[sesi.pk, "csv"]) + "?status=terdaftar")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "NIP" and len(rows) == 1 + 10
    assert hr.post(reverse("pelatihan:peserta_ekspor", args=[sesi.pk, "pdf"])).status_code == 404
    from pegawai.models import CatatanEkspor

    assert CatatanEkspor.objects.filter(data="pelatihan.peserta").count() == 1


def test_hr_drafts_a_plan_from_the_needs_approves_it_and_the_dashboard_shows_realisation(org):
    from pelatihan.models import RencanaPengembangan

    program = ProgramFactory(nama="E-learning BerAKHLAK", jumlah_jp=20, biaya_per_peserta=100_000)
    c = klien(org.users["hr"])
    url = reverse("pelatihan:rencana")
    r = c.post(url, {"aksi": "setujui", "unit": org.unit_a.pk})
    assert r.status_code == 404  # nothing drafted yet
    c.post(url, {"aksi": "susun", "unit": org.unit_a.pk})
    rencana = RencanaPengembangan.objects.get(unit_kerja=org.unit_a)
    baris = rencana.baris.get(program=program)
    # pegawai A and the unit head lack 20 JP: the cheapest fitting program, one seat each
    assert (baris.jumlah_kursi, int(baris.biaya)) == (2, 200_000)
    r = c.post(url, {"aksi": "setujui", "unit": org.unit_a.pk}, follow=True)
    assert "disetujui" in r.content.decode()
    r = c.post(url, {"aksi": "susun", "unit": org.unit_a.pk}, follow=True)
    assert "tidak dapat disusun ulang" in r.content.decode()
    PesertaFactory(pegawai=org.pegawai_a, sesi=_sesi(program=program), lulus=True)
    d = klien(org.users["pimpinan"]).get(reverse("pelatihan:dasbor")).context["d"]
    (row,) = [b for b in d.rencana if b.program == program.nama]
    assert (row.rencana, row.realisasi, row.persen) == (2, 1, 50.0)
    assert klien(org.users["pimpinan"]).post(url, {"aksi": "susun"}).status_code == 403
    assert "E-learning BerAKHLAK" in klien(org.users["pimpinan"]).get(url).content.decode()


def test_did_it_work_compares_participants_with_similar_non_attendees(
    org, django_assert_max_num_queries
):
    from kinerja.models import Periode

    program = ProgramFactory(nama="Manajemen Kinerja")
    sesi = _sesi(2025, program=program, kapasitas=40)
    p24, p25 = (
        Periode.objects.get_or_create(tahun=t, jenis="tahunan", triwulan=0)[0] for t in (2024, 2025)
    )
    for i in range(24):
        peg = PegawaiFactory(unit_kerja=org.bidang_a)
        ikut = i < 12
        for periode, pr in (
            (p24, "Butuh Perbaikan"),
            (p25, "Baik" if (i % 2 == 0 or (ikut and i < 9)) else "Butuh Perbaikan"),
        ):
            skp_final(peg, periode=periode, predikat=pr, perangkat_daerah=org.unit_a)
        if ikut:
            PesertaFactory(pegawai=peg, sesi=sesi, lulus=True)
        # Assessed before the training year and after it: M.04 rose for 10 participants.
        for tanggal, m04 in ((dt.date(2024, 5, 2), 2), (dt.date(2026, 2, 3), 3 if i < 10 else 2)):
            HasilAsesmen.objects.create(
                pegawai=peg,
                tanggal=tanggal,
                metode="ac",
                asesor="UPT",
                **{**dict.fromkeys(KODE, 2), "m04": m04},
            )
    ProgramKompetensiFactory(program=program, kode="m04", level=3)
    c = klien(org.users["pimpinan"])
    # session, user, permissions (2), the scope, the SKPs, the completions, the programs'
    # names and competencies, the assessments, the menu's checks: fixed, whatever the rows.
    with django_assert_max_num_queries(14):
        r = c.get(reverse("pelatihan:efek"), {"tahun": "2025"})
    (e,) = r.context["efek"]
    assert (e.n_peserta, e.n_pembanding) == (12, 12)
    assert e.naik_peserta == 83.3 and e.naik_pembanding == 50.0
    (k,) = e.kompetensi
    assert (k.kode, k.n_peserta, k.n_pembanding) == ("m04", 12, 12)
    assert (k.awal_peserta, k.akhir_peserta, k.naik_peserta) == (2.0, 2.83, 83.3)
    assert (k.awal_pembanding, k.akhir_pembanding, k.naik_pembanding) == (2.0, 2.0, 0.0)
    body = r.content.decode()
    assert "83,3%" in body and "Level M.04 Orientasi pada Hasil" in body
    assert "2,00 → 2,83" in body
    assert c.get(reverse("pelatihan:efek"), {"tahun": "x"}).status_code == 200


def test_the_city_plan_is_drafted_as_a_background_task_with_progress(
    org, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from pegawai.akses import Lingkup
    from pelatihan import selectors as sel
    from pelatihan.models import RencanaPengembangan
    from pelatihan.selectors import kebutuhan
    from tugas.models import Progres

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(kebutuhan, "UKURAN_BAGIAN", 2)  # several steps over the few employees
    program = ProgramFactory(nama="E-learning BerAKHLAK", jumlah_jp=20, biaya_per_peserta=100_000)
    c = klien(org.users["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(reverse("pelatihan:rencana"), {"aksi": "susun"})
    assert r.status_code == 302 and r["Location"].startswith("/tugas/")
    progres = Progres.objects.get()
    semua = sel.pegawai_dalam_lingkup(Lingkup(semua=True))
    assert progres.status == "selesai", progres.pesan
    assert (progres.selesai, progres.total) == (semua.count(), semua.count())
    assert "Rencana" in progres.pesan and "kursi" in progres.pesan
    kota = RencanaPengembangan.objects.get(unit_kerja=None)
    # The same seats as one step over everyone: the steps change nothing but the progress.
    kursi, _p = sel.usulan_rencana(semua, TAHUN, ukuran=1000)
    assert {b.program_id: b.jumlah_kursi for b in kota.baris.all()} == {
        pid: n for pid, (n, _k) in kursi.items()
    }
    assert kota.baris.get(program=program).jumlah_kursi >= 2
    page = c.get(r["Location"]).content.decode()
    assert "Menyusun rencana pengembangan kompetensi" in page
    # An approved city plan is not drafted again: the task fails with the service's reason.
    from pelatihan import services

    services.rencana_approve(rencana=kota, oleh=org.users["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        c.post(reverse("pelatihan:rencana"), {"aksi": "susun"})
    gagal = Progres.objects.exclude(pk=progres.pk).get()
    assert gagal.status == "gagal" and "tidak dapat disusun ulang" in gagal.pesan
    # Unit heads cannot start it.
    assert (
        klien(org.users["pimpinan"])
        .post(reverse("pelatihan:rencana"), {"aksi": "susun"})
        .status_code
        == 403
    )


def test_the_needs_page_reads_in_steps_and_loads_only_the_page_shown(
    org, monkeypatch, django_assert_num_queries
):
    """A large unit's needs are worked out in steps of ids: the same rows, counts and order as
    in one step; the page's employees are loaded in one query, only those shown."""
    from pelatihan import selectors as sel
    from pelatihan.selectors import kebutuhan

    for i in range(5):
        PegawaiFactory(nama=f"Pegawai Uji {i}", unit_kerja=org.unit_a)
    scope = demand(org.users["hr"], LEADER)
    satu = sel.kebutuhan_halaman(scope, {})
    monkeypatch.setattr(kebutuhan, "UKURAN_BAGIAN", 2)
    bertahap = sel.kebutuhan_halaman(scope, {})
    assert len(satu.baris) >= 6 and list(bertahap.baris) == list(satu.baris)
    assert (bertahap.per_sumber, bertahap.per_program, bertahap.jumlah_pegawai) == (
        satu.per_sumber,
        satu.per_program,
        satu.jumlah_pegawai,
    )
    nama = [p.nama for p, _k in satu.baris]
    assert nama == sorted(nama)
    with django_assert_num_queries(1):  # the employees of the page, with their units
        halaman = bertahap.baris[2:4]
        unit = [p.unit_kerja.nama for p, _k in halaman]
    assert [p.nama for p, _k in halaman] == nama[2:4] and all(unit)


def test_enrolment_and_plan_buttons_show_to_whom_their_post_lets_through(org):
    """The bulk enrolment's link and the plans' forms read the declaration their POST checks
    (pelatihan.views.HR_PESERTA): HR without pelatihan.add_peserta (though holding the plans'
    change permission) see neither and are refused; HR who hold it see both and enrol."""
    sesi = _sesi_depan(kapasitas=5)
    massal = reverse("pelatihan:daftar_massal", args=[sesi.pk])
    peserta = reverse("pelatihan:peserta", args=[sesi.pk])
    rencana = reverse("pelatihan:rencana")
    tanpa = Client()
    tanpa.force_login(hr_tanpa("pelatihan.add_peserta"))
    r = tanpa.get(peserta)
    assert r.status_code == 200 and massal not in r.content.decode()
    assert not tanpa.get(reverse("pelatihan:kebutuhan")).context["boleh_daftar"]
    r = tanpa.get(rencana)
    assert r.status_code == 200 and 'name="aksi"' not in r.content.decode()
    assert tanpa.get(massal).status_code == 403
    assert tanpa.post(massal, {"pegawai": [org.pegawai_a.pk]}).status_code == 403
    assert tanpa.post(rencana, {"aksi": "susun", "unit": org.unit_a.pk}).status_code == 403
    assert not Peserta.objects.filter(sesi=sesi).exists()
    hr = klien(org.users["hr"])
    assert massal in hr.get(peserta).content.decode()
    assert hr.get(reverse("pelatihan:kebutuhan")).context["boleh_daftar"]
    assert 'name="aksi"' in hr.get(rencana).content.decode()
    assert hr.post(massal, {"pegawai": [org.pegawai_a.pk]}).status_code == 302
    assert Peserta.objects.get(sesi=sesi).pegawai == org.pegawai_a
