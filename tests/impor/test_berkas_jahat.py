"""Hostile files: each ends in a clear message (on the upload page or in the preview, never a
failed task or a traceback), nothing is half-written, and memory stays bounded: the peak resident
set of a fresh process reading the file (/proc/self/status VmHWM) is measured and bounded.

- An XLSX whose shared strings (xl/sharedStrings.xml, which openpyxl holds in memory whole) unpack
  to 100 MB at a compression ratio far under the ZIP-bomb limit.
- JSON nested 200,000 levels deep.
- A NUL character (\\u0000) in a value, which PostgreSQL cannot store in text.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from impor import proses, read
from impor.models import Impor
from pegawai.models import Pegawai
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv, ke_json, ke_xlsx
from tugas.models import Progres

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Run in a fresh interpreter so the peak is the reading's own (the test process holds more).
UKUR = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mataram_asn.settings")
import django
django.setup()
from impor import read

def vmhwm():
    with open("/proc/self/status") as f:
        return next(int(x.split()[1]) for x in f if x.startswith("VmHWM"))

awal = vmhwm()
path = sys.argv[1]
data = open(path, "rb").read()
try:
    fmt = read.check_file(path, "", data)
    hasil = "baris=%d" % sum(1 for _ in read.read_rows(data, fmt))
except read.BerkasDitolak as exc:
    hasil = "ditolak: " + exc.pesan
print(awal // 1024, vmhwm() // 1024, hasil)
"""


