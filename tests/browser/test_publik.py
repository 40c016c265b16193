"""A member of the public, on a phone and on a desktop: browses the filled posts, filters them,
opens a decision, downloads the open data, follows an open selection's announcements and
submits a survey; axe-core (committed under tests/browser/static/axe-core, MPL-2.0, never a CDN)
finds no serious or critical accessibility violation on any public page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from survei.models import ResponSkm
from tests.browser.alat import periksa_axe, tangkap_layar
from tests.publik.bantu import TERTUTUP, buat_keputusan, isi_survei

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data_publik(db):
    from django.contrib.auth.models import User

    from publik.models import Pengumuman, Seleksi, Tahap
    from survei.models import UnitLayanan
    from tests.factories import UnitKerjaFactory

    sistem = User.objects.create_user("sistem-uji")
    pemda = UnitKerjaFactory(nama="Pemerintah Kota Uji", jenis="pemda")
    opd = UnitKerjaFactory(nama="Dinas Kesehatan Uji", parent=pemda)
    buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi")
    buat_keputusan(
        sistem,
        opd=opd,
        nama_jabatan="Kepala Dinas Kesehatan",
        metode="seleksi_terbuka",
        jenis="JPT_PRATAMA",
    )
    buat_keputusan(sistem, opd=opd, nama_jabatan="Sekretaris Dinas", peringkat=2)
    unit = UnitLayanan.objects.create(
        unit_kerja=UnitKerjaFactory(nama="Puskesmas Ampenan Uji", jenis="puskesmas", parent=opd),
        kode="puskesmas-ampenan-uji",
    )
    isi_survei(unit, 6, nilai=3, tanggal=TERTUTUP)  # a closed quarter: published
    seleksi = Seleksi.objects.create(
        judul="Seleksi Terbuka Kepala Dinas Kesehatan 2026",
        nomor_pengumuman="800/9/Pansel/2026",
        dibuka_oleh=sistem,
    )
    # Announced from 20 April 2026: public from then on (SeleksiQuerySet.terbit).
    Tahap.objects.create(
        seleksi=seleksi, jenis="pengumuman", urutan=1, mulai="2026-04-20", selesai="2026-04-24"
    )
    tahap = Tahap.objects.create(
        seleksi=seleksi, jenis="administrasi", urutan=3, mulai="2026-05-01", selesai="2026-05-11"
    )
    Pengumuman.objects.create(
        tahap=tahap,
        seleksi=seleksi,
        tanggal="2026-05-11",
        isi=[{"formasi": "Kepala Dinas Kesehatan", "lulus": ["Dr. Ani, M.Kes."]}],
    )
    # One in registration today (its status and deadline on the list), one not announced yet
    # (nowhere on the public pages).
    hari_ini = timezone.localdate()
    for judul, geser in (("Seleksi Terbuka Sekretaris Daerah", -2), ("Seleksi Rahasia", 1)):
        s = Seleksi.objects.create(judul=judul, nomor_pengumuman="800/10", dibuka_oleh=sistem)
        mulai = hari_ini + dt.timedelta(days=geser)
        Tahap.objects.create(
            seleksi=s,
            jenis="pengumuman",
            urutan=1,
            mulai=mulai,
            selesai=mulai + dt.timedelta(days=1),
        )
        Tahap.objects.create(
            seleksi=s,
            jenis="pendaftaran",
            urutan=2,
            mulai=mulai + dt.timedelta(days=2),
            selesai=mulai + dt.timedelta(days=9),
        )
    return unit


@pytest.mark.parametrize("lebar", [390, 1280])
def test_a_member_of_the_public_browses_downloads_follows_and_rates(
    page: Page, live_server, data_publik, lebar, tmp_path
):
    page.set_viewport_size({"width": lebar, "height": 900})
    page.goto(live_server.url + "/")
    expect(
        page.get_by_role("heading", name="Transparansi jabatan dan pelayanan publik")
    ).to_be_visible()
    periksa_axe(page)
    tangkap_layar(page, f"publik-beranda-{lebar}")

    # Filled posts: filter by method, open one decision.
    page.get_by_role("navigation", name="Menu publik").get_by_role(
        "link", name="Jabatan terisi"
    ).click()
    periksa_axe(page)
    if lebar == 390:  # folded below the results on a phone (tests/browser/test_transparansi_hp.py)
        page.get_by_text("Saring dan urutkan").click()
    page.get_by_label("Metode").select_option(label="Seleksi terbuka")
    page.get_by_role("button", name="Saring", exact=True).click()
    expect(page.get_by_text("1 keputusan.")).to_be_visible()
    page.get_by_role("link", name="Kepala Dinas Kesehatan").locator("visible=true").first.click()
    expect(page.get_by_role("heading", name="Kepala Dinas Kesehatan")).to_be_visible()
    periksa_axe(page)
    tangkap_layar(page, f"publik-keputusan-{lebar}")

    # Open posts and figures.
    page.get_by_role("navigation", name="Menu publik").get_by_role(
        "link", name="Jabatan lowong"
    ).click()
    periksa_axe(page)

    # Open data: the CSV downloads, the JSON is documented and parses.
    page.get_by_role("navigation", name="Menu publik").get_by_role(
        "link", name="Data terbuka"
    ).click()
    periksa_axe(page)
    with page.expect_download() as unduhan:
        page.locator("#jabatan-terisi + p").get_by_role("link", name="CSV").click()
    isi = Path(unduhan.value.path()).read_text()
    assert isi.splitlines()[0].startswith("id,jabatan,") and "Kepala Bidang Gizi" in isi
    data = json.loads(
        page.request.get(live_server.url + "/data-terbuka/jabatan-terisi.json").text()
    )
    assert len(data["data"]) == 3

    # An open selection's dated announcement.
    page.get_by_role("navigation", name="Menu publik").get_by_role(
        "link", name="Seleksi terbuka"
    ).click()
    # Each published selection with its status, the stage running today and its deadline.
    expect(page.locator(".seleksi-status")).to_have_text(
        ["Pendaftaran dibuka", "Semua tahap selesai; menunggu usulan kepada PPK"]
    )
    expect(page.locator(".seleksi-tahap")).to_have_text(["Pendaftaran"])
    expect(page.locator(".seleksi-batas")).to_contain_text("sampai ")
    expect(page.get_by_text("Seleksi Rahasia")).to_have_count(0)
    periksa_axe(page)
    tangkap_layar(page, f"publik-seleksi-daftar-{lebar}")
    page.get_by_role("link", name="Seleksi Terbuka Kepala Dinas Kesehatan 2026").click()
    expect(page.get_by_text("Diumumkan 11 Mei 2026.")).to_be_visible()
    expect(page.get_by_text("Dr. Ani, M.Kes.")).to_be_visible()
    periksa_axe(page)
    tangkap_layar(page, f"publik-seleksi-{lebar}")

    # The survey: results, then the form.
    page.get_by_role("navigation", name="Menu publik").get_by_role(
        "link", name="Survei kepuasan"
    ).click()
    periksa_axe(page)
    page.get_by_label("Tahun").select_option(str(TERTUTUP.year))
    page.get_by_role("button", name="Tampilkan").click()
    tangkap_layar(page, f"publik-survei-daftar-{lebar}")
    page.get_by_role("link", name="Puskesmas Ampenan Uji").click()
    expect(page.locator(".kartu .angka").first).to_have_text("75,00")
    expect(page.get_by_role("heading", name="Bagaimana jawaban Anda dirahasiakan")).to_be_visible()
    tangkap_layar(page, f"publik-survei-hasil-{lebar}")
    periksa_axe(page)
    page.get_by_role("link", name="Isi survei unit ini").click()
    periksa_axe(page)
    for fieldset in (
        page.locator("fieldset.skala").filter(has=page.locator("input[type=radio]")).all()
    ):
        fieldset.locator("label").nth(3).click()  # 4: the best answer
    page.get_by_label("Usia").select_option(label="25–39 tahun")
    page.get_by_label("Saran atau komentar (tidak wajib)").fill("Pelayanan cepat.")
    tangkap_layar(page, f"publik-survei-isi-{lebar}")
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_role("status")).to_contain_text("sudah kami terima")
    periksa_axe(page)
    assert ResponSkm.objects.filter(u1=4, u9=4, usia="25-39").count() == 1


def test_a_missing_answer_is_shown_next_to_its_question(page: Page, live_server, data_publik):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server.url + f"/survei/{data_publik.kode}/")
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_role("alert").first).to_contain_text("Periksa kembali")
    expect(page.get_by_text("Pilih salah satu jawaban.").first).to_be_visible()
    periksa_axe(page)
