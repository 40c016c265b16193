"""The survey's published figures resist differencing (survei.terbit), tried as an
attacker would, through the real views: the results page, the ranking and the open data.

1. Four questionnaires sent to a unit that has one respondent used to publish the unit's
   figures at once (five respondents), and subtracting the four known answers gave the fifth
   person's nine answers exactly.
2. The year's figure minus a published quarter's gave the respondents of the other quarters,
   without sending anything.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from survei.models import ResponSkm
from survei.services import respon_skm_create
from survei.terbit import MIN_RESPONDEN
from tests.publik.bantu import TERTUTUP, isi_survei, isian_survei, pada_hari

pytestmark = pytest.mark.django_db

KORBAN = [1, 2, 3, 4, 1, 2, 3, 4, 1]  # what the one respondent answered


def _baca(unit, tahun: int) -> dict:
    """Return everything the public can read of a unit's year, with nothing that changes by
    itself (the open data's creation time)."""
    client = Client()
    hasil = reverse("publik:survei_hasil", kwargs={"kode": unit.kode}) + f"?tahun={tahun}"
    data = client.get(reverse("publik:unduh", args=["ikm", "json"])).json()["data"]
    csv = client.get(reverse("publik:unduh", args=["ikm", "csv"])).content.decode()
    return {
        "hasil": client.get(hasil).content.decode(),
        "daftar": client.get(reverse("publik:survei") + f"?tahun={tahun}").content.decode(),
        "data": [r for r in data if r["unit_layanan"] == unit.nama and r["tahun"] == tahun],
        "csv": [baris for baris in csv.splitlines() if unit.nama in baris],
    }


def _kirim(unit, n: int, nilai: int = 4) -> None:
    """Send `n` questionnaires through the public form, each from another network."""
    url = reverse("publik:survei_form", kwargs={"kode": unit.kode})
    for i in range(n):
        response = Client(REMOTE_ADDR=f"203.0.113.{i + 1}").post(url, isian_survei(nilai))
        assert response.status_code == 302


def _responden(html: str) -> str:
    return re.search(r'<div class="angka">([^<]*)</div><div class="label">responden', html)[1]


def test_attack_1_four_questionnaires_now_reveal_nothing(unit_layanan):
    """The attack as it worked: one respondent this quarter, four more sent by the attacker."""
    tahun = timezone.localdate().year
    respon_skm_create(unit=unit_layanan, jawaban=KORBAN, jaringan="198.51.100.7")
    sebelum = _baca(unit_layanan, tahun)
    assert _responden(sebelum["hasil"]) == "—"  # the "one respondent" is not even shown
    _kirim(unit_layanan, MIN_RESPONDEN - 1)
    assert ResponSkm.objects.filter(unit=unit_layanan).count() == MIN_RESPONDEN
    sesudah = _baca(unit_layanan, tahun)
    assert sesudah == sebelum  # nothing published moved: nothing to subtract
    assert "sedang berjalan" in sesudah["hasil"]
    assert sesudah["data"][0]["responden"] is None and sesudah["data"][0]["ikm"] is None


def test_attack_1_against_a_closed_quarter_reveals_nothing(unit_layanan):
    """One respondent in a quarter that has ended: the attacker's four land in today's quarter,
    and the closed quarter stays unpublished, with no count."""
    with pada_hari(TERTUTUP):
        respon_skm_create(unit=unit_layanan, jawaban=KORBAN, jaringan="198.51.100.7")
    sebelum = _baca(unit_layanan, TERTUTUP.year)
    _kirim(unit_layanan, MIN_RESPONDEN - 1)
    sesudah = _baca(unit_layanan, TERTUTUP.year)
    assert sesudah == sebelum
    assert "kurang dari 5 responden" in sesudah["hasil"]
    assert sesudah["data"][0]["responden"] is None and sesudah["data"][0]["nrr_u1"] is None


def test_attack_2_year_minus_quarter_leaves_no_one(unit_layanan):
    """Five respondents in one quarter, one in the next: the year no longer counts the one."""
    isi_survei(unit_layanan, MIN_RESPONDEN, nilai=3, tanggal=TERTUTUP.replace(month=2))
    with pada_hari(TERTUTUP):
        respon_skm_create(unit=unit_layanan, jawaban=KORBAN, jaringan="198.51.100.7")
    dibaca = _baca(unit_layanan, TERTUTUP.year)
    (tahun,) = dibaca["data"]
    # The quarters' table: number, IKM, letter, respondents of each published quarter.
    triwulan = {
        int(tw): (Decimal(ikm.replace(",", ".")), int(n))
        for tw, ikm, n in re.findall(
            r'<tr><td>(\d)</td>\s*<td class="angka">([\d,]+)</td><td>.*?</td>'
            r'<td class="angka">(\d+)</td>',
            dibaca["hasil"],
        )
    }
    assert triwulan == {1: (Decimal("75.00"), 5)}
    # The attack: year × n minus the published quarters × n. Nothing is left to isolate.
    sisa_n = tahun["responden"] - sum(n for _ikm, n in triwulan.values())
    sisa_ikm = Decimal(tahun["ikm"]) * tahun["responden"] - sum(
        ikm * n for ikm, n in triwulan.values()
    )
    assert sisa_n == 0 and sisa_ikm == 0
    assert tahun["triwulan"] == "1"
    assert "kurang dari 5 responden" in dibaca["hasil"]


@pytest.mark.parametrize(("sisa", "responden"), [(MIN_RESPONDEN, "10"), (MIN_RESPONDEN - 1, "5")])
def test_the_whole_year_is_published_only_when_the_rest_holds_five(unit_layanan, sisa, responden):
    """Five published in the first quarter; the other three hold together exactly five (the
    whole year is safe) or four (the year stays the first quarter)."""
    dulu = TERTUTUP.replace(year=TERTUTUP.year - 1)  # a year ended long ago, whatever the day
    isi_survei(unit_layanan, MIN_RESPONDEN, nilai=3, tanggal=dulu.replace(month=2))
    for bulan, n in zip((5, 8, 11), (2, 2, sisa - 4), strict=True):
        isi_survei(unit_layanan, n, tanggal=dulu.replace(month=bulan))
    html = _baca(unit_layanan, dulu.year)["hasil"]
    assert _responden(html) == responden
    assert ("Angka setahun penuh." in html) is (sisa == MIN_RESPONDEN)


def test_one_new_questionnaire_moves_no_published_figure(unit_layanan):
    """The page before and after one questionnaire, with published figures on it."""
    isi_survei(unit_layanan, 6, nilai=3, tanggal=TERTUTUP)
    isi_survei(unit_layanan, 6, nilai=3)  # this quarter, running
    tahun = timezone.localdate().year
    sebelum = [_baca(unit_layanan, t) for t in (TERTUTUP.year, tahun)]
    assert "75,00" in sebelum[0]["hasil"]
    _kirim(unit_layanan, 1, nilai=1)
    assert [_baca(unit_layanan, t) for t in (TERTUTUP.year, tahun)] == sebelum
