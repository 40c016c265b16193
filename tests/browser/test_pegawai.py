"""The employee page as HR works in it at 1280 px and as a unit head reads it on a phone, and the
admin's employee pages at 1280 px without sideways scrolling (issue 21)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _lebar(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _terpotong(page: Page, selector: str) -> list[int]:
    """The overflow in px of each element matching `selector` that scrolls sideways inside
    the page (the admin wraps its tables in scrolling boxes: columns hidden all the same)."""
    return page.eval_on_selector_all(
        selector, "els => els.map(e => e.scrollWidth - e.clientWidth).filter(d => d > 1)"
    )


def _data_demo(org) -> None:
    """Names and units as long as the city's: titles before and after, a bidang's full name."""
    unit = UnitKerjaFactory(
        nama="Bidang Pengadaan, Pemberhentian, Informasi dan Pengembangan Kompetensi Aparatur",
        parent=org.unit_a,
        jenis="bidang",
    )
    for i in range(12):
        PegawaiFactory(
            nama=f"Baiq Nurhidayati Kusumawardhani Rahmawati {i}",
            gelar_depan="Dr. dr.",
            gelar_belakang="S.Kep., Ns., M.Kes., Sp.KKLP",
            unit_kerja=unit,
        )


def test_hr_finds_an_employee_and_reads_every_section_at_1280(page: Page, live_server):
    org = buat_organisasi()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "hr.bkpsdm")
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Pegawai", exact=True
    ).click()
    page.get_by_label("Nama atau NIP").fill(org.pegawai_a.nip_tercetak)
    page.get_by_role("button", name="Cari").click()
    page.get_by_role("link", name="Baiq Nurul Aini").click()
    expect(page.get_by_role("heading", name="Baiq Nurul Aini", exact=True)).to_be_visible()
    for judul in (
        "Riwayat jabatan",
        "Riwayat pangkat",
        "SKP per tahun",
        "Pelatihan dan JP",
        "Asesmen kompetensi dan JPM",
        "Manajemen talenta dan suksesi",
    ):
        expect(page.get_by_role("heading", name=judul)).to_be_visible()
    expect(page.locator("#skp")).to_contain_text("Baik")
    assert _lebar(page) <= 1280
    tangkap_layar(page, "pegawai-detail-hr")
    # The jump list takes HR to a section; the edit link to the admin's change form.
    page.get_by_role("link", name="SKP", exact=True).last.click()
    expect(page).to_have_url(f"{live_server.url}/jabatan/pegawai/{org.pegawai_a.pk}/#skp")
    page.get_by_role("link", name="Ubah data di administrasi").click()
    expect(page).to_have_url(f"{live_server.url}/admin/pegawai/pegawai/{org.pegawai_a.pk}/change/")


def test_a_unit_head_reads_their_employee_on_a_phone_and_no_one_else(page: Page, live_server):
    org = buat_organisasi()
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "pimpinan")
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Pegawai", exact=True
    ).click()
    expect(page.get_by_role("link", name="Baiq Nurul Aini")).to_be_visible()
    expect(page.get_by_text("Lalu Ahmad Zaini")).to_have_count(0)
    assert _lebar(page) <= 390
    tangkap_layar(page, "pegawai-list-pimpinan-hp")
    page.get_by_role("link", name="Baiq Nurul Aini").click()
    expect(page.get_by_role("heading", name="Baiq Nurul Aini", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Ubah data di administrasi")).to_have_count(0)
    assert _lebar(page) <= 390
    tangkap_layar(page, "pegawai-detail-pimpinan-hp")
    response = page.goto(f"{live_server.url}/jabatan/pegawai/{org.pegawai_b.pk}/")
    assert response.status == 404


def test_the_admin_employee_pages_fit_1280(page: Page, live_server):
    org = buat_organisasi()
    _data_demo(org)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "hr.bkpsdm")
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/")
    expect(page.get_by_text("Baiq Nurhidayati Kusumawardhani Rahmawati 1,").first).to_be_visible()
    tangkap_layar(page, "admin-pegawai-list-1280")

    assert _lebar(page) <= 1280
    assert _terpotong(page, "#changelist .results, #changelist-form") == []
    expect(page.locator("#result_list th.column-unit_kerja")).to_be_in_viewport()
    page.goto(f"{live_server.url}/admin/pegawai/pegawai/{org.pegawai_a.pk}/change/")
    expect(page.get_by_role("button", name="Simpan", exact=True)).to_be_visible()
    tangkap_layar(page, "admin-pegawai-change-1280")
    assert _lebar(page) <= 1280
    assert _terpotong(page, ".inline-group, .inline-group .tabular") == []
