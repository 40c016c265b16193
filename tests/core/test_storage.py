"""A full disk while an upload is saved (issue 22, "Faults"): a clear message, nothing
half-written — no partial file, no row pointing at a missing file (core.storage).

The disk is a real 1 MB tmpfs, filled up: the kernel answers ENOSPC, nothing is simulated."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.storage import AtomicFileStorage, DiskFull, is_disk_full
from impor.models import Impor
from pelatihan.models import PelatihanEksternal
from tests.akses_data import buat_organisasi
from tests.latihan.alat import berkas_di, disk_kecil, isi_disk

PESAN = "Ruang penyimpanan server penuh: berkas tidak tersimpan dan tidak ada yang berubah."


@pytest.fixture
def disk():
    with disk_kecil("1m") as folder:
        yield folder


def _simpan_dua_kali(folder) -> None:
    """Save a file into subfolders that do not exist yet, whole, under its name; the same name
    again gets another name, as Django's storage does; no temporary file is left."""
    storage = AtomicFileStorage(location=folder)
    nama = storage.save("bukti/2026/a.pdf", ContentFile(b"%PDF-1.4 isi"))
    assert nama == "bukti/2026/a.pdf"
    assert (folder / nama).read_bytes() == b"%PDF-1.4 isi"
    assert oct((folder / nama).stat().st_mode & 0o777) == "0o644"  # FILE_UPLOAD_PERMISSIONS
    nama2 = storage.save("bukti/2026/a.pdf", ContentFile(b"kedua"))
    assert nama2 != nama and (folder / nama2).read_bytes() == b"kedua"
    assert berkas_di(folder) == sorted([nama, nama2])


@pytest.mark.lambat
def test_a_file_that_fits_is_saved_whole_under_its_name(disk):
    _simpan_dua_kali(disk)


def test_a_file_is_saved_whole_into_a_new_subfolder(tmp_path):
    """The same save on an ordinary folder (no root, no tmpfs: it runs everywhere)."""
    _simpan_dua_kali(tmp_path)


@pytest.mark.lambat
def test_a_full_disk_raises_a_clear_error_and_leaves_no_partial_file(disk):
    isi_disk(disk, sisa=100_000)
    storage = AtomicFileStorage(location=disk)
    with pytest.raises(DiskFull) as galat:
        storage.save("bukti/2026/besar.pdf", ContentFile(b"%PDF" + b"x" * 400_000))
    assert PESAN in galat.value.messages[0]
    assert is_disk_full(galat.value)
    assert berkas_di(disk) == []  # neither the final name nor the hidden temporary file


@pytest.mark.lambat
@pytest.mark.django_db
def test_a_certificate_upload_on_a_full_disk_says_so_and_records_nothing(disk, settings):
    settings.MEDIA_ROOT = disk
    isi_disk(disk, sisa=100_000)
    org = buat_organisasi()
    client = Client()
    client.force_login(org.users["pegawai"])
    data = {
        "nama": "Kursus Python",
        "penyelenggara": "Digitalent",
        "kelompok": "teknis",
        "tanggal_mulai": "2026-01-05",
        "tanggal_selesai": "2026-01-09",
        "jumlah_jp": "16",
        "nomor_sertifikat": "DTS/1",
    }
    bukti = SimpleUploadedFile("sertifikat.pdf", b"%PDF-1.4\n" + b"0" * 400_000)
    r = client.post(reverse("pelatihan:eksternal"), {**data, "bukti": bukti})
    assert r.status_code == 400
    assert PESAN in r.content.decode()  # on the form, with what was typed kept
    assert 'value="Kursus Python"' in r.content.decode()
    assert not PelatihanEksternal.objects.exists()  # no row pointing at a missing file
    assert berkas_di(disk) == []  # no partial file
    # Room again: the same upload goes through.
    (disk / "pengisi").unlink()
    bukti.seek(0)
    r = client.post(reverse("pelatihan:eksternal"), {**data, "bukti": bukti})
    assert r.status_code == 302
    e = PelatihanEksternal.objects.get()
    assert (disk / e.bukti.name).stat().st_size == 400_009


@pytest.mark.lambat
@pytest.mark.django_db
def test_an_import_spooled_to_a_full_temporary_folder_gets_a_507_page_that_says_so(
    disk, settings, hr_client
):
    """Django spools an upload above FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) to a temporary file
    while it reads the request; a full disk there fails before any view code runs."""
    settings.FILE_UPLOAD_TEMP_DIR = str(disk)
    hr_client.raise_request_exception = False
    besar = SimpleUploadedFile("siasn.csv", b"nipBaru;nama\n" + b"1;x\n" * 800_000)
    r = hr_client.post(reverse("impor:unggah"), {"berkas": besar})
    assert r.status_code == 507
    assert PESAN in r.content.decode()
    assert not Impor.objects.exists()
    assert berkas_di(disk) == []  # the temporary file went with the request


def test_any_other_server_error_keeps_djangos_500_page(client, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.latihan.urls_galat"
    r = client.get("/galat/")
    assert r.status_code == 500 and PESAN not in r.content.decode()
