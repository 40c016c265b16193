"""HR opens a period's SKPs from the admin and watches the task's progress page reach 100 %
while a real worker process (`manage.py db_worker --batch` on the live server's test database)
runs it, without reloading the page."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from kinerja.models import Periode, Skp
from tests.akses_data import buat_organisasi
from tests.browser.alat import kerjakan, login, tangkap_layar
from tugas.models import Progres

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Where a reviewer looks at the page (outside the repository); optional.
GAMBAR = os.environ.get("PROGRES_PNG")


@pytest.mark.lambat
def test_hr_opens_a_period_and_the_progress_bar_reaches_done(page: Page, live_server):
    buat_organisasi()
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    base = live_server.url
    login(page, base, "hr.bkpsdm")

    page.goto(f"{base}/admin/kinerja/periode/")
    page.locator(f'input[name="_selected_action"][value="{periode.pk}"]').check()
    page.locator('select[name="action"]').select_option("buka_skp")
    page.locator('button[name="index"]').click()

    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    progres = Progres.objects.get(jenis="jabatan.tasks.buka_skp")
    blok = page.locator(".progres")
    expect(blok.locator("[data-progres-status]")).to_have_text("Menunggu giliran")
    expect(blok.locator("[data-progres-persen]")).to_have_text("0%")
    tangkap_layar(page, "progres-antre")
    page.evaluate("window.__tanpaMuatUlang = true")  # gone if the page reloads

    kerjakan(page, "4 SKP dibuka untuk Tahunan 2026")
    expect(blok.locator("[data-progres-ringkasan]")).to_have_text("4 dari 4")
    assert blok.locator("progress").evaluate("el => el.value") == 100
    expect(blok.locator("[data-progres-perbarui]")).to_be_hidden()  # polling stopped
    assert page.evaluate("window.__tanpaMuatUlang") is True
    assert Skp.objects.filter(periode=periode).count() == 4
    progres.refresh_from_db()
    assert progres.status == Progres.Status.SELESAI
    tangkap_layar(page, "progres-selesai")
    if GAMBAR:
        page.screenshot(path=GAMBAR, full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=GAMBAR.replace(".png", "-hp.png"), full_page=True)
