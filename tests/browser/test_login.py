"""Each role logs in through the real login page in Chromium and sees what its role allows."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.alat import login, tangkap_layar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_logs_in_and_sees_every_unit(page: Page, live_server, org):
    login(page, live_server.url, "hr.bkpsdm")
    expect(page.get_by_role("heading", name="Ringkasan jabatan")).to_be_visible()
    tangkap_layar(page, "beranda-hr")
    page.get_by_role("link", name="Administrasi").click()
    page.get_by_role("link", name="Pegawai", exact=True).first.click()
    expect(page.get_by_text("Baiq Nurul Aini")).to_be_visible()
    expect(page.get_by_text("Lalu Ahmad Zaini")).to_be_visible()


def test_a_unit_head_logs_in_and_sees_only_their_unit(page: Page, live_server, org):
    login(page, live_server.url, "pimpinan")
    expect(page.get_by_role("heading", name="Dinas Kesehatan")).to_be_visible()  # their unit
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/")
    expect(page.get_by_text("Baiq Nurul Aini")).to_be_visible()
    expect(page.get_by_text("Lalu Ahmad Zaini")).to_have_count(0)
    # No add button: a unit head reads, HR writes.
    expect(page.get_by_role("link", name=re.compile("Tambah pegawai", re.I))).to_have_count(0)
    tangkap_layar(page, "pegawai-pimpinan")
    response = page.goto(f"{live_server.url}/admin/pegawai/pegawai/{org.pegawai_b.pk}/change/")
    assert response.status == 404


def test_an_employee_logs_in_and_sees_their_own_record(page: Page, live_server, org):
    login(page, live_server.url, "pegawai")
    page.get_by_role("link", name="Data saya", exact=True).click()  # the menu
    expect(page.get_by_role("heading", name=re.compile("Baiq Nurul Aini"))).to_be_visible()
    expect(page.get_by_text(org.pegawai_a.nip_tercetak)).to_be_visible()
    tangkap_layar(page, "saya-pegawai")
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_the_public_sees_the_welcome_and_no_personal_data(page: Page, live_server, org):
    page.goto(live_server.url)
    # The home page is the public side's transparency page (publik).
    expect(
        page.get_by_role("heading", name="Transparansi jabatan dan pelayanan publik")
    ).to_be_visible()
    expect(page.get_by_text("Baiq Nurul Aini")).to_have_count(0)
    tangkap_layar(page, "beranda-publik")


def test_repeated_wrong_passwords_lock_the_login(page: Page, live_server, org):
    for _ in range(5):
        login(page, live_server.url, "pimpinan", "bukan-sandinya")
    expect(page.get_by_role("heading", name="Akun terkunci sementara")).to_be_visible()
    tangkap_layar(page, "terkunci")
    login(page, live_server.url, "pimpinan")  # the right password no longer opens it
    expect(page.get_by_role("heading", name="Akun terkunci sementara")).to_be_visible()
