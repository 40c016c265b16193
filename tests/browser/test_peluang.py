"""An employee finds their chances from the menu and filters to the posts they meet; HR meets
no dead end in the menu and a refusal in the app's layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pegawai.roles import PEGAWAI
from tests.akses_data import buat_organisasi, buat_user
from tests.browser.alat import login, tangkap_layar
from tests.factories import tutup_periode
from tests.jabatan.bantu import buat_calon, kepala_bagian

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_filters_the_posts_they_meet(page: Page, live_server):
    org = buat_organisasi()
    buat_user("calon", PEGAWAI, staff=False, pegawai=buat_calon(org.unit_b))
    kepala_bagian(org.unit_b, "Kepala Bagian Cocok", "III/d")
    kepala_bagian(org.unit_b, "Kepala Bagian Tinggi", "IV/c")
    tutup_periode()
    login(page, live_server.url, "calon")
    page.get_by_role("link", name="Peluang jabatan").click()
    baris = page.get_by_role("row", name="Kepala Bagian Tinggi")
    expect(baris.locator("td.memenuhi")).to_have_text("Tidak")
    expect(page.get_by_role("row", name="Kepala Bagian Cocok").locator("td.memenuhi")).to_have_text(
        "Ya"
    )
    tangkap_layar(page, "peluang-pegawai")
    page.get_by_label("Hanya yang saya penuhi").check()
    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_text("Kepala Bagian Cocok")).to_be_visible()
    expect(page.get_by_text("Kepala Bagian Tinggi")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    tangkap_layar(page, "peluang-pegawai-hp")


def test_hr_sees_no_dead_end_and_a_refusal_in_the_layout(page: Page, live_server):
    buat_organisasi()
    login(page, live_server.url, "hr.bkpsdm")
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.get_by_role("link", name="Data saya")).to_have_count(0)
    expect(nav.get_by_role("link", name="SKP", exact=True)).to_have_count(0)
    page.goto(f"{live_server.url}/saya/")
    expect(page.get_by_role("heading", name="Akses ditolak")).to_be_visible()
    expect(page.get_by_text("Akun ini tidak terhubung dengan data pegawai.")).to_be_visible()
    tangkap_layar(page, "403-hr")
    page.get_by_role("link", name="Kembali ke beranda").click()
    expect(page.get_by_role("heading", name="Ringkasan jabatan")).to_be_visible()


def test_an_employee_on_a_phone_reads_what_to_do_about_each_zero(page: Page, live_server):
    """The breakdown's weights are the profile's (no note contradicting them), and each zero
    (no assessment, no JP) says what to do, readable at 390 px without sideways scrolling."""
    org = buat_organisasi()
    buat_user("calon", PEGAWAI, staff=False, pegawai=buat_calon(org.unit_b))
    formasi = kepala_bagian(org.unit_b, "Kepala Bagian Cocok", "III/d")
    tutup_periode()
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "calon")
    page.goto(f"{live_server.url}/jabatan/peluang/{formasi.pk}/")
    kompetensi = page.locator("#komponen-kompetensi")
    expect(kompetensi).to_contain_text("Belum diasesmen: minta BKPSDM")
    expect(kompetensi.locator("td").nth(2)).to_have_text("20")
    pengembangan = page.locator("#komponen-pengembangan")
    expect(pengembangan).to_contain_text("Belum ada JP pelatihan yang diakui")
    expect(pengembangan.locator("td").nth(2)).to_have_text("10")
    expect(page.get_by_text("berbobot nol")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tangkap_layar(page, "peluang-rincian-hp")
