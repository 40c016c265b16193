"""What the public reads of a corrected or annulled decision (the cached pages at once, the Atom
feed, the open data), and the open selection a "Seleksi terbuka" decision must come from
(publik.keputusan, the recorder jabatan's decision service calls)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Keputusan
from jabatan.services import keputusan_cancel, keputusan_correct
from publik.keputusan import AsalSeleksiPublik
from publik.models import KeputusanSeleksi, Pelamar, Seleksi, Tahap
from tests.factories import FormasiFactory, PegawaiFactory
from tests.jabatan.bantu import catat

pytestmark = pytest.mark.django_db


def test_a_correction_and_an_annulment_show_at_once_on_the_cached_pages(hr_user):
    k = catat(hr_user)
    anonim = Client()  # no session: served from and stored in the public cache
    url = reverse("publik:keputusan_detail", kwargs={"keputusan_id": k.pk})
    assert "800/1/2026" in anonim.get(url).content.decode()
    assert "Dikoreksi pada" not in anonim.get(reverse("publik:transparansi")).content.decode()
    keputusan_correct(keputusan=k, alasan="Salah ketik.", oleh=hr_user, nomor_sk="800/9/2026")
    html = anonim.get(url).content.decode()
    assert "800/9/2026" in html and "Dikoreksi pada" in html
    assert "Dikoreksi pada" in anonim.get(reverse("publik:transparansi")).content.decode()
    keputusan_cancel(keputusan=k, alasan="SK ditarik.", oleh=hr_user, pada=dt.date(2026, 4, 1))
    html = anonim.get(url).content.decode()
    assert "Keputusan ini dibatalkan pada 1 April 2026: SK ditarik." in html


def test_the_feed_and_the_open_data_say_corrected_and_annulled(hr_user):
    k = catat(hr_user)
    keputusan_correct(keputusan=k, alasan="Salah ketik.", oleh=hr_user, nomor_sk="800/9/2026")
    keputusan_cancel(keputusan=k, alasan="SK ditarik.", oleh=hr_user, pada=dt.date(2026, 4, 1))
    umpan = Client().get(reverse("publik:feed")).content.decode()
    assert "[DIBATALKAN]" in umpan and "Dibatalkan pada 2026-04-01: SK ditarik." in umpan
    assert "Dikoreksi pada" in umpan and "nomor SK" in umpan
    assert "Salah ketik." not in umpan  # the correction's reason stays with HR
    # <updated> moves to the latest change (the correction, today; the annulment is dated
    # 1 April on purpose).
    assert f"<updated>{timezone.localdate().isoformat()}T" in umpan
    data = json.loads(
        Client().get(reverse("publik:unduh", args=["jabatan-terisi", "json"])).content
    )["data"]
    (baris,) = [b for b in data if b["id"] == k.pk]
    assert baris["nomor_sk"] == "800/9/2026"
    assert baris["dibatalkan_pada"] == "2026-04-01"
    assert baris["alasan_pembatalan"] == "SK ditarik."
    assert baris["yang_dikoreksi"] == "nomor SK"
    assert baris["dikoreksi_pada"]


# --- The selection a "Seleksi terbuka" decision comes from --------------------------------------


def _seleksi(hr_user, formasi, *, mulai: dt.date | None, selesai: bool = False) -> Seleksi:
    seleksi = Seleksi.objects.create(
        judul="Seleksi Terbuka JPT Pratama",
        nomor_pengumuman="800/7/Pansel/2026",
        dibuka_oleh=hr_user,
        selesai=selesai,
    )
    seleksi.formasi.set([formasi])
    if mulai:
        Tahap.objects.create(
            seleksi=seleksi,
            jenis="pengumuman",
            urutan=1,
            mulai=mulai,
            selesai=mulai + dt.timedelta(days=7),
        )
    return seleksi


def _galat(k, seleksi) -> str:
    with pytest.raises(ValidationError) as exc:
        AsalSeleksiPublik().catat(keputusan=k, seleksi_id=seleksi.pk)
    assert not KeputusanSeleksi.objects.exists()
    return exc.value.message_dict["seleksi"][0]


def test_the_selection_must_include_the_post_be_announced_and_have_the_appointee(hr_user):
    k = catat(hr_user)
    lain = _seleksi(hr_user, FormasiFactory(), mulai=dt.date(2026, 1, 5))
    assert "tidak memuat formasi ini" in _galat(k, lain)
    belum = _seleksi(hr_user, k.formasi, mulai=dt.date(2099, 1, 5))
    Pelamar.objects.create(seleksi=belum, formasi=k.formasi, pegawai=k.pegawai)
    assert "belum diumumkan" in _galat(k, belum)
    seleksi = _seleksi(hr_user, k.formasi, mulai=dt.date(2026, 1, 5))
    Pelamar.objects.create(seleksi=seleksi, formasi=k.formasi, pegawai=PegawaiFactory())
    assert "tidak melamar formasi ini" in _galat(k, seleksi)
    pelamar = Pelamar.objects.create(seleksi=seleksi, formasi=k.formasi, pegawai=k.pegawai)
    AsalSeleksiPublik().catat(keputusan=k, seleksi_id=seleksi.pk)
    assert k.asal_seleksi.pelamar == pelamar
    assert [s for s, _label in AsalSeleksiPublik().pilihan(k.formasi)] == [seleksi.pk]
    # HR's page of the decision names the selection.
    Keputusan.objects.filter(pk=k.pk).update(metode="seleksi_terbuka")
    hr = Client()
    hr.force_login(hr_user)
    html = hr.get(reverse("jabatan:keputusan_detail", args=[k.pk])).content.decode()
    assert "800/7/Pansel/2026 — Seleksi Terbuka JPT Pratama" in html
    # The database holds one origin per decision, whoever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        KeputusanSeleksi.objects.create(keputusan=k, pelamar=pelamar)


def test_a_finished_selection_counts_without_an_announcement_stage(hr_user):
    k = catat(hr_user)
    seleksi = _seleksi(hr_user, k.formasi, mulai=None, selesai=True)
    Pelamar.objects.create(seleksi=seleksi, formasi=k.formasi, pegawai=k.pegawai)
    AsalSeleksiPublik().catat(keputusan=k, seleksi_id=seleksi.pk)
    assert KeputusanSeleksi.objects.get().keputusan == k
