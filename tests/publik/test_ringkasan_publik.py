"""Free text about people reaches the public only as HR's public summary
(Keputusan.ringkasan_publik), never the internal justification: walked over every path where a
decision leaves BKPSDM — home, transparency list and page, Atom feed, open data CSV and JSON,
and the printed petikan SK."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jabatan.models import Keputusan, Penempatan
from jabatan.services import usulan_set
from pegawai.jenis_jabatan import JenisJabatan
from tests.factories import FormasiFactory, JabatanFactory
from tests.jabatan.bantu import PADA, buat_calon, putuskan
from tests.publik.bantu import buat_keputusan

pytestmark = pytest.mark.django_db

RAHASIA = "Kandidat peringkat pertama sedang diperiksa Inspektorat atas laporan masyarakat"
PUBLIK = "Diangkat karena pengalaman langsung pada urusan sumber daya air."


@pytest.fixture
def lowongan(hr_user):
    """A vacant Administrator post with a best and a second eligible candidate."""
    jabatan = JabatanFactory(
        jenis=JenisJabatan.ADMINISTRATOR,
        kelas_jabatan=11,
        golongan_minimal="III/d",
        pendidikan_minimal="S1",
    )
    formasi = FormasiFactory(jabatan=jabatan)
    terbaik = buat_calon(formasi.unit_kerja, predikat=("Sangat Baik", "Sangat Baik"))
    return {
        "formasi": formasi,
        "terbaik": terbaik,
        "kedua": buat_calon(formasi.unit_kerja),
        "hr": hr_user,
    }


def _jalur_publik(k: Keputusan) -> list[str]:
    return [
        reverse("beranda"),
        reverse("publik:transparansi"),
        reverse("publik:keputusan_detail", args=[k.pk]),
        reverse("publik:feed"),
        reverse("publik:unduh", args=["jabatan-terisi", "csv"]),
        reverse("publik:unduh", args=["jabatan-terisi", "json"]),
    ]


def _diputus(lw, **kw) -> Keputusan:
    usulan_set(
        formasi=lw["formasi"],
        pegawai_ids=[lw["terbaik"].pk, lw["kedua"].pk],
        pada=PADA,
        oleh=lw["hr"],
    )
    return putuskan(lw, lw["kedua"], justifikasi=RAHASIA, **kw)


def test_it_publishes_the_summary_and_never_the_justification(lowongan, hr_client):
    k = _diputus(lowongan, ringkasan_publik=PUBLIK)
    publik = Client()
    for url in _jalur_publik(k):
        isi = publik.get(url).content.decode()
        assert RAHASIA not in isi, url
        assert PUBLIK in isi, url
    # The petikan SK leaves BKPSDM on paper: the summary, not the justification.
    petikan = hr_client.get(f"/jabatan/keputusan/{k.pk}/petikan/").content.decode()
    assert PUBLIK in petikan and RAHASIA not in petikan
    # HR's own page of the post still shows the justification.
    internal = hr_client.get(reverse("jabatan:lowongan_detail", args=[k.formasi_id]))
    assert RAHASIA in internal.content.decode()


def test_without_a_summary_the_public_reads_that_a_justification_exists(lowongan):
    k = _diputus(lowongan)
    for url in _jalur_publik(k)[:3]:
        isi = Client().get(url).content.decode()
        assert RAHASIA not in isi, url
        assert "justifikasi tertulis tersimpan di BKPSDM" in isi, url
    data = Client().get(reverse("publik:unduh", args=["jabatan-terisi", "json"])).json()["data"]
    assert data[0]["ringkasan_justifikasi"] is None
    assert data[0]["bukan_peringkat_pertama"] is True


def test_a_summary_copying_the_justification_is_refused_and_nothing_is_written(lowongan):
    sebelum = Penempatan.objects.count()
    with pytest.raises(ValidationError) as exc:
        _diputus(lowongan, ringkasan_publik=f"  {RAHASIA.upper()} ")
    assert "menyalin justifikasi" in exc.value.message_dict["ringkasan_publik"][0]
    assert Penempatan.objects.count() == sebelum and not Keputusan.objects.exists()


def test_the_hr_form_names_the_field_of_a_too_long_summary(lowongan, hr_client):
    lw = lowongan
    usulan_set(formasi=lw["formasi"], pegawai_ids=[lw["kedua"].pk], pada=PADA, oleh=lw["hr"])
    response = hr_client.post(
        reverse("jabatan:lowongan_putus", args=[lw["formasi"].pk]),
        {
            "pegawai": lw["kedua"].pk,
            "nomor_sk": "821.2/11/BKPSDM/2026",
            "tanggal_sk": PADA.isoformat(),
            "tmt": PADA.isoformat(),
            "metode": "talent_pool",
            "justifikasi": RAHASIA,
            "ringkasan_publik": "x" * 281,
        },
    )
    assert response.status_code == 400
    assert "Ringkasan justifikasi untuk publik: Ringkasan untuk publik paling panjang 280" in (
        response.content.decode()
    )
    assert not Keputusan.objects.exists()


def test_the_public_rows_never_load_the_justification(sistem, opd, django_assert_num_queries):
    from publik.selectors import daftar_baris, keputusan_publik

    buat_keputusan(sistem, opd=opd, peringkat=2, justifikasi=RAHASIA)
    # the decisions; their corrections; their perangkat daerah
    with django_assert_num_queries(3):
        baris = daftar_baris(keputusan_publik())
    assert RAHASIA not in repr(baris)
    # Deferred, so a template reaching for it would cost a query per row and show up here.
    assert "justifikasi" in keputusan_publik().first().get_deferred_fields()
