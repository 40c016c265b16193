"""A success message is green and an error red, on the employee's phone and on a desk: the
employee asks to join a training session (success), then asks again (refused: error)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.pelatihan.factories import SesiFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HIJAU, MERAH = "rgb(30, 123, 58)", "rgb(179, 38, 30)"  # --hijau, --merah of app.css


@pytest.mark.parametrize("lebar", [1280, 390])
def test_a_success_is_green_and_an_error_red(page: Page, live_server, lebar):
    page.set_viewport_size({"width": lebar, "height": 900})
    buat_organisasi()
    hari_ini = timezone.localdate()
    sesi = SesiFactory(
        tanggal_mulai=hari_ini + dt.timedelta(days=10),
        tanggal_selesai=hari_ini + dt.timedelta(days=12),
        pendaftaran_dibuka=True,
    )
    login(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/pelatihan/saya/")
    form = page.locator(f'form[action="/pelatihan/sesi/{sesi.pk}/ajukan/"]')
    # Ask twice from the same page: the second is refused (already recorded).
    html = form.evaluate("f => f.outerHTML")
    form.get_by_role("button", name="Ajukan ikut").click()
    berhasil = page.get_by_role("status").filter(has_text="tercatat")
    expect(berhasil).to_be_visible()
    assert berhasil.evaluate("el => getComputedStyle(el).color") == HIJAU
    assert "pesan-success" in berhasil.get_attribute("class")
    tangkap_layar(page, f"pesan-sukses-{lebar}")
    page.evaluate(
        "html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", html
    )
    page.locator("main > form").last.get_by_role("button", name="Ajukan ikut").click()
    galat = page.get_by_role("alert")
    expect(galat).to_be_visible()
    assert galat.evaluate("el => getComputedStyle(el).color") == MERAH
    assert "pesan-error" in galat.get_attribute("class")
    tangkap_layar(page, f"pesan-galat-{lebar}")
