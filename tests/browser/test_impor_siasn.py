"""HR imports SIASN's own files in a real browser, with a real worker: an export with SIASN's
upper-case titles and a data-utama response; the preview lists the unused columns once, and a
hostile file ends in the preview's message (tests/impor/test_bentuk_siasn.py cites the shapes)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from pegawai.models import CatatanEkspor
from tests.akses_data import buat_organisasi
from tests.browser.alat import kerjakan, login, tangkap_layar
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import EKSPOR, data_utama, ekspor_baris, ke_csv

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _unggah(page: Page, base: str, path) -> None:
    page.goto(f"{base}/impor/")
    page.get_by_label("Berkas").set_input_files(str(path))
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))


def test_hr_downloads_the_sample_and_the_template_with_the_pages_buttons(page: Page, live_server):
    """The downloads are POST forms (each is logged): the buttons still hand over the files."""
    buat_organisasi()
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/impor/")
    with page.expect_download() as unduhan:
        page.get_by_role("button", name="Unduh contoh berkas SIASN (JSON)").click()
    assert re.fullmatch(r"contoh-siasn-\d{8}-\d{4}\.json", unduhan.value.suggested_filename)
    assert len(json.loads(Path(unduhan.value.path()).read_bytes())["data"]) == 5
    with page.expect_download() as unduhan:
        page.locator("p.unduh").first.get_by_role("button", name="XLSX").first.click()
    assert unduhan.value.suggested_filename.startswith("templat-impor-pegawai-")
    buku = load_workbook(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    assert next(buku.worksheets[0].iter_rows(max_row=1, values_only=True))[0]
    assert sorted(CatatanEkspor.objects.values_list("data", flat=True)) == [
        "impor.contoh",
        "impor.templat",
    ]


@pytest.mark.lambat
def test_a_siasn_export_and_a_data_utama_response_preview(page: Page, live_server, tmp_path):
    buat_organisasi()
    UnitKerjaFactory(kode="8ae4828c-unor", nama="RSUD Kota Mataram")
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    ekspor = tmp_path / "ekspor-siasn.csv"
    ekspor.write_bytes(ke_csv([ekspor_baris()], kolom=EKSPOR))
    _unggah(page, base, ekspor)
    kerjakan(page, "Pratinjau siap")
    page.get_by_role("link", name="Lihat pratinjau").click()
    expect(page.locator('[data-jumlah="baru"]')).to_have_text("1")
    expect(page.locator('[data-jumlah="tolak"]')).to_have_text("0")
    catatan = page.locator("[data-diabaikan]")
    expect(catatan).to_have_count(1)
    expect(catatan).to_contain_text("Dibaca tetapi tidak dipakai")
    expect(catatan).to_contain_text("ALAMAT")
    expect(catatan).not_to_contain_text("MK TAHUN")  # masa kerja golongan is read (DUK)
    tangkap_layar(page, "impor-pratinjau-ekspor-siasn")

    jawaban = tmp_path / "data-utama.json"
    jawaban.write_text(json.dumps({"code": 1, "data": data_utama()}))
    _unggah(page, base, jawaban)
    kerjakan(page, "Pratinjau siap")
    page.get_by_role("link", name="Lihat pratinjau").click()
    expect(page.locator('[data-jumlah="baru"]')).to_have_text("1")
    expect(page.locator("[data-diabaikan]")).to_contain_text("kanregId")
    tangkap_layar(page, "impor-pratinjau-data-utama")


@pytest.mark.lambat
def test_a_hostile_file_ends_in_the_previews_message(page: Page, live_server, tmp_path):
    buat_organisasi()
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    dalam = tmp_path / "dalam.json"
    dalam.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    _unggah(page, base, dalam)
    kerjakan(page, "Berkas ditolak")
    page.get_by_role("link", name="Lihat pratinjau").click()
    expect(page.get_by_role("alert")).to_contain_text("Berkas JSON bersarang terlalu dalam")
    tangkap_layar(page, "impor-pratinjau-json-dalam")
