"""The vacancy list and the vacancy's ranking page, as HR and unit heads use them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from jabatan.models import Keputusan, Usulan
from pegawai.roles import PEGAWAI
from tests.akses_data import buat_user, hr_tanpa, klien
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.jabatan.bantu import buat_calon, buat_lowongan, usulkan

pytestmark = pytest.mark.django_db


def test_the_vacancy_list_is_scoped_filtered_and_exported(org, django_assert_max_num_queries):
    kosong_a = FormasiFactory(unit_kerja=org.bidang_a, jabatan=JabatanFactory(nama="Analis A"))
    FormasiFactory(unit_kerja=org.unit_b, jabatan=JabatanFactory(nama="Analis B"))
    client = klien(org.users["pimpinan"])
    client.get("/jabatan/lowongan/")
    # session, user, permissions (2), access link, the unit filter's options, the page's count
    # and rows, the retirement ages and the retiring holders; the menu's SKP entry (one EXISTS)
    with django_assert_max_num_queries(11):
        response = client.get("/jabatan/lowongan/")
    body = response.content.decode()
    assert "Analis A" in body and "Analis B" not in body
    assert [f.pk for f in response.context["halaman"]] == [kosong_a.pk]
    assert (
        client.get("/jabatan/lowongan/", {"lowong_minimal": 400}).context["halaman"].paginator.count
        == 0
    )
    csv = client.post("/jabatan/lowongan/ekspor.csv").content.decode("utf-8-sig")
    assert "Analis A" in csv and "Analis B" not in csv


def test_hr_ranks_proposes_and_decides_through_the_page(org):
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    terbaik = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Sangat Baik"))
    kedua = buat_calon(org.bidang_a)
    tutup_periode()  # the ranking reads closed annual evaluations
    hr = klien(org.users["hr"])
    url = f"/jabatan/lowongan/{formasi.pk}/"
    response = hr.get(url)
    # Ids in form values are never localised ("1.234" would not post back as an id).
    assert f'value="{terbaik.pk}"' in response.content.decode()
    teratas = response.context["teratas"]
    assert [b.hasil.kandidat.pegawai_id for b in teratas[:2]] == [terbaik.pk, kedua.pk]
    # Why not? for one NIP, with the reasons.
    response = hr.get(url, {"nip": org.pegawai_b.nip_tercetak})
    assert response.context["cari"] is not None and not response.context["cari"].layak
    # What-if weights reorder without saving.
    response = hr.get(
        url,
        {
            "w_kinerja": 0,
            "w_kompetensi": 0,
            "w_kualifikasi": 0,
            "w_pengembangan": 0,
            "w_pengalaman": 100,
            "w_integritas": 0,
        },
    )
    assert response.context["simulasi"]
    response = hr.post(url + "usulan/", {"pegawai": [terbaik.pk, kedua.pk]})
    assert response.status_code == 302
    assert Usulan.objects.filter(formasi=formasi, aktif=True).count() == 2
    data = {
        "pegawai": kedua.pk,
        "nomor_sk": "821/5/2026",
        "tanggal_sk": timezone.localdate().isoformat(),
        "tmt": timezone.localdate().isoformat(),
        "metode": "talent_pool",
        "justifikasi": "",
    }
    response = hr.post(url + "keputusan/", data)
    assert response.status_code == 400
    assert "justifikasi" in response.content.decode().lower()
    assert not Keputusan.objects.exists()
    response = hr.post(url + "keputusan/", {**data, "justifikasi": "Pengalaman bidang yang sama"})
    assert response.status_code == 200 and "Catat dan umumkan" in response.content.decode()
    assert not Keputusan.objects.exists()  # the confirmation step records nothing
    response = hr.post(url + "keputusan/", {"tanda": response.context["tanda"]})
    assert response.status_code == 302
    assert Keputusan.objects.get().pegawai == kedua


def test_only_hr_runs_the_ranking(org):
    formasi = FormasiFactory(unit_kerja=org.bidang_a)
    assert klien(org.users["pimpinan"]).get(f"/jabatan/lowongan/{formasi.pk}/").status_code == 403


def test_an_employee_sees_why_they_are_not_eligible_and_nothing_of_others(
    org, django_assert_max_num_queries
):
    formasi = FormasiFactory(
        unit_kerja=org.unit_b,
        jabatan=JabatanFactory(
            nama="Kepala Bagian Uji",
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    lain = buat_calon(org.unit_b, predikat=("Sangat Baik", "Sangat Baik"))
    tutup_periode()
    client = klien(org.users["pegawai"])  # Baiq Nurul Aini, III/a: below the minimum rank
    daftar = client.get("/jabatan/peluang/")
    assert "Kepala Bagian Uji" in daftar.content.decode()
    client.get(f"/jabatan/peluang/{formasi.pk}/")
    # session, user, permissions (2), access link, post (the page's, the ranking's fresh one),
    # profile, talent bands, holders, families required, fields of study, relevance (fields,
    # affairs, units, profiles requiring leadership training, leadership programs), counts (the
    # scan, the sanctioned), own row, own sanctions, own affair days, own JP years, proposals,
    # decision; the menu's SKP entry (one EXISTS)
    with django_assert_max_num_queries(26):
        response = client.get(f"/jabatan/peluang/{formasi.pk}/")
    body = response.content.decode()
    saya = response.context["saya"]
    assert saya.kandidat.pegawai_id == org.pegawai_a.pk and not saya.layak
    assert "(III/a) di bawah golongan minimal" in body
    assert "Pengalaman jabatan terkait 0,00 tahun" in body  # Indonesian decimals
    assert lain.nama not in body and lain.nip not in body  # nobody else's data
    # Eligible: their rank among the eligible, and the proposal's ranks without names.
    lain_client = klien(buat_user("lain", PEGAWAI, staff=False, pegawai=lain))
    response = lain_client.get(f"/jabatan/peluang/{formasi.pk}/")
    assert response.context["saya"].layak and response.context["saya"].peringkat == 1
    body = response.content.decode()
    assert "peringkat 1 dari 1 kandidat" in body
    # The two denominators are named: the rank counts among the eligible only.
    p = response.context["peringkat"]
    assert p.jumlah > p.jumlah_layak == 1
    assert (
        f"1 dari {p.jumlah} pegawai aktif memenuhi syarat ({p.jumlah}: semua pegawai aktif dan "
        "cuti, tanpa pemangku formasi ini). Peringkat dihitung hanya di antara 1 pegawai"
    ) in body
    # The fit with the post, in words (no affair or field named: not determined).
    assert "kesesuaian tidak ditentukan" in body


def test_hr_without_an_employee_record_has_no_own_chances(org):
    assert klien(org.users["hr"]).get("/jabatan/peluang/").status_code == 403


def test_the_link_to_a_ranking_shows_to_whom_its_page_and_actions_open(org):
    """The vacancy list links a post to its ranking (where HR proposes and decides) exactly
    for whom that page's declaration (jabatan.views.PERINGKAT) lets in."""
    formasi, (calon,) = buat_lowongan(org, 1)
    tautan = f'href="/jabatan/lowongan/{formasi.pk}/"'
    tanpa = klien(hr_tanpa("jabatan.add_keputusan"))
    body = tanpa.get("/jabatan/lowongan/").content.decode()
    assert formasi.jabatan.nama in body and tautan not in body
    assert tanpa.get(f"/jabatan/lowongan/{formasi.pk}/").status_code == 403
    assert usulkan(tanpa, formasi, calon.pk).status_code == 403
    assert tanpa.post(f"/jabatan/lowongan/{formasi.pk}/keputusan/").status_code == 403
    assert not Usulan.objects.exists()
    hr = klien(org.users["hr"])
    assert tautan in hr.get("/jabatan/lowongan/").content.decode()
    assert hr.get(f"/jabatan/lowongan/{formasi.pk}/").status_code == 200
    assert usulkan(hr, formasi, calon.pk).status_code == 302
    assert Usulan.objects.get(formasi=formasi).pegawai == calon
