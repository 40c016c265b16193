"""Recording a decision through its confirmation step, and HR's page of a recorded decision
with its correction and annulment forms: POST only, HR's permission, in scope; each bad input
a named error with nothing written."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.utils import timezone

from jabatan.models import Keputusan, KoreksiKeputusan, Penempatan
from pegawai.models import Akses
from pegawai.roles import ADMIN_BKPSDM
from tests.akses_data import buat_user, hr_tanpa, klien
from tests.jabatan.bantu import catat, putus_halaman, usulkan

pytestmark = pytest.mark.django_db


def _detail(k: Keputusan) -> str:
    return f"/jabatan/keputusan/{k.pk}/"


def test_the_confirmation_names_everything_and_records_nothing(org, lowongan_halaman):
    formasi, terbaik, kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    assert usulkan(hr, formasi, [terbaik.pk, kedua.pk]).status_code == 302
    response = putus_halaman(
        hr, formasi, konfirmasi=False, pegawai=terbaik.pk, nomor_sk="821/9/2026"
    )
    html = response.content.decode()
    assert response.status_code == 200
    for teks in (
        terbaik.nama_lengkap,
        terbaik.nip_tercetak,
        "peringkat 1 dari",
        "Talent pool",
        "821/9/2026",
        formasi.jabatan.nama,
        "halaman transparansi publik, umpan Atom dan data terbuka",
    ):
        assert teks in html, teks
    assert not Keputusan.objects.exists()
    assert not Penempatan.objects.filter(formasi=formasi).exists()
    # "Ubah isian" goes back to the filled form, still recording nothing.
    tanda = response.context["tanda"]
    kembali = hr.post(f"/jabatan/lowongan/{formasi.pk}/keputusan/", {"tanda": tanda, "ubah": "1"})
    assert kembali.status_code == 200 and 'value="821/9/2026"' in kembali.content.decode()
    assert not Keputusan.objects.exists()
    # The signed values are recorded, whatever else the confirm POST carries.
    dicatat = hr.post(
        f"/jabatan/lowongan/{formasi.pk}/keputusan/",
        {"tanda": tanda, "nomor_sk": "DIUBAH", "pegawai": kedua.pk},
    )
    k = Keputusan.objects.get()
    assert dicatat.status_code == 302 and dicatat["Location"] == _detail(k)
    assert (k.nomor_sk, k.pegawai, k.metode) == ("821/9/2026", terbaik, "talent_pool")


def test_a_forged_or_foreign_confirmation_is_refused(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    usulkan(hr, formasi, [terbaik.pk])
    tanda = putus_halaman(hr, formasi, konfirmasi=False, pegawai=terbaik.pk).context["tanda"]
    url = f"/jabatan/lowongan/{formasi.pk}/keputusan/"
    palsu = signing.dumps({"pegawai": str(terbaik.pk)}, salt="lain")
    hr_lain = klien(buat_user("hr.lain", ADMIN_BKPSDM, staff=True))
    for client, isian in (
        (hr, {"tanda": palsu}),
        (hr, {"tanda": tanda + "x"}),
        (hr_lain, {"tanda": tanda}),
    ):
        response = client.post(url, isian)
        assert response.status_code == 400
        assert "Konfirmasi tidak sah atau sudah lewat 30 menit" in response.content.decode()
    assert not Keputusan.objects.exists()


def test_hr_sees_the_decision_with_its_forms_in_bounded_queries(org, django_assert_max_num_queries):
    k = catat(org.users["hr"])
    hr = klien(org.users["hr"])
    # session, user, permissions (2), the decision with its post, unit, employee, placement and
    # links (1), scope, corrections, current post, the menu's declarations
    with django_assert_max_num_queries(12):
        response = hr.get(_detail(k))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="form-koreksi"' in html and 'id="form-batal"' in html
    assert 'value="800/1/2026"' in html
    assert f"/jabatan/keputusan/{k.pk}/petikan/" in html


def test_hr_corrects_then_annuls_through_the_page(org):
    hr_user = org.users["hr"]
    k = catat(hr_user)
    hr = klien(hr_user)
    isian = {
        "nomor_sk": "800/2/2026",
        "tanggal_sk": "2026-03-01",
        "tmt": "2026-03-02",
        "metode": "talent_pool",
        "ringkasan_publik": "",
        "alasan": "Salah ketik nomor.",
    }
    response = hr.post(f"{_detail(k)}koreksi/", isian)
    assert response.status_code == 302
    assert KoreksiKeputusan.objects.get(keputusan=k).perubahan == {
        "nomor_sk": {"dari": "800/1/2026", "ke": "800/2/2026"}
    }
    html = hr.get(_detail(k)).content.decode()
    assert "Salah ketik nomor." in html and "Koreksi dicatat: nomor SK." in html
    response = hr.post(f"{_detail(k)}batalkan/", {"alasan": "SK ditarik."})
    assert response.status_code == 302
    k.refresh_from_db()
    assert k.dibatalkan_pada == timezone.localdate()
    html = hr.get(_detail(k)).content.decode()
    assert "Dibatalkan pada" in html and 'id="form-batal"' not in html
    assert "tidak memiliki jabatan definitif" in html


@pytest.mark.parametrize(
    ("aksi", "isian", "pesan"),
    [
        ("batalkan", {"alasan": ""}, "Alasan pembatalan wajib diisi."),
        ("batalkan", {"alasan": "   "}, "Alasan pembatalan wajib diisi."),
        ("koreksi", {"alasan": ""}, "Alasan koreksi wajib diisi."),
        ("koreksi", {"tmt": "2026-02-30"}, "Tanggal harus berformat TTTT-BB-HH."),
        ("koreksi", {"metode": "undian"}, "Metode pengisian tidak dikenal."),
        ("koreksi", {}, "Tidak ada yang berubah"),
    ],
)
def test_a_bad_correction_or_annulment_is_a_named_error(org, aksi, isian, pesan):
    k = catat(org.users["hr"])
    hr = klien(org.users["hr"])
    dasar = {
        "nomor_sk": "800/1/2026",
        "tanggal_sk": "2026-03-01",
        "tmt": "2026-03-02",
        "metode": "talent_pool",
        "ringkasan_publik": "",
        "alasan": "Perbaikan.",
    }
    response = hr.post(f"{_detail(k)}{aksi}/", {**dasar, **isian})
    assert response.status_code == 400
    assert pesan in response.content.decode()
    k.refresh_from_db()
    assert not k.batal and k.nomor_sk == "800/1/2026"
    assert not KoreksiKeputusan.objects.exists()


def test_annulling_twice_through_the_page_is_refused(org):
    k = catat(org.users["hr"])
    hr = klien(org.users["hr"])
    assert hr.post(f"{_detail(k)}batalkan/", {"alasan": "Pertama."}).status_code == 302
    response = hr.post(f"{_detail(k)}batalkan/", {"alasan": "Kedua."})
    assert response.status_code == 400
    assert "sudah dibatalkan pada" in response.content.decode()
    k.refresh_from_db()
    assert k.alasan_pembatalan == "Pertama."


def test_only_hr_in_scope_and_only_post(org):
    k = catat(org.users["hr"], formasi=None)
    k.formasi.unit_kerja = org.bidang_a
    k.formasi.save()
    hr = klien(org.users["hr"])
    assert hr.get(f"{_detail(k)}batalkan/").status_code == 405
    assert hr.get(f"{_detail(k)}koreksi/").status_code == 405
    for nama in ("pimpinan", "pimpinan_lain", "pegawai"):
        client = klien(org.users[nama])
        assert client.get(_detail(k)).status_code == 403
        assert client.post(f"{_detail(k)}batalkan/", {"alasan": "x"}).status_code == 403
    # Staff holding the decision permissions but scoped to another unit: as if the decision
    # did not exist.
    petugas = User.objects.create_user("petugas.luar", is_staff=True)
    petugas.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="jabatan", codename__in=["add_keputusan", "change_keputusan"]
        )
    )
    Akses.objects.create(user=petugas, unit_kerja=org.unit_b)
    luar = klien(petugas)
    assert luar.get(_detail(k)).status_code == 404
    assert luar.post(f"{_detail(k)}batalkan/", {"alasan": "x"}).status_code == 404
    k.refresh_from_db()
    assert not k.batal


def test_the_petikan_prints_the_corrected_values(org):
    from jabatan.services import keputusan_correct

    k = catat(org.users["hr"])
    keputusan_correct(
        keputusan=k,
        alasan="Salah ketik.",
        oleh=org.users["hr"],
        nomor_sk="800/77/2026",
        tmt=dt.date(2026, 3, 9),
    )
    html = klien(org.users["hr"]).get(f"{_detail(k)}petikan/").content.decode()
    assert "800/77/2026" in html and "9 Maret 2026" in html
    assert "800/1/2026" not in html and "DIBATALKAN" not in html
    from jabatan.services import keputusan_cancel

    keputusan_cancel(keputusan=k, alasan="SK ditarik.", oleh=org.users["hr"])
    html = klien(org.users["hr"]).get(f"{_detail(k)}petikan/").content.decode()
    assert "KEPUTUSAN INI DIBATALKAN PADA" in html and "SK ditarik." in html


def test_the_admin_leads_to_the_decision_page(org):
    k = catat(org.users["hr"])
    hr = klien(org.users["hr"])
    html = hr.get(f"/admin/jabatan/keputusan/{k.pk}/change/").content.decode()
    lihat = re.search(r'href="(/admin/r/\d+/\d+/)"', html)
    assert lihat, "no 'view on site' link"
    response = hr.get(lihat.group(1))
    assert response.status_code == 302 and response["Location"].endswith(_detail(k))


def test_the_correction_forms_show_to_whom_their_post_views_let_in(org):
    """HR who may see decisions but not change them (no jabatan.change_keputusan) see no
    correction or annulment form and are refused both POSTs; HR who may, act."""
    k = catat(org.users["hr"])
    tanpa = klien(hr_tanpa("jabatan.change_keputusan"))
    html = tanpa.get(_detail(k)).content.decode()
    assert "800/1/2026" in html
    assert 'id="form-koreksi"' not in html and 'id="form-batal"' not in html
    assert tanpa.post(f"{_detail(k)}koreksi/", {"alasan": "x"}).status_code == 403
    assert tanpa.post(f"{_detail(k)}batalkan/", {"alasan": "x"}).status_code == 403
    k.refresh_from_db()
    assert not k.batal and not k.koreksi.exists()
    hr = klien(org.users["hr"])
    html = hr.get(_detail(k)).content.decode()
    assert 'id="form-koreksi"' in html and 'id="form-batal"' in html
    assert hr.post(f"{_detail(k)}batalkan/", {"alasan": "SK ditarik."}).status_code == 302
    k.refresh_from_db()
    assert k.batal
