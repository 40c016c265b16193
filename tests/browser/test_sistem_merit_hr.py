"""HR assesses the merit-system index in Chromium: opens a year's assessment from the menu,
computes its evidence and follows the progress page back, accepts a proposal, is refused an
override without a reason, overrides with one, sets the last criterion with its document, and
finalises; the page is then frozen, and the evidence pack downloads as a ZIP with a folder per
criterion. Screenshots at 1280 px and 390 px (SCREENSHOT_DIR).

The computation runs in the live server's own process (Django's immediate task backend): the
test's evidence function (`uji.ditentukan`, tests/sistem_merit/bantu.py) is registered there,
not in a separate worker process."""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import Page, expect

from sistem_merit.models import JawabanKriteria, Penilaian
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, periksa_axe, tangkap_layar
from tests.sistem_merit import bantu

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def figur():
    bantu.FIGUR["nilai"] = (3, 4)  # 75%: level 3 proposed for 1.1
    yield
    bantu.FIGUR["nilai"] = (0, 0)


def test_hr_opens_computes_accepts_overrides_and_finalises(
    page: Page, live_server, settings, figur
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    buat_organisasi()
    instrumen = bantu.buat(bantu.data_2018())
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "hr.bkpsdm")

    page.get_by_role("link", name="Indeks sistem merit").click()
    page.get_by_label("Instrumen").select_option(str(instrumen.pk))
    page.get_by_label("Tahun penilaian").fill("2025")
    page.get_by_label("Data per tanggal").fill("2025-12-31")
    page.get_by_role("button", name="Buka penilaian").click()
    expect(page.get_by_text("Hitung angka buktinya")).to_be_visible()
    penilaian = Penilaian.objects.get()
    kartu = {
        j.kriteria.kode: page.locator(f"#k-{j.pk}")
        for j in JawabanKriteria.objects.filter(penilaian=penilaian).select_related("kriteria")
    }

    # The evidence: its progress page, done, leads back to the assessment.
    page.get_by_role("button", name="Hitung angka bukti").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    expect(page.locator("[data-progres-status]")).to_have_text("Selesai")
    page.get_by_role("link", name="Lihat penilaian").click()
    expect(kartu["1.1"]).to_contain_text("3 dari 4 baris uji")
    expect(page.locator("#nilai-penilaian")).to_have_text("160,00")
    expect(page.locator("#langkah")).to_contain_text("II Kurang")
    periksa_axe(page)
    tangkap_layar(page, "sistem-merit-dihitung")

    # Accept 1.1's proposal.
    kartu["1.1"].get_by_role("button", name="Terima usulan (level 3)").click()
    expect(page.get_by_text("Kriteria 1.1: level 3 ditetapkan.")).to_be_visible()
    expect(kartu["1.1"].locator(".level-ditetapkan")).to_contain_text("usulan diterima")

    # 1.2 has no proposal: a level without a reason is refused, nothing saved.
    kartu["1.2"].get_by_label("Level kriteria 1.2", exact=True).select_option("3")
    kartu["1.2"].get_by_role("button", name="Tetapkan level pilihan").click()
    expect(kartu["1.2"].locator(".galat")).to_contain_text("tulis dasar penetapan level")
    assert JawabanKriteria.objects.get(pk=_pk(penilaian, "1.2")).level is None
    tangkap_layar(page, "sistem-merit-tanpa-alasan")
    kartu["1.2"].get_by_label("Level kriteria 1.2", exact=True).select_option("3")
    kartu["1.2"].get_by_label("Alasan level kriteria 1.2").fill("SK tim penilai kinerja 2025")
    kartu["1.2"].get_by_role("button", name="Tetapkan level pilihan").click()
    expect(page.get_by_text("Kriteria 1.2: level 3 ditetapkan.")).to_be_visible()
    expect(kartu["1.2"]).to_contain_text("SK tim penilai kinerja 2025")

    # 2.1: a document, then the level with its reason.
    kartu["2.1"].get_by_label("Dokumen kriteria 2.1", exact=True).set_input_files(
        files=[{"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    kartu["2.1"].get_by_role("button", name="Unggah").click()
    expect(page.get_by_text("Dokumen notulen.pdf disimpan pada kriteria 2.1.")).to_be_visible()
    expect(kartu["2.1"].get_by_role("link", name="notulen.pdf")).to_be_visible()
    kartu["2.1"].get_by_label("Level kriteria 2.1", exact=True).select_option("2")
    kartu["2.1"].get_by_label("Alasan level kriteria 2.1").fill("Notulen rapat terlampir")
    kartu["2.1"].get_by_role("button", name="Tetapkan level pilihan").click()
    expect(page.get_by_text("Kriteria 2.1: level 2 ditetapkan.")).to_be_visible()
    # (60 × 3) + (40 × 2) = 260: III Baik, still an estimate.
    expect(page.locator("#nilai-penilaian")).to_have_text("260,00")
    tangkap_layar(page, "sistem-merit-ditetapkan")
    page.set_viewport_size({"width": 390, "height": 844})
    tangkap_layar(page, "sistem-merit-draf-hp")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Finalise: frozen, no form left.
    page.get_by_label(re.compile("Saya telah memeriksa setiap kriteria")).check()
    page.get_by_role("button", name="Finalkan penilaian").click()
    expect(page.get_by_text(re.compile(r"final: nilai 260,00, kategori III Baik"))).to_be_visible()
    expect(page.locator("#status-penilaian")).to_have_text("Final")
    expect(page.locator("textarea")).to_have_count(0)
    expect(page.get_by_role("button", name="Finalkan penilaian")).to_have_count(0)
    penilaian.refresh_from_db()
    assert (penilaian.status, penilaian.nilai, penilaian.kategori) == ("final", 260, "III Baik")
    periksa_axe(page)
    tangkap_layar(page, "sistem-merit-final")

    # The evidence pack for BKN: built in the background, downloaded from its progress page,
    # one folder per criterion with the uploaded document's own bytes.
    page.get_by_role("button", name="Buat paket bukti (ZIP)").click()
    expect(page).to_have_url(re.compile(r"/tugas/[0-9a-f-]{36}/$"))
    expect(page.locator("[data-progres-status]")).to_have_text("Selesai")
    with page.expect_download() as unduhan:
        page.get_by_role("link", name=re.compile("Unduh")).click()
    with zipfile.ZipFile(unduhan.value.path()) as paket:
        nama = paket.namelist()
        for kode in ("1.1", "1.2", "2.1"):
            assert any(n.startswith(f"{kode}") or f"/{kode}" in n for n in nama), nama
        [dokumen] = [n for n in nama if n.endswith(".pdf")]
        assert paket.read(dokumen) == PDF
    page.goto(f"{base}/sistem-merit/penilaian/{penilaian.pk}/")

    # The list: the final assessment year against year.
    page.get_by_role("link", name="Daftar penilaian").click()
    expect(page.locator("#daftar-penilaian")).to_contain_text("III Baik")
    expect(page.locator("svg.grafik")).to_be_visible()
    tangkap_layar(page, "sistem-merit-daftar")

    # A phone: the assessment page still reads.
    page.goto(f"{base}/sistem-merit/penilaian/{penilaian.pk}/")
    page.set_viewport_size({"width": 390, "height": 844})
    tangkap_layar(page, "sistem-merit-final-hp")


def _pk(penilaian: Penilaian, kode: str) -> int:
    return JawabanKriteria.objects.get(penilaian=penilaian, kriteria__kode=kode).pk
