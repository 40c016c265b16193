"""The open selection's stages and announcement (PermenPANRB 15/2019) and the JPT requirements
its announcement may set (PP 11/2017 Pasal 107 jo. PP 17/2020; jabatan.merit.jpt).

- The committee orders the competence stages: rekam jejak may come before the assessment or the
  paper and interview. Each stage starts after the one before it in that order; results and the
  proposal to the PPK follow it.
- The vacancy is announced at least PENGUMUMAN_MINIMAL_HARI calendar days, both ends counted,
  before registration closes. PermenPANRB 15/2019's text on it was not found in the searched
  sources; calendar days as PP 11/2017 Pasal 22 ayat (2) counts PNS vacancy announcements ("15
  hari kalender", m.antaranews.com/amp/berita/1180540) and as real JPT announcements ran
  (publik.services; their dates are the table below) [practice].
- A looser age or shorter time in post than the PP needs its basis (ayat (2): the President's
  approval); eligibility at registration then follows the announcement.
Bad input: one error per field, named, in Indonesian, and nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pegawai import projection
from pegawai.models import Pegawai
from publik.models import AnggotaPanitia, HasilTahap, JenisTahap, Seleksi, Tahap
from publik.services import (
    PENGUMUMAN_MINIMAL_HARI,
    seleksi_apply,
    tahap_record_hasil,
)
from tests.publik.bantu import PANITIA, buka

pytestmark = pytest.mark.django_db
D = dt.date
# Rekam jejak first, then the assessment, then the paper and interview.
URUTAN = {"rekam_jejak": 1, "kompetensi": 2, "wawancara": 3}
JADWAL = {
    "pengumuman": (D(2026, 10, 1), D(2026, 10, 5)),
    "pendaftaran": (D(2026, 10, 6), D(2026, 10, 15)),
    "administrasi": (D(2026, 10, 16), D(2026, 10, 20)),
    "rekam_jejak": (D(2026, 10, 21), D(2026, 10, 31)),
    "kompetensi": (D(2026, 11, 1), D(2026, 11, 10)),
    "wawancara": (D(2026, 11, 11), D(2026, 11, 20)),
}


def _buka(jpt, hr, **kw) -> Seleksi:
    """bantu.buka with this module's schedule, announcement number and stage order."""
    ubah = {"tahap": JADWAL, "nomor_pengumuman": "800/7/Pansel/2026", "urutan": URUTAN}
    return buka(jpt, hr, **{**ubah, **kw})


def _galat(jpt, hr, **kw) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        _buka(jpt, hr, **kw)
    assert not Seleksi.objects.exists() and not Tahap.objects.exists()
    assert not AnggotaPanitia.objects.exists()
    return info.value.message_dict


def test_the_committee_puts_rekam_jejak_before_the_assessment(jpt, hr_user):
    seleksi = _buka(jpt, hr_user)
    assert list(seleksi.tahap.values_list("urutan", "jenis")) == [
        (1, "pengumuman"),
        (2, "pendaftaran"),
        (3, "administrasi"),
        (4, "rekam_jejak"),
        (5, "kompetensi"),
        (6, "wawancara"),
    ]
    # Results follow that order: the assessment grades only those who passed rekam jejak.
    pelamar = [
        seleksi_apply(seleksi=seleksi, formasi=jpt["formasi"], pegawai=p, pada=D(2026, 10, 7))
        for p in jpt["calon"][:2]
    ]
    tahap = {t.jenis: t for t in seleksi.tahap.all()}
    semua = {p.pk: (True, None) for p in pelamar}
    tahap_record_hasil(tahap=tahap["administrasi"], hasil=semua, pada=D(2026, 10, 20), oleh=hr_user)
    tahap_record_hasil(
        tahap=tahap["rekam_jejak"],
        hasil={pelamar[0].pk: (True, None), pelamar[1].pk: (False, None)},
        pada=D(2026, 10, 31),
        oleh=hr_user,
    )
    with pytest.raises(ValidationError) as info:
        tahap_record_hasil(
            tahap=tahap["kompetensi"], hasil=semua, pada=D(2026, 11, 2), oleh=hr_user
        )
    assert list(info.value.message_dict) == ["pelamar"]
    assert not HasilTahap.objects.filter(tahap=tahap["kompetensi"]).exists()
    tahap_record_hasil(
        tahap=tahap["kompetensi"],
        hasil={pelamar[0].pk: (True, None)},
        pada=D(2026, 11, 2),
        oleh=hr_user,
    )


