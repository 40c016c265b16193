"""The public cache keys on the query parameters each view reads, nothing else: junk in the
query string (campaign tags, a cache-buster) neither splits the cache nor bypasses it, nor ends
up in a stored page; a real filter gets its own entry."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.publik.bantu import buat_keputusan, isi_survei

SAMPAH = "utm_source=whatsapp&utm_campaign=kampanye-xyz&x=1&fbclid=IwAR0abc"


@pytest.fixture
def keputusan(sistem, opd):
    return [
        buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi"),
        buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Seksi Rotasi", metode="rotasi_mutasi"),
    ]


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize(
    "nama, query",
    [
        ("publik:transparansi", ""),
        ("publik:transparansi", "metode=talent_pool"),
        ("publik:lowong", ""),
        ("publik:survei", "tahun=2025"),
        ("publik:data_terbuka", ""),
        ("publik:seleksi_list", ""),
    ],
)
def test_it_serves_a_junk_parameter_from_the_same_entry(client, keputusan, nama, query):
    url = reverse(nama)
    assert _get(client, f"{url}?{query}")["X-Cache"] == "miss"
    sampah = _get(client, f"{url}?{query}&{SAMPAH}" if query else f"{url}?{SAMPAH}")
    assert sampah["X-Cache"] == "hit"


def test_a_real_filter_has_its_own_entry(client, keputusan):
    url = reverse("publik:transparansi")
    semua = _get(client, url)
    assert semua["X-Cache"] == "miss"
    disaring = _get(client, f"{url}?metode=rotasi_mutasi")
    assert disaring["X-Cache"] == "miss"
    assert "Kepala Seksi Rotasi" in disaring.content.decode()
    assert "Kepala Bidang Gizi" not in disaring.content.decode()
    assert _get(client, f"{url}?metode=rotasi_mutasi")["X-Cache"] == "hit"
    assert _get(client, f"{url}?halaman=2")["X-Cache"] == "miss"  # the page is read too


def test_the_key_is_the_same_in_any_order_and_without_empty_values(client, keputusan):
    url = reverse("publik:transparansi")
    assert _get(client, f"{url}?metode=talent_pool&urut=unit")["X-Cache"] == "miss"
    assert _get(client, f"{url}?urut=unit&metode=talent_pool")["X-Cache"] == "hit"
    assert _get(client, f"{url}?urut=unit&tahun=&metode=talent_pool&unit=")["X-Cache"] == "hit"


def test_junk_never_reaches_the_view_nor_the_stored_page(client, sistem, opd):
    # Enough decisions for a second page: its links carry the filters the view read.
    for i in range(21):
        buat_keputusan(sistem, opd=opd, nama_jabatan=f"Kepala Seksi {i}")
    url = reverse("publik:transparansi")
    pertama = _get(client, f"{url}?metode=talent_pool&{SAMPAH}").content.decode()
    assert "halaman=2" in pertama and "metode=talent_pool" in pertama
    assert "kampanye-xyz" not in pertama and "fbclid" not in pertama
    bersih = _get(client, f"{url}?metode=talent_pool")
    assert bersih["X-Cache"] == "hit" and bersih.content.decode() == pertama


def test_the_survey_year_keys_its_pages(client, unit_layanan):
    isi_survei(unit_layanan, 5)
    url = reverse("publik:survei_hasil", kwargs={"kode": unit_layanan.kode})
    assert _get(client, f"{url}?tahun=2025")["X-Cache"] == "miss"
    assert _get(client, f"{url}?tahun=2025&{SAMPAH}")["X-Cache"] == "hit"
    assert _get(client, url)["X-Cache"] == "miss"
