"""The ranking page HR works in, with fifty eligible candidates, in Chromium at 1280 px: a compact
table that fits its container (every column visible), a page of bounded height, the explanation
opening in place without moving the reader, and every action reachable above row 50."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from jabatan.models import Usulan
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, periksa_axe, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.jabatan.bantu import buat_calon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The ranking page shows the fifty best (jabatan.peringkat.TERATAS).
LIMA_PULUH = 50


@pytest.fixture
def lowongan():
    """A vacant Kepala Bidang post (a key post: the succession plan shows) and fifty-two
    eligible candidates, some with long names and academic titles."""
    org = buat_organisasi()
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            nama="Kepala Bidang Pelayanan",
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    calon = [buat_calon(org.bidang_a) for _ in range(LIMA_PULUH + 1)]
    # The best score (Sangat Baik twice), so certainly among the fifty shown.
    panjang = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Sangat Baik"))
    calon.append(panjang)
    panjang.gelar_depan, panjang.gelar_belakang = "Dr. Ir.", "S.E., M.Si., M.A.P."
    panjang.nama = "Baiq Nurul Hidayatullah Wulandari Kusumaningrum Pratiwi"
    panjang.save()
    tutup_periode()  # the ranking reads closed annual evaluations (and refreshes the projection)
    return org, formasi, calon


def _buka(page: Page, base: str, formasi) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/jabatan/lowongan/{formasi.pk}/")
    expect(page.locator("#tabel-peringkat tbody.kandidat")).to_have_count(LIMA_PULUH)


def test_the_table_fits_1280_px_and_the_page_stays_short(page: Page, live_server, lowongan):
    _org, formasi, _calon = lowongan
    _buka(page, live_server.url, formasi)
    ukuran = page.evaluate(
        """() => {
          const t = document.getElementById('tabel-peringkat');
          const baris = [...t.querySelectorAll('tbody.kandidat > tr:first-child')];
          return {lebar: t.scrollWidth, wadah: t.parentElement.clientWidth,
                  halaman: document.documentElement.scrollWidth,
                  tinggi: document.documentElement.scrollHeight,
                  baris: baris.map(r => r.getBoundingClientRect().height),
                  kolom: [...t.querySelectorAll('thead th')]
                    .map(th => th.getBoundingClientRect().width)};
        }"""
    )
    # Every column visible: nothing to scroll sideways, in the table or the page.
    assert ukuran["lebar"] <= ukuran["wadah"], ukuran
    assert ukuran["halaman"] <= 1280, ukuran
    assert all(w > 20 for w in ukuran["kolom"]), ukuran["kolom"]
    # One line per candidate (a long name is cut, not wrapped), and the whole page bounded.
    assert max(ukuran["baris"]) < 40, ukuran["baris"]
    assert ukuran["tinggi"] < 4000, ukuran["tinggi"]
    # The long name is cut with its full text in the tooltip, and whole in the explanation.
    nama = "Dr. Ir. Baiq Nurul Hidayatullah Wulandari Kusumaningrum Pratiwi, S.E., M.Si., M.A.P."
    expect(page.locator(f'summary[title="{nama}"]')).to_have_count(1)
    tangkap_layar(page, "peringkat-1280")
    periksa_axe(page)


def test_opening_an_explanation_keeps_the_reader_at_the_row(page: Page, live_server, lowongan):
    _org, formasi, _calon = lowongan
    _buka(page, live_server.url, formasi)
    baris = page.locator("#tabel-peringkat tbody.kandidat").nth(39)
    rincian = baris.locator("tr.penjelasan")
    expect(rincian).to_be_hidden()
    baris.locator("summary").scroll_into_view_if_needed()
    sebelum = page.evaluate("window.scrollY")
    assert sebelum > 1000  # row 40 is well down the page
    atas = baris.locator("summary").bounding_box()["y"]
    baris.locator("summary").click()
    expect(rincian).to_be_visible()
    expect(rincian).to_contain_text("Skor")
    expect(rincian).to_contain_text("Kinerja")
    # The reader stays where they were: no jump, the row where it was, its explanation under it.
    assert abs(page.evaluate("window.scrollY") - sebelum) < 5
    assert abs(baris.locator("summary").bounding_box()["y"] - atas) < 5
    assert rincian.bounding_box()["y"] > atas
    tangkap_layar(page, "peringkat-rincian-terbuka")
    # By keyboard too: Enter on the focused name closes it again, still in place.
    baris.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(rincian).to_be_hidden()
    assert abs(page.evaluate("window.scrollY") - sebelum) < 5


def test_every_action_is_reachable_above_row_50(page: Page, live_server, lowongan):
    _org, formasi, calon = lowongan
    _buka(page, live_server.url, formasi)
    baris_50 = page.locator("#tabel-peringkat tbody.kandidat").nth(LIMA_PULUH - 1)
    y_50 = baris_50.bounding_box()["y"]
    y_1 = page.locator("#tabel-peringkat tbody.kandidat").first.bounding_box()["y"]
    aksi = {
        "usul": page.get_by_role("button", name="Usulkan kepada PPK (maksimal 3)"),
        "putus": page.locator("#aksi-keputusan > summary"),
        "suksesi": page.locator("#aksi-suksesi > summary"),
        "mengapa": page.locator("#mengapa-tidak > summary"),
    }
    for nama, kontrol in aksi.items():
        kotak = kontrol.bounding_box()
        # Above the first candidate, within the first two screens, far above row 50.
        assert kotak["y"] < y_1 < y_50, nama
        assert kotak["y"] < 2 * 900, nama
    # The proposal's button stays on screen beside row 50 (a sticky bar).
    baris_50.scroll_into_view_if_needed()
    kotak = aksi["usul"].bounding_box()
    assert kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= 900
    # Ticking rows 1 and 50 and proposing from down there works (a POST, as before).
    page.locator("#tabel-peringkat tbody.kandidat").first.locator("input[type=checkbox]").check()
    baris_50.locator("input[type=checkbox]").check()
    aksi["usul"].click()
    expect(page.get_by_text("Usulan kandidat dicatat.")).to_be_visible()
    assert Usulan.objects.filter(formasi=formasi, aktif=True).count() == 2
    # The decision's panel opens with the proposed, at the top; they stay ticked and marked.
    expect(page.locator("#aksi-keputusan")).to_have_attribute("open", "")
    expect(page.get_by_label("Yang diangkat").locator("option")).to_have_count(2)
    expect(page.locator("#tabel-peringkat tr.diusulkan")).to_have_count(2)
    # Why not? for one NIP, answered at the top, the reader taken there.
    page.locator("#mengapa-tidak > summary").click()
    page.locator("#mengapa-tidak").get_by_label("NIP").fill(calon[0].nip)
    page.get_by_role("button", name="Jelaskan").click()
    expect(page.locator("#mengapa-tidak")).to_have_attribute("open", "")
    expect(page.locator("#mengapa-tidak dl.data")).to_contain_text(calon[0].nama)
    assert page.url.endswith("#mengapa-tidak")
    # The succession plan unfolds in place with its form.
    page.locator("#aksi-suksesi > summary").click()
    expect(page.get_by_role("button", name="Tetapkan calon suksesor")).to_be_visible()
    tangkap_layar(page, "peringkat-aksi")
