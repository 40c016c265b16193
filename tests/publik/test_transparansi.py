"""Transparency of filled posts: list, filters, sorting, pagination, a page per decision, open
posts and figures, open data (CSV, JSON) and the Atom feed; the privacy walk over every public
URL and format; no cookie and no write on a GET; caching and its invalidation."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jabatan.models import Keputusan
from publik.selectors import MIN_ORANG, angka_transparansi
from publik.views.transparansi import PER_HALAMAN
from tests.publik.bantu import (
    ALASAN_RAHASIA,
    NILAI_RAHASIA,
    TERTUTUP,
    buat_keputusan,
    isi_survei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def keputusan(sistem, opd) -> list[Keputusan]:
    return [
        buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi"),
        buat_keputusan(
            sistem,
            opd=opd,
            nama_jabatan="Sekretaris Dinas",
            peringkat=2,
            tanggal=dt.date(2025, 6, 2),
            justifikasi="Pengalaman 12 tahun.",
            ringkasan_publik="Pengalaman memimpin unit serupa.",
        ),
        buat_keputusan(
            sistem,
            opd=opd,
            nama_jabatan="Kepala Dinas Uji",
            metode="seleksi_terbuka",
            jenis="JPT_PRATAMA",
            tanggal=dt.date(2026, 1, 5),
        ),
    ]


def test_it_lists_the_filled_posts_with_the_public_facts(client, keputusan):
    html = client.get(reverse("publik:transparansi")).content.decode()
    k = keputusan[1]
    assert "Sekretaris Dinas" in html and k.pegawai.nama_lengkap in html
    # HR's public summary, never the internal justification (tests/publik/test_ringkasan_publik.py)
    assert "Pengalaman memimpin unit serupa." in html and "Pengalaman 12 tahun." not in html
    assert "2 Juni 2025" in html and "Talent pool" in html


@pytest.mark.parametrize(
    ("query", "jabatan"),
    [
        ({"metode": "seleksi_terbuka"}, ["Kepala Dinas Uji"]),
        ({"tahun": "2025"}, ["Sekretaris Dinas"]),
        ({"jenis": "JPT_PRATAMA"}, ["Kepala Dinas Uji"]),
        ({"urut": "jabatan"}, ["Kepala Bidang Gizi", "Kepala Dinas Uji", "Sekretaris Dinas"]),
        ({"urut": "terlama"}, ["Sekretaris Dinas", "Kepala Dinas Uji", "Kepala Bidang Gizi"]),
    ],
)
def test_it_filters_and_sorts(client, keputusan, query, jabatan):
    response = client.get(reverse("publik:transparansi"), query)
    assert [b.jabatan for b in response.context["baris"]] == jabatan


def test_it_filters_by_perangkat_daerah(client, keputusan, sistem):
    from tests.factories import UnitKerjaFactory

    lain = UnitKerjaFactory(nama="Dinas Lain", parent=keputusan[0].formasi.unit_kerja.parent.parent)
    buat_keputusan(sistem, opd=lain, nama_jabatan="Kepala Bidang Lain")
    response = client.get(reverse("publik:transparansi"), {"unit": lain.pk})
    assert [b.jabatan for b in response.context["baris"]] == ["Kepala Bidang Lain"]


def test_a_bad_filter_says_why_and_lists_nothing(client, keputusan):
    response = client.get(reverse("publik:transparansi"), {"metode": "undian"})
    assert response.status_code == 200 and not response.context["baris"]
    assert "undian" in response.content.decode()


def test_it_paginates(client, sistem, opd, django_assert_max_num_queries):
    for i in range(PER_HALAMAN + 2):
        buat_keputusan(sistem, opd=opd, nama_jabatan=f"Jabatan {i:02d}")
    # the count; the page of decisions with their post, unit and appointee (one join); their
    # corrections (one prefetch); the page's perangkat daerah (one query however many rows
    # share them)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("publik:transparansi"), {"halaman": 2, "urut": "jabatan"})
    assert len(response.context["baris"]) == 2
    assert "Halaman 2 dari 2" in response.content.decode()


def test_an_annulled_decision_stays_listed_marked_with_its_day_and_reason(
    client, keputusan, sistem
):
    from jabatan.services import keputusan_cancel

    lama = keputusan[0]
    keputusan_cancel(
        keputusan=lama,
        alasan="SK diterbitkan untuk orang yang salah.",
        oleh=sistem,
        pada=dt.date(2026, 4, 1),
    )
    html = client.get(
        reverse("publik:keputusan_detail", kwargs={"keputusan_id": lama.pk})
    ).content.decode()
    assert "Keputusan ini dibatalkan pada 1 April 2026" in html
    assert "SK diterbitkan untuk orang yang salah." in html
    daftar = client.get(reverse("publik:transparansi")).content.decode()
    assert "Dibatalkan pada 1 April 2026" in daftar


def test_a_decision_has_its_page(client, keputusan):
    k = keputusan[1]
    html = client.get(
        reverse("publik:keputusan_detail", kwargs={"keputusan_id": k.pk})
    ).content.decode()
    assert k.nomor_sk in html and k.pegawai.nama_lengkap in html
    assert "12" in html  # eligible candidates considered


def test_the_figures_hide_what_fewer_than_the_minimum_stand_behind(sistem, opd):
    buat_keputusan(sistem, opd=opd)
    angka = angka_transparansi(pada=dt.date(2026, 6, 30))
    assert angka.persen_teratas is None and angka.jumlah_keputusan == 1
    for i in range(MIN_ORANG - 1):
        buat_keputusan(sistem, opd=opd, nama_jabatan=f"J{i}", peringkat=2 if i else 1)
    angka = angka_transparansi(pada=dt.date(2026, 6, 30))
    assert angka.persen_teratas == pytest.approx(66.7)
    assert dict(angka.per_bulan)["2026-03"] == MIN_ORANG


def test_the_open_posts_page_takes_a_fixed_number_of_queries(
    client, keputusan, django_assert_max_num_queries
):
    # count; the page of vacant posts; the figures: decisions, vacant posts, perangkat daerah
    with django_assert_max_num_queries(6):
        assert client.get(reverse("publik:lowong")).status_code == 200


def test_the_open_data_comes_as_csv_and_json(client, keputusan):
    data = json.loads(client.get(reverse("publik:unduh", args=["jabatan-terisi", "json"])).content)
    assert data["lisensi"].startswith("Creative Commons")
    assert {r["jabatan"] for r in data["data"]} >= {"Sekretaris Dinas"}
    assert set(data["fields"]) == set(data["data"][0])
    isi = client.get(reverse("publik:unduh", args=["jabatan-terisi", "csv"])).content.decode()
    rows = list(csv.DictReader(io.StringIO(isi)))
    assert len(rows) == 3 and rows[0]["nama"]
    assert client.get("/data-terbuka/jabatan-terisi.xml").status_code == 404
    assert client.get("/data-terbuka/rahasia.csv").status_code == 404


def test_the_open_data_cells_are_formula_safe(client, sistem, opd):
    buat_keputusan(sistem, opd=opd, nama_jabatan='=HYPERLINK("x")')
    isi = client.get(reverse("publik:unduh", args=["jabatan-terisi", "csv"])).content.decode()
    assert "'=HYPERLINK" in isi


def test_the_feed_is_atom_with_the_new_decisions(client, keputusan):
    response = client.get(reverse("publik:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"Kepala Dinas Uji" in response.content


def _semua_url(keputusan, unit) -> list[str]:
    k = keputusan[1].pk
    urls = [
        reverse("beranda"),
        reverse("publik:transparansi"),
        reverse("publik:transparansi") + "?metode=talent_pool&urut=unit",
        reverse("publik:keputusan_detail", args=[k]),
        reverse("publik:lowong"),
        reverse("publik:data_terbuka"),
        reverse("publik:feed"),
        reverse("publik:survei"),
        reverse("publik:survei_hasil", kwargs={"kode": unit.kode}),
        reverse("publik:survei_form", kwargs={"kode": unit.kode}),
        reverse("publik:survei_cetak", kwargs={"kode": unit.kode}),
        reverse("publik:survei_qr", kwargs={"kode": unit.kode}),
    ]
    for kode in ("jabatan-terisi", "jabatan-lowong", "ikm"):
        urls += [reverse("publik:unduh", args=[kode, f]) for f in ("csv", "json")]
    return urls


def test_privacy_walk_no_public_url_or_format_shows_private_data(client, keputusan, unit_layanan):
    isi_survei(unit_layanan, 6, komentar="Bagus")
    dilarang = []
    for k in keputusan:
        for p in (k.pegawai, *[]):
            dilarang += [
                p.nip,
                p.nip_tercetak,
                p.tanggal_lahir.isoformat(),
                p.tanggal_lahir.strftime("%d-%m-%Y"),
            ]
        for baris in k.snapshot["teratas"]:
            dilarang += [baris["nip"], baris["skor"]]
    dilarang += [ALASAN_RAHASIA, NILAI_RAHASIA, "tanggal_lahir", "skor", "komponen", '"nip"']
    for url in _semua_url(keputusan, unit_layanan):
        response = client.get(url)
        assert response.status_code == 200, url
        isi = response.content.decode()
        for kata in dilarang:
            assert kata not in isi, (url, kata)
        # The other candidates' names are not published either.
        for k in keputusan:
            assert k.snapshot["teratas"][0]["nama"] not in isi, url


def test_public_gets_set_no_cookie_and_write_nothing(client, keputusan, unit_layanan):
    for url in _semua_url(keputusan, unit_layanan):
        if url == "/survei/puskesmas-uji/":
            continue  # the form sets the CSRF cookie it needs
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert not response.cookies, url
        tulis = [
            q["sql"]
            for q in queries
            if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
        ]
        assert not tulis, (url, tulis)


def test_pages_are_cached_and_invalidated_by_a_new_decision(client, keputusan, sistem, opd):
    url = reverse("publik:transparansi")
    assert client.get(url)["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response["X-Cache"] == "hit" and len(queries) == 0
    assert "public" in response["Cache-Control"]
    buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Seksi Baru")
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Kepala Seksi Baru" in response.content.decode()
    feed = client.get(reverse("publik:feed"))
    assert b"Kepala Seksi Baru" in feed.content


def test_survey_pages_are_invalidated_by_a_new_response(client, unit_layanan):
    url = reverse("publik:survei") + f"?tahun={TERTUTUP.year}"
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    isi_survei(unit_layanan, 5, tanggal=TERTUTUP)
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "100,00" in response.content.decode()


def test_a_logged_in_user_is_never_served_from_the_cache(hr_client, keputusan):
    from django.test import Client

    url = reverse("publik:transparansi")
    Client().get(url)
    response = hr_client.get(url)
    assert "X-Cache" not in response or response["X-Cache"] != "hit"
    assert "no-store" in response["Cache-Control"]


def test_the_home_page_is_public_and_staff_keep_their_summary(hr_client, keputusan):
    from django.test import Client

    assert "Transparansi jabatan" in Client().get(reverse("beranda")).content.decode()
    assert "Ringkasan jabatan" in hr_client.get(reverse("beranda")).content.decode()
