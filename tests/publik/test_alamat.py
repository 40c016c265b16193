"""Absolute URLs come from settings.SITE_URL, never from the request's Host: with two allowed
host names, a request naming the other one fills the public cache, and neither that cached page
nor any poster, QR code or open-data file carries the other name."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from publik.models import Pengumuman, Seleksi, Tahap
from tests.publik.bantu import HOST_LAIN, SITUS_PRODUKSI, buat_keputusan, isi_survei
from tests.qr import teks_qr

HOST_PRODUKSI = urlsplit(SITUS_PRODUKSI).hostname


@pytest.fixture
def dua_host(settings):
    settings.ALLOWED_HOSTS = [HOST_PRODUKSI, HOST_LAIN]
    settings.SITE_URL = SITUS_PRODUKSI


@pytest.fixture
def data(sistem, opd, unit_layanan):
    keputusan = buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi")
    isi_survei(unit_layanan, 5, komentar="Cepat")
    seleksi = Seleksi.objects.create(
        judul="Seleksi Terbuka Kepala Dinas Uji",
        nomor_pengumuman="800/1/Pansel/2026",
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
        isi=[{"formasi": "Kepala Dinas Uji", "lulus": ["Dr. Ani, M.Kes."]}],
    )
    return {"keputusan": keputusan, "unit": unit_layanan, "seleksi": seleksi}


def _url_publik(data) -> list[str]:
    kode = {"kode": data["unit"].kode}
    urls = [
        reverse("beranda"),
        reverse("publik:transparansi"),
        reverse("publik:transparansi") + "?metode=talent_pool",
        reverse("publik:keputusan_detail", args=[data["keputusan"].pk]),
        reverse("publik:lowong"),
        reverse("publik:data_terbuka"),
        reverse("publik:survei"),
        reverse("publik:survei_hasil", kwargs=kode),
        reverse("publik:survei_form", kwargs=kode),
        reverse("publik:survei_terima_kasih", kwargs=kode),
        reverse("publik:survei_cetak", kwargs=kode),
        reverse("publik:survei_qr", kwargs=kode),
        reverse("publik:survei_png", kwargs=kode),
        reverse("publik:seleksi_list"),
        reverse("publik:seleksi_detail", args=[data["seleksi"].pk]),
    ]
    for dataset in ("jabatan-terisi", "jabatan-lowong", "ikm"):
        urls += [reverse("publik:unduh", args=[dataset, fmt]) for fmt in ("csv", "json")]
    return urls


def test_no_page_poster_or_code_carries_another_allowed_host(client, dua_host, data):
    for url in _url_publik(data):
        lain = client.get(url, HTTP_HOST=HOST_LAIN)  # fills the cache first
        produksi = client.get(url, HTTP_HOST=HOST_PRODUKSI)
        assert lain.status_code == produksi.status_code == 200, url
        if "X-Cache" in lain:
            assert produksi["X-Cache"] == "hit", url  # the very entry the other host filled
        for response in (lain, produksi):
            assert HOST_LAIN.encode() not in response.content, url
            if response["Content-Type"] == "image/png":
                assert teks_qr(response.content) == [
                    f"{SITUS_PRODUKSI}/survei/{data['unit'].kode}/"
                ]
    poster = client.get(
        reverse("publik:survei_cetak", kwargs={"kode": data["unit"].kode}), HTTP_HOST=HOST_LAIN
    )
    assert f"{SITUS_PRODUKSI}/survei/{data['unit'].kode}/" in poster.content.decode()
    json = client.get(reverse("publik:unduh", args=["ikm", "json"]), HTTP_HOST=HOST_LAIN).json()
    assert json["sumber"] == f"{SITUS_PRODUKSI}/data-terbuka/"


def test_the_feed_carries_no_other_allowed_host(client, dua_host, data):
    client.get(reverse("publik:feed"), HTTP_HOST=HOST_LAIN)
    response = client.get(reverse("publik:feed"), HTTP_HOST=HOST_PRODUKSI)
    assert HOST_LAIN.encode() not in response.content
