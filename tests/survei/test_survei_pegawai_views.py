"""The employees' survey pages: the employee's form (GET, POST, a second POST refused with a
clear message), the card on /saya/, and HR's periods and results."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from survei.pegawai.models import (
    KotakSurveiPegawai,
    PeriodeSurveiPegawai,
    TandaSurveiPegawai,
)
from survei.pegawai.services import periode_survei_pegawai_finish
from tests.survei.bantu_pegawai import (
    isi,
    kota,
    kuesioner,
    opd,
    pegawai_login,
    periode_terbuka,
    tutup,
)

pytestmark = pytest.mark.django_db

ISI = reverse("survei_pegawai:isi")
KELOLA = reverse("survei_pegawai:kelola")
HASIL = reverse("survei_pegawai:hasil")


@pytest.fixture
def k():
    return kuesioner()


def _klien(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _pesan(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_form_says_when_no_period_is_open(k):
    response = _klien(pegawai_login(opd(kota()))).get(ISI)
    assert response.status_code == 200
    assert "sedang tidak dibuka" in response.content.decode()


def test_an_employee_answers_once_and_is_told_so_the_second_time(k):
    periode = periode_terbuka()
    client = _klien(pegawai_login(opd(kota())))
    page = client.get(ISI).content.decode()
    assert f'name="b{k.kepuasan.pk}"' in page and f'name="b{k.keterikatan.pk}"' in page
    data = {f"b{k.kepuasan.pk}": "5", f"b{k.keterikatan.pk}": "4"}
    response = client.post(ISI, data, follow=True)
    assert response.redirect_chain == [(ISI, 302)]
    assert any("tersimpan tanpa nama" in m for m in _pesan(response))
    assert 'id="sudah-mengisi"' in response.content.decode()
    (kotak,) = KotakSurveiPegawai.objects.all()
    assert kotak.jawaban == {str(k.kepuasan.pk): 5, str(k.keterikatan.pk): 4}
    # The second POST (an old tab, a double click) is refused in words, nothing is stored.
    kedua = client.post(ISI, data)
    assert kedua.status_code == 200
    assert any(f"sudah mengisi survei pegawai tahun {periode.tahun}" in m for m in _pesan(kedua))
    assert TandaSurveiPegawai.objects.count() == 1
    assert KotakSurveiPegawai.objects.count() == 1


def test_an_incomplete_form_is_shown_again_with_the_answers_given(k):
    periode_terbuka()
    client = _klien(pegawai_login(opd(kota())))
    response = client.post(ISI, {f"b{k.kepuasan.pk}": "2"})
    assert response.status_code == 200
    assert any("Jawab setiap pernyataan" in m for m in _pesan(response))
    assert f'name="b{k.kepuasan.pk}" value="2" required checked' in response.content.decode()
    assert not TandaSurveiPegawai.objects.exists()


def test_the_employees_page_links_the_open_survey_until_answered(k):
    user = pegawai_login(opd(kota()))
    client = _klien(user)
    assert "Survei kepuasan dan keterikatan" not in client.get("/saya/").content.decode()
    periode = periode_terbuka()
    page = client.get("/saya/").content.decode()
    assert "Belum mengisi" in page and f'href="{ISI}"' in page
    isi(periode, user, k)
    page = client.get("/saya/").content.decode()
    assert "Sudah mengisi" in page and f'href="{ISI}"' not in page


# --- HR -----------------------------------------------------------------------------------------


def test_hr_opens_and_closes_a_period_from_the_page(
    hr_client, k, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ditutup = timezone.localdate() + dt.timedelta(days=10)
    assert "Buka survei" in hr_client.get(KELOLA).content.decode()
    response = hr_client.post(
        reverse("survei_pegawai:buka"), {"tahun": "2026", "ditutup": ditutup.isoformat()}
    )
    assert response.status_code == 302
    periode = PeriodeSurveiPegawai.objects.get(tahun=2026)
    assert periode.ditutup == ditutup
    page = hr_client.get(KELOLA).content.decode()
    assert "Tutup hari ini" in page and "Buka survei" not in page
    isi(periode, pegawai_login(opd(kota())), k)
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(reverse("survei_pegawai:tutup"), {"periode": periode.pk})
    assert response.status_code == 302
    periode.refresh_from_db()
    assert periode.ditutup == timezone.localdate() and periode.rampung  # the queued final flush
    assert not KotakSurveiPegawai.objects.exists()


def test_hr_is_told_why_a_period_does_not_open(hr_client):
    response = hr_client.post(
        reverse("survei_pegawai:buka"),
        {"tahun": "2026", "ditutup": timezone.localdate().isoformat()},
        follow=True,
    )
    assert any("Tanggal tutup harus setelah hari ini" in m for m in _pesan(response))
    assert not PeriodeSurveiPegawai.objects.exists()


def test_hr_sees_the_results_of_a_complete_period_within_the_rule(hr_client, k):
    root = kota()
    a, b = opd(root, "Dinas Besar"), opd(root, "Dinas Kecil")
    periode = periode_terbuka()
    for _ in range(6):
        isi(periode, pegawai_login(a), k, kepuasan=5, keterikatan=4)
    for _ in range(2):
        isi(periode, pegawai_login(b), k, kepuasan=1, keterikatan=1)
    assert "Belum ada periode yang selesai" in hr_client.get(HASIL).content.decode()
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    page = hr_client.get(HASIL).content.decode()
    # 8 in all; Dinas Besar's 6 leave a rest of 2: it is withheld, only the agency is shown.
    assert "Seluruh instansi" in page and "Dinas Besar" not in page and "Dinas Kecil" not in page
    assert 'id="ditahan"' in page
    assert "<svg" in page


def test_hr_sees_a_unit_when_the_rest_is_safe(hr_client, k):
    root = kota()
    a = opd(root, "Dinas Besar")
    periode = periode_terbuka()
    for _ in range(6):
        isi(periode, pegawai_login(a), k, kepuasan=5, keterikatan=4)
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    page = hr_client.get(HASIL, {"tahun": "2026"}).content.decode()
    assert "Dinas Besar" in page
    assert "4.50" in page or "4,50" in page  # the unit's mean of all statements


def test_hr_sees_nothing_of_a_period_under_the_threshold(hr_client, k):
    periode = periode_terbuka()
    for _ in range(4):
        isi(periode, pegawai_login(opd(kota())), k)
    tutup(periode)
    periode_survei_pegawai_finish(periode_id=periode.pk)
    page = hr_client.get(HASIL).content.decode()
    assert 'id="tidak-terbit"' in page and "<svg" not in page


def test_an_employee_may_not_open_hrs_pages(k):
    client = _klien(pegawai_login(opd(kota())))
    assert client.get(KELOLA).status_code == 403
    assert client.get(HASIL).status_code == 403
    assert client.post(reverse("survei_pegawai:buka"), {"tahun": "2026"}).status_code == 403