def puncak(path: Path) -> tuple[int, int, str]:
    """Return (MB resident before reading, peak MB, outcome) of a fresh process reading `path`."""
    keluar = subprocess.run(
        [sys.executable, "-c", UKUR, str(path)],
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.strip()
    awal, akhir, hasil = keluar.split(" ", 2)
    print(f"{path.name}: {len(path.read_bytes()) / MB:.1f} MB berkas, RSS {awal} -> {akhir} MB")
    return int(awal), int(akhir), hasil


@pytest.fixture(autouse=True)
def unit():
    return UnitKerjaFactory(kode="U-1")


def dengan_teks_bersama(isi: bytes) -> bytes:
    """Return a real workbook (tests.impor.bantu.ke_xlsx) whose shared-strings part is `isi`,
    declared in its content types and workbook relations, so openpyxl would read it whole."""
    asli = zipfile.ZipFile(io.BytesIO(ke_xlsx([baris()])))
    ganti = {
        "[Content_Types].xml": (
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
        "xl/_rels/workbook.xml.rels": (
            b"</Relationships>",
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>'
            b"</Relationships>",
        ),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for info in asli.infolist():
            bagian = asli.read(info.filename)
            if info.filename in ganti:
                bagian = bagian.replace(*ganti[info.filename])
            if info.filename != "xl/sharedStrings.xml":
                zf.writestr(info.filename, bagian)
        zf.writestr("xl/sharedStrings.xml", isi)
    return buf.getvalue()


@pytest.fixture(scope="module")
def bom_teks_bersama(tmp_path_factory) -> Path:
    """A workbook whose shared strings unpack to 100 MB at a ratio of about 2:1 (random digits:
    no repeat inside deflate's 32 KB window), so the ratio check passes it."""
    blok = bytes(random.Random(19).choices(b"0123456789", k=64 * 1024))
    isi = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        + blok * 1600
        + b"</t></si></sst>"
    )
    path = tmp_path_factory.mktemp("jahat") / "teks-bersama.xlsx"
    path.write_bytes(dengan_teks_bersama(isi))
    return path


@pytest.mark.lambat
def test_shared_strings_of_100_mb_under_the_ratio_limit_are_refused_at_upload(
    bom_teks_bersama, hr_client
):
    data = bom_teks_bersama.read_bytes()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/sharedStrings.xml")
    assert info.file_size > 100 * MB
    assert info.file_size / info.compress_size < read.ZIP_RASIO_MAKS  # not caught as a bomb
    assert len(data) < read.ukuran_maks()
    berkas = SimpleUploadedFile(bom_teks_bersama.name, data, "application/octet-stream")
    response = hr_client.post(reverse("impor:unggah"), {"berkas": berkas})
    assert response.status_code == 400
    assert "daftar teks bersamanya (xl/sharedStrings.xml) mengembang menjadi 100 MB" in (
        response.content.decode()
    )
    assert not Impor.objects.exists()
    awal, akhir, hasil = puncak(bom_teks_bersama)
    assert hasil.startswith("ditolak: Berkas XLSX ditolak: daftar teks bersamanya")
    # The file itself (about 45 MB) is in memory; the 100 MB of text never is.
    assert akhir - awal < 100


def _unggah_pratinjau(client, capture, nama: str, data: bytes, settings) -> Impor:
    settings.TASKS = IMMEDIATE
    berkas = SimpleUploadedFile(nama, data, "application/json")
    with capture(execute=True):
        response = client.post(reverse("impor:unggah"), {"berkas": berkas})
    assert response.status_code == 302
    return Impor.objects.get()


@pytest.mark.lambat
@pytest.mark.parametrize(
    "isi",
    [
        b"[" * 200_000 + b"]" * 200_000,
        b'{"code": 1, "data": [' + b'{"a": ' * 200_000 + b"1" + b"}" * 200_000 + b"]}",
    ],
    ids=["daftar", "jawaban"],
)
def test_json_nested_200000_levels_ends_in_a_message_in_the_preview(
    isi, hr_client, settings, django_capture_on_commit_callbacks, tmp_path
):
    impor = _unggah_pratinjau(
        hr_client, django_capture_on_commit_callbacks, "dalam.json", isi, settings
    )
    assert impor.status == Impor.Status.DITOLAK
    assert "bersarang terlalu dalam" in impor.ringkasan["galat_berkas"]
    progres = Progres.objects.get()
    assert progres.status == Progres.Status.SELESAI  # the preview's answer, not a failure
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    assert "Berkas JSON bersarang terlalu dalam" in page
    assert not Pegawai.objects.exists()
    path = tmp_path / "dalam.json"
    path.write_bytes(isi)
    awal, akhir, hasil = puncak(path)
    assert hasil.startswith("ditolak: Berkas JSON bersarang terlalu dalam")
    assert akhir - awal < 30


@pytest.mark.lambat
def test_nul_in_a_value_rejects_the_row_with_its_column(
    hr_client, settings, django_capture_on_commit_callbacks, tmp_path
):
    rows = [baris(), baris(nama="Ahmad\u0000Fauzi"), baris()]
    rows[2]["rw-golongan"] = {
        "code": 1,
        "data": [{"golonganId": "32", "tmtGolongan": "01-04-2018", "skNomor": "823\u0000/7"}],
    }
    data = ke_json(rows)
    assert b"\\u0000" in data
    impor = _unggah_pratinjau(
        hr_client, django_capture_on_commit_callbacks, "nul.json", data, settings
    )
    ditolak = {(g["baris"], g["kolom"]) for g in impor.ringkasan["ditolak"]}
    assert ditolak == {(2, "nama"), (3, "rw-golongan[1].skNomor")}
    assert all("karakter NUL" in g["alasan"] for g in impor.ringkasan["ditolak"])
    # Applied: the clean row is written, the others are not, and PostgreSQL never sees a NUL.
    r = proses.jalankan(data, "json", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (1, 2)
    assert Pegawai.objects.get().nip == rows[0]["nipBaru"]
    besar = tmp_path / "nul-besar.json"
    besar.write_bytes(json.dumps([dict(rows[1], nipBaru=str(n)) for n in range(20_000)]).encode())
    awal, akhir, hasil = puncak(besar)
    assert hasil == "baris=20000"
    assert akhir - awal < 120  # the file (12 MB) and one record at a time


def test_nul_in_a_csv_after_its_first_block_rejects_the_row():
    rows = [baris() for _ in range(60)] + [baris(tempatLahir="Mata\u0000ram")]
    data = ke_csv(rows)
    assert data.index(b"\x00") > 4096  # past the binary sniff of read.check_file
    fmt = read.check_file("a.csv", "text/csv", data)
    r = proses.jalankan(data, fmt)
    assert (r.baru, r.tolak) == (60, 1)
    assert (r.ditolak[0]["baris"], r.ditolak[0]["kolom"]) == (62, "tempatLahir")
    with pytest.raises(proses.DibatalkanAdaGalat):
        proses.jalankan(data, fmt, terapkan=True)
    assert Pegawai.objects.count() == 0  # all or nothing: nothing kept
