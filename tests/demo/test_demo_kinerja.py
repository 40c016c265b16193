"""The demo's performance evaluations: what a unit head and an employee find on their pages."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from kinerja import rules
from kinerja.models import Skp

pytestmark = pytest.mark.django_db


def test_it_leaves_reported_skps_waiting_for_a_rating_and_notes_every_low_result():
    call_command("seed_demo", "--pegawai", "600", "--tanggal", "2026-11-28", stdout=StringIO())
    terbuka = Skp.objects.filter(periode__terbuka=True)
    # Planned SKPs of the open year: some fully reported by the employee and not yet rated
    # (the unit head's "Menunggu penilaian saya" with the realisation filled), some not.
    direncanakan = terbuka.menunggu_penilaian().annotate(
        kosong=Count("rencana", filter=Q(rencana__realisasi="")), baris=Count("rencana")
    )
    terisi = direncanakan.filter(kosong=0, baris__gt=0).count()
    belum = direncanakan.filter(kosong__gt=0).count()
    assert terisi > 20 and belum > 20, (terisi, belum)
    assert not direncanakan.filter(predikat__gt="").exists()
    # Every Butuh Perbaikan or lower, rated or final, carries the evaluator's note, and the notes
    # are not one sentence repeated.
    rendah = Skp.objects.dinilai().filter(predikat__in=rules.RENDAH_KE_BAWAH)
    assert rendah.exists()
    assert not rendah.filter(catatan_penilai="").exists()
    assert rendah.values("catatan_penilai").distinct().count() >= 3
    assert (
        not Skp.objects.exclude(predikat__in=rules.RENDAH_KE_BAWAH)
        .exclude(catatan_penilai="")
        .exists()
    )
