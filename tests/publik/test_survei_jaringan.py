"""The survey's second publication condition (survei.terbit): a published cell holds
questionnaires from at least five distinct respondent networks, so one network padding a quarter
cannot subtract its own answers to isolate one person (secondary cell suppression against a
respondent who knows their own contribution: CBS, "A general formulation of the secondary cell
suppression problem", 2010; Sage Encyclopedia of Survey Research Methods, "Cell suppression").
Tried through the real form, with real client addresses, on a quarter that has closed."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from publik.views.survei import BATAS_KIRIM, BATAS_UNIT_HARIAN, KUKI_KIOS
from survei.models import JaringanSkm, RekapJaringanSkm, ResponSkm, UnitLayanan
from survei.selectors import hasil_terbit_satu
from survei.services import (
    jaringan_skm_summarize,
    kios_skm_register,
    kios_skm_update,
    kunci_jaringan,
    respon_skm_create,
)
from survei.terbit import MIN_RESPONDEN, Status
from tests.factories import UnitKerjaFactory
from tests.publik.bantu import TERTUTUP, isi_survei, isian_survei, pada_hari

pytestmark = pytest.mark.django_db

PENYERANG = "203.0.113.66"
KORBAN = "198.51.100.7"


def _form(unit) -> str:
    return reverse("publik:survei_form", kwargs={"kode": unit.kode})


def _kirim(unit, alamat: list[str], nilai: int = 4, client: Client | None = None) -> None:
    """Send one questionnaire through the public form from each address, on the patched day."""
    for a in alamat:
        c = client or Client(REMOTE_ADDR=a)
        assert c.post(_form(unit), isian_survei(nilai)).status_code == 302


def _triwulan(unit, tahun: int, tw: int):
    return hasil_terbit_satu(unit=unit, tahun=tahun).triwulan[tw - 1]


def _halaman(unit, tahun: int) -> str:
    url = reverse("publik:survei_hasil", kwargs={"kode": unit.kode}) + f"?tahun={tahun}"
    return Client().get(url).content.decode()


def _data(unit, tahun: int) -> dict:
    data = Client().get(reverse("publik:unduh", args=["ikm", "json"])).json()["data"]
    (baris,) = [r for r in data if r["unit_layanan"] == unit.nama and r["tahun"] == tahun]
    return baris


@pytest.mark.parametrize(
    "penyerang",
    [
        [PENYERANG] * 4,
        # Four addresses of one IPv6 /64 (RFC 8981 temporary addresses): still one network.
        [f"2001:db8:66:1::{i}" for i in range(1, 5)],
    ],
)
def test_attack_four_from_one_network_and_one_victim_is_not_published(unit_layanan, penyerang):
    """The attack the closed-quarter rule left open: four questionnaires from the attacker's
    network while one citizen answers; the quarter closes with five questionnaires from two
    networks and is not published, neither is the year."""
    with pada_hari(TERTUTUP):
        _kirim(unit_layanan, penyerang, nilai=1)
        _kirim(unit_layanan, [KORBAN], nilai=4)
    assert ResponSkm.objects.filter(unit=unit_layanan).count() == MIN_RESPONDEN
    sel, hasil = _triwulan(unit_layanan, TERTUTUP.year, 2)
    assert sel.status == Status.KURANG and sel.jumlah is None and hasil is None
    assert hasil_terbit_satu(unit=unit_layanan, tahun=TERTUTUP.year).responden is None
    html = _halaman(unit_layanan, TERTUTUP.year)
    assert "kurang dari 5 responden (atau dari kurang dari 5 jaringan internet)" in html
    baris = _data(unit_layanan, TERTUTUP.year)
    assert baris["responden"] is None and baris["ikm"] is None and baris["nrr_u1"] is None


def test_five_networks_publish(unit_layanan):
    with pada_hari(TERTUTUP):
        _kirim(unit_layanan, [PENYERANG, PENYERANG, *[f"198.51.100.{i}" for i in range(1, 5)]])
    sel, hasil = _triwulan(unit_layanan, TERTUTUP.year, 2)
    assert sel.status == Status.TERBIT and hasil.responden == 6
    assert _data(unit_layanan, TERTUTUP.year)["responden"] == 6


def test_what_remains_an_attacker_with_four_networks_still_publishes(unit_layanan):
    """The residual risk the docstring states: four distinct networks of the attacker and one
    victim make five networks; only noise would stop it, and the regulation's index is exact."""
    with pada_hari(TERTUTUP):
        _kirim(unit_layanan, [f"203.0.113.{i}" for i in range(1, 5)], nilai=1)
        _kirim(unit_layanan, [KORBAN], nilai=4)
    sel, hasil = _triwulan(unit_layanan, TERTUTUP.year, 2)
    assert sel.status == Status.TERBIT and hasil.responden == MIN_RESPONDEN


