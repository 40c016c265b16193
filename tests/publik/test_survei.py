"""The public satisfaction survey: the form (CSRF, rate limit behind the proxy, honeypot), the
published results (minimum of respondents, moderated comments), the QR code, the services."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from core.throttle import network_of
from publik.views.survei import BATAS_KIRIM, BATAS_UNIT_HARIAN
from survei.models import KomentarSkm, ResponSkm, StatusKomentar
from survei.selectors import MIN_RESPONDEN, hasil_terbit, hasil_terbit_satu
from survei.services import komentar_moderate, respon_skm_create, unit_layanan_mark
from tests.publik.bantu import TERTUTUP, isi_survei, isian_survei

pytestmark = pytest.mark.django_db


_isian = isian_survei


def _url(unit) -> str:
    return reverse("publik:survei_form", kwargs={"kode": unit.kode})


def test_it_shows_the_nine_elements_with_the_regulations_wording(client, unit_layanan):
    html = client.get(_url(unit_layanan)).content.decode()
    for unsur in (
        "1. Persyaratan",
        "2. Sistem, Mekanisme, dan Prosedur",
        "4. Biaya/Tarif",
        "8. Penanganan Pengaduan, Saran dan Masukan",
        "9. Sarana dan Prasarana",
    ):
        assert unsur in html
    assert 'name="nama"' not in html and "telepon" in html  # asks for none, says so


def test_it_records_a_response_with_profile_and_a_pending_comment(client, unit_layanan):
    response = client.post(_url(unit_layanan), _isian(3, usia="25-39", komentar="Antrean lama."))
    assert response.status_code == 302
    respon = ResponSkm.objects.get()
    assert respon.jawaban == [3] * 9 and respon.usia == "25-39"
    assert respon.komentar.status == StatusKomentar.MENUNGGU


@pytest.mark.parametrize(
    "isian",
    [
        _isian(5),
        _isian(0),
        {**_isian(), "waktu": ""},
        {**_isian(), "biaya": "x"},
        _isian(usia="99"),
        _isian(komentar="x" * 1001),
    ],
)
def test_it_refuses_a_bad_questionnaire_with_field_errors(client, unit_layanan, isian):
    response = client.post(_url(unit_layanan), isian)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ResponSkm.objects.exists()


def test_it_refuses_a_post_without_csrf(unit_layanan):
    assert Client(enforce_csrf_checks=True).post(_url(unit_layanan), _isian()).status_code == 403


def test_the_honeypot_thanks_a_bot_and_stores_nothing(client, unit_layanan):
    response = client.post(_url(unit_layanan), _isian(situs_web="http://spam.example"))
    assert response.status_code == 302
    assert not ResponSkm.objects.exists()


def test_one_address_cannot_flood_a_unit(unit_layanan):
    client = Client(REMOTE_ADDR="10.1.1.1")
    for _i in range(BATAS_KIRIM):
        assert client.post(_url(unit_layanan), _isian()).status_code == 302
    response = client.post(_url(unit_layanan), _isian())
    assert response.status_code == 429 and response["Retry-After"]
    assert ResponSkm.objects.count() == BATAS_KIRIM
    # Others are not affected, and reading is never limited.
    assert Client(REMOTE_ADDR="10.1.1.2").post(_url(unit_layanan), _isian()).status_code == 302
    assert client.get(_url(unit_layanan)).status_code == 200


def test_an_ipv6_client_rotating_inside_its_64_is_one_network(unit_layanan):
    for i in range(BATAS_KIRIM):
        client = Client(REMOTE_ADDR=f"2001:db8:52:71:{i:x}::{i + 7:x}")
        assert client.post(_url(unit_layanan), _isian()).status_code == 302
    rotasi = Client(REMOTE_ADDR="2001:db8:52:71:ffff:1:2:3")
    assert rotasi.post(_url(unit_layanan), _isian()).status_code == 429
    assert ResponSkm.objects.count() == BATAS_KIRIM
    lain = Client(REMOTE_ADDR="2001:db8:52:72::1")  # the next /64: another household
    assert lain.post(_url(unit_layanan), _isian()).status_code == 302


def test_one_network_has_a_daily_cap_per_unit(unit_layanan, opd):
    from survei.models import UnitLayanan
    from tests.factories import UnitKerjaFactory

    alamat = "2001:db8:52:71::1"
    client = Client(REMOTE_ADDR=alamat)
    diterima = 0
    while diterima < BATAS_UNIT_HARIAN:
        # An hour passes whenever the hourly limit is reached (its counter expires).
        if diterima and diterima % BATAS_KIRIM == 0:
            cache.delete(f"laju:survei-kepuasan:{network_of(alamat)}")
        assert client.post(_url(unit_layanan), _isian()).status_code == 302
        diterima += 1
    cache.delete(f"laju:survei-kepuasan:{network_of(alamat)}")
    response = Client(REMOTE_ADDR="2001:db8:52:71::2").post(_url(unit_layanan), _isian())
    assert response.status_code == 429 and "besok" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 24 * 60 * 60
    assert ResponSkm.objects.count() == BATAS_UNIT_HARIAN
    # Another unit from the same network, and the same unit from another network, still count.
    lain = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode="lain")
    assert client.post(_url(lain), _isian()).status_code == 302
    assert Client(REMOTE_ADDR="203.0.113.9").post(_url(unit_layanan), _isian()).status_code == 302


def test_the_limit_counts_the_client_behind_our_proxy(settings, unit_layanan):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.9.9.9"
    for _i in range(BATAS_KIRIM):
        Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5").post(
            _url(unit_layanan), _isian()
        )
    penuh = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert penuh.post(_url(unit_layanan), _isian()).status_code == 429
    # Another citizen behind the same proxy still gets through.
    lain = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert lain.post(_url(unit_layanan), _isian()).status_code == 302


def test_a_forged_forwarded_header_does_not_reset_the_limit(settings, unit_layanan):
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy: the header is ignored
    for i in range(BATAS_KIRIM + 1):
        response = Client(REMOTE_ADDR="10.2.2.2", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").post(
            _url(unit_layanan), _isian()
        )
    assert response.status_code == 429


def test_an_inactive_or_unknown_unit_has_no_form(client, unit_layanan):
    unit_layanan.aktif = False
    unit_layanan.save()
    assert client.get(_url(unit_layanan)).status_code == 404
    assert client.get("/survei/tidak-ada/").status_code == 404
    with pytest.raises(ValidationError) as info:
        respon_skm_create(unit=unit_layanan, jawaban=[4] * 9, jaringan="203.0.113.1")
    assert "unit" in info.value.message_dict


def test_the_service_refuses_bad_answers_by_field(unit_layanan):
    with pytest.raises(ValidationError) as info:
        respon_skm_create(
            unit=unit_layanan, jawaban=[4] * 8, jaringan="x", profil={"pekerjaan": "astronot"}
        )
    assert set(info.value.message_dict) == {"jawaban", "pekerjaan"}


def test_the_index_is_published_only_from_the_minimum_of_respondents(client, unit_layanan):
    url = reverse("publik:survei_hasil", kwargs={"kode": unit_layanan.kode})
    url += f"?tahun={TERTUTUP.year}"
    isi_survei(unit_layanan, MIN_RESPONDEN - 1, tanggal=TERTUTUP)
    hasil = hasil_terbit_satu(unit=unit_layanan, tahun=TERTUTUP.year)
    assert hasil.indeks is None and hasil.responden is None  # 4 is never shown
    assert "kurang dari 5 responden" in client.get(url).content.decode()
    isi_survei(unit_layanan, 1, nilai=3, tanggal=TERTUTUP)
    hasil = hasil_terbit_satu(unit=unit_layanan, tahun=TERTUTUP.year)
    # (4 × 9 × 4 + 3 × 9) × 25 / (9 × 5) = 95.00
    assert str(hasil.indeks) == "95.00" and hasil.mutu == "A" and hasil.responden == 5
    assert "95,00" in client.get(url).content.decode()


def test_comments_appear_only_after_moderation(client, unit_layanan, hr_user):
    isi_survei(unit_layanan, 2, komentar="Petugasnya ramah sekali")
    isi_survei(unit_layanan, 1, komentar="Komentar kasar yang ditolak")
    url = reverse("publik:survei_hasil", kwargs={"kode": unit_layanan.kode})
    assert "ramah sekali" not in client.get(url).content.decode()
    ramah, kasar = (
        KomentarSkm.objects.filter(teks__contains=t).first() for t in ("ramah", "kasar")
    )
    komentar_moderate(komentar=ramah, tayangkan=True, oleh=hr_user)
    komentar_moderate(komentar=kasar, tayangkan=False, oleh=hr_user)
    html = client.get(url).content.decode()  # the moderation invalidated the cached page
    assert "ramah sekali" in html and "kasar" not in html
    entry = LogEntry.objects.get_for_object(ramah).latest("timestamp")
    assert entry.actor == hr_user and "tayang" in str(entry.changes)


def test_only_hr_moderates_and_marks(unit_layanan, django_user_model):
    isi_survei(unit_layanan, 1, komentar="x")
    orang = django_user_model.objects.create_user("orang")
    with pytest.raises(ValidationError):
        komentar_moderate(komentar=KomentarSkm.objects.get(), tayangkan=True, oleh=orang)
    with pytest.raises(ValidationError):
        unit_layanan_mark(unit_kerja=unit_layanan.unit_kerja, kode="x", oleh=orang)


def test_hr_moderates_from_the_admin(hr_client, unit_layanan):
    isi_survei(unit_layanan, 1, komentar="Bagus")
    k = KomentarSkm.objects.get()
    response = hr_client.post(
        reverse("admin:survei_komentarskm_changelist"),
        {"action": "tayangkan", "_selected_action": [k.pk]},
    )
    assert response.status_code == 302
    k.refresh_from_db()
    assert k.status == StatusKomentar.TAYANG and k.dimoderasi_pada


def test_hr_marks_a_service_unit_in_the_admin(hr_client, opd):
    response = hr_client.post(
        reverse("admin:survei_unitlayanan_add"),
        {"unit_kerja": opd.pk, "kode": "dikes-uji", "nama_layanan": "", "aktif": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert LogEntry.objects.filter(object_repr__contains="Dinas Kesehatan Uji").exists()


def test_the_ranking_puts_the_best_unit_first_and_hides_small_ones(unit_layanan, opd):
    from survei.models import UnitLayanan
    from tests.factories import UnitKerjaFactory

    lain = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode="lain")
    kecil = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode="kecil")
    isi_survei(unit_layanan, 5, nilai=3, tanggal=TERTUTUP)
    isi_survei(lain, 5, nilai=4, tanggal=TERTUTUP)
    isi_survei(kecil, 2, nilai=4, tanggal=TERTUTUP)
    hasil = hasil_terbit(tahun=TERTUTUP.year)
    assert [h.unit.kode for h in hasil] == ["lain", "puskesmas-uji", "kecil"]
    assert hasil[-1].indeks is None and hasil[-1].responden is None


def test_the_qr_code_is_an_svg_pointing_at_the_form(client, unit_layanan):
    response = client.get(reverse("publik:survei_qr", kwargs={"kode": unit_layanan.kode}))
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content
    html = client.get(reverse("publik:survei_cetak", kwargs={"kode": unit_layanan.kode})).content
    assert b"<svg" in html and b"/survei/puskesmas-uji/" in html


def test_the_survey_pages_take_a_fixed_number_of_queries(
    client, unit_layanan, opd, django_assert_max_num_queries
):
    from survei.models import UnitLayanan
    from tests.factories import UnitKerjaFactory

    for i in range(5):
        isi_survei(
            UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=opd), kode=f"u{i}"), 5
        )
    # units with their unit_kerja; the sums grouped by unit and quarter; the distinct networks
    # per unit and quarter pattern
    with django_assert_max_num_queries(3):
        assert client.get(reverse("publik:survei")).status_code == 200
    # the unit; the sums per quarter; the networks; the approved comments
    with django_assert_max_num_queries(4):
        client.get(reverse("publik:survei_hasil", kwargs={"kode": "u1"}))
