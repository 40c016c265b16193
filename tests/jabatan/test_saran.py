"""The employee's breakdown for one post: weights from the ranking's own profile, and an action
for each component that scores zero (jabatan.merit.saran, the peluang_detail page)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from jabatan import merit
from jabatan.merit import saran
from jabatan.models import ProfilMerit
from pegawai.disiplin import JenisHukuman
from pegawai.roles import PEGAWAI
from tests.akses_data import buat_organisasi, buat_user
from tests.factories import tutup_periode
from tests.jabatan.bantu import buat_calon, kepala_bagian

PADA = dt.date(2026, 12, 1)


def _kandidat(**kw) -> merit.Kandidat:
    data = {
        "pegawai_id": 1,
        "nip": "198503152010011002",
        "nama": "Ahmad",
        "jenis_kelamin": "L",
        "tanggal_lahir": dt.date(1985, 3, 15),
        "status": "PNS",
        "aktif": True,
        "golongan": "III/c",
        "tmt_golongan": dt.date(2020, 4, 1),
        "tmt_masuk": dt.date(2010, 1, 1),
        "pendidikan": 6,
        "bidang_studi": None,
    }
    return merit.Kandidat(**{**data, **kw})


SYARAT = merit.Syarat(jenis_jabatan="ADMINISTRATOR", standar={"m01": 3, "m02": 3})
BAWAAN = merit.Bobot()


def _rincian(k: merit.Kandidat, s: merit.Syarat = SYARAT, bobot=BAWAAN) -> dict:
    (h,) = merit.peringkat([k], s, pada=PADA, bobot=bobot)
    return {b.kode: b for b in saran.rincian(h, s, bobot, PADA)}


@pytest.mark.parametrize(
    ("kandidat", "kode", "bunyi"),
    [
        (_kandidat(), "kompetensi", "Belum diasesmen: minta BKPSDM"),
        (_kandidat(), "kinerja", "Belum ada predikat SKP tahunan"),
        (_kandidat(), "pengembangan", "Belum ada JP pelatihan yang diakui pada 2025–2026"),
        (_kandidat(), "pengembangan", "Ikuti juga"),
        (_kandidat(capaian={"m09": 3}), "kompetensi", "tidak memuat kompetensi"),
        (
            _kandidat(
                hukuman=(
                    merit.Hukuman(
                        JenisHukuman.PENURUNAN_JABATAN, dt.date(2024, 1, 1), dt.date(2025, 1, 1)
                    ),
                )
                * 4
            ),
            "integritas",
            "pulih setelah hukuman",
        ),
    ],
)
def test_it_gives_an_action_for_each_zero_component(kandidat, kode, bunyi):
    baris = _rincian(kandidat)
    assert baris[kode].nilai == 0
    assert bunyi in baris[kode].catatan


def test_it_names_the_missing_standard_when_the_post_has_none():
    baris = _rincian(_kandidat(capaian={"m01": 3}), merit.Syarat(jenis_jabatan="ADMINISTRATOR"))
    assert "belum memiliki standar kompetensi" in baris["kompetensi"].catatan


def test_a_component_that_scores_has_no_note():
    k = _kandidat(
        capaian={"m01": 3, "m02": 2}, predikat_tahunan=("Baik", "Baik"), jp_per_tahun={2026: 20}
    )
    baris = _rincian(k)
    for kode in ("kinerja", "kompetensi", "kualifikasi", "pengembangan", "integritas"):
        assert baris[kode].nilai > 0 and baris[kode].catatan == "", kode


def test_the_weights_are_the_ones_the_score_used_and_a_zero_weight_says_so():
    bobot = merit.Bobot(
        kinerja=30, kompetensi=30, kualifikasi=30, pengembangan=0, pengalaman=10, integritas=0
    )
    baris = _rincian(_kandidat(), bobot=bobot)
    assert [b.bobot for b in baris.values()] == [30, 30, 30, 0, 10, 0]
    assert list(baris) == list(merit.KOMPONEN)
    # Zero weight: the note says it does not count, not what to do about it.
    assert baris["pengembangan"].catatan == "Tidak dihitung untuk jabatan ini: bobotnya nol."
    assert baris["integritas"].catatan == "Tidak dihitung untuk jabatan ini: bobotnya nol."
    # The score is the weighted sum of the values shown.
    (h,) = merit.peringkat([_kandidat()], SYARAT, pada=PADA, bobot=bobot)
    total = sum(b.nilai * b.bobot for b in baris.values()) / Decimal(100)
    assert h.skor == total.quantize(Decimal("0.01"))


@pytest.mark.django_db
def test_the_page_shows_the_profile_weights_and_an_action_per_zero():
    """The merit profile of the post's kind sets pengembangan to 15: the page prints 15 beside
    it, never the old "weighs zero until JP data exist" note, and says what to do about the
    employee's missing assessment and JP."""
    org = buat_organisasi()
    pegawai = buat_calon(org.unit_b)
    formasi = kepala_bagian(org.unit_b, "Kepala Bagian Cocok", "III/d")
    ProfilMerit.objects.update_or_create(
        jenis_jabatan="ADMINISTRATOR",
        defaults={
            "bobot_kinerja": 25,
            "bobot_kompetensi": 20,
            "bobot_kualifikasi": 20,
            "bobot_pengembangan": 15,
            "bobot_pengalaman": 10,
            "bobot_integritas": 10,
        },
    )
    tutup_periode()
    client = Client()
    client.force_login(buat_user("calon", PEGAWAI, staff=False, pegawai=pegawai))
    response = client.get(f"/jabatan/peluang/{formasi.pk}/")
    assert response.status_code == 200
    baris = {b.kode: b for b in response.context["komponen"]}
    assert baris["pengembangan"].bobot == 15
    assert baris["kualifikasi"].bobot == 20
    body = response.content.decode()
    assert "berbobot nol" not in body
    assert "Belum diasesmen: minta BKPSDM" in body
    assert "Belum ada JP pelatihan yang diakui" in body
