"""What harvesters, link checkers and slow phones meet on every public URL: HEAD answers like
GET (walked over every URL pattern of the project, so a new view cannot forget it), every public
page has a meta description, and what every anonymous visitor gets alike is gzip-compressed —
only that, never a page holding a CSRF token or a logged-in user's data (BREACH)."""

from __future__ import annotations

import gzip
import uuid
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.publik.bantu import buat_keputusan, buka, isi_survei

pytestmark = pytest.mark.django_db

# The public URLs the walk must find answering 200 to an anonymous GET (more may be added).
PUBLIK = {
    "beranda",
    "publik:transparansi",
    "publik:keputusan_detail",
    "publik:lowong",
    "publik:data_terbuka",
    "publik:paket_data",
    "publik:unduh",
    "publik:katalog",
    "publik:feed",
    "publik:seleksi_list",
    "publik:seleksi_detail",
    "publik:survei",
    "publik:survei_form",
    "publik:survei_terima_kasih",
    "publik:survei_hasil",
    "publik:survei_qr",
    "publik:survei_cetak",
    "masuk",
    "healthz",
}


def _pola(patterns, prefix: str = "", ns: str | None = None):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace != "admin":  # Django's own admin: not ours to walk
                yield from _pola(p.url_patterns, prefix, p.namespace or ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}:{p.name}" if ns else p.name, p.pattern.converters


@pytest.fixture
def semua_url(sistem, opd, unit_layanan, jpt, hr_user) -> list[tuple[str, str]]:
    """Every named URL of the project with arguments that exist (anything for the rest)."""

    k = buat_keputusan(sistem, opd=opd)
    isi_survei(unit_layanan, 5)
    seleksi = buka(jpt, hr_user)
    nilai = {
        "keputusan_id": k.pk,
        "seleksi_id": seleksi.pk,
        "kode": unit_layanan.kode,
        "fmt": "csv",
        "tabel": "x",
        "pk": 1,
        "uuid": uuid.uuid4(),
    }
    urls = []
    for nama, converters in _pola(get_resolver().url_patterns):
        kwargs = {arg: nilai.get(arg, 1) for arg in converters}
        if type(converters.get("pk")).__name__ == "UUIDConverter":
            kwargs["pk"] = uuid.uuid4()
        if nama == "publik:unduh":
            for kode in ("jabatan-terisi", "jabatan-lowong", "ikm"):
                for fmt in ("csv", "json"):
                    urls.append((nama, reverse(nama, kwargs={"kode": kode, "fmt": fmt})))
            continue
        urls.append((nama, reverse(nama, kwargs=kwargs)))
    return urls


def test_head_answers_wherever_get_does(semua_url):
    client = Client()
    terbuka = set()
    for nama, url in semua_url:
        get = client.get(url)
        if get.status_code == 405:  # POST-only actions
            continue
        head = client.head(url)
        assert head.status_code == get.status_code, (url, head.status_code, get.status_code)
        assert head.content == b"", url
        if get.status_code == 200:
            terbuka.add(nama)
            assert head["Content-Type"] == get["Content-Type"], url
    assert terbuka >= PUBLIK, PUBLIK - terbuka


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.deskripsi: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "description":
            self.deskripsi.append(a.get("content") or "")


def _halaman_html(semua_url, client: Client):
    for nama, url in semua_url:
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            yield nama, url, response


def test_every_public_page_has_a_meta_description(semua_url):
    dilihat = set()
    for nama, url, response in _halaman_html(semua_url, Client()):
        meta = _Meta()
        meta.feed(response.content.decode())
        assert len(meta.deskripsi) == 1 and len(meta.deskripsi[0]) >= 50, (url, meta.deskripsi)
        dilihat.add(nama)
    assert "beranda" in dilihat and "publik:data_terbuka" in dilihat


def test_what_every_anonymous_visitor_gets_alike_is_gzipped(semua_url):
    client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    polos = Client()
    dikompres = set()
    for nama, url in semua_url:
        response = client.get(url)
        if response.status_code != 200 or "public" not in response.get("Cache-Control", ""):
            continue
        assert response["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in response["Vary"], url
        assert gzip.decompress(response.content) == polos.get(url).content, url
        dikompres.add(nama)
    assert {
        "beranda",
        "publik:transparansi",
        "publik:data_terbuka",
        "publik:unduh",
        "publik:feed",
        "publik:katalog",
        "publik:paket_data",
    } <= dikompres


def test_a_page_with_a_csrf_token_is_never_compressed(unit_layanan):
    """The survey form carries a CSRF token and sets its cookie: sent as it is."""
    response = Client(HTTP_ACCEPT_ENCODING="gzip").get(
        reverse("publik:survei_form", kwargs={"kode": unit_layanan.kode})
    )
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_a_logged_in_users_page_is_never_compressed(hr_user, sistem, opd):
    buat_keputusan(sistem, opd=opd)
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    client.force_login(hr_user)
    for url in (reverse("publik:transparansi"), reverse("beranda"), reverse("jabatan:lowongan")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url


def test_a_client_that_does_not_accept_gzip_gets_plain_text(sistem, opd):
    buat_keputusan(sistem, opd=opd)
    response = Client().get(reverse("publik:transparansi"))
    assert not response.has_header("Content-Encoding")
    assert b"<!doctype html>" in response.content
