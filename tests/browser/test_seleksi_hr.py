# ruff: noqa: E501  (locator chains read better on one line)
"""HR opens an open selection (seleksi terbuka JPT) from the menu, records the administrative
check's results, publishes its announcement and sees it on the public page, in Chromium, on a
desktop and on a phone-sized window."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pegawai.jenis_jabatan import JenisJabatan
from publik.models import JenisTahap, Pengumuman, Seleksi
from publik.services import seleksi_apply
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, periksa_axe, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.publik.bantu import buat_calon_jpt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HARI = dt.timedelta(days=1)


@pytest.mark.parametrize("lebar", [1280, 390], ids=["desktop", "hp"])
def test_hr_opens_a_selection_records_a_stage_and_the_public_sees_it(
    page: Page, live_server, lebar
):
    page.set_viewport_size({"width": lebar, "height": 900})
    org = buat_organisasi()
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            nama="Kepala Dinas Kominfo Uji",
            jenis=JenisJabatan.JPT_PRATAMA,
            kelas_jabatan=14,
            golongan_minimal="IV/a",
            pendidikan_minimal="S1",
        ),
    )
    calon = buat_calon_jpt(org.bidang_a)
    tutup_periode()  # the merit rules read closed annual evaluations
    base = live_server.url
    login(page, base, "hr.bkpsdm")
    page.get_by_role("link", name="Kelola seleksi terbuka").click()
    page.get_by_role("link", name="Buka seleksi baru").click()
    expect(page.get_by_text("Pembina (IV/a)")).to_be_visible()  # the post's requirement
    page.get_by_label("Judul seleksi").fill("Seleksi Terbuka Kepala Dinas Kominfo 2026")
    page.get_by_label("Nomor pengumuman").fill("800/9/Pansel/2026")
    page.get_by_label("Kepala Dinas Kominfo Uji").check()
    page.get_by_label("Panitia seleksi").fill(
        "Sekretaris Daerah; ketua\nAsisten I; anggota\nAsisten III; anggota\nAkademisi; anggota\nKepala BKPSDM; sekretaris"
    )
    t = timezone.localdate() - 9 * HARI  # the administrative check began nine days ago
    # Announced 20 days before registration closes (at least PENGUMUMAN_MINIMAL_HARI); the
    # committee puts rekam jejak before the assessment and the interview (PermenPANRB 15/2019).
    jadwal = {"pengumuman": (t - 20 * HARI, t - 6 * HARI), "pendaftaran": (t - 5 * HARI, t - HARI)}
    for i, j in enumerate(["administrasi", "rekam_jejak", "kompetensi", "wawancara"]):
        jadwal[j] = (t + 2 * i * HARI, t + (2 * i + 1) * HARI)
    labels = dict(JenisTahap.choices)
    for n, j in enumerate(["rekam_jejak", "kompetensi", "wawancara"], start=1):
        page.get_by_label(f"{labels[j]}: urutan").select_option(str(n))
    # A wrong order first: the page names the stage, nothing is written.
    page.get_by_label(f"{labels['kompetensi']}: mulai").fill(jadwal["kompetensi"][1].isoformat())
    page.get_by_label(f"{labels['kompetensi']}: selesai").fill(jadwal["kompetensi"][0].isoformat())
    for j, (a, b) in jadwal.items():
        if j != "kompetensi":
            page.get_by_label(f"{labels[j]}: mulai").fill(a.isoformat())
            page.get_by_label(f"{labels[j]}: selesai").fill(b.isoformat())
    page.get_by_role("button", name="Buka seleksi").click()
    expect(
        page.get_by_role("alert").filter(has_text="Asesmen kompetensi: tanggal mulai")
    ).to_be_visible()
    tangkap_layar(page, f"publik-kelola-buka-galat-{lebar}")
    periksa_axe(page)
    assert not Seleksi.objects.exists()
    page.get_by_label(f"{labels['kompetensi']}: mulai").fill(jadwal["kompetensi"][0].isoformat())
    page.get_by_label(f"{labels['kompetensi']}: selesai").fill(jadwal["kompetensi"][1].isoformat())
    page.get_by_label("Kepala Dinas Kominfo Uji").check()
    page.get_by_role("button", name="Buka seleksi").click()
    expect(
        page.get_by_role("heading", name="Seleksi Terbuka Kepala Dinas Kominfo 2026")
    ).to_be_visible()
    expect(page.locator("tr", has_text="Penelusuran rekam jejak").locator("td").first).to_have_text(
        "4"
    )

    seleksi = Seleksi.objects.get()
    seleksi_apply(seleksi=seleksi, formasi=formasi, pegawai=calon, pada=jadwal["pendaftaran"][0])
    page.reload()
    expect(page.get_by_text(calon.nama_lengkap)).to_be_visible()
    tangkap_layar(page, f"publik-kelola-detail-{lebar}")
    periksa_axe(page)
    page.get_by_role("link", name="Catat hasil").first.click()
    expect(page.get_by_role("heading", name="Seleksi administrasi")).to_be_visible()
    page.get_by_label(f"Hasil {calon.nama_lengkap}").select_option("lulus")
    page.get_by_label(f"Nilai {calon.nama_lengkap}").fill("87.5")
    page.get_by_label(f"Catatan {calon.nama_lengkap}").fill("Berkas lengkap")
    page.get_by_role("button", name="Simpan hasil").click()
    expect(
        page.get_by_role("status").filter(has_text="Hasil Seleksi administrasi dicatat")
    ).to_be_visible()
    tangkap_layar(page, f"publik-kelola-tahap-{lebar}")
    periksa_axe(page)
    page.get_by_role("button", name="Umumkan di halaman publik").click()
    expect(
        page.get_by_role("status").filter(has_text="diumumkan di halaman publik")
    ).to_be_visible()
    assert Pengumuman.objects.filter(tahap__jenis="administrasi").exists()
    page.get_by_role("link", name="Lihat di halaman publik").click()
    tahap = page.locator("li", has_text="Seleksi administrasi")
    expect(tahap.get_by_text(calon.nama_lengkap)).to_be_visible()
    # The committee's note stays with HR.
    expect(page.get_by_text("Berkas lengkap")).to_have_count(0)
    tangkap_layar(page, f"publik-kelola-publik-{lebar}")
    page.goto(f"{base}/kelola/seleksi/")
    expect(
        page.get_by_role("link", name="Seleksi Terbuka Kepala Dinas Kominfo 2026")
    ).to_be_visible()
    tangkap_layar(page, f"publik-kelola-daftar-{lebar}")
    periksa_axe(page)
