"""The printable documents in Chromium's print mode: the screen bar is gone, the sheet is A4."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from jabatan.models import Keputusan
from kinerja.models import Skp
from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.browser.test_login import _login, _screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium writes the page size in points: A4 is 595 x 842 (210 x 297 mm).
A4 = re.compile(rb"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]")


def _cetak(page: Page, url: str, nama: str) -> None:
    page.goto(url)
    expect(page.locator(".alat-cetak")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    _screenshot(page, f"{nama}-ponsel")
    page.set_viewport_size({"width": 1280, "height": 900})
    _screenshot(page, f"{nama}-layar")
    page.emulate_media(media="print")
    expect(page.locator(".alat-cetak")).to_be_hidden()
    expect(page.locator(".kop")).to_contain_text("PEMERINTAH KOTA MATARAM")
    _screenshot(page, f"{nama}-cetak")
    pdf = page.pdf(prefer_css_page_size=True)
    assert A4.search(pdf), "the printed page is not A4"
    if folder := os.environ.get("SCREENSHOT_DIR"):
        with open(os.path.join(folder, f"{nama}.pdf"), "wb") as berkas:
            berkas.write(pdf)


def test_hr_prints_a_decree_extract_and_an_skp(page: Page, live_server):
    org = buat_organisasi()
    Pegawai.objects.filter(pk=org.pegawai_a.pk).update(gelar_depan="dr.", gelar_belakang="M.Kes.")
    keputusan = Keputusan.objects.create(
        formasi=org.formasi_a, pegawai=org.pegawai_a, penempatan=org.penempatan_a,
        nomor_sk="821.2/145/BKPSDM/2026", tanggal_sk=org.penempatan_a.tmt_mulai,
        tmt=org.penempatan_a.tmt_mulai, metode="talent_pool", peringkat_terpilih=1,
        snapshot={"jumlah_layak": 37, "jumlah_kandidat": 412}, aturan_versi="2026.2",
        oleh=org.users["hr"],
    )  # fmt: skip
    skp = Skp.objects.get(pegawai=org.pegawai_a)
    for i, (hasil, indikator, target, realisasi) in enumerate([
        ("Cakupan imunisasi dasar lengkap", "Persentase bayi diimunisasi", "95%", "97%"),
        ("Laporan surveilans penyakit menular", "Laporan tepat waktu", "12 laporan", "12 laporan"),
        ("Pembinaan puskesmas", "Puskesmas dibina", "11 puskesmas", ""),
    ], start=1):  # fmt: skip
        skp.rencana.create(
            urutan=i, hasil_kerja=hasil, indikator=indikator, target=target, realisasi=realisasi
        )
    Skp.objects.filter(pk=skp.pk).update(
        catatan_penilai="Pertahankan ketepatan laporan; lengkapi bukti pembinaan.",
        catatan_perilaku="Berorientasi pelayanan dan kolaboratif.",
    )
    base = live_server.url
    _login(page, base, "hr.bkpsdm")
    _cetak(page, f"{base}/jabatan/keputusan/{keputusan.pk}/petikan/", "petikan-sk")
    expect(page.locator("#petikan-nip")).to_have_text(org.pegawai_a.nip_tercetak)
    page.emulate_media(media="screen")
    _cetak(page, f"{base}/kinerja/skp/{skp.pk}/cetak/", "skp-cetak")
    expect(page.locator("#cetak-rencana tbody tr")).to_have_count(3)
