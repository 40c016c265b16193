"""HR's pages that change an opened selection (edit before its announcement, reschedule,
cancel) and what the public, the applicants and the feed see afterwards: at once (the cache),
with the date and the reason. Only a POST by HR changes anything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pegawai.models import Akses
from publik.models import PerubahanSeleksi, Seleksi
from publik.services import seleksi_apply, seleksi_cancel
from tests.akses_data import buat_organisasi
from tests.publik.bantu import buka, jadwal_dari

pytestmark = pytest.mark.django_db
HARI = dt.timedelta(days=1)


def _tanggal(d: dt.date) -> str:
    return d.isoformat()


def _post_ubah(seleksi: Seleksi, **ubah) -> dict:
    data = {
        "judul": seleksi.judul,
        "nomor_pengumuman": seleksi.nomor_pengumuman,
        "formasi": [f.pk for f in seleksi.formasi.all()],
        "panitia": "\n".join(f"{a.nama}; {a.peran}" for a in seleksi.panitia.all()),
    }
    for t in seleksi.tahap.all():
        data[f"tahap_{t.jenis}_mulai"], data[f"tahap_{t.jenis}_selesai"] = (
            _tanggal(t.mulai),
            _tanggal(t.selesai),
        )
    data.update(ubah)
    return data


@pytest.fixture
def terbit(jpt, hr_user) -> Seleksi:
    """A selection announced ten days ago: registration runs until nine days from now."""
    return buka(jpt, hr_user, tahap=jadwal_dari(timezone.localdate() - 10 * HARI))


@pytest.fixture
def belum(jpt, hr_user) -> Seleksi:
    """A selection whose announcement begins in five days."""
    return buka(jpt, hr_user, tahap=jadwal_dari(timezone.localdate() + 5 * HARI))


def test_hr_edits_a_selection_before_its_announcement(hr_client, belum):
    url = reverse("publik:kelola_seleksi_ubah", args=[belum.pk])
    html = hr_client.get(url).content.decode()
    assert belum.judul in html and "Simpan perubahan" in html
    response = hr_client.post(url, _post_ubah(belum), follow=True)
    assert "Tidak ada yang berubah." in response.content.decode()
    assert not PerubahanSeleksi.objects.exists()
    response = hr_client.post(
        url, _post_ubah(belum, judul="Seleksi Terbuka Kepala Dinas Kominfo 2027")
    )
    assert response.status_code == 302
    assert Seleksi.objects.get().judul == "Seleksi Terbuka Kepala Dinas Kominfo 2027"
    detail = hr_client.get(response["Location"]).content.decode()
    assert (
        "Perubahan seleksi disimpan." in detail
        and "Riwayat perubahan" in detail
        and "Diubah: judul." in detail
    )


def test_the_edit_page_of_an_announced_selection_says_why_not_and_a_post_changes_nothing(
    hr_client, terbit
):
    url = reverse("publik:kelola_seleksi_ubah", args=[terbit.pk])
    html = hr_client.get(url).content.decode()
    assert "sudah diumumkan" in html and "Simpan perubahan" not in html
    assert reverse("publik:kelola_seleksi_jadwal", args=[terbit.pk]) in html
    response = hr_client.post(url, _post_ubah(terbit, judul="Judul lain"))
    assert response.status_code == 400
    assert "sudah diumumkan: isinya tidak dapat diubah lagi" in response.content.decode()
    assert Seleksi.objects.get().judul == terbit.judul and not PerubahanSeleksi.objects.exists()
    detail = hr_client.get(
        reverse("publik:kelola_seleksi_detail", args=[terbit.pk])
    ).content.decode()
    assert "Ubah isi seleksi" not in detail and "Ubah jadwal" in detail


def test_hr_reschedules_and_the_public_page_shows_it_at_once(
    hr_client, terbit, django_capture_on_commit_callbacks
):
    client = Client()  # the public: no session, served from the cache
    publik = reverse("publik:seleksi_detail", args=[terbit.pk])
    assert client.get(publik).status_code == 200  # cached now
    assert client.get(publik)["X-Cache"] == "hit"
    daftar = terbit.tahap.get(jenis="pendaftaran")
    baru = daftar.selesai + 7 * HARI
    data = {
        f"tahap_{t.jenis}_{u}": _tanggal(
            getattr(t, u) + (7 * HARI if t.urutan > 2 else dt.timedelta())
        )
        for t in terbit.tahap.all()
        for u in ("mulai", "selesai")
    }
    data["tahap_pendaftaran_selesai"] = _tanggal(baru)
    url = reverse("publik:kelola_seleksi_jadwal", args=[terbit.pk])
    # Without a reason: refused on the field, nothing written.
    response = hr_client.post(url, data)
    assert (
        response.status_code == 400
        and "Tuliskan alasan perubahan jadwal" in response.content.decode()
    )
    assert terbit.tahap.get(jenis="pendaftaran").selesai == daftar.selesai
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(url, {**data, "alasan": "Pendaftar belum mencapai enam orang"})
    assert response.status_code == 302, response.content.decode()
    html = client.get(publik).content.decode()
    hari = timezone.localdate()
    assert (
        f"Jadwal diubah pada {hari.day} " in html and "Pendaftar belum mencapai enam orang" in html
    )
    assert "jadwal-lama" in html and f"{baru.day} " in html
    umpan = client.get(reverse("publik:feed")).content.decode()
    assert (
        f"Jadwal diubah: {terbit.judul}" in umpan
        and f"#perubahan-{PerubahanSeleksi.objects.get().pk}" in umpan
    )


def test_the_schedule_form_keeps_what_has_happened_out_of_reach(hr_client, terbit):
    """The announcement stage has ended, registration runs: their fields that cannot change are
    disabled, and a forged POST for them changes nothing (a disabled field takes its initial)."""
    url = reverse("publik:kelola_seleksi_jadwal", args=[terbit.pk])
    html = hr_client.get(url).content.decode()
    assert (
        'name="tahap_pengumuman_mulai"' in html
        and "disabled" in html.split('name="tahap_pengumuman_mulai"')[1].split(">")[0]
    )
    assert "disabled" in html.split('name="tahap_pendaftaran_mulai"')[1].split(">")[0]
    assert "disabled" not in html.split('name="tahap_pendaftaran_selesai"')[1].split(">")[0]
    data = {
        f"tahap_{t.jenis}_{u}": _tanggal(getattr(t, u))
        for t in terbit.tahap.all()
        for u in ("mulai", "selesai")
    }
    data["tahap_pengumuman_mulai"] = _tanggal(timezone.localdate() + HARI)
    response = hr_client.post(url, {**data, "alasan": "Coba"})
    assert (
        response.status_code == 400
        and "Tidak ada tanggal yang berubah" in response.content.decode()
    )


def test_hr_cancels_and_the_public_pages_and_the_applicant_see_it(hr_client, terbit, jpt):
    client = Client()
    calon = jpt["calon"][0]
    seleksi_apply(seleksi=terbit, formasi=jpt["formasi"], pegawai=calon, pada=timezone.localdate())
    daftar_publik = reverse("publik:seleksi_list")
    assert "Pendaftaran dibuka" in client.get(daftar_publik).content.decode()  # cached
    url = reverse("publik:kelola_seleksi_batal", args=[terbit.pk])
    html = hr_client.get(url).content.decode()
    assert "1 pelamar" in html and "Batalkan seleksi ini" in html
    assert not Seleksi.objects.get().dibatalkan_pada  # the GET changes nothing
    response = hr_client.post(url, {"alasan": "  "})
    assert response.status_code == 400 and "Tuliskan alasan pembatalan" in response.content.decode()
    response = hr_client.post(url, {"alasan": "Jabatan digabung dalam perampingan OPD"})
    assert response.status_code == 302
    hari = timezone.localdate()
    status = f"Dibatalkan pada {hari.day} "
    for halaman in (daftar_publik, reverse("publik:seleksi_detail", args=[terbit.pk])):
        html = client.get(halaman).content.decode()
        assert status in html and "Jabatan digabung dalam perampingan OPD" in html, halaman
    assert f"Dibatalkan: {terbit.judul}" in client.get(reverse("publik:feed")).content.decode()
    # The applicant's page lists the application with the cancellation, not the selection to apply.
    pelamar = User.objects.create_user("pelamar")
    Akses.objects.create(user=pelamar, pegawai=calon)
    client.force_login(pelamar)
    html = client.get(reverse("publik:seleksi_saya")).content.decode()
    assert "Lamaran Anda" in html and status in html and "Lamar formasi ini" not in html
    # Cancelling twice: refused with the first cancellation named.
    response = hr_client.post(url, {"alasan": "lagi"})
    assert response.status_code == 400 and "sudah dibatalkan pada" in response.content.decode()
    assert PerubahanSeleksi.objects.count() == 1
    detail = hr_client.get(
        reverse("publik:kelola_seleksi_detail", args=[terbit.pk])
    ).content.decode()
    assert (
        status in detail and "Batalkan seleksi" not in detail and "Usulkan tiga nama" not in detail
    )
    # No stage result after it: the stage page says why, and a POST is refused.
    adm = terbit.tahap.get(jenis="administrasi")
    tahap_url = reverse("publik:kelola_tahap", args=[terbit.pk, adm.pk])
    html = hr_client.get(tahap_url).content.decode()
    assert "dibatalkan pada" in html and "perampingan OPD" in html and "Simpan hasil" not in html
    pelamar_id = terbit.pelamar.get().pk
    response = hr_client.post(tahap_url, {f"hasil_{pelamar_id}": "lulus"})
    assert response.status_code == 400 and "dibatalkan pada" in response.content.decode()
    assert not adm.hasil.exists()
    liste = hr_client.get(
        reverse("publik:kelola_seleksi"), {"status": "dibatalkan"}
    ).content.decode()
    assert terbit.judul in liste


def test_a_cancelled_selection_refuses_a_reschedule_on_the_page(hr_client, terbit, hr_user):
    seleksi_cancel(seleksi=terbit, alasan="Batal", pada=timezone.localdate(), oleh=hr_user)
    url = reverse("publik:kelola_seleksi_jadwal", args=[terbit.pk])
    assert "jadwalnya tidak dapat diubah lagi" in hr_client.get(url).content.decode()
    data = {
        f"tahap_{t.jenis}_{u}": _tanggal(getattr(t, u))
        for t in terbit.tahap.all()
        for u in ("mulai", "selesai")
    }
    data["tahap_rekam_jejak_selesai"] = _tanggal(
        terbit.tahap.get(jenis="rekam_jejak").selesai + HARI
    )
    response = hr_client.post(url, {**data, "alasan": "x"})
    assert response.status_code == 400 and PerubahanSeleksi.objects.count() == 1


@pytest.mark.parametrize(
    "nama", ["kelola_seleksi_ubah", "kelola_seleksi_jadwal", "kelola_seleksi_batal"]
)
def test_only_hr_reaches_the_change_pages_and_a_stranger_changes_nothing(client, terbit, nama):
    org = buat_organisasi()
    url = reverse(f"publik:{nama}", args=[terbit.pk])
    assert client.get(url).status_code == 302  # to the login page
    for peran in ("pegawai", "pimpinan", "pimpinan_lain"):
        client.force_login(org.users[peran])
        assert client.get(url).status_code == 403
        assert client.post(url, {"alasan": "x", "judul": "x"}).status_code == 403
    assert not PerubahanSeleksi.objects.exists() and Seleksi.objects.get().dibatalkan_pada is None


def test_the_change_pages_and_the_public_detail_run_a_bounded_number_of_queries(
    hr_client, terbit, hr_user, django_assert_max_num_queries
):
    client = Client()
    jadwal = jadwal_dari(timezone.localdate() - 10 * HARI)
    from publik.services import seleksi_reschedule

    for n in range(3):
        seleksi_reschedule(
            seleksi=terbit,
            tahap={
                "rekam_jejak": (jadwal["rekam_jejak"][0], jadwal["rekam_jejak"][1] + (n + 1) * HARI)
            },
            alasan=f"Perubahan {n}",
            pada=timezone.localdate(),
            oleh=hr_user,
        )
    # Session and user (2), the selection with its stages and their announcements, committee
    # and posts (4), the vacant JPT posts for the form and their requirements (about 6).
    for nama in ("kelola_seleksi_ubah", "kelola_seleksi_jadwal", "kelola_seleksi_batal"):
        with django_assert_max_num_queries(16):
            assert hr_client.get(reverse(f"publik:{nama}", args=[terbit.pk])).status_code == 200
    # The selection with its stages, posts, committee, announcements and changes.
    with django_assert_max_num_queries(8):
        html = client.get(reverse("publik:seleksi_detail", args=[terbit.pk])).content.decode()
    assert html.count("Jadwal diubah pada") == 3