@pytest.mark.parametrize(
    ("satu_jaringan", "responden", "setahun"),
    [(True, "5", False), (False, "10", True)],
)
def test_the_years_rest_needs_five_networks(unit_layanan, satu_jaringan, responden, setahun):
    """The first quarter is published; the other three hold five questionnaires together. From
    one network (one in each quarter, counted once over the year) "year minus first quarter"
    would isolate that network, so the year stays the first quarter; from five networks the
    whole year is published."""
    dulu = TERTUTUP.replace(year=TERTUTUP.year - 1)
    isi_survei(unit_layanan, MIN_RESPONDEN, nilai=3, tanggal=dulu.replace(month=2))
    for bulan, n in zip((5, 8, 11), (2, 2, 1), strict=True):
        jaringan = "192.0.2.1" if satu_jaringan else None
        isi_survei(unit_layanan, n, tanggal=dulu.replace(month=bulan), jaringan=jaringan)
    hasil = hasil_terbit_satu(unit=unit_layanan, tahun=dulu.year)
    assert [s.status for s, _h in hasil.triwulan] == [Status.TERBIT] + [Status.KURANG] * 3
    assert str(hasil.responden) == responden and hasil.setahun is setahun
    html = _halaman(unit_layanan, dulu.year)
    assert ("Angka setahun penuh." in html) is setahun


# --- A counter kiosk ----------------------------------------------------------------------------


def _pasang(unit, token: str, alamat: str = "10.20.30.40") -> Client:
    """Install the kiosk on a device as the counter's staff would: open the address, press."""
    tablet = Client(REMOTE_ADDR=alamat)
    url = reverse("publik:survei_kios", kwargs={"kode": unit.kode, "token": token})
    response = tablet.get(url)
    assert response.status_code == 200 and KUKI_KIOS not in tablet.cookies  # a GET sets nothing
    response = tablet.post(url)
    assert response.status_code == 302 and response["Location"] == _form(unit)
    kuki = tablet.cookies[KUKI_KIOS]
    assert kuki["httponly"] and kuki["samesite"] == "Lax" and kuki["path"] == _form(unit)
    return tablet


def test_a_registered_counter_kiosk_counts_each_questionnaire(unit_layanan, hr_user):
    """SKM at a counter: every citizen fills the form on the office's one tablet, one network.
    Registered by HR, each of its questionnaires counts as a network; the same device
    unregistered, or switched off, is one network and its quarter is not published."""
    kios, token = kios_skm_register(unit=unit_layanan, nama="Tablet loket 1", oleh=hr_user)
    tablet = _pasang(unit_layanan, token)
    assert "Kios loket: Tablet loket 1" in tablet.get(_form(unit_layanan)).content.decode()
    with pada_hari(TERTUTUP):
        _kirim(unit_layanan, [""] * MIN_RESPONDEN, client=tablet)
    assert _triwulan(unit_layanan, TERTUTUP.year, 2)[0].status == Status.TERBIT
    cache.clear()  # an hour passes (the hourly limit per network)
    # The same office network without the kiosk, in the next quarter: one network.
    with pada_hari(TERTUTUP.replace(month=8)):
        _kirim(unit_layanan, ["10.20.30.40"] * MIN_RESPONDEN)
    assert _triwulan(unit_layanan, TERTUTUP.year, 3)[0].status == Status.KURANG
    cache.clear()
    # Switched off, the tablet is an ordinary network again.
    kios_skm_update(kios=kios, nama=kios.nama, aktif=False, oleh=hr_user)
    with pada_hari(TERTUTUP.replace(month=11)):
        _kirim(unit_layanan, [""] * MIN_RESPONDEN, client=tablet)
    assert _triwulan(unit_layanan, TERTUTUP.year, 4)[0].status == Status.KURANG


