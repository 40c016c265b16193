"""A working day of mataram_asn under load (issue 22, "A working day under load"), for locust.

Four kinds of user, weighted as the busy hour of an ordinary day at BKPSDM Kota Mataram might
be (concurrent people, not accounts): HR officers 2, unit heads 3, employees 5, the public 4.
Each signs in once (a session, as a browser keeps it), then reads and writes with a pause of a
few seconds between pages, as a person does:

- HR officers (Admin BKPSDM) search and open employees, edit one in the administration (the
  real change form: GET it, POST every field back with a new phone number and the CSRF token),
  open the vacancies and a vacancy's merit ranking, look at the SKP dashboard;
- unit heads open their unit page and the SKP dashboard, and rate the SKPs they are the
  pejabat penilai of (the SKP page, then a POST of the rating form);
- employees open /saya/, their SKP, their training and the career chances;
- the public reads the home and transparency pages, open data (the page and a CSV), the survey
  list, and fills a unit's survey (GET the form, POST a response).

The public's survey responses come from distinct client addresses: the app allows 10 per hour
per network (publik/views/survei.py, BATAS_KIRIM) and, behind nginx (TRUSTED_PROXY_COUNT=1),
reads the address nginx saw. Each response is a new respondent (a phone at the counter): the
user binds its connections to a new 127.1.x.y source address (all of 127.0.0.0/8 is this
machine) and drops its cookies, so the limit is never hit and never lifted.

Read by locust with BEBAN_DATA (tests/beban/siapkan.py's JSON: logins, SKPs, employees,
vacancies, survey units) and BEBAN_CA (the stack's certificate) in the environment; started
by tests/beban/__main__.py.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, constant, task
from requests.adapters import HTTPAdapter

DATA = json.loads(Path(os.environ["BEBAN_DATA"]).read_text())
CA = os.environ["BEBAN_CA"]
RATING = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
_alamat = itertools.count(1)


class _Formulir(HTMLParser):
    """The fields of every form on a page, as a browser would send them untouched."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: tuple[str, bool] | None = None
        self._pilihan: list[tuple[str, bool]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {"action": a.get("action", ""), "fields": [], "radio": {}, "nama": set()}
            )
            return
        if not self.forms:
            return
        f = self.forms[-1]
        nama = a.get("name")
        if tag == "input" and nama and "disabled" not in a:
            jenis = a.get("type", "text").lower()
            if jenis in ("submit", "button", "image", "file", "reset"):
                return
            f["nama"].add(nama)
            if jenis == "radio":
                f["radio"].setdefault(nama, []).append(a.get("value", "on"))
            if jenis in ("checkbox", "radio") and "checked" not in a:
                return
            f["fields"].append((nama, a.get("value", "on" if jenis == "checkbox" else "")))
        elif tag == "select" and nama:
            self._select, self._pilihan = (nama, "multiple" in a), []
        elif tag == "option" and self._select:
            self._pilihan.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and nama:
            self._textarea = nama
            f["fields"].append((nama, ""))

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            nama, isi = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (nama, isi + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea:
            nama, isi = self.forms[-1]["fields"][-1]
            # A browser drops the newline right after <textarea>.
            self.forms[-1]["fields"][-1] = (nama, isi.removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select:
            nama, banyak = self._select
            terpilih = [v for v, s in self._pilihan if s]
            if not terpilih and not banyak and self._pilihan:
                terpilih = [self._pilihan[0][0]]  # a browser sends the first option
            self.forms[-1]["fields"].extend((nama, v) for v in terpilih)
            self._select = None


def formulir(html: str, path: str) -> dict:
    """The first form with a CSRF token that posts to `path` (an empty action: its own page,
    which `path` then is)."""
    p = _Formulir()
    p.feed(html)
    for f in p.forms:
        if f["action"] in ("", path) and "csrfmiddlewaretoken" in f["nama"]:
            return f
    raise AssertionError(f"no form posting to {path!r}")


def ganti(fields: list[tuple[str, str]], **baru: str) -> list[tuple[str, str]]:
    """The fields with some replaced (or added)."""
    return [(n, v) for n, v in fields if n not in baru] + list(baru.items())


class _Sumber(HTTPAdapter):
    """Connections from a chosen source address (a client of its own, as nginx sees it)."""

    def __init__(self, sumber: str) -> None:
        self.sumber = sumber
        super().__init__()

    def init_poolmanager(self, *args, **kwargs) -> None:
        kwargs["source_address"] = (self.sumber, 0)
        super().init_poolmanager(*args, **kwargs)


class _Pengguna(HttpUser):
    abstract = True
    wait_time = between(3, 10)

    def on_start(self) -> None:
        self.client.verify = CA

    def buka(self, path: str, nama: str):
        """GET a page as a signed-in person (or the public) reads it: anything but 200 is a
        failure, a redirect too (to /masuk/ when a session is lost, which a followed
        redirect would hide behind the login page's 200)."""
        with self.client.get(path, name=nama, allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code} {r.headers.get('Location', '')}")
        return r

    def kirim(self, path: str, fields: list[tuple[str, str]], *, dari: str, nama: str) -> None:
        """POST a form as a browser does (Origin and Referer for Django's HTTPS CSRF check);
        anything but a redirect (the app's answer to a saved form) is a failure."""
        h = {"Origin": self.host, "Referer": self.host + dari}
        with self.client.post(
            path, data=fields, headers=h, name=nama, allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != 302:
                # The messages a page shows: Django's errorlist and the app's "galat" boxes.
                galat = re.findall(
                    r'class="(?:errorlist|galat)[^"]*"[^>]*>\s*<(?:li|p)>(.*?)</', r.text
                )
                r.failure(f"{r.status_code}: {galat[:3]}")

    def masuk(self, username: str) -> None:
        r = self.buka("/masuk/", "/masuk/")
        f = formulir(r.text, "/masuk/")
        fields = ganti(f["fields"], username=username, password=DATA["sandi"])
        self.kirim("/masuk/", fields, dari="/masuk/", nama="/masuk/")


class PetugasSdm(_Pengguna):
    weight = 2

    def on_start(self) -> None:
        super().on_start()
        self.masuk(random.choice(DATA["sdm"]))

    @task(2)
    def beranda(self) -> None:
        self.buka("/", "/ (SDM)")

    @task(3)
    def cari_pegawai(self) -> None:
        q = random.choice(["ahmad", "siti", "putu", "lalu", "baiq", "nur", "dewi", "19"])
        self.buka(f"/jabatan/pegawai/?q={q}", "/jabatan/pegawai/?q=")

    @task(4)
    def buka_pegawai(self) -> None:
        pk = random.choice(DATA["pegawai_id"])
        self.buka(f"/jabatan/pegawai/{pk}/", "/jabatan/pegawai/[id]/")

    @task(2)
    def ubah_pegawai(self) -> None:
        path = f"/admin/pegawai/pegawai/{random.choice(DATA['pegawai_id'])}/change/"
        r = self.buka(path, "/admin/pegawai/pegawai/[id]/change/")
        f = formulir(r.text, path)
        no_hp = f"0812{random.randrange(10**8):08d}"
        fields = ganti(f["fields"], no_hp=no_hp)
        self.kirim(path, fields, dari=path, nama="/admin/pegawai/pegawai/[id]/change/")

    @task(1)
    def lowongan(self) -> None:
        self.buka("/jabatan/lowongan/", "/jabatan/lowongan/")

    @task(3)
    def peringkat(self) -> None:
        pk = random.choice(DATA["formasi"])
        self.buka(f"/jabatan/lowongan/{pk}/", "/jabatan/lowongan/[id]/ (peringkat)")

    @task(1)
    def dasbor_kinerja(self) -> None:
        self.buka("/kinerja/", "/kinerja/ (SDM)")


class PimpinanUnit(_Pengguna):
    weight = 3

    def on_start(self) -> None:
        super().on_start()
        akun = random.choice(DATA["pimpinan"])
        self.skp = akun["skp"]
        self.masuk(akun["username"])

    @task(3)
    def unit(self) -> None:
        self.buka("/jabatan/unit/", "/jabatan/unit/")

    @task(2)
    def dasbor_kinerja(self) -> None:
        self.buka("/kinerja/", "/kinerja/ (pimpinan)")

    @task(1)
    def daftar_skp(self) -> None:
        self.buka("/kinerja/skp/", "/kinerja/skp/")

    @task(3)
    def nilai_skp(self) -> None:
        pk = random.choice(self.skp)
        halaman = self.buka(f"/kinerja/skp/{pk}/", "/kinerja/skp/[id]/ (pimpinan)")
        f = formulir(halaman.text, f"/kinerja/skp/{pk}/nilai/")
        nilai = {
            "rating_hasil": random.choice(RATING),
            "rating_perilaku": random.choice(RATING),
            # Required for Kurang or lower (kinerja.services.penilaian); a head writes one.
            "catatan_penilai": "Lengkapi bukti dukung dan bahas capaian pada triwulan berikutnya.",
        }
        if "konfirmasi_tanpa_realisasi" in f["nama"]:
            nilai["konfirmasi_tanpa_realisasi"] = "on"
        self.kirim(
            f"/kinerja/skp/{pk}/nilai/",
            ganti(f["fields"], **nilai),
            dari=f"/kinerja/skp/{pk}/",
            nama="/kinerja/skp/[id]/nilai/",
        )


class Pegawai(_Pengguna):
    weight = 5

    def on_start(self) -> None:
        super().on_start()
        akun = random.choice(DATA["pegawai"])
        self.skp = akun["skp"]
        self.masuk(akun["username"])

    @task(3)
    def saya(self) -> None:
        self.buka("/saya/", "/saya/")

    @task(2)
    def skp(self) -> None:
        self.buka(f"/kinerja/skp/{self.skp}/", "/kinerja/skp/[id]/ (pegawai)")

    @task(2)
    def pelatihan(self) -> None:
        self.buka("/pelatihan/saya/", "/pelatihan/saya/")

    @task(1)
    def peluang(self) -> None:
        self.buka("/jabatan/peluang/", "/jabatan/peluang/")


class Publik(_Pengguna):
    weight = 4
    wait_time = between(2, 8)

    def on_start(self) -> None:
        super().on_start()
        self.responden_baru()

    def responden_baru(self) -> None:
        """A new person: their own client address and no cookies."""
        n = next(_alamat)
        lama = self.client.adapters.get(self.host)
        if lama is not None:
            lama.close()  # the last respondent's connections go with them
        self.client.mount(self.host, _Sumber(f"127.1.{n // 250}.{n % 250 + 1}"))
        self.client.cookies.clear()

    @task(3)
    def beranda(self) -> None:
        self.buka("/", "/ (publik)")

    @task(3)
    def transparansi(self) -> None:
        self.buka("/transparansi/", "/transparansi/")

    @task(1)
    def data_terbuka(self) -> None:
        r = self.buka("/data-terbuka/", "/data-terbuka/")
        csv = re.findall(r'href="(/data-terbuka/[\w-]+\.csv)"', r.text)
        if csv:
            self.buka(random.choice(csv), "/data-terbuka/[kode].csv")

    @task(1)
    def survei(self) -> None:
        self.buka("/survei/", "/survei/")

    @task(1)
    def isi_survei(self) -> None:
        self.responden_baru()
        kode = random.choice(DATA["survei"])
        path = f"/survei/{kode}/"
        r = self.buka(path, "/survei/[kode]/")
        f = formulir(r.text, path)
        jawaban = {n: random.choice(nilai) for n, nilai in f["radio"].items()}
        fields = ganti(f["fields"], **jawaban)
        self.kirim(path, fields, dari=path, nama="/survei/[kode]/")


class Pemantau(HttpUser):
    """The monitoring probe: /healthz once a second (a minimal view, one `SELECT 1`), through
    the same nginx and gunicorn under the same load. Its median is the floor every page is
    measured against (docs/desain.md: the floor measured in the same run)."""

    fixed_count = 1
    wait_time = constant(1)

    def on_start(self) -> None:
        self.client.verify = CA

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="/healthz (lantai)")
