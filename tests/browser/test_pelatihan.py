"""A unit head reviews their unit's training needs; HR enrols the group the needs name into a
session and watches the background task's progress reach done (a real worker process)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pelatihan.models import Peserta, Program, Sesi
from tests.akses_data import buat_organisasi
from tests.browser.test_login import _login, _screenshot
from tests.tugas.conftest import ROOT, perintah_worker

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_unit_head_reviews_needs_and_hr_enrols_the_group_with_progress(
    page: Page, live_server, monkeypatch
):
    org = buat_organisasi()
    program = Program.objects.create(
        kode="EL", nama="E-learning Core Values ASN", jenis="nonklasikal", bentuk="e_learning",
        kelompok="manajerial", sifat="soft", jumlah_jp=20,
    )  # fmt: skip
    hari = timezone.localdate()
    sesi = Sesi.objects.create(
        program=program, nama="Angkatan Uji", tanggal_mulai=hari + dt.timedelta(days=7),
        tanggal_selesai=hari + dt.timedelta(days=9), moda="daring", kapasitas=50,
        penyelenggara="daring",
    )  # fmt: skip
    base = live_server.url

    # The unit head: their unit's needs, each with its source and programs; no enrol button.
    _login(page, base, "pimpinan")
    page.get_by_role("link", name="Kebutuhan pelatihan").click()
    expect(page.get_by_role("heading", name=re.compile("Kebutuhan pengembangan"))).to_be_visible()
    kartu = page.locator("article", has_text=org.pegawai_a.nama)
    expect(kartu).to_contain_text("kurang 20 JP")
    expect(kartu).to_contain_text("E-learning Core Values ASN")
    expect(page.locator("article", has_text=org.pegawai_b.nama)).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Daftarkan ke"))).to_have_count(0)
    _screenshot(page, "kebutuhan-pimpinan")
    page.get_by_role("button", name=re.compile("Keluar")).click()

    # HR: the needs answered by the program, then the session's bulk enrolment, as a task.
    monkeypatch.setattr("pelatihan.tasks.MASSAL_LATAR", 1)
    _login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/pelatihan/kebutuhan/?sumber=jp&program={program.pk}")
    page.get_by_role("link", name="Daftarkan ke Angkatan Uji").click()
    expect(page.get_by_role("heading", name="Pendaftaran massal")).to_be_visible()
    isian = page.get_by_label("NIP pegawai (satu per baris)")
    expect(isian).to_contain_text(org.pegawai_a.nip)
    _screenshot(page, "daftar-massal")
    page.get_by_role("button", name="Daftarkan").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    blok = page.locator(".progres")
    expect(blok.locator("[data-progres-status]")).to_have_text("Menunggu giliran")
    cmd, env = perintah_worker("--batch")
    worker = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        expect(blok.locator("[data-progres-status]")).to_have_text("Selesai", timeout=60_000)
        assert worker.wait(timeout=60) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    expect(blok.locator("[data-progres-persen]")).to_have_text("100%")
    expect(blok.locator("[data-progres-pesan]")).to_contain_text("didaftarkan ke")
    _screenshot(page, "daftar-massal-selesai")
    n = Peserta.objects.filter(sesi=sesi).count()
    assert n >= 2 and Sesi.objects.get(pk=sesi.pk).jumlah_peserta == n