def test_a_kiosk_is_not_held_to_the_per_network_limits(unit_layanan, hr_user):
    """A busy counter fills more than one network's daily quota; a phone on the office's Wi-Fi
    (the same address) is still limited."""
    _kios, token = kios_skm_register(unit=unit_layanan, nama="Tablet loket 1", oleh=hr_user)
    tablet = _pasang(unit_layanan, token)
    _kirim(unit_layanan, [""] * (BATAS_UNIT_HARIAN + 1), client=tablet)
    telepon = Client(REMOTE_ADDR="10.20.30.40")
    for _i in range(BATAS_KIRIM):
        assert telepon.post(_form(unit_layanan), isian_survei()).status_code == 302
    assert telepon.post(_form(unit_layanan), isian_survei()).status_code == 429
    assert ResponSkm.objects.count() == BATAS_UNIT_HARIAN + 1 + BATAS_KIRIM


def test_a_kiosk_counts_only_for_its_own_unit_and_only_hr_registers_one(
    unit_layanan, opd, hr_user, django_user_model
):
    kios, token = kios_skm_register(unit=unit_layanan, nama="Tablet", oleh=hr_user)
    lain = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode="lain")
    url = reverse("publik:survei_kios", kwargs={"kode": lain.kode, "token": token})
    assert Client().get(url).status_code == 404
    salah = reverse("publik:survei_kios", kwargs={"kode": unit_layanan.kode, "token": "x" * 43})
    assert Client().post(salah).status_code == 404
    with pytest.raises(ValidationError) as info:
        respon_skm_create(unit=lain, jawaban=[4] * 9, jaringan="10.0.0.1", kios=kios)
    assert "kios" in info.value.message_dict
    orang = django_user_model.objects.create_user("orang")
    with pytest.raises(ValidationError):
        kios_skm_register(unit=unit_layanan, nama="Tablet 2", oleh=orang)
    assert kios.token_hash != token and token not in kios.token_hash


def test_hr_registers_a_kiosk_in_the_admin_and_sees_its_address_once(hr_client, unit_layanan):
    response = hr_client.post(
        reverse("admin:survei_kiosskm_add"),
        {"unit": unit_layanan.pk, "nama": "Tablet loket 2"},
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == 200
    prefix = f"/survei/{unit_layanan.kode}/kios/"
    assert prefix in html
    token = html.split(prefix, 1)[1].split("/", 1)[0]
    _pasang(unit_layanan, token)


# --- The rows themselves --------------------------------------------------------------------------


def test_network_rows_cannot_be_joined_to_responses():
    """Schema-level: the network table has the unit, the quarter and the key, and nothing to
    join it to a response: no foreign key but the unit's, no date or time, no serial id."""
    tabel = JaringanSkm._meta.db_table
    with connection.cursor() as cursor:
        kolom = {c.name for c in connection.introspection.get_table_description(cursor, tabel)}
        aturan = connection.introspection.get_constraints(cursor, tabel)
        urutan = connection.introspection.get_sequences(cursor, tabel)
        aturan_respon = connection.introspection.get_constraints(cursor, ResponSkm._meta.db_table)
    assert kolom == {"unit_id", "tahun", "triwulan", "kunci"}
    asing = {c["foreign_key"] for c in aturan.values() if c["foreign_key"]}
    assert asing == {(UnitLayanan._meta.db_table, "id")}
    (pk,) = [c["columns"] for c in aturan.values() if c["primary_key"]]
    assert pk == ["unit_id", "tahun", "triwulan", "kunci"] and urutan == []
    unik = [c["columns"] for c in aturan.values() if c["unique"]]
    assert ["unit_id", "tahun", "triwulan", "kunci"] in unik
    # ... and the responses point at nothing but their unit.
    asing_respon = {c["foreign_key"] for c in aturan_respon.values() if c["foreign_key"]}
    assert asing_respon == {(UnitLayanan._meta.db_table, "id")}


def test_the_key_names_no_address_and_differs_by_unit_and_year(unit_layanan, opd):
    lain = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode="lain")
    with pada_hari(TERTUTUP):
        _kirim(unit_layanan, [PENYERANG, PENYERANG])
        _kirim(lain, [PENYERANG])
    with pada_hari(TERTUTUP.replace(month=8)):
        _kirim(unit_layanan, [PENYERANG])
    rows = list(JaringanSkm.objects.order_by("unit_id", "triwulan"))
    assert len(rows) == 3  # two from one network in one quarter: one row
    assert all(PENYERANG not in r.kunci for r in rows)
    ini = [r.kunci for r in rows if r.unit_id == unit_layanan.pk]
    assert ini[0] == ini[1]  # the same in every quarter of the year: the rest counts it once
    assert {r.kunci for r in rows if r.unit_id == lain.pk}.isdisjoint(ini)
    assert kunci_jaringan(unit_id=unit_layanan.pk, tahun=TERTUTUP.year + 1, jaringan=PENYERANG)
    assert (
        kunci_jaringan(unit_id=unit_layanan.pk, tahun=TERTUTUP.year + 1, jaringan=PENYERANG)
        not in ini
    )


