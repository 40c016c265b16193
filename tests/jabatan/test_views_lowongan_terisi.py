"""A filled post on the ranking page: no proposal or decision offered or taken, and the ranking
shown is the one frozen with the decision, names with their academic titles."""

from __future__ import annotations

import pytest

from jabatan.models import Keputusan, Penempatan, Usulan
from pegawai.models import Pegawai
from tests.akses_data import klien
from tests.jabatan.bantu import putus_halaman, usulkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def terisi(org, lowongan_halaman):
    formasi, terbaik, kedua = lowongan_halaman
    Pegawai.objects.filter(pk=terbaik.pk).update(gelar_depan="dr.", gelar_belakang="M.Kes.")
    Pegawai.objects.filter(pk=kedua.pk).update(gelar_depan="", gelar_belakang="S.K.M.")
    hr = klien(org.users["hr"])
    assert usulkan(hr, formasi, [terbaik.pk, kedua.pk]).status_code == 302
    assert putus_halaman(hr, formasi, pegawai=terbaik.pk).status_code == 302
    return formasi, Pegawai.objects.get(pk=terbaik.pk), Pegawai.objects.get(pk=kedua.pk), hr


def test_a_filled_post_offers_no_proposal_or_decision(terisi):
    formasi, _terbaik, _kedua, hr = terisi
    body = hr.get(f"/jabatan/lowongan/{formasi.pk}/").content.decode()
    assert 'id="formasi-terisi"' in body
    assert f"/jabatan/lowongan/{formasi.pk}/usulan/" not in body
    assert f"/jabatan/lowongan/{formasi.pk}/keputusan/" not in body
    assert 'type="checkbox" name="pegawai"' not in body
    assert 'name="pegawai" id="pegawai"' not in body
    # A filled key post still takes successors (its succession plan is for when it falls vacant).
    assert f"/jabatan/lowongan/{formasi.pk}/suksesi/" in body


def test_a_filled_post_refuses_a_new_proposal_and_writes_nothing(terisi, org):
    formasi, _terbaik, kedua, hr = terisi
    sebelum = list(Usulan.objects.filter(formasi=formasi).values_list("pk", "aktif"))
    response = usulkan(hr, formasi, [kedua.pk])
    assert response.status_code == 400
    assert "sudah terisi" in response.content.decode()
    assert "tidak menerima usulan baru" in response.content.decode()
    assert list(Usulan.objects.filter(formasi=formasi).values_list("pk", "aktif")) == sebelum


def test_a_filled_post_refuses_a_new_decision_and_writes_nothing(terisi):
    formasi, _terbaik, kedua, hr = terisi
    response = putus_halaman(hr, formasi, pegawai=kedua.pk, nomor_sk="821/6/2026", justifikasi="x")
    assert response.status_code == 400
    assert "sudah terisi" in response.content.decode()
    assert Keputusan.objects.count() == 1
    assert Penempatan.objects.filter(formasi=formasi).count() == 1


def test_after_a_decision_the_page_shows_the_frozen_ranking_with_titles(terisi):
    formasi, terbaik, kedua, hr = terisi
    keputusan = Keputusan.objects.get()
    # Change what a live ranking would show: the frozen one must not follow.
    snapshot = keputusan.snapshot
    snapshot["teratas"][0]["skor"] = "12.34"
    Keputusan.objects.filter(pk=keputusan.pk).update(snapshot=snapshot)
    response = hr.get(f"/jabatan/lowongan/{formasi.pk}/")
    body = response.content.decode()
    assert 'id="peringkat-beku"' in body
    assert "12,34" in body  # the snapshot's score, not a re-ranking
    assert "dr. " + terbaik.nama + ", M.Kes." in body
    assert kedua.nama + ", S.K.M." in body
    assert "821/5/2026" in body
    assert [b["pegawai_id"] for b in response.context["beku"]["baris"]][:2] == [
        terbaik.pk,
        kedua.pk,
    ]
