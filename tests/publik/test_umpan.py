"""The Atom feed as feed readers and validators read it (RFC 4287), parsed by feedparser and
checked against the RFC's MUSTs with a plain XML parser; the pages it mirrors link it for
autodiscovery.

RFC 4287 §4.1.1: atom:feed MUST contain one atom:id, one atom:title, one atom:updated, and one
or more atom:author unless every entry has one; §4.1.2: each atom:entry MUST contain one
atom:id, one atom:title, one atom:updated; §4.2.6: an id is a permanent, universally unique
IRI; §4.2.9/§4.2.15: published and updated are the entry's own dates. Tag URIs: RFC 4151."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from publik.models import JenisTahap
from publik.services import (
    seleksi_cancel,
    seleksi_reschedule,
    tahap_announce,
)
from tests.publik.bantu import buat_keputusan, buka

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://asn.mataramkota.example"
D = dt.date


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def isi(sistem, opd, jpt, hr_user):
    keputusan = [
        buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi", tanggal=D(2026, 3, 2)),
        buat_keputusan(
            sistem,
            opd=opd,
            nama_jabatan="Sekretaris Dinas",
            peringkat=2,
            tanggal=D(2025, 6, 2),
            ringkasan_publik="Pengalaman memimpin.",
        ),
    ]
    seleksi = buka(jpt, hr_user)
    tahap = seleksi.tahap.get(jenis=JenisTahap.PENGUMUMAN)
    pengumuman = tahap_announce(tahap=tahap, pada=D(2026, 10, 2), oleh=hr_user)
    return {"keputusan": keputusan, "pengumuman": pengumuman, "opd": opd}


def _umpan(client: Client, **extra) -> bytes:
    response = client.get(reverse("publik:feed"), **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content


def test_feedparser_reads_it_without_complaint(client, isi):
    feed = feedparser.parse(_umpan(client))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.author == "BKPSDM Kota Mataram"
    assert feed.feed.id.startswith("tag:asn.mataramkota.example,")
    assert feed.feed.link == f"{SITE}/transparansi/"
    assert len(feed.entries) == 3
    for entry in feed.entries:
        assert entry.id.startswith("tag:asn.mataramkota.example,"), entry.id
        assert entry.link.startswith(f"{SITE}/"), entry.link
        assert entry.published_parsed and entry.updated_parsed


def test_entries_carry_their_own_dates_not_the_rows_creation(client, isi):
    feed = feedparser.parse(_umpan(client))
    tanggal = [dt.date(*e.published_parsed[:3]) for e in feed.entries]
    # The SK dates and the announcement's date (WITA midnight is the day before in UTC), newest
    # first; the rows themselves were all created today.
    assert [e.published for e in feed.entries] == [
        "2026-10-02T00:00:00+08:00",
        "2026-03-02T00:00:00+08:00",
        "2025-06-02T00:00:00+08:00",
    ]
    assert tanggal == [D(2026, 10, 1), D(2026, 3, 1), D(2025, 6, 1)]
    assert feed.feed.updated == "2026-10-02T00:00:00+08:00"
    keputusan = isi["keputusan"][1]
    entry = next(e for e in feed.entries if e.link.endswith(f"/transparansi/{keputusan.pk}/"))
    assert entry.id == f"tag:asn.mataramkota.example,2025-06-02:/transparansi/{keputusan.pk}/"
    assert isi["opd"].nama in entry.title
    assert "Pengalaman memimpin." in entry.summary


def test_rfc_4287_musts_hold_on_the_raw_xml(client, isi):
    root = ET.fromstring(_umpan(client))
    assert root.tag == f"{ATOM}feed"
    for nama in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{nama}")) == 1, nama
    entries = root.findall(f"{ATOM}entry")
    penulis_feed = root.findall(f"{ATOM}author/{ATOM}name")
    assert penulis_feed or all(e.find(f"{ATOM}author") is not None for e in entries)
    ids = []
    for e in entries:
        for nama in ("id", "title", "updated"):
            assert len(e.findall(f"{ATOM}{nama}")) == 1, nama
        ids.append(e.findtext(f"{ATOM}id"))
        dt.datetime.fromisoformat(e.findtext(f"{ATOM}updated"))  # RFC 3339 date-time
    assert len(set(ids)) == len(ids)


def test_ids_and_links_do_not_follow_the_request_host(client, isi):
    """Another allowed host in the request changes nothing (ids are permanent, §4.2.6)."""
    satu = _umpan(Client())
    lain = _umpan(Client(), HTTP_HOST="localhost")
    assert b"localhost" not in lain and b"testserver" not in satu
    assert [e.id for e in feedparser.parse(satu).entries] == [
        e.id for e in feedparser.parse(lain).entries
    ]


def test_the_feed_takes_a_fixed_number_of_queries(
    client, isi, sistem, opd, django_assert_num_queries
):
    for i in range(5):
        buat_keputusan(sistem, opd=opd, nama_jabatan=f"Jabatan {i}")
    # decisions; their corrections; their perangkat daerah; announcements with their
    # selection and stage; the selections' schedule changes and cancellations with their
    # selection
    with django_assert_num_queries(5):
        _umpan(Client())


def test_a_schedule_change_and_a_cancellation_are_entries_with_their_dates(client, isi, hr_user):
    seleksi = isi["pengumuman"].seleksi
    jadwal = seleksi_reschedule(
        seleksi=seleksi,
        tahap={"rekam_jejak": (D(2026, 11, 11), D(2026, 11, 27))},
        alasan="Panitia menambah wawancara rekan kerja",
        pada=D(2026, 10, 8),
        oleh=hr_user,
    )
    batal = seleksi_cancel(
        seleksi=seleksi, alasan="Formasi dihapus", pada=D(2026, 10, 9), oleh=hr_user
    )
    feed = feedparser.parse(_umpan(client))
    assert not feed.bozo, feed.bozo_exception
    entri = {e.link: e for e in feed.entries}
    alamat = f"{SITE}{reverse('publik:seleksi_detail', args=[seleksi.pk])}"
    ubah = entri[f"{alamat}#perubahan-{jadwal.pk}"]
    assert ubah.title == f"Jadwal diubah: {seleksi.judul}"
    assert "Panitia menambah wawancara rekan kerja" in ubah.summary
    assert "Penelusuran rekam jejak: 2026-11-11–2026-11-20 → 2026-11-11–2026-11-27" in ubah.summary
    assert ubah.published.startswith("2026-10-08") and ubah.id.startswith(
        "tag:asn.mataramkota.example,2026-10-08:"
    )
    dibatalkan = entri[f"{alamat}#perubahan-{batal.pk}"]
    assert dibatalkan.title == f"Dibatalkan: {seleksi.judul}"
    assert dibatalkan.summary == "Dibatalkan pada 2026-10-09: Formasi dihapus"


class _Tautan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternate: list[dict] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            self.alternate.append(a)


@pytest.mark.parametrize(
    "url",
    ["/", "/transparansi/", "/seleksi/"],
)
def test_the_pages_it_mirrors_link_it_for_autodiscovery(client, isi, url):
    parser = _Tautan()
    parser.feed(client.get(url).content.decode())
    assert [a["href"] for a in parser.alternate if a.get("type") == "application/atom+xml"] == [
        reverse("publik:feed")
    ]
