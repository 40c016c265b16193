"""HR ranks a vacancy, proposes, and records the decision in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from jabatan.models import Keputusan
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.jabatan.bantu import buat_calon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_ranks_proposes_and_decides_with_and_without_justification(page: Page, live_server):
    org = buat_organisasi()
    FormasiFactory(
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
    kedua = buat_calon(org.bidang_a)
    tutup_periode()  # the ranking reads closed annual evaluations
    base = live_server.url
    login(page, base, "hr.bkpsdm")

    page.goto(f"{base}/jabatan/lowongan/")
    page.get_by_role("link", name="Kepala Bidang Pelayanan").click()
    expect(page.get_by_role("heading", name=re.compile("Kepala Bidang Pelayanan"))).to_be_visible()
    rows = page.locator("#tabel-peringkat tbody.kandidat")
    expect(rows.nth(0)).to_contain_text(terbaik.nama)
    page.get_by_label(f"Usulkan {terbaik.nama_lengkap}").check()
    page.get_by_label(f"Usulkan {kedua.nama_lengkap}").check()
    page.get_by_role("button", name="Usulkan kepada PPK (maksimal 3)").click()
    expect(page.get_by_text("Usulan kandidat dicatat.")).to_be_visible()

    # The second-ranked without a justification: refused, nothing written.
    page.get_by_label("Yang diangkat").select_option(str(kedua.pk))
    page.get_by_label("Nomor SK").fill("821.2/77/BKPSDM/2026")
    page.get_by_label("Metode pengisian").select_option("talent_pool")
    page.get_by_role("button", name="Periksa sebelum dicatat").click()
    expect(page.get_by_role("alert")).to_contain_text("justifikasi")
    assert not Keputusan.objects.exists()
    tangkap_layar(page, "merit-tanpa-justifikasi")

    # With a justification: recorded, the appointee placed.
    page.get_by_label("Yang diangkat").select_option(str(kedua.pk))
    page.get_by_label("Nomor SK").fill("821.2/77/BKPSDM/2026")
    page.get_by_label("Justifikasi (wajib bila bukan peringkat pertama)").fill(
        "Pengalaman memimpin layanan puskesmas"
    )
    page.get_by_label("Metode pengisian").select_option("talent_pool")
    page.get_by_role("button", name="Periksa sebelum dicatat").click()
    expect(page.locator("#akan-diumumkan")).to_be_visible()
    assert not Keputusan.objects.exists()
    page.get_by_role("button", name="Catat dan umumkan").click()
    expect(page.get_by_text("Keputusan 821.2/77/BKPSDM/2026 dicatat")).to_be_visible()
    keputusan = Keputusan.objects.get()
    assert keputusan.pegawai_id == kedua.pk and keputusan.peringkat_terpilih == 2
    assert keputusan.snapshot["terpilih"]["pegawai_id"] == kedua.pk
    tangkap_layar(page, "merit-diputuskan")
