"""HR changes an open selection in Chromium at 1280 px: edits it before its announcement,
announces it, reschedules it with a reason and cancels it with a reason; after each step the
public page, as the public sees it on a phone (390 px, no session, the cache), shows the
change at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Browser, Page, expect

from pegawai.jenis_jabatan import JenisJabatan
from publik.models import Pelamar, PerubahanSeleksi, Seleksi
from publik.services import seleksi_cancel
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, periksa_axe, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory
from tests.publik.bantu import buka, jadwal_dari

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HARI = dt.timedelta(days=1)
JUDUL = "Seleksi Terbuka Kepala Dinas Kominfo 2026"


def _tgl(d: dt.date) -> str:
    return date_format(d, "j F Y")  # as the pages print it, in Indonesian


def test_hr_edits_announces_reschedules_and_cancels_and_the_public_sees_each_step(
    page: Page, browser: Browser, live_server
):
    page.set_viewport_size({"width": 1280, "height": 900})

    def ponsel_baru() -> Page:
        """A new visitor on a phone: the server's cache applies, not a browser's own copy
        (public pages may be kept by browsers for publik.cache.MAKS_UMUR seconds)."""
        return browser.new_context(viewport={"width": 390, "height": 844}).new_page()

    ponsel = ponsel_baru()
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
    hari_ini = timezone.localdate()
    seleksi = buka(
        {"formasi": formasi},
        org.users["hr"],
        tahap=jadwal_dari(hari_ini + 3 * HARI),
        judul="Seleksi Kadis Kominfo",
    )
    base = live_server.url
    publik = f"{base}/seleksi/{seleksi.pk}/"

    # 1. Before its announcement: nothing public; HR edits the title and announces from today.
    assert ponsel.goto(publik).status == 404
    login(page, base, "hr.bkpsdm")
    page.goto(f"{base}/kelola/seleksi/{seleksi.pk}/")
    expect(
        page.get_by_text("Belum diumumkan: isi dan jadwalnya masih dapat diubah")
    ).to_be_visible()
    page.get_by_role("link", name="Ubah isi seleksi").click()
    expect(page.get_by_role("heading", name="Ubah seleksi sebelum diumumkan")).to_be_visible()
    expect(page.get_by_label("Kepala Dinas Kominfo Uji")).to_be_checked()
    tangkap_layar(page, "seleksi-ubah-form-1280")
    page.get_by_label("Judul seleksi").fill(JUDUL)
    page.get_by_label("Pengumuman lowongan: mulai").fill((hari_ini - HARI).isoformat())
    page.get_by_role("button", name="Simpan perubahan").click()
    expect(
        page.get_by_role("alert").filter(has_text="tidak dapat diumumkan mundur")
    ).to_be_visible()
    assert Seleksi.objects.get().judul == "Seleksi Kadis Kominfo"  # nothing written
    page.get_by_label("Pengumuman lowongan: mulai").fill(hari_ini.isoformat())
    page.get_by_role("button", name="Simpan perubahan").click()
    expect(page.get_by_role("heading", name=JUDUL)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Perubahan seleksi disimpan")).to_be_visible()
    expect(page.locator("tr", has_text="Isi seleksi diubah")).to_contain_text("judul, jadwal")
    tangkap_layar(page, "seleksi-ubah-hr-1280")
    periksa_axe(page)

    # 2. Announced: public at once, on a phone; the edit is gone, what remains is reschedule/cancel.
    page.locator("tr", has_text="Pengumuman lowongan").get_by_role("link").click()
    page.get_by_role("button", name="Umumkan di halaman publik").click()
    expect(
        page.get_by_role("status").filter(has_text="diumumkan di halaman publik")
    ).to_be_visible()
    ponsel = ponsel_baru()
    ponsel.goto(publik)
    expect(ponsel.get_by_role("heading", name=JUDUL)).to_be_visible()
    expect(ponsel.locator(".pemberitahuan")).to_have_count(0)
    tangkap_layar(ponsel, "seleksi-publik-diumumkan-390")
    page.goto(f"{base}/kelola/seleksi/{seleksi.pk}/")
    expect(page.get_by_role("link", name="Ubah isi seleksi")).to_have_count(0)
    page.goto(f"{base}/kelola/seleksi/{seleksi.pk}/ubah/")
    expect(page.get_by_text("Seleksi ini sudah diumumkan")).to_be_visible()
    expect(page.get_by_role("button", name="Simpan perubahan")).to_have_count(0)
    page.get_by_role("link", name="Ubah jadwal dengan alasan").click()

    # 3. Reschedule: registration a week longer, every later stage a week later, with a reason.
    expect(page.get_by_label("Pengumuman lowongan: mulai")).to_be_disabled()  # announced
    tahap = {t.jenis: t for t in seleksi.tahap.all()}
    label = {
        "pendaftaran": "Pendaftaran",
        "administrasi": "Seleksi administrasi",
        "kompetensi": "Asesmen kompetensi",
        "wawancara": "Penulisan makalah dan wawancara",
        "rekam_jejak": "Penelusuran rekam jejak",
    }
    for jenis in ["rekam_jejak", "wawancara", "kompetensi", "administrasi"]:
        page.get_by_label(f"{label[jenis]}: selesai").fill(
            (tahap[jenis].selesai + 7 * HARI).isoformat()
        )
        page.get_by_label(f"{label[jenis]}: mulai").fill(
            (tahap[jenis].mulai + 7 * HARI).isoformat()
        )
    page.get_by_label("Pendaftaran: selesai").fill(
        (tahap["pendaftaran"].selesai + 7 * HARI).isoformat()
    )
    page.get_by_role("button", name="Simpan jadwal baru").click()
    expect(
        page.get_by_role("alert").filter(has_text="Tuliskan alasan perubahan jadwal")
    ).to_be_visible()
    tangkap_layar(page, "seleksi-jadwal-galat-1280")
    periksa_axe(page)
    page.get_by_label("Alasan perubahan jadwal").fill(
        "Pendaftar belum mencapai enam orang; pendaftaran diperpanjang tujuh hari."
    )
    page.get_by_role("button", name="Simpan jadwal baru").click()
    expect(page.get_by_role("status").filter(has_text="Jadwal diubah")).to_be_visible()
    expect(page.locator("tr", has_text="Jadwal diubah").first).to_contain_text(
        "Pendaftar belum mencapai enam orang"
    )
    ponsel = ponsel_baru()
    ponsel.goto(publik)
    pemberitahuan = ponsel.locator(".pemberitahuan")
    expect(pemberitahuan).to_contain_text(f"Jadwal diubah pada {_tgl(hari_ini)}")
    expect(pemberitahuan).to_contain_text("Pendaftar belum mencapai enam orang")
    baru = tahap["pendaftaran"].selesai + 7 * HARI
    expect(pemberitahuan.get_by_role("listitem").filter(has_text="Pendaftaran")).to_contain_text(
        f"{baru.day} "
    )
    tangkap_layar(ponsel, "seleksi-publik-jadwal-390")
    periksa_axe(ponsel)
    assert ponsel.evaluate("document.documentElement.scrollWidth") <= 390

    # 4. Cancel with a reason: the page says what it does; the public list and page say so.
    page.goto(f"{base}/kelola/seleksi/{seleksi.pk}/")
    tangkap_layar(page, "seleksi-detail-hr-1280")
    page.get_by_role("link", name="Batalkan seleksi").click()
    expect(page.get_by_text("ditandai dibatalkan, tidak dihapus")).to_be_visible()
    tangkap_layar(page, "seleksi-batal-hr-1280")
    periksa_axe(page)
    page.get_by_label("Alasan pembatalan").fill("Dinas digabung dalam penataan perangkat daerah.")
    page.get_by_role("button", name="Batalkan seleksi ini").click()
    expect(page.get_by_role("status").filter(has_text="dibatalkan")).to_be_visible()
    expect(page.get_by_role("link", name="Batalkan seleksi")).to_have_count(0)
    expect(page.get_by_role("link", name="Ubah jadwal")).to_have_count(0)
    tangkap_layar(page, "seleksi-detail-batal-hr-1280")
    status = f"Dibatalkan pada {_tgl(hari_ini)}: Dinas digabung dalam penataan perangkat daerah."
    ponsel = ponsel_baru()
    ponsel.goto(publik)
    expect(ponsel.locator(".pemberitahuan.batal")).to_contain_text(status)
    expect(ponsel.locator(".seleksi-status")).to_have_text(status)
    tangkap_layar(ponsel, "seleksi-publik-batal-390")
    ponsel.goto(f"{base}/seleksi/")
    expect(
        ponsel.locator(".seleksi-kartu", has_text=JUDUL).locator(".seleksi-status")
    ).to_have_text(status)
    tangkap_layar(ponsel, "seleksi-publik-daftar-batal-390")
    periksa_axe(ponsel)
    page.goto(f"{base}/kelola/seleksi/?status=dibatalkan")
    expect(page.locator("tr", has_text=JUDUL)).to_contain_text("Dibatalkan")
    tangkap_layar(page, "seleksi-daftar-hr-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert [p.jenis for p in PerubahanSeleksi.objects.order_by("pk")] == ["ubah", "jadwal", "batal"]


def test_an_applicant_on_a_phone_reads_the_cancellation_of_their_selection(page: Page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    org = buat_organisasi()
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            nama="Kepala Dinas Kominfo Uji", jenis=JenisJabatan.JPT_PRATAMA, kelas_jabatan=14
        ),
    )
    hari_ini = timezone.localdate()
    seleksi = buka(
        {"formasi": formasi}, org.users["hr"], tahap=jadwal_dari(hari_ini - 10 * HARI), judul=JUDUL
    )
    # Set-up only: the applicant applied during registration (eligibility is not under test).
    Pelamar.objects.create(seleksi=seleksi, formasi=formasi, pegawai=org.pegawai_a)
    seleksi_cancel(
        seleksi=seleksi,
        alasan="Dinas digabung dalam penataan perangkat daerah.",
        pada=hari_ini,
        oleh=org.users["hr"],
    )
    login(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/saya/seleksi/")
    lamaran = page.locator("li", has_text="Kepala Dinas Kominfo Uji")
    expect(lamaran.locator(".seleksi-status")).to_have_text(
        f"Dibatalkan pada {_tgl(hari_ini)}: Dinas digabung dalam penataan perangkat daerah."
    )
    expect(page.get_by_role("button", name="Lamar formasi ini")).to_have_count(0)
    tangkap_layar(page, "seleksi-saya-batal-390")
    periksa_axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
