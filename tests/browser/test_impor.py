"""HR uploads a spreadsheet, watches the preview's progress bar, reads the preview, confirms,
and watches the import's progress bar reach done — with a real worker process."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.browser.alat import kerjakan, login, tangkap_layar
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.lambat
def test_upload_preview_confirm_with_the_progress_bar(page: Page, live_server, tmp_path):
    """At 1280 px: upload -> progress -> "Lihat pratinjau" -> apply -> progress -> "Lihat hasil
    impor", which says what was done in the past tense; a date that does not exist is named."""
    page.set_viewport_size({"width": 1280, "height": 900})
    buat_organisasi()
    UnitKerjaFactory(kode="U-1", nama="Dinas Uji")
    berkas = tmp_path / "pegawai.csv"
    berkas.write_bytes(
        ke_csv([baris(), baris(), baris(golRuangAkhirId="77"), baris(tglLahir="31-02-1990")])
    )
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    page.get_by_role("link", name="Impor data").click()
    expect(page.get_by_role("heading", name="Impor data pegawai")).to_be_visible()
    tangkap_layar(page, "impor-unggah")
    page.get_by_label("Berkas").set_input_files(str(berkas))
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    lanjut = page.get_by_role("link", name="Lihat pratinjau")
    expect(lanjut).to_be_hidden()  # nothing to see before the preview is built
    kerjakan(page, "Pratinjau siap")
    expect(lanjut).to_be_visible()  # shown by the polling script, without a reload
    tangkap_layar(page, "impor-progres-pratinjau")
    lanjut.click()
    expect(page.get_by_role("heading", name="Pratinjau impor: pegawai.csv")).to_be_visible()
    expect(page.locator('[data-jumlah="baru"]')).to_have_text("2")
    expect(page.locator('[data-jumlah="tolak"]')).to_have_text("2")
    ditolak = page.locator("table.ditolak")
    expect(ditolak).to_contain_text('Golongan "77" tidak dikenal')
    expect(ditolak.get_by_role("row", name=re.compile("tglLahir"))).to_contain_text(
        'Tanggal "31-02-1990" tidak ada (bulan 2 tahun 1990 hanya 28 hari).'
    )
    tangkap_layar(page, "impor-pratinjau")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert Pegawai.objects.filter(unit_kerja__kode="U-1").count() == 0
    page.get_by_label("Impor baris yang sah saja dan beri saya berkas baris yang ditolak").check()
    page.get_by_role("button", name="Terapkan impor").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    dilakukan = "Diterapkan: 2 pegawai ditambahkan, 0 diperbarui, 2 baris ditolak"
    kerjakan(page, dilakukan)
    expect(page.locator("[data-progres-unduh]")).to_be_visible()  # the rejected rows' file
    tangkap_layar(page, "impor-selesai")
    page.get_by_role("link", name="Lihat hasil impor").click()
    expect(page.get_by_role("heading", name="Hasil impor: pegawai.csv")).to_be_visible()
    hasil = page.get_by_role("status")
    expect(hasil).to_contain_text(dilakukan)
    # Green, the colour of a success (static/css/app.css), never an error's red.
    assert hasil.evaluate("el => getComputedStyle(el).color") == "rgb(30, 123, 58)"
    expect(page.locator(".kartu-baris")).to_contain_text("pegawai ditambahkan")
    expect(page.get_by_role("button", name="Terapkan impor")).to_have_count(0)
    tangkap_layar(page, "impor-hasil")
    assert Pegawai.objects.filter(unit_kerja__kode="U-1").count() == 2


def test_the_admin_index_titles_every_section_in_indonesian(page: Page, live_server):
    """'Keamanan login', not 'AXES', above the lockouts HR unlock (1280 px)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    buat_organisasi()
    login(page, live_server.url, "hr.bkpsdm")
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("link", name="Keamanan login")).to_be_visible()
    expect(page.get_by_text("AXES", exact=True)).to_have_count(0)
    expect(page.get_by_text("Axes", exact=True)).to_have_count(0)
    tangkap_layar(page, "admin-indeks")
