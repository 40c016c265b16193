"""The printable documents as Chromium prints them to PDF, read back with pypdfium2: the screen
bar is gone, the paper is A4 (the DUK landscape), every page carries its number, the last page
is never a signature alone, and the DUK fits 15 or more employees on a landscape page."""

from __future__ import annotations

import os
import re
from datetime import date

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Page, expect

from jabatan.models import Keputusan, PengaturanPetikan
from kinerja.models import Skp
from pegawai import projection
from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import PegawaiFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium writes the page size in points: A4 is 595 x 842 (210 x 297 mm).
A4 = (595, 842)
# The page number Chromium prints in the page's margin box (cetak.css @page): its own text line.
NOMOR_HALAMAN = re.compile(r"^(\d+) / (\d+)\s*$", re.MULTILINE)


def _halaman(pdf: bytes) -> list[tuple[tuple[int, int], str]]:
    """Return each page's size in points and its text."""
    dokumen = pdfium.PdfDocument(pdf)
    hasil = []
    for i in range(len(dokumen)):
        page = dokumen[i]
        w, h = page.get_size()
        hasil.append(((round(w), round(h)), page.get_textpage().get_text_range()))
    return hasil


def _cetak(page: Page, url: str, nama: str, *, kop: str) -> list[tuple[tuple[int, int], str]]:
    """Open a printable page, look at it on a phone, a screen and in print, print it to PDF
    and return its pages (size, text); each page is numbered "n / total" at its foot."""
    page.goto(url)
    expect(page.locator(".alat-cetak")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    tangkap_layar(page, f"{nama}-ponsel")
    page.set_viewport_size({"width": 1280, "height": 900})
    tangkap_layar(page, f"{nama}-layar")
    page.emulate_media(media="print")
    expect(page.locator(".alat-cetak")).to_be_hidden()
    expect(page.locator(".kop")).to_contain_text(kop)
    pdf = page.pdf(prefer_css_page_size=True)
    page.emulate_media(media="screen")
    if folder := os.environ.get("SCREENSHOT_DIR"):
        with open(os.path.join(folder, f"{nama}.pdf"), "wb") as berkas:
            berkas.write(pdf)
    halaman = _halaman(pdf)
    for i, (_ukuran, teks) in enumerate(halaman, start=1):
        nomor = NOMOR_HALAMAN.search(teks)
        assert nomor, f"{nama}: page {i} has no page number: {teks[:80]!r}…"
        assert (int(nomor[1]), int(nomor[2])) == (i, len(halaman)), (nama, i, nomor[0])
    return halaman


def _bukan_hanya_tanda_tangan(halaman, nama: str, teks_isi: str) -> None:
    """The last page holds text of the document with the signature, not the signature alone."""
    terakhir = halaman[-1][1]
    assert teks_isi in terakhir, f"{nama}: the last page lost {teks_isi!r}: {terakhir[:300]!r}"


def _keputusan(org) -> Keputusan:
    return Keputusan.objects.create(
        formasi=org.formasi_a,
        pegawai=org.pegawai_a,
        penempatan=org.penempatan_a,
        nomor_sk="821.2/145/BKPSDM/2026",
        tanggal_sk=org.penempatan_a.tmt_mulai,
        tmt=org.penempatan_a.tmt_mulai,
        metode="talent_pool",
        peringkat_terpilih=1,
        snapshot={"jumlah_layak": 37, "jumlah_kandidat": 412},
        aturan_versi="2026.2",
        oleh=org.users["hr"],
    )


@pytest.fixture
def org():
    org = buat_organisasi()
    Pegawai.objects.filter(pk=org.pegawai_a.pk).update(gelar_depan="dr.", gelar_belakang="M.Kes.")
    kepala = PegawaiFactory(nama="Lalu Kepala Badan", gelar_belakang="S.H.", golongan="IV/b")
    PengaturanPetikan.objects.update_or_create(
        pk=1, defaults={"nama_kepala_daerah": "Wali Kota Uji, S.Sos.", "pengesah": kepala}
    )
    return org


def test_a_decree_extract_prints_on_a4_with_its_signatures_kept_with_the_text(
    page: Page, live_server, org
):
    keputusan = _keputusan(org)
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    halaman = _cetak(
        page, f"{base}/jabatan/keputusan/{keputusan.pk}/petikan/", "petikan-sk", kop="WALI KOTA"
    )
    expect(page.locator("#petikan-nip")).to_have_text(org.pegawai_a.nip_tercetak)
    assert all(u == A4 for u, _t in halaman) and len(halaman) <= 2
    # The last dictum travels with the signatures (cetak.css .penutup): never a page of
    # signatures alone.
    _bukan_hanya_tanda_tangan(halaman, "petikan-sk", "KEDUA")
    assert "Lalu Kepala Badan, S.H." in halaman[-1][1]
    # A justification long enough to push the closing towards a second page.
    alasan = (
        "Kandidat peringkat pertama sedang menjalani tugas belajar di luar daerah, dan yang"
        " diangkat memiliki pengalaman langsung pada urusan ini selama delapan tahun."
    )
    Keputusan.objects.filter(pk=keputusan.pk).update(
        peringkat_terpilih=2, justifikasi=" ".join([alasan] * 14)
    )
    halaman = _cetak(
        page,
        f"{base}/jabatan/keputusan/{keputusan.pk}/petikan/",
        "petikan-sk-panjang",
        kop="WALI KOTA",
    )
    assert len(halaman) >= 2 and all(u == A4 for u, _t in halaman)
    _bukan_hanya_tanda_tangan(halaman, "petikan-sk-panjang", "KEDUA")
    assert "Salinan sesuai dengan aslinya" in halaman[-1][1]


def test_an_skp_form_prints_with_its_behaviours_and_signatures_together(
    page: Page, live_server, org
):
    skp = Skp.objects.get(pegawai=org.pegawai_a)
    for i in range(1, 13):  # a long plan: the form runs over two pages
        skp.rencana.create(
            urutan=i,
            hasil_kerja=f"Hasil kerja {i}: cakupan layanan kesehatan dasar di wilayah kerja",
            indikator="Persentase sasaran terlayani sesuai standar pelayanan minimal",
            target="95%",
            realisasi="97%",
        )
    Skp.objects.filter(pk=skp.pk).update(
        catatan_penilai="Pertahankan ketepatan laporan; lengkapi bukti pembinaan.",
        catatan_perilaku="Berorientasi pelayanan dan kolaboratif.",
    )
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    halaman = _cetak(page, f"{base}/kinerja/skp/{skp.pk}/cetak/", "skp-cetak", kop="PEMERINTAH")
    expect(page.locator("#cetak-rencana tbody tr")).to_have_count(13)  # 12 results, the rating
    assert len(halaman) >= 2 and all(u == A4 for u, _t in halaman)
    _bukan_hanya_tanda_tangan(halaman, "skp-cetak", "Kolaboratif")  # the BerAKHLAK lines
    assert "Pejabat penilai kinerja," in halaman[-1][1]
    assert org.pegawai_a.nip_tercetak in halaman[-1][1]  # the NIP under the signature, whole


def test_the_duk_prints_landscape_with_fifteen_or_more_rows_a_page(page: Page, live_server, org):
    with projection.deferred():
        for i in range(40):
            PegawaiFactory(
                unit_kerja=org.unit_a,
                golongan="III/b",
                tmt_golongan=date(2018, 4, 1),
                tmt_pns=date(2011, 4, 1),
                nama=f"Pegawai Dinas Kesehatan Nomor {i + 1}",
            )
    # The DUK lists PNS only: neither CPNS (no TMT PNS) nor PPPK (PP 15/1979; jabatan.duk).
    nip = set(
        Pegawai.objects.filter(
            unit_kerja__path__startswith=org.unit_a.path, status="PNS", tmt_pns__isnull=False
        ).values_list("nip", flat=True)
    )
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    halaman = _cetak(
        page, f"{base}/jabatan/duk/cetak/?unit={org.unit_a.pk}", "duk-cetak", kop="PEMERINTAH"
    )
    assert all(u == (A4[1], A4[0]) for u, _t in halaman)  # landscape
    per_halaman = []
    for _u, teks in halaman:
        # Each NIP printed whole on one line: "yyyymmdd yyyymm g nnn".
        tercetak = re.findall(r"\b(\d{8}) (\d{6}) (\d) (\d{3})\b", teks)
        assert {"".join(n) for n in tercetak} <= nip
        per_halaman.append(len(tercetak))
    assert sum(per_halaman) == len(nip), per_halaman
    assert all(n >= 15 for n in per_halaman[:-1]), per_halaman
    assert per_halaman[0] >= 15, per_halaman
