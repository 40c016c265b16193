"""No word twice in a row on any page ("Golongan Golongan IX", "Seleksi Seleksi Terbuka ..."):
a label printed before a value that already carries it. The walk follows the links of the demo
city's pages as each role (HR, a unit head, an employee, the public), from their home page and
the admin index, and reads the visible text of each page (two pages per URL shape, no query
strings, no downloads)."""

from __future__ import annotations

import io
import re
from collections import deque
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

# Block-level boundaries: "Golongan" in one cell and "Golongan IX" in the next are two texts.
BLOK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "button",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "label",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
}
TERSEMBUNYI = {"script", "style", "template", "noscript"}
# Indonesian writes a reduplication with a hyphen (pegawai-pegawai): a word repeated after a
# space is a mistake. Words of letters only, three or more (no numbers, no initials).
GANDA = re.compile(r"(?<![\w-])([^\W\d_]{3,})\s+\1(?![\w-])", re.IGNORECASE)
LEWATI = re.compile(
    r"^/(static|media|i18n|keluar)|/(ekspor|unduh|delete|hapus)/|\.(xlsx|csv|json|pdf|png|svg)$"
)


class _Teks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bagian: list[str] = [""]
        self.sembunyi = 0
        self.tautan: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in TERSEMBUNYI:
            self.sembunyi += 1
        if tag in BLOK:
            self.bagian.append("")
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.tautan.append(href)

    def handle_endtag(self, tag):
        if tag in TERSEMBUNYI:
            self.sembunyi = max(0, self.sembunyi - 1)
        if tag in BLOK:
            self.bagian.append("")

    def handle_data(self, data):
        if not self.sembunyi:
            self.bagian[-1] += data


def kata_ganda(html: str) -> list[str]:
    """Return the words repeated right after themselves in the page's visible text."""
    p = _Teks()
    p.feed(html)
    return [m.group(0) for teks in p.bagian for m in GANDA.finditer(" ".join(teks.split()))]


def _tautan(html: str) -> list[str]:
    p = _Teks()
    p.feed(html)
    return p.tautan


def _bentuk(path: str) -> str:
    return re.sub(r"/[0-9a-f-]{36}/|/\d+/", "/N/", path)


def _jelajah(client: Client, mulai: list[str], batas: int = 400) -> dict[str, list[str]]:
    """Visit pages breadth-first from `mulai`; return each page's doubled words."""
    antre, dilihat, per_bentuk, temuan = deque(mulai), set(), {}, {}
    while antre and len(dilihat) < batas:
        path = antre.popleft().split("#")[0]
        if "?" in path or path in dilihat or LEWATI.search(path):
            continue
        bentuk = _bentuk(path)
        if per_bentuk.get(bentuk, 0) >= 2:
            continue
        dilihat.add(path)
        per_bentuk[bentuk] = per_bentuk.get(bentuk, 0) + 1
        response = client.get(path)
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            antre.append(response["Location"])  # the home page sends each role to its own
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if ganda := kata_ganda(html):
            temuan[path] = ganda
        antre.extend(_tautan(html))
    assert len(dilihat) > 15, sorted(dilihat)  # the walk did walk (the public's: about 20 pages)
    return temuan


def test_the_check_finds_a_doubled_word_and_nothing_else():
    assert kata_ganda("<p>Golongan Golongan IX</p>") == ["Golongan Golongan"]
    assert kata_ganda("<h1>Seleksi <a href='/'>seleksi</a> terbuka</h1>") == ["Seleksi seleksi"]
    assert kata_ganda("<th>Golongan</th><td>Golongan IX</td>") == []
    assert kata_ganda("<p>pegawai-pegawai, 12 12, A A</p><script>x x x</script>") == []


@pytest.fixture
def kota(db):
    """The demo city (every app seeded), rolled back after the test like any other data."""
    call_command("seed_demo", "--pegawai", "150", "--tanggal", "2026-11-28", stdout=io.StringIO())


PERAN = {
    "admin.bkpsdm": ["/", "/admin/"],
    "pimpinan.dikes": ["/", "/admin/"],
    "pegawai.demo": ["/", "/saya/"],
    None: ["/", "/masuk/"],  # the public
}


def test_no_page_says_a_word_twice(kota):
    """One seeding, every role's walk (the seeding is most of the time)."""
    temuan = {}
    for username, mulai in PERAN.items():
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        temuan |= {
            f"{username or 'publik'} {path}": g for path, g in _jelajah(client, mulai).items()
        }
    assert not temuan, temuan


def test_a_pppk_below_the_minimum_golongan_is_not_golongan_golongan():
    """The walk reads pages, not every reason: a PPPK's label already says "Golongan"."""
    from datetime import date

    from jabatan import merit
    from jabatan.merit import Kandidat, Syarat
    from pegawai.jenis_jabatan import JenisJabatan as J

    k = Kandidat(
        pegawai_id=1,
        nip="198501012020211001",
        nama="A",
        jenis_kelamin="L",
        tanggal_lahir=date(1985, 1, 1),
        status="PPPK",
        aktif=True,
        golongan="VII",
        tmt_golongan=date(2021, 1, 1),
        tmt_masuk=date(2021, 1, 1),
        pendidikan=8,
        bidang_studi=None,
        predikat_tahunan=(),
        capaian={},
        pengalaman_hari={},
    )
    s = Syarat(J.FUNGSIONAL, golongan_minimal="III/c", pendidikan_minimal=7, standar={})
    [golongan] = [
        a.pesan for a in merit.kelayakan(k, s, date(2026, 11, 28)) if a.kode == "GOLONGAN"
    ]
    assert golongan == "Golongan VII di bawah golongan minimal Penata (III/c)."
    assert kata_ganda(f"<p>{golongan}</p>") == []
