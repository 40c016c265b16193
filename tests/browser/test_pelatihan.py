"""A unit head reviews their unit's training needs; HR reviews the group the needs propose for a
session, unticks one, enrols the others and lands on the participant list (and a large group
runs as a background task whose progress reaches done, a real worker process); a PPPK on a
phone reads the 24 JP warning before sending a request, and HR sees it on the request."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pegawai.roles import PEGAWAI
from pelatihan.models import Peserta, Program, Sesi
from tests.akses_data import buat_organisasi, buat_user
from tests.browser.alat import kerjakan, login, tangkap_layar
from tests.factories import PegawaiFactory

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.lambat
def test_unit_head_reviews_needs_and_hr_enrols_the_group_with_progress(
    page: Page, live_server, monkeypatch
):
    org = buat_organisasi()
    program = Program.objects.create(
        kode="EL",
        nama="E-learning Core Values ASN",
        jenis="nonklasikal",
        bentuk="e_learning",
        kelompok="manajerial",
        sifat="soft",
        jumlah_jp=20,
    )
    hari = timezone.localdate()
    sesi = Sesi.objects.create(
        program=program,
        nama="Angkatan Uji",
        tanggal_mulai=hari + dt.timedelta(days=7),
        tanggal_selesai=hari + dt.timedelta(days=9),
        moda="daring",
        kapasitas=50,
        penyelenggara="daring",
    )
    base = live_server.url

    # The unit head: their unit's needs, each with its source and programs; no enrol button.
    login(page, base, "pimpinan")
    page.get_by_role("link", name="Kebutuhan pelatihan").click()
    expect(page.get_by_role("heading", name=re.compile("Kebutuhan pengembangan"))).to_be_visible()
    kartu = page.locator("article", has_text=org.pegawai_a.nama)
    expect(kartu).to_contain_text("kurang 20 JP")
    expect(kartu).to_contain_text("E-learning Core Values ASN")
    expect(page.locator("article", has_text=org.pegawai_b.nama)).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Daftarkan ke"))).to_have_count(0)
    tangkap_layar(page, "kebutuhan-pimpinan")
    page.get_by_role("button", name=re.compile("Keluar")).click()

    # HR: the needs answered by the program, then the session's bulk enrolment, as a task.
    monkeypatch.setattr("pelatihan.tasks.MASSAL_LATAR", 1)
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/pelatihan/kebutuhan/?sumber=jp&program={program.pk}")
    page.get_by_role("link", name="Daftarkan ke Angkatan Uji").click()
    expect(page.get_by_role("heading", name="Pendaftaran massal")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(org.pegawai_a.nama))).to_be_visible()
    tangkap_layar(page, "daftar-massal")
    page.get_by_role("button", name="Daftarkan yang dicentang").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    expect(page.locator(".progres [data-progres-status]")).to_have_text("Menunggu giliran")
    kerjakan(page, "didaftarkan ke")
    tangkap_layar(page, "daftar-massal-selesai")
    n = Peserta.objects.filter(sesi=sesi).count()
    assert n >= 2 and Sesi.objects.get(pk=sesi.pk).jumlah_peserta == n


def _program_dan_sesi(nama: str, jp: int, sesi: str = "Angkatan Uji"):
    program = Program.objects.create(
        kode=sesi[-10:],
        nama=nama,
        jenis="nonklasikal",
        bentuk="e_learning",
        kelompok="manajerial",
        sifat="soft",
        jumlah_jp=jp,
    )
    hari = timezone.localdate()
    return Sesi.objects.create(
        program=program,
        nama=sesi,
        tanggal_mulai=hari + dt.timedelta(days=7),
        tanggal_selesai=hari + dt.timedelta(days=9),
        moda="daring",
        kapasitas=50,
        penyelenggara="daring",
    )


def test_hr_unticks_one_enrols_the_others_and_lands_on_the_participant_list(
    page: Page, live_server
):
    org = buat_organisasi()
    ketiga = PegawaiFactory(nama="Dewa Ayu Ketiga", unit_kerja=org.bidang_a)
    sesi = _program_dan_sesi("E-learning Core Values ASN", 20)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "hr.bkpsdm")
    page.goto(f"{live_server.url}/pelatihan/kebutuhan/?sumber=jp&program={sesi.program.pk}")
    page.get_by_role("link", name="Daftarkan ke Angkatan Uji").click()
    expect(page.get_by_role("heading", name=re.compile("Periksa usulan"))).to_be_visible()
    baris_a = page.get_by_role("row", name=re.compile(org.pegawai_a.nama))
    expect(baris_a).to_contain_text(org.bidang_a.nama)
    expect(baris_a).to_contain_text("kurang 20 JP")
    expect(baris_a).to_contain_text(org.pegawai_a.nip_tercetak)
    for p in (org.pegawai_a, org.pegawai_b, ketiga):
        expect(page.get_by_label(f"Daftarkan {p.nama_lengkap}")).to_be_checked()
    # Every column is in view at 1280 px: the table does not scroll sideways.
    lebar = page.evaluate(
        "() => [...document.querySelectorAll('.tabel-gulir')]"
        ".map(e => e.scrollWidth - e.clientWidth)"
    )
    assert max(lebar) <= 1, lebar
    page.get_by_label(f"Daftarkan {org.pegawai_b.nama_lengkap}").uncheck()
    tangkap_layar(page, "daftar-massal-tinjau-1280")
    page.get_by_role("button", name="Daftarkan yang dicentang").click()
    expect(page).to_have_url(re.compile(rf"/pelatihan/sesi/{sesi.pk}/peserta/$"))
    expect(page.get_by_role("heading", name="Peserta sesi")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="didaftarkan")).to_be_visible()
    tabel = page.locator("#peserta table")
    expect(tabel).to_contain_text(org.pegawai_a.nama)
    expect(tabel).to_contain_text(ketiga.nama)
    expect(tabel).not_to_contain_text(org.pegawai_b.nama)
    expect(tabel).to_contain_text(org.bidang_a.nama)
    tangkap_layar(page, "peserta-sesi-1280")
    enrolled = set(Peserta.objects.filter(sesi=sesi).values_list("pegawai_id", flat=True))
    assert org.pegawai_b.pk not in enrolled and {org.pegawai_a.pk, ketiga.pk} <= enrolled
    page.get_by_role("button", name=re.compile("Keluar")).click()

    # The unit head of A on a phone: their unit's participants only, nothing sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "pimpinan")
    page.goto(f"{live_server.url}/pelatihan/sesi/{sesi.pk}/peserta/")
    tabel = page.locator("#peserta table")
    expect(tabel).to_contain_text(org.pegawai_a.nama)
    expect(tabel).not_to_contain_text("Dinas Pendidikan")
    expect(page.get_by_role("link", name="Pendaftaran massal")).to_have_count(0)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    tangkap_layar(page, "peserta-sesi-pimpinan-390")


def test_a_pppk_on_a_phone_reads_the_24_jp_warning_before_sending_and_hr_sees_it(
    page: Page, live_server
):
    org = buat_organisasi()
    pppk = PegawaiFactory(pppk=True, nama="Ni Made Kontrak", unit_kerja=org.bidang_a)
    buat_user("pppk", PEGAWAI, staff=False, pegawai=pppk)
    lalu = _program_dan_sesi("Pelatihan Pelayanan Prima", 16, "Angkatan Lalu")
    Peserta.objects.create(sesi=lalu, pegawai=pppk)  # 16 JP under way this year
    sesi = _program_dan_sesi("Pelatihan Arsip Digital", 16, "Angkatan Arsip")
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "pppk")
    page.goto(f"{live_server.url}/pelatihan/saya/")
    baris = page.locator("tr.baris-peringatan", has_text="Pelatihan Arsip Digital")
    peringatan = baris.locator(".batas-pppk")
    expect(peringatan).to_be_visible()
    expect(peringatan).to_contain_text("Melewati batas 24 JP")
    expect(peringatan).to_contain_text("lebih 8 JP")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    tangkap_layar(page, "saya-batas-pppk-390")
    # The browser does not send it before the warning is acknowledged.
    baris.get_by_role("button", name="Tetap ajukan").click()
    assert not Peserta.objects.filter(sesi=sesi).exists()
    baris.get_by_label("Saya sudah membaca peringatan batas JP").check()
    baris.get_by_role("button", name="Tetap ajukan").click()
    expect(page.get_by_role("status").filter(has_text="tercatat")).to_be_visible()
    assert Peserta.objects.get(sesi=sesi, pegawai=pppk).status == "diajukan"
    page.get_by_role("button", name=re.compile("Keluar")).click()

    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "hr.bkpsdm")
    page.goto(f"{live_server.url}/pelatihan/sesi/{sesi.pk}/peserta/?status=diajukan")
    baris = page.get_by_role("row", name=re.compile("Ni Made Kontrak"))
    expect(baris).to_contain_text("Diajukan pegawai")
    expect(baris.locator(".batas-pppk")).to_contain_text("lebih 8 JP")
    tangkap_layar(page, "peserta-pengajuan-pppk-1280")
    # The same warning on the bulk enrolment's review, beside "asked to join"; HR decides.
    page.get_by_role("link", name="Pendaftaran massal").click()
    baris = page.get_by_role("row", name=re.compile("Ni Made Kontrak"))
    expect(baris).to_contain_text("Mengajukan diri ikut sesi ini")
    expect(baris.locator(".batas-pppk")).to_contain_text("lebih 8 JP")
    tangkap_layar(page, "daftar-massal-pppk-1280")
    page.get_by_role("button", name="Daftarkan yang dicentang").click()
    expect(page).to_have_url(re.compile(rf"/pelatihan/sesi/{sesi.pk}/peserta/$"))
    assert Peserta.objects.get(sesi=sesi, pegawai=pppk).status == "terdaftar"
