"""The decree extract (petikan SK) of a recorded decision: printed for HR, nobody else."""

from __future__ import annotations

from datetime import date

import pytest

from jabatan.models import Keputusan
from pegawai.models import Pegawai
from tests.jabatan.test_views_lowongan_aksi import _client, _putus, _usul, lowongan, org  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def keputusan(org, lowongan):  # noqa: F811
    formasi, terbaik, _kedua = lowongan
    hr = _client(org.users["hr"])
    assert _usul(hr, formasi, [terbaik.pk]).status_code == 302
    assert _putus(hr, formasi, pegawai=terbaik.pk).status_code == 302
    # After the decision, so the ranking is untouched: the extract prints the record as it is.
    Pegawai.objects.filter(pk=terbaik.pk).update(
        nip="198503152010011002",
        tanggal_lahir=date(1985, 3, 15),
        tmt_cpns=date(2010, 1, 1),
        jenis_kelamin="L",
        gelar_depan="dr.",
        gelar_belakang="M.Kes.",
        status="PNS",
    )  # the NIP agrees with the birth date, CPNS date and gender (database constraints)
    return Keputusan.objects.select_related("pegawai", "formasi__jabatan").get()


def _url(keputusan_id) -> str:
    return f"/jabatan/keputusan/{keputusan_id}/petikan/"


def test_it_prints_the_extract_for_hr(org, keputusan):  # noqa: F811
    response = _client(org.users["hr"]).get(_url(keputusan.pk))
    assert response.status_code == 200
    body = response.content.decode()
    p = keputusan.pegawai
    assert "PEMERINTAH KOTA MATARAM" in body
    assert "KEPUTUSAN WALI KOTA MATARAM" in body
    assert "NOMOR 821/5/2026" in body
    assert "MEMUTUSKAN:" in body and "Menetapkan:" in body
    assert "Mengangkat Pegawai Negeri Sipil:" in body
    assert f"dr. {p.nama}, M.Kes." in body
    assert "19850315 201001 1 002" in body  # grouped as on decrees
    assert keputusan.formasi.jabatan.nama in body
    assert "Salinan sesuai dengan aslinya" in body
    assert "peringkat ke-1" in body  # from the frozen ranking
    # Indonesian long dates, the print stylesheet, nothing inline (CSP).
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]  # fmt: skip
    t = keputusan.tmt
    assert f'<dd id="petikan-tmt">{t.day} {bulan[t.month - 1]} {t.year}</dd>' in body
    assert "css/cetak.css" in body
    assert "<script" not in body and "style=" not in body


def test_the_ranking_page_links_to_the_extract(org, keputusan):  # noqa: F811
    body = _client(org.users["hr"]).get(f"/jabatan/lowongan/{keputusan.formasi_id}/")
    assert _url(keputusan.pk) in body.content.decode()


@pytest.mark.parametrize("role", ["pegawai", "pimpinan", "pimpinan_lain"])
def test_it_refuses_everyone_but_hr(org, keputusan, role):  # noqa: F811
    response = _client(org.users[role]).get(_url(keputusan.pk))
    assert response.status_code in (403, 404)
    assert keputusan.nomor_sk not in response.content.decode()


def test_it_answers_404_for_an_unknown_decision(org, keputusan):  # noqa: F811
    assert _client(org.users["hr"]).get(_url(keputusan.pk + 1000)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login(keputusan):
    from django.test import Client

    response = Client().get(_url(keputusan.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_the_admin_change_page_links_to_the_extract_for_hr_only(org, keputusan):  # noqa: F811
    admin_url = f"/admin/jabatan/keputusan/{keputusan.pk}/change/"
    hr = _client(org.users["hr"]).get(admin_url)
    assert hr.status_code == 200
    assert _url(keputusan.pk) in hr.content.decode()
    assert "Jejak audit" in hr.content.decode()  # the project's other tool stays
    pimpinan = _client(org.users["pimpinan"]).get(admin_url)
    assert pimpinan.status_code == 200
    assert _url(keputusan.pk) not in pimpinan.content.decode()  # a link they could not open