def test_without_an_order_the_usual_one_applies(jpt, hr_user):
    jadwal = {
        **JADWAL,
        "kompetensi": JADWAL["rekam_jejak"],
        "rekam_jejak": JADWAL["wawancara"],
        "wawancara": JADWAL["kompetensi"],
    }
    seleksi = _buka(jpt, hr_user, urutan=None, tahap=jadwal)
    assert list(seleksi.tahap.values_list("jenis", flat=True))[3:] == [
        "kompetensi",
        "wawancara",
        "rekam_jejak",
    ]


@pytest.mark.parametrize(
    ("urutan", "galat"),
    [
        (
            {"rekam_jejak": 1, "kompetensi": 1, "wawancara": 3},
            {
                "urutan_rekam_jejak": "Urutan 1 dipakai lebih dari satu tahap kompetensi "
                "(Penelusuran rekam jejak).",
                "urutan_kompetensi": "Urutan 1 dipakai lebih dari satu tahap kompetensi "
                "(Asesmen kompetensi).",
            },
        ),
        (
            {"rekam_jejak": 1, "kompetensi": 2},
            {"urutan_wawancara": "Urutan Penulisan makalah dan wawancara harus 1 sampai 3."},
        ),
        (
            {"rekam_jejak": 0, "kompetensi": 2, "wawancara": 3},
            {"urutan_rekam_jejak": "Urutan Penelusuran rekam jejak harus 1 sampai 3."},
        ),
    ],
)
def test_a_bad_order_names_the_stage_and_writes_nothing(jpt, hr_user, urutan, galat):
    pesan = _galat(jpt, hr_user, urutan=urutan)
    assert {k: v[0] for k, v in pesan.items()} == galat


def test_the_dates_must_follow_the_committees_order(jpt, hr_user):
    # The usual dates (assessment first) with rekam jejak ordered first.
    jadwal = {**JADWAL, "kompetensi": JADWAL["rekam_jejak"], "rekam_jejak": JADWAL["kompetensi"]}
    pesan = _galat(jpt, hr_user, tahap=jadwal)
    assert pesan == {
        "tahap_kompetensi": [
            "Asesmen kompetensi dimulai 21 Oktober 2026, sebelum tahap Penelusuran rekam jejak "
            "selesai (10 November 2026)."
        ]
    }


@pytest.mark.parametrize(
    ("hari", "lulus"), [(PENGUMUMAN_MINIMAL_HARI - 1, False), (PENGUMUMAN_MINIMAL_HARI, True)]
)
def test_the_vacancy_is_announced_long_enough_before_registration_closes(jpt, hr_user, hari, lulus):
    tutup = JADWAL["pendaftaran"][1]
    mulai = tutup - dt.timedelta(days=hari - 1)
    jadwal = {**JADWAL, "pengumuman": (mulai, mulai), "pendaftaran": (mulai, tutup)}
    if lulus:
        assert _buka(jpt, hr_user, tahap=jadwal).tahap.count() == 6
        return
    assert _galat(jpt, hr_user, tahap=jadwal) == {
        "tahap_pengumuman": [
            f"Lowongan diumumkan {hari} hari sampai pendaftaran ditutup (2 Oktober 2026–15 "
            f"Oktober 2026); paling singkat {PENGUMUMAN_MINIMAL_HARI} hari."
        ]
    }


@pytest.mark.parametrize(
    ("umum", "buka", "tutup", "lulus"),
    [
        # Mahkamah Agung, JPT madya and pratama: registration 5-19 December 2025 (dandapala.com).
        # 15 calendar days but 11 working days: a "hari kerja" reading would refuse it.
        (D(2025, 12, 5), D(2025, 12, 5), D(2025, 12, 19), True),
        # Kabupaten Lampung Barat, JPT pratama: open Monday 23 October to 6 November 2023
        # (lampost.co; announced the day it opened, as read).
        (D(2023, 10, 23), D(2023, 10, 23), D(2023, 11, 6), True),
        # Kabupaten Penajam Paser Utara, Sekretaris Daerah: announced 30 May, registration 31 May
        # to 14 June 2022 (kaltim.antaranews.com).
        (D(2022, 5, 30), D(2022, 5, 31), D(2022, 6, 14), True),
        # Sekretariat Kabinet, JPT madya: 2-8 March 2021 (news-lite.ddtc.web.id), in the Covid-19
        # years; shorter than the minimum, refused (publik.services says why).
        (D(2021, 3, 2), D(2021, 3, 2), D(2021, 3, 8), False),
    ],
)
def test_real_announcements_against_the_minimum(jpt, hr_user, umum, buka, tutup, lulus):
    jadwal = {"pengumuman": (umum, umum), "pendaftaran": (buka, tutup)}
    for i, jenis in enumerate(["administrasi", "rekam_jejak", "kompetensi", "wawancara"]):
        jadwal[jenis] = (tutup + dt.timedelta(days=2 * i + 1), tutup + dt.timedelta(days=2 * i + 2))
    if lulus:
        assert _buka(jpt, hr_user, tahap=jadwal).tahap.count() == 6
    else:
        assert list(_galat(jpt, hr_user, tahap=jadwal)) == ["tahap_pengumuman"]


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        ({"usia_maksimal_jpt": 58}, "dasar_pengecualian"),  # looser than 56: needs its basis
        ({"tahun_jabatan_jpt": 1}, "dasar_pengecualian"),
        ({"usia_maksimal_jpt": 99, "dasar_pengecualian": "x"}, "usia_maksimal_jpt"),
        ({"tahun_jabatan_jpt": 11, "dasar_pengecualian": "x"}, "tahun_jabatan_jpt"),
        ({"tahun_jabatan_jpt": -1, "dasar_pengecualian": "x"}, "tahun_jabatan_jpt"),
    ],
)
def test_the_announcements_jpt_requirements_are_checked(jpt, hr_user, ubah, galat):
    assert list(_galat(jpt, hr_user, **ubah)) == [galat]