@override_settings(SECRET_KEY="kunci-uji-tetap")
def test_the_key_is_the_one_already_stored():
    """The keys written before a release must match the keys written after it (the salt is a
    stored constant): otherwise a network that answered on both sides counts twice, and a small
    quarter is published below the privacy threshold. The figure was computed with the first
    release's salt, "kinerja.survei.jaringan.<year>"."""
    assert (
        kunci_jaringan(unit_id=7, tahun=2026, jaringan="203.0.113.0")
        == "e34c5e05c880b626910a5703908950bf2e875014f2f8edcaf101066401ca7d3d"
    )


def test_two_simultaneous_questionnaires_from_one_network_count_once(
    unit_layanan, transactional_db
):
    """The second transaction inserts the same key while the first has not committed: the
    unique key makes it wait, then leaves the one row; both questionnaires are recorded."""
    ditulis = threading.Event()
    waktu: dict[str, float] = {}
    galat: list[BaseException] = []

    def pertama() -> None:
        try:
            with transaction.atomic():
                respon_skm_create(unit=unit_layanan, jawaban=[4] * 9, jaringan=PENYERANG)
                ditulis.set()
                time.sleep(0.5)  # hold the uncommitted key while the second one inserts it
                waktu["pertama_commit"] = time.monotonic()
        except BaseException as exc:
            galat.append(exc)
        finally:
            ditulis.set()
            connection.close()

    def kedua() -> None:
        try:
            ditulis.wait(10)
            respon_skm_create(unit=unit_layanan, jawaban=[3] * 9, jaringan=PENYERANG)
            waktu["kedua_selesai"] = time.monotonic()
        except BaseException as exc:
            galat.append(exc)
        finally:
            connection.close()

    benang = [threading.Thread(target=pertama), threading.Thread(target=kedua)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(30)
    assert not galat, galat
    assert ResponSkm.objects.filter(unit=unit_layanan).count() == 2
    assert JaringanSkm.objects.filter(unit=unit_layanan).count() == 1
    assert waktu["kedua_selesai"] > waktu["pertama_commit"]  # it waited for the first's commit


def test_a_closed_year_keeps_counts_not_keys_and_publishes_the_same(unit_layanan):
    """Keys are needed until the year's fourth quarter is published (2 January); then the
    clean-up keeps only counts per quarter pattern, and every published figure stays."""
    dulu = TERTUTUP.replace(year=TERTUTUP.year - 1)
    isi_survei(unit_layanan, MIN_RESPONDEN, nilai=3, tanggal=dulu.replace(month=2))
    for bulan in (5, 8, 11):
        isi_survei(unit_layanan, 2, tanggal=dulu.replace(month=bulan), jaringan="192.0.2.1")
    isi_survei(unit_layanan, 1, tanggal=dulu.replace(month=11))
    isi_survei(unit_layanan, 3)  # this year: its keys stay
    sebelum = hasil_terbit_satu(unit=unit_layanan, tahun=dulu.year)
    assert sebelum.responden == MIN_RESPONDEN and not sebelum.setahun
    assert jaringan_skm_summarize(hari_ini=date(dulu.year + 1, 1, 1)) == 0  # its day of grace
    # Five keys in Q1; one key in Q2, Q3 and Q4 (three rows); one more in Q4.
    assert jaringan_skm_summarize(hari_ini=date(dulu.year + 1, 1, 2)) == 9
    assert not JaringanSkm.objects.filter(tahun=dulu.year).exists()
    assert JaringanSkm.objects.filter(tahun=timezone.localdate().year).count() == 3
    rekap = dict(RekapJaringanSkm.objects.filter(tahun=dulu.year).values_list("pola", "jumlah"))
    assert rekap == {0b0001: 5, 0b1110: 1, 0b1000: 1}
    assert hasil_terbit_satu(unit=unit_layanan, tahun=dulu.year) == sebelum
    call_command("prune_jaringan_skm")  # the clean-up's command: nothing left to do
    assert RekapJaringanSkm.objects.filter(tahun=dulu.year).count() == 3
