"""What whole SIASN records change on the pages: the preview's leaving and TMT pensiun lines,
the DUK (PNS only, masa kerja golongan) on a desk and on a unit head's phone, and an
employee's own masa kerja golongan on a phone."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from impor import proses
from impor.models import Impor, PemetaanJabatan
from pegawai import projection
from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory
from tests.impor.bantu import baris_pegawai, ke_json, rekam_utuh

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

HP = {"width": 390, "height": 844}


def _rekam(p: Pegawai, **ubah) -> dict[str, str]:
    return baris_pegawai(p, dasar=rekam_utuh, unorId=p.unit_kerja.kode, **ubah)


def test_the_preview_shows_who_leaves_and_the_tmt_pensiun_differences(page: Page, live_server):
    org = buat_organisasi()
    unit = org.unit_a
    jabatan = JabatanFactory(nama="Pengadministrasi Umum", jenis="PELAKSANA")
    formasi = FormasiFactory(jabatan=jabatan, unit_kerja=unit, kuota=3)
    PemetaanJabatan.objects.create(
        kode_siasn="jfu-1", nama_siasn="PENGADMINISTRASI UMUM", jabatan=jabatan
    )
    pergi = PegawaiFactory(unit_kerja=unit, nama="Lalu Pensiun")
    PenempatanFactory(pegawai=pergi, formasi=formasi)
    beda = PegawaiFactory(unit_kerja=unit, nama="Baiq Selisih", tanggal_lahir=date(1980, 6, 9))
    PenempatanFactory(pegawai=beda, formasi=formasi)
    data = ke_json(
        [
            _rekam(
                pergi, kedudukanPnsId="99", kedudukanPnsNama="Pensiun", tmtBerhenti="01-11-2026"
            ),
            _rekam(
                beda,
                jenisJabatanId="4",
                jabatanFungsionalUmumId="jfu-1",
                tmtJabatan="02-01-2024",
                tmtPensiun="01-07-2040",
            ),
        ],
        bungkus=True,
    )
    r = proses.jalankan(data, "json")
    impor = Impor.objects.create(
        nama_berkas="siasn-data-utama.json",
        format="json",
        ukuran=len(data),
        checksum="0" * 64,
        berkas=data,
        status=Impor.Status.PRATINJAU,
        ringkasan=r.sebagai_dict(),
    )
    login(page, live_server.url, "hr.bkpsdm")
    page.goto(f"{live_server.url}{impor.get_absolute_url()}")
    expect(page.locator("[data-berhenti]")).to_contain_text("1 pegawai berhenti")
    expect(page.locator("[data-berhenti]")).to_contain_text("1 penempatan aktif diakhiri")
    tabel = page.locator("table.pensiun")
    expect(tabel).to_contain_text("Baiq Selisih")
    expect(tabel).to_contain_text("1 Juli 2040")  # SIASN's
    expect(tabel).to_contain_text("1 Juli 2038")  # ours: 58 years, the month after
    page.set_viewport_size({"width": 1280, "height": 900})
    tangkap_layar(page, "impor-pratinjau-berhenti-pensiun")


def test_the_duk_on_a_desk_and_on_a_unit_heads_phone(page: Page, live_server):
    org = buat_organisasi()
    with projection.deferred():
        for n, (tahun, bulan) in enumerate([(20, 0), (15, 11), (None, None)]):
            PegawaiFactory(
                unit_kerja=org.unit_a,
                golongan="III/c",
                tmt_golongan=date(2021, 4, 1),
                tmt_pns=date(2010, 1, 1),
                mk_golongan_tahun=tahun,
                mk_golongan_bulan=bulan,
                nama=f"Pegawai DUK {n}",
            )
        PegawaiFactory(unit_kerja=org.unit_a, nama="Calon PNS Baru")
        PegawaiFactory(unit_kerja=org.unit_a, pppk=True, nama="Pegawai PPPK")
    login(page, live_server.url, "pimpinan")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/jabatan/duk/?unit={org.unit_a.pk}")
    tabel = page.locator("#duk")
    expect(tabel).to_contain_text("Pegawai DUK 0")
    expect(tabel).not_to_contain_text("Pegawai PPPK")
    expect(tabel).not_to_contain_text("Calon PNS Baru")
    expect(page.locator("[data-cpns]")).to_be_visible()
    tangkap_layar(page, "duk-1280")
    page.set_viewport_size(HP)
    page.reload()
    expect(tabel).to_contain_text("Pegawai DUK 1")
    tangkap_layar(page, "duk-390")


def test_an_employee_sees_their_masa_kerja_golongan_on_a_phone(page: Page, live_server):
    org = buat_organisasi()
    Pegawai.objects.filter(pk=org.pegawai_a.pk).update(
        mk_golongan_tahun=8, mk_golongan_bulan=3, tmt_golongan=date(2024, 4, 1)
    )
    page.set_viewport_size(HP)
    login(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/saya/")
    expect(page.locator("dl.data")).to_contain_text("Masa kerja golongan")
    tangkap_layar(page, "saya-masa-kerja-390")
