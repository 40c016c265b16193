"""The evidence of external training (pelatihan.bukti): its kind read from its bytes, stored
under a random name, and served only as a permission-checked attachment."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pegawai.models import Akses
from pelatihan import services
from pelatihan.bukti import MAKS_BYTE, sniff_type
from pelatihan.models import PelatihanEksternal
from tests.akses_data import klien

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
# A PDF header with a page after it: a PDF to the check, kept (served as an attachment with
# nosniff and application/pdf, so no browser renders the HTML as a page of the site).
POLYGLOT = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>"
DATA = {
    "nama": "Kursus Python",
    "penyelenggara": "Digitalent",
    "kelompok": "teknis",
    "tanggal_mulai": "2026-01-05",
    "tanggal_selesai": "2026-01-09",
    "jumlah_jp": "16",
    "nomor_sertifikat": "DTS/1",
}
NAMA_ACAK = re.compile(r"^sertifikat/\d{4}/[0-9a-f]{32}\.(pdf|png|jpg)$")


def _unggah(org, nama: str, isi: bytes):
    return klien(org.users["pegawai"]).post(
        reverse("pelatihan:eksternal"), {**DATA, "bukti": SimpleUploadedFile(nama, isi)}
    )


def _url(e: PelatihanEksternal) -> str:
    return reverse("pelatihan:eksternal_bukti", args=[e.pk])


@pytest.mark.parametrize(
    ("isi", "ext"),
    [
        (PDF, "pdf"),
        (POLYGLOT, "pdf"),
        (PNG, "png"),
        (JPEG, "jpg"),
        (HTML, None),
        (b"%PDF", None),  # no version dash: not a PDF header
        (b" %PDF-1.4", None),  # the header must open the file
        (b"PK\x03\x04", None),  # a ZIP (or an Office file)
        (b"GIF89a", None),
        (b"", None),
    ],
)
def test_it_reads_the_kind_from_the_first_bytes(isi, ext):
    jenis = sniff_type(isi)
    assert (jenis.ext if jenis else None) == ext


def test_it_refuses_html_renamed_pdf_with_a_form_error_naming_field_and_rule(org):
    r = _unggah(org, "sertifikat.pdf", HTML)
    assert r.status_code == 400
    galat = r.context["form"].errors["bukti"]
    assert galat == [
        "Bukti (sertifikat): isi berkas harus PDF, JPG atau PNG; jenis berkas diperiksa dari "
        "isinya, bukan dari namanya."
    ]
    assert galat[0] in r.content.decode()
    assert not PelatihanEksternal.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(org):
    r = _unggah(org, "besar.pdf", b"%PDF-1.4\n" + b"0" * MAKS_BYTE)
    assert r.status_code == 400
    assert r.context["form"].errors["bukti"] == ["Bukti (sertifikat): berkas paling besar 5 MB."]
    assert not PelatihanEksternal.objects.exists()


def test_the_service_refuses_html_too_whoever_calls_it(org):
    with pytest.raises(ValidationError) as galat:
        services.eksternal_record(
            pegawai=org.pegawai_a,
            oleh=org.users["pegawai"],
            nama="Kursus",
            penyelenggara="Digitalent",
            kelompok="teknis",
            tanggal_mulai=dt.date(2026, 1, 5),
            tanggal_selesai=dt.date(2026, 1, 9),
            jumlah_jp=16,
            nomor_sertifikat="DTS/1",
            bukti=SimpleUploadedFile("a.pdf", HTML),
            hari_ini=dt.date(2026, 3, 1),
        )
    assert "bukti" in galat.value.message_dict
    assert not PelatihanEksternal.objects.exists()


@pytest.mark.parametrize(
    ("nama", "isi", "ext"), [("Ijazah Saya.PDF", PDF, "pdf"), ("x.pdf", PNG, "png")]
)
def test_it_stores_an_upload_under_a_random_name_with_the_checked_type(org, nama, isi, ext):
    assert _unggah(org, nama, isi).status_code == 302
    e = PelatihanEksternal.objects.get()
    assert NAMA_ACAK.match(e.bukti.name) and e.bukti.name.endswith(f".{ext}")
    assert "Ijazah" not in e.bukti.name
    assert default_storage.open(e.bukti.name).read() == isi
    assert _unggah(org, nama, isi).status_code == 302  # the same file again: another name
    assert len({e.bukti.name for e in PelatihanEksternal.objects.all()}) == 2


def test_the_owner_downloads_it_as_an_attachment_of_the_checked_type(org):
    _unggah(org, "x.pdf", PNG)
    e = PelatihanEksternal.objects.get()
    r = klien(org.users["pegawai"]).get(_url(e))
    assert r.status_code == 200
    assert r["Content-Type"] == "image/png"
    assert r["Content-Disposition"] == f'attachment; filename="sertifikat-{e.pk}.png"'
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in r["Cache-Control"]
    assert b"".join(r.streaming_content) == PNG


def test_a_polyglot_is_kept_as_a_pdf_and_never_served_as_a_page(org):
    assert _unggah(org, "x.pdf", POLYGLOT).status_code == 302
    r = klien(org.users["hr"]).get(_url(PelatihanEksternal.objects.get()))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment;")
    assert r["X-Content-Type-Options"] == "nosniff"


def test_each_role_gets_the_file_or_a_404_as_if_it_did_not_exist(org):
    _unggah(org, "x.pdf", PDF)
    e = PelatihanEksternal.objects.get()
    # Another employee's login (employee B, of unit B).
    lain = User.objects.create_user("pegawai.b")
    Akses.objects.create(user=lain, pegawai=org.pegawai_b)
    c_lain = Client()
    c_lain.force_login(lain)
    hasil = {
        "pegawai": klien(org.users["pegawai"]).get(_url(e)).status_code,  # its owner
        "pimpinan": klien(org.users["pimpinan"]).get(_url(e)).status_code,  # head of unit A, above
        "hr": klien(org.users["hr"]).get(_url(e)).status_code,
        "pimpinan_lain": klien(org.users["pimpinan_lain"]).get(_url(e)).status_code,
        "pegawai_lain": c_lain.get(_url(e)).status_code,
        "tidak_ada": klien(org.users["hr"])
        .get(reverse("pelatihan:eksternal_bukti", args=[e.pk + 1000]))
        .status_code,
    }
    assert hasil == {
        "pegawai": 200,
        "pimpinan": 200,
        "hr": 200,
        "pimpinan_lain": 404,
        "pegawai_lain": 404,
        "tidak_ada": 404,
    }
    r = Client().get(_url(e))
    assert r.status_code == 302 and r["Location"].startswith(reverse("masuk"))
    assert klien(org.users["pegawai"]).post(_url(e)).status_code == 405


def _lama(org, isi: bytes) -> PelatihanEksternal:
    """A record whose file was stored before random names and the check (old upload_to)."""
    nama = default_storage.save("pelatihan/bukti/2025/sertifikat lama.pdf", ContentFile(isi))
    return PelatihanEksternal.objects.create(
        pegawai=org.pegawai_a,
        nama="Webinar",
        penyelenggara="Kominfo",
        kelompok="teknis",
        tanggal_mulai=dt.date(2025, 1, 5),
        tanggal_selesai=dt.date(2025, 1, 5),
        jumlah_jp=4,
        nomor_sertifikat="K/9",
        bukti=nama,
        tahun_jp=2025,
    )


def test_a_file_stored_under_the_old_name_is_still_downloadable(org):
    e = _lama(org, PDF)
    r = klien(org.users["pimpinan"]).get(_url(e))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content) == PDF


def test_an_old_file_of_no_accepted_kind_goes_as_bytes_not_as_a_page(org):
    e = _lama(org, HTML)
    r = klien(org.users["hr"]).get(_url(e))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/octet-stream"
    assert r["Content-Disposition"] == f'attachment; filename="sertifikat-{e.pk}.pdf"'
    assert r["X-Content-Type-Options"] == "nosniff"


def test_a_missing_file_is_a_404(org):
    e = _lama(org, PDF)
    default_storage.delete(e.bukti.name)
    assert klien(org.users["hr"]).get(_url(e)).status_code == 404


def test_every_page_links_the_evidence_through_the_download_view(org):
    _unggah(org, "x.pdf", PDF)
    e = PelatihanEksternal.objects.get()
    unduh = f'href="{_url(e)}"'
    halaman = {
        "admin": klien(org.users["hr"]).get(
            reverse("admin:pelatihan_pelatihaneksternal_change", args=[e.pk])
        ),
        "saya": klien(org.users["pegawai"]).get(reverse("pelatihan:saya")),
        "pegawai_detail": klien(org.users["pimpinan"]).get(
            reverse("jabatan:pegawai_detail", args=[org.pegawai_a.pk])
        ),
    }
    for nama, r in halaman.items():
        body = r.content.decode()
        assert r.status_code == 200, nama
        assert unduh in body, nama
        assert e.bukti.name not in body, nama  # never the stored name or a media URL