def test_a_stricter_announcement_needs_no_basis(jpt, hr_user):
    seleksi = _buka(jpt, hr_user, usia_maksimal_jpt=54, tahun_jabatan_jpt=3)
    assert seleksi.syarat_pengumuman == {
        "usia_maksimal_jpt": 54,
        "tahun_jabatan_jpt": 3,
        "sumber_pengecualian": "pengumuman 800/7/Pansel/2026",
    }


def test_registration_follows_the_announcements_age_limit(jpt, hr_user):
    """A 57-year-old may not register under the PP; under an announcement approved as an
    exception (ayat (2)) raising the limit to 58, they may — and the reason names the source."""
    tua = Pegawai.objects.get(pk=jpt["calon"][0].pk)
    tua.tanggal_lahir = D(1969, 5, 5)  # 57 on 7 October 2026
    tua.save()
    projection.refresh([tua.pk])  # a direct save: refreshed as the admin and the import do
    biasa = _buka(jpt, hr_user)
    with pytest.raises(ValidationError) as info:
        seleksi_apply(seleksi=biasa, formasi=jpt["formasi"], pegawai=tua, pada=D(2026, 10, 7))
    assert (
        "paling tinggi 56 tahun pada saat pendaftaran (PP 11/2017 Pasal 107"
        in (info.value.message_dict["pegawai"][0])
    )
    khusus = _buka(
        jpt,
        hr_user,
        nomor_pengumuman="800/8/Pansel/2026",
        usia_maksimal_jpt=58,
        dasar_pengecualian="persetujuan Presiden B-12/2026",
    )
    assert seleksi_apply(seleksi=khusus, formasi=jpt["formasi"], pegawai=tua, pada=D(2026, 10, 7))


def test_hr_sets_the_order_and_the_announcement_on_the_form(hr_client, jpt):
    url = reverse("publik:kelola_seleksi_buka")
    html = hr_client.get(url).content.decode()
    assert 'name="urutan_rekam_jejak"' in html and 'name="usia_maksimal_jpt"' in html
    data = {
        "judul": "Seleksi Terbuka JPT Pratama 2026",
        "nomor_pengumuman": "800/9/Pansel/2026",
        "formasi": [jpt["formasi"].pk],
        "panitia": "\n".join(f"{n}; {p}" for n, p in PANITIA),
        "urutan_rekam_jejak": "1",
        "urutan_kompetensi": "1",
        "urutan_wawancara": "3",
        "usia_maksimal_jpt": "58",
        "tahun_jabatan_jpt": "",
        "dasar_pengecualian": "",
    }
    for jenis, (a, b) in JADWAL.items():
        data[f"tahap_{jenis}_mulai"], data[f"tahap_{jenis}_selesai"] = a.isoformat(), b.isoformat()
    response = hr_client.post(url, data)
    assert response.status_code == 400 and not Seleksi.objects.exists()
    html = response.content.decode()
    assert "Urutan 1 dipakai lebih dari satu tahap kompetensi" in html
    assert "sebutkan dasar pengecualiannya" in html
    data.update(urutan_kompetensi="2", dasar_pengecualian="persetujuan Presiden B-12/2026")
    response = hr_client.post(url, data)
    seleksi = Seleksi.objects.get()
    assert response.status_code == 302
    assert seleksi.usia_maksimal_jpt == 58
    assert seleksi.tahap.get(urutan=4).jenis == JenisTahap.REKAM_JEJAK
    detail = hr_client.get(response["Location"]).content.decode()
    assert "usia paling tinggi 58 tahun saat pendaftaran" in detail
    assert "persetujuan Presiden B-12/2026" in detail
