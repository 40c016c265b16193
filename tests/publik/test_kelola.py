"""HR's pages of the open selection: the list (filter, sort, export), the opening form, the
selection's page with applicants and eligibility, the stage form (results, announcement) and the
proposal to the PPK; bad input gives field-named Indonesian errors and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Usulan
from publik.models import URUTAN_TAHAP, HasilTahap, JenisTahap, Pelamar, Pengumuman, Seleksi
from publik.services import seleksi_apply
from tests.akses_data import hr_tanpa, klien
from tests.factories import FormasiFactory
from tests.publik.bantu import PANITIA, buka

pytestmark = pytest.mark.django_db
HARI = dt.timedelta(days=1)


def _jadwal(mulai_adm: int = -9) -> dict[str, tuple[dt.date, dt.date]]:
    """The six stages back to back, the administrative check starting `mulai_adm` days from
    today; registration ends the day before, 20 days after the announcement (at least
    publik.services.PENGUMUMAN_MINIMAL_HARI)."""
    t = timezone.localdate() + mulai_adm * HARI
    awal = {"pengumuman": (t - 20 * HARI, t - 6 * HARI), "pendaftaran": (t - 5 * HARI, t - HARI)}
    jadwal = dict(awal)
    for i, jenis in enumerate(URUTAN_TAHAP[2:]):
        jadwal[jenis] = (t + 2 * i * HARI, t + (2 * i + 1) * HARI)
    return jadwal


def _post_buka(jpt, jadwal=None, **ubah) -> dict:
    data = {
        "judul": "Seleksi Terbuka JPT Pratama 2026",
        "nomor_pengumuman": "800/1/Pansel/2026",
        "formasi": [jpt["formasi"].pk],
        "panitia": "\n".join(f"{n}; {p}" for n, p in PANITIA),
    }
    for jenis, (a, b) in (jadwal or _jadwal()).items():
        data[f"tahap_{jenis}_mulai"], data[f"tahap_{jenis}_selesai"] = a.isoformat(), b.isoformat()
    data.update(ubah)
    return data


def _lamar(seleksi, jpt, pegawai) -> Pelamar:
    daftar = seleksi.tahap.get(jenis=JenisTahap.PENDAFTARAN)
    return seleksi_apply(
        seleksi=seleksi, formasi=jpt["formasi"], pegawai=pegawai, pada=daftar.mulai
    )


def test_it_opens_a_selection_with_the_requirements_of_the_position(hr_client, jpt, hr_user):
    url = reverse("publik:kelola_seleksi_buka")
    html = hr_client.get(url).content.decode()
    assert "Kepala Dinas Komunikasi" in html and "IV/a" in html  # the post and its requirement
    response = hr_client.post(url, _post_buka(jpt))
    seleksi = Seleksi.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("publik:kelola_seleksi_detail", args=[seleksi.pk])
    assert seleksi.tahap.count() == 6 and seleksi.panitia.count() == 5
    assert seleksi.persyaratan[0]["golongan_minimal"].endswith("(IV/a)")
    assert LogEntry.objects.get_for_object(seleksi).filter(actor=hr_user).exists()
    public = hr_client.get(reverse("publik:seleksi_detail", args=[seleksi.pk])).content.decode()
    assert "Persyaratan" in public and "(IV/a)" in public


@pytest.mark.parametrize(
    ("ubah", "field", "kata"),
    [
        (
            {"tahap_kompetensi_mulai": "2026-12-31", "tahap_kompetensi_selesai": "2026-12-01"},
            "tahap_kompetensi_mulai",
            "Asesmen kompetensi: tanggal mulai 31 Desember 2026 sesudah tanggal selesai",
        ),
        (
            {"tahap_wawancara_mulai": "2020-01-01", "tahap_wawancara_selesai": "2020-01-02"},
            "tahap_wawancara_mulai",
            "sebelum tahap Asesmen kompetensi selesai",
        ),
        (
            {"tahap_rekam_jejak_selesai": ""},
            "tahap_rekam_jejak_selesai",
            "Penelusuran rekam jejak: tanggal selesai wajib diisi",
        ),
        ({"tahap_administrasi_mulai": "31-31-2026"}, "tahap_administrasi_mulai", "TTTT-BB-HH"),
        (
            {"panitia": "A; ketua\nB; anggota\nC; anggota\nD; anggota"},
            "panitia",
            "berjumlah ganjil, sedikitnya 5 orang (sekarang 4)",
        ),
        ({"panitia": "A ketua"}, "panitia", "baris 1: tulis “nama; peran”"),
        ({"judul": ""}, "judul", "Judul wajib diisi"),
        ({"formasi": []}, "formasi", "Pilih sedikitnya satu formasi JPT"),
    ],
)
def test_opening_refuses_bad_input_naming_the_field_and_writes_nothing(
    hr_client, jpt, ubah, field, kata
):
    response = hr_client.post(reverse("publik:kelola_seleksi_buka"), _post_buka(jpt, **ubah))
    assert response.status_code == 400
    assert kata in " ".join(response.context["form"].errors[field])
    assert kata in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert (
        not Seleksi.objects.exists()
        and not LogEntry.objects.filter(content_type__app_label="publik").exists()
    )


def test_opening_refuses_a_post_that_is_not_a_vacant_jpt(hr_client, jpt):
    bukan = FormasiFactory()
    response = hr_client.post(
        reverse("publik:kelola_seleksi_buka"), _post_buka(jpt, formasi=[bukan.pk])
    )
    assert response.status_code == 400
    assert "bukan formasi JPT yang lowong" in response.context["form"].errors["formasi"][0]
    assert not Seleksi.objects.exists()


def test_a_result_before_its_stage_is_refused_on_the_form(hr_client, jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=_jadwal(mulai_adm=3))
    tahap = seleksi.tahap.get(jenis=JenisTahap.ADMINISTRASI)
    p = _lamar(seleksi, jpt, jpt["calon"][0])
    url = reverse("publik:kelola_tahap", args=[seleksi.pk, tahap.pk])
    response = hr_client.post(url, {f"hasil_{p.pk}": "lulus", f"nilai_{p.pk}": "80"})
    assert response.status_code == 400
    assert "Seleksi administrasi baru dimulai" in " ".join(
        response.context["form"].non_field_errors()
    )
    assert not HasilTahap.objects.exists()


def test_an_applicant_no_longer_eligible_cannot_pass_the_administrative_check(
    hr_client, jpt, hr_user
):
    seleksi = buka(jpt, hr_user, tahap=_jadwal())
    baik = _lamar(seleksi, jpt, jpt["calon"][0])
    # Applied, then fell below the requirements (an SKP predikat of Butuh Perbaikan, say).
    buruk = Pelamar.objects.create(
        seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["tidak_layak"]
    )
    html = hr_client.get(
        reverse("publik:kelola_seleksi_detail", args=[seleksi.pk])
    ).content.decode()
    assert "Tidak" in html and jpt["tidak_layak"].nama_lengkap in html
    tahap = seleksi.tahap.get(jenis=JenisTahap.ADMINISTRASI)
    url = reverse("publik:kelola_tahap", args=[seleksi.pk, tahap.pk])
    response = hr_client.post(url, {f"hasil_{baik.pk}": "lulus", f"hasil_{buruk.pk}": "lulus"})
    assert response.status_code == 400
    pesan = " ".join(response.context["form"].errors[f"hasil_{buruk.pk}"])
    assert "tidak memenuhi syarat" in pesan and jpt["tidak_layak"].nama_lengkap in pesan
    assert not HasilTahap.objects.exists()
    # Failing them is allowed.
    response = hr_client.post(
        url,
        {
            f"hasil_{baik.pk}": "lulus",
            f"hasil_{buruk.pk}": "gagal",
            f"catatan_{buruk.pk}": "Predikat kinerja tidak memenuhi",
        },
    )
    assert response.status_code == 302
    assert HasilTahap.objects.get(pelamar=buruk).catatan == "Predikat kinerja tidak memenuhi"


@pytest.mark.parametrize(
    ("isian", "kata"),
    [
        ({"nilai": "120"}, "antara 0 dan 100"),
        ({"nilai": "abc"}, "harus berupa angka"),
        ({"hasil": ""}, "pilih lulus atau tidak lulus"),
    ],
)
def test_a_bad_score_names_the_applicant_and_writes_nothing(hr_client, jpt, hr_user, isian, kata):
    seleksi = buka(jpt, hr_user, tahap=_jadwal())
    p = _lamar(seleksi, jpt, jpt["calon"][0])
    tahap = seleksi.tahap.get(jenis=JenisTahap.ADMINISTRASI)
    data = {f"hasil_{p.pk}": "lulus", f"nilai_{p.pk}": "80"}
    data.update({f"{k}_{p.pk}": v for k, v in isian.items()})
    response = hr_client.post(reverse("publik:kelola_tahap", args=[seleksi.pk, tahap.pk]), data)
    assert response.status_code == 400
    assert kata in response.content.decode()
    assert jpt["calon"][0].nama_lengkap in " ".join(
        e for v in response.context["form"].errors.values() for e in v
    )
    assert not HasilTahap.objects.exists()


def test_hr_records_a_stage_announces_it_and_proposes_three_names(hr_client, jpt, hr_user, client):
    seleksi = buka(jpt, hr_user, tahap=_jadwal())
    tahap = {t.jenis: t for t in seleksi.tahap.all()}
    pelamar = [_lamar(seleksi, jpt, p) for p in jpt["calon"]]
    nilai = ["90", "85", "80", "60"]
    for jenis in URUTAN_TAHAP[2:]:
        url = reverse("publik:kelola_tahap", args=[seleksi.pk, tahap[jenis].pk])
        data = {}
        for p, n in zip(pelamar, nilai, strict=True):
            if jenis == "administrasi" or p != pelamar[3]:
                lulus = jenis == "administrasi" or p != pelamar[3]
                data |= {
                    f"hasil_{p.pk}": "lulus" if lulus else "gagal",
                    f"nilai_{p.pk}": n,
                    f"catatan_{p.pk}": "CATATAN-RAHASIA",
                }
        if jenis == "kompetensi":
            data |= {f"hasil_{pelamar[3].pk}": "gagal", f"nilai_{pelamar[3].pk}": "60"}
        assert hr_client.post(url, data).status_code == 302, jenis
        assert hr_client.post(url.rstrip("/") + "/umumkan/").status_code == 302
        assert Pengumuman.objects.filter(tahap=tahap[jenis]).exists()
    public = client.get(reverse("publik:seleksi_detail", args=[seleksi.pk])).content.decode()
    assert jpt["calon"][0].nama_lengkap in public
    assert "CATATAN-RAHASIA" not in public and "90" not in public.split("Jadwal dan pengumuman")[1]
    # An announced stage's results are frozen: the form refuses them.
    url = reverse("publik:kelola_tahap", args=[seleksi.pk, tahap["rekam_jejak"].pk])
    response = hr_client.post(url, {f"hasil_{pelamar[0].pk}": "gagal"})
    assert response.status_code == 400 and "sudah diumumkan" in response.content.decode()
    response = hr_client.post(
        reverse("publik:kelola_seleksi_usulkan", args=[seleksi.pk]), follow=True
    )
    assert "Tiga nama per formasi diusulkan" in response.content.decode()
    usulan = Usulan.objects.filter(formasi=jpt["formasi"], aktif=True).order_by("urutan")
    assert [u.pegawai for u in usulan] == jpt["calon"][:3]
    assert Seleksi.objects.get().selesai
    for obj in (HasilTahap.objects.first(), Pengumuman.objects.first(), usulan[0]):
        assert LogEntry.objects.get_for_object(obj).filter(actor=hr_user).exists(), obj


def test_proposing_too_early_is_refused_with_a_message(hr_client, jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=_jadwal())
    response = hr_client.post(
        reverse("publik:kelola_seleksi_usulkan", args=[seleksi.pk]), follow=True
    )
    assert "Umumkan hasil tahap terakhir terlebih dahulu" in response.content.decode()
    assert not Usulan.objects.exists() and not Seleksi.objects.get().selesai


def _banyak_seleksi(jpt, hr_user, n: int) -> list[Seleksi]:
    hasil = []
    for i in range(n):
        s = buka(jpt, hr_user, tahap=_jadwal())
        s.judul = f"Seleksi {chr(65 + i)}"
        s.save()
        hasil.append(s)
    return hasil


def test_the_list_filters_sorts_and_exports(hr_client, jpt, hr_user):
    a, _b, c = _banyak_seleksi(jpt, hr_user, 3)
    c.selesai = True
    c.save()
    _lamar(a, jpt, jpt["calon"][0])
    url = reverse("publik:kelola_seleksi")
    html = hr_client.get(url, {"status": "berjalan", "urut": "judul"}).content.decode()
    assert html.index("Seleksi A") < html.index("Seleksi B") and "Seleksi C" not in html
    html = hr_client.get(url, {"q": "Seleksi B"}).content.decode()
    assert "Seleksi B" in html and "Seleksi A" not in html
    assert hr_client.get(url, {"status": "entah"}).status_code == 400
    ekspor = reverse("publik:kelola_seleksi_ekspor", args=["csv"])
    csv = hr_client.post(f"{ekspor}?urut=pelamar").content.decode("utf-8-sig")
    baris = csv.splitlines()
    assert baris[0].startswith("Judul;") and baris[1].startswith("Seleksi A;") and len(baris) == 4
    assert "Kepala Dinas Komunikasi" in baris[1]


def test_the_list_and_the_detail_run_a_bounded_number_of_queries(
    hr_client, jpt, hr_user, django_assert_max_num_queries
):
    semua = _banyak_seleksi(jpt, hr_user, 6)
    for p in jpt["calon"]:
        _lamar(semua[0], jpt, p)
    # Session, user, (permissions: groups and user), count, page of selections with annotations,
    # their posts (prefetch) — whatever the number of selections.
    with django_assert_max_num_queries(10):
        assert hr_client.get(reverse("publik:kelola_seleksi")).status_code == 200
    # Session, user, permissions, the selection, its stages, applicants + their results
    # (prefetch), the posts, the committee, and one merit ranking for the post's applicants
    # (a fixed number of queries whatever the number of applicants).
    with django_assert_max_num_queries(40) as ctx:
        assert (
            hr_client.get(reverse("publik:kelola_seleksi_detail", args=[semua[0].pk])).status_code
            == 200
        )
    satu = len(ctx.captured_queries)
    Pelamar.objects.filter(seleksi=semua[0]).delete()
    for p in jpt["calon"][:1]:
        _lamar(semua[0], jpt, p)
    with django_assert_max_num_queries(satu):  # fewer applicants, no more queries
        hr_client.get(reverse("publik:kelola_seleksi_detail", args=[semua[0].pk]))


def test_only_hr_reaches_the_pages(client, jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=_jadwal())
    client.force_login(User.objects.create_user("bukan-hr", is_staff=True))
    for url in (
        reverse("publik:kelola_seleksi"),
        reverse("publik:kelola_seleksi_buka"),
        reverse("publik:kelola_seleksi_detail", args=[seleksi.pk]),
    ):
        assert client.get(url).status_code == 403
    assert (
        client.post(reverse("publik:kelola_seleksi_usulkan", args=[seleksi.pk])).status_code == 403
    )
    assert "kelola/seleksi" not in client.get(reverse("beranda")).content.decode()


def test_a_stages_buttons_show_to_whom_their_post_lets_through(hr_client, jpt, hr_user):
    """The stage page's "save results" and "announce" buttons read the declarations their
    POSTs check (publik.views.kelola.HASIL, the announce view's page): HR without the
    permission see no button and are refused; HR who hold it record and announce."""
    seleksi = buka(jpt, hr_user)
    tahap = seleksi.tahap.get(jenis=JenisTahap.ADMINISTRASI)
    (pelamar,) = [_lamar(seleksi, jpt, p) for p in jpt["calon"][:1]]
    url = reverse("publik:kelola_tahap", args=[seleksi.pk, tahap.pk])
    umumkan = reverse("publik:kelola_tahap_umumkan", args=[seleksi.pk, tahap.pk])
    hasil = {f"hasil_{pelamar.pk}": "lulus", f"nilai_{pelamar.pk}": "90"}
    tanpa_hasil = klien(hr_tanpa("publik.add_hasiltahap"))
    html = tanpa_hasil.get(url).content.decode()
    assert "Simpan hasil" not in html and "Umumkan di halaman publik" in html
    assert tanpa_hasil.post(url, hasil).status_code == 403
    tanpa_umumkan = klien(hr_tanpa("publik.add_pengumuman"))
    html = tanpa_umumkan.get(url).content.decode()
    assert "Simpan hasil" in html and "Umumkan di halaman publik" not in html
    assert tanpa_umumkan.post(umumkan).status_code == 403
    assert not HasilTahap.objects.exists() and not Pengumuman.objects.exists()
    html = hr_client.get(url).content.decode()
    assert "Simpan hasil" in html and "Umumkan di halaman publik" in html
    assert hr_client.post(url, hasil).status_code == 302
    assert hr_client.post(umumkan).status_code == 302
    assert Pengumuman.objects.filter(tahap=tahap).exists()


def test_the_selections_buttons_show_to_whom_their_post_lets_through(hr_client, jpt, hr_user):
    """Opening, proposing to the PPK and editing: each button reads its view's declaration."""
    seleksi = buka(jpt, hr_user)
    daftar = reverse("publik:kelola_seleksi")
    detail = reverse("publik:kelola_seleksi_detail", args=[seleksi.pk])
    tombol = {
        "publik.add_seleksi": (daftar, reverse("publik:kelola_seleksi_buka")),
        "jabatan.add_usulan": (detail, reverse("publik:kelola_seleksi_usulkan", args=[seleksi.pk])),
        "publik.change_seleksi": (
            detail,
            reverse("publik:kelola_seleksi_jadwal", args=[seleksi.pk]),
        ),
    }
    for izin, (halaman, aksi) in tombol.items():
        tanpa = klien(hr_tanpa(izin))
        assert aksi not in tanpa.get(halaman).content.decode(), izin
        assert tanpa.post(aksi).status_code == 403, izin
        assert aksi in hr_client.get(halaman).content.decode(), izin
    assert not Usulan.objects.exists()
