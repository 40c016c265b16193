"""HR uploads a spreadsheet, watches the preview's progress bar, reads the preview, confirms,
and watches the import's progress bar reach done — with a real worker process."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.browser.test_login import _login, _screenshot
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv
from tests.tugas.conftest import ROOT, perintah_worker

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _kerjakan(page: Page, teks: str) -> None:
    """Run the queued task in a worker process; wait for the page to say it is done."""
    blok = page.locator(".progres")
    cmd, env = perintah_worker("--batch")
    worker = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        expect(blok.locator("[data-progres-status]")).to_have_text("Selesai", timeout=60_000)
        assert worker.wait(timeout=60) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    expect(blok.locator("[data-progres-persen]")).to_have_text("100%")
    expect(blok.locator("[data-progres-pesan]")).to_contain_text(teks)


def test_upload_preview_confirm_with_the_progress_bar(page: Page, live_server, tmp_path):
    buat_organisasi()
    UnitKerjaFactory(kode="U-1", nama="Dinas Uji")
    berkas = tmp_path / "pegawai.csv"
    berkas.write_bytes(ke_csv([baris(), baris(), baris(golRuangAkhirId="77")]))
    base = live_server.url
    _login(page, base, "hr.bkpsdm")
    page.get_by_role("link", name="Impor data").click()
    expect(page.get_by_role("heading", name="Impor data pegawai")).to_be_visible()
    _screenshot(page, "impor-unggah")
    page.get_by_label("Berkas").set_input_files(str(berkas))
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    _kerjakan(page, "Pratinjau siap")
    page.get_by_role("link", name="Kembali").click()
    expect(page.locator('[data-jumlah="baru"]')).to_have_text("2")
    expect(page.locator('[data-jumlah="tolak"]')).to_have_text("1")
    expect(page.locator("table.ditolak")).to_contain_text('Golongan "77" tidak dikenal')
    _screenshot(page, "impor-pratinjau")
    assert Pegawai.objects.filter(unit_kerja__kode="U-1").count() == 0
    page.get_by_label("Impor baris yang sah saja dan beri saya berkas baris yang ditolak").check()
    page.get_by_role("button", name="Terapkan impor").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    _kerjakan(page, "Impor selesai")
    expect(page.locator("[data-progres-unduh]")).to_be_visible()  # the rejected rows' file
    _screenshot(page, "impor-selesai")
    assert Pegawai.objects.filter(unit_kerja__kode="U-1").count() == 2
