"""HR records a decision through its confirmation, corrects it and annuls it in Chromium at
1280 px; after each step the public decision page (an anonymous visitor, served through the
public cache) shows it: published, corrected with the day, annulled with the day and reason."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from jabatan.models import Keputusan
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.jabatan.bantu import buat_calon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LEBAR = {"width": 1280, "height": 900}


def test_hr_records_confirms_corrects_and_annuls_and_the_public_follows(
    page: Page, browser: Browser, live_server
):
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
    terbaik = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Sangat Baik"))
    tutup_periode()
    base = live_server.url
    publik = browser.new_context(viewport=LEBAR).new_page()  # no session: the cached pages
    page.set_viewport_size(LEBAR)
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/jabatan/lowongan/{formasi.pk}/")
    page.get_by_label(f"Usulkan {terbaik.nama_lengkap}").check()
    page.get_by_role("button", name="Usulkan kepada PPK (maksimal 3)").click()
    expect(page.get_by_text("Usulan kandidat dicatat.")).to_be_visible()

    # No method by default: the browser will not send the form without one (the server's
    # named refusal is tests/jabatan/test_views_lowongan_aksi's).
    metode = page.get_by_label("Metode pengisian")
    expect(metode).to_have_value("")
    page.get_by_label("Nomor SK").fill("821.2/15/BKPSDM/2026")
    page.get_by_role("button", name="Periksa sebelum dicatat").click()
    assert metode.evaluate("e => e.validity.valueMissing")
    expect(page.locator("#akan-diumumkan")).to_have_count(0)

    # The confirmation names the candidate and says it will be published; nothing yet.
    page.get_by_label("Nomor SK").fill("821.2/15/BKPSDM/2026")
    page.get_by_label("Metode pengisian").select_option("talent_pool")
    page.get_by_role("button", name="Periksa sebelum dicatat").click()
    ringkasan = page.locator("#ringkasan-keputusan")
    expect(ringkasan).to_contain_text(terbaik.nama_lengkap)
    expect(ringkasan).to_contain_text(terbaik.nip_tercetak)
    expect(ringkasan).to_contain_text("peringkat 1 dari")
    expect(ringkasan).to_contain_text("Talent pool")
    expect(page.locator("#akan-diumumkan")).to_contain_text("halaman transparansi publik")
    tangkap_layar(page, "keputusan-konfirmasi")
    assert not Keputusan.objects.exists()
    page.get_by_role("button", name="Catat dan umumkan").click()
    expect(page.get_by_role("status")).to_contain_text("821.2/15/BKPSDM/2026 dicatat")
    k = Keputusan.objects.get()
    publik.goto(f"{base}/transparansi/{k.pk}/")
    expect(publik.get_by_text("821.2/15/BKPSDM/2026")).to_be_visible()
    expect(publik.locator("#status-batal")).to_have_count(0)

    # Correct the SK number: the HR page and, at once, the public page say so.
    koreksi = page.locator("#form-koreksi")
    koreksi.get_by_label("Nomor SK").fill("821.2/16/BKPSDM/2026")
    koreksi.get_by_label("Alasan koreksi (tidak diumumkan)").fill("Salah ketik nomor SK.")
    koreksi.get_by_role("button", name="Simpan koreksi").click()
    expect(page.get_by_role("status")).to_contain_text("Koreksi dicatat: nomor SK.")
    expect(page.locator("#riwayat-koreksi")).to_contain_text("nomor SK: 821.2/15")
    expect(page.locator("#riwayat-koreksi")).to_contain_text("Salah ketik nomor SK.")
    tangkap_layar(page, "keputusan-dikoreksi")
    publik.reload()
    expect(publik.get_by_text("821.2/16/BKPSDM/2026")).to_be_visible()
    expect(publik.locator("#koreksi")).to_contain_text(re.compile(r"Dikoreksi pada .*nomor SK"))
    expect(publik.get_by_text("Salah ketik nomor SK.")).to_have_count(0)

    # Annul: a blank reason is refused by name, then with a reason the post is vacant again.
    batal = page.locator("#form-batal")
    batal.get_by_label(re.compile("Alasan pembatalan")).fill("   ")
    batal.get_by_role("button", name="Batalkan keputusan").click()
    expect(page.get_by_role("alert")).to_contain_text("Alasan pembatalan wajib diisi.")
    page.locator("#form-batal").get_by_label(re.compile("Alasan pembatalan")).fill(
        "SK ditarik oleh PPK."
    )
    page.locator("#form-batal").get_by_role("button", name="Batalkan keputusan").click()
    expect(page.locator("#status-batal")).to_contain_text("SK ditarik oleh PPK.")
    expect(page.locator("#form-koreksi")).to_have_count(0)
    tangkap_layar(page, "keputusan-dibatalkan")
    publik.reload()
    expect(publik.locator("#status-batal")).to_contain_text("dibatalkan pada")
    expect(publik.locator("#status-batal")).to_contain_text("SK ditarik oleh PPK.")
    tangkap_layar(publik, "keputusan-publik-dibatalkan")
    publik.set_viewport_size({"width": 390, "height": 844})
    assert publik.evaluate("document.documentElement.scrollWidth") <= 390
    tangkap_layar(publik, "keputusan-publik-dibatalkan-hp")
    publik.set_viewport_size(LEBAR)
    publik.goto(f"{base}/transparansi/")
    baris = publik.locator("tbody tr", has_text="Kepala Bidang Pelayanan")  # still listed
    expect(baris).to_contain_text("Dibatalkan pada")
    expect(baris).to_contain_text("Dikoreksi pada")
    tangkap_layar(publik, "transparansi-dibatalkan")
    # The ranking page offers the post again, the annulled decision marked.
    page.goto(f"{base}/jabatan/lowongan/{formasi.pk}/")
    expect(page.get_by_text(re.compile("dibatalkan"))).to_be_visible()
    publik.context.close()
