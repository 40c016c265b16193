"""HR, in Chromium at 1280 px, goes from the survey dashboard to one service unit and downloads
its trend as XLSX."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from survei.models import KomentarSkm, UnitLayanan
from survei.services import komentar_moderate
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, periksa_axe, tangkap_layar
from tests.publik.bantu import TERTUTUP, isi_survei

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_drills_down_to_a_unit_and_downloads_its_trend(page: Page, live_server):
    org = buat_organisasi()
    unit = UnitLayanan.objects.create(unit_kerja=org.bidang_a, kode="layanan-a")
    isi_survei(unit, 7, nilai=3, komentar="Antrean tertib", tanggal=TERTUTUP)
    isi_survei(unit, 3, nilai=2, tanggal=TERTUTUP.replace(month=11))
    for k in KomentarSkm.objects.filter(teks="Antrean tertib")[:2]:
        komentar_moderate(komentar=k, tayangkan=True, oleh=org.users["hr"])
    page.set_viewport_size({"width": 1280, "height": 900})
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/kinerja/survei/?tahun={TERTUTUP.year}")
    page.get_by_role("link", name=unit.nama).click()
    expect(page.get_by_role("heading", name="Sembilan unsur pelayanan")).to_be_visible()
    baris = page.get_by_role("row").filter(has_text="Sarana dan Prasarana")
    expect(baris).to_contain_text("2,70")  # (7 × 3 + 3 × 2) / 10
    expect(page.get_by_text("Antrean tertib")).to_have_count(2)
    periksa_axe(page)
    tangkap_layar(page, "survei-unit-1280")
    with page.expect_download() as unduhan:
        page.locator("#tren ~ p.unduh").first.get_by_role("button", name="XLSX").click()
    lembar = load_workbook(io.BytesIO(unduhan.value.path().read_bytes())).active
    rows = list(lembar.iter_rows(values_only=True))
    assert rows[0][:6] == ("Tahun", "Triwulan", "Responden", "IKM", "Mutu", "Tampil di publik")
    assert (TERTUTUP.year, 2, 7, "ya") in [(r[0], r[1], r[2], r[5]) for r in rows[1:]]
    assert (TERTUTUP.year, 4, 3, "tidak") in [(r[0], r[1], r[2], r[5]) for r in rows[1:]]
