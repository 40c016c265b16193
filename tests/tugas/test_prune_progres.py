"""`manage.py prune_progres`: old finished tasks' rows and their export files go; active and
recent ones stay; old heartbeats of vanished workers go too."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tugas.models import Detak, Progres

pytestmark = pytest.mark.django_db


def _progres(status: str, umur: timedelta, **extra) -> Progres:
    progres = Progres.objects.create(jenis="uji", label=f"{status} {umur}", status=status, **extra)
    Progres.objects.filter(pk=progres.pk).update(updated_at=timezone.now() - umur)
    return progres


def test_it_deletes_old_finished_rows_with_their_files_and_keeps_the_rest():
    lama_selesai = _progres("selesai", timedelta(days=8), berkas=b"nip;nama\n", nama_berkas="a.csv")
    lama_gagal = _progres("gagal", timedelta(days=30))
    baru = _progres("selesai", timedelta(days=6), berkas=b"x", nama_berkas="b.csv")
    # Still queued or running, however old: tugas.progres.mulai decides about dead ones.
    antre = _progres("antre", timedelta(days=30), kunci="a")
    berjalan = _progres("berjalan", timedelta(days=30), kunci="b")
    now = timezone.now()
    Detak.objects.create(
        worker_id="pergi", host="h", pid=1, dimulai=now, terakhir=now - timedelta(days=9)
    )
    Detak.objects.create(worker_id="hidup", host="h", pid=2, dimulai=now, terakhir=now)
    out = StringIO()
    call_command("prune_progres", stdout=out)
    assert "2 progres dihapus; 1 detak worker lama dihapus." in out.getvalue()
    assert set(Progres.objects.values_list("pk", flat=True)) == {baru.pk, antre.pk, berjalan.pk}
    assert not Progres.objects.filter(pk__in=[lama_selesai.pk, lama_gagal.pk]).exists()
    assert bytes(Progres.objects.get(pk=baru.pk).berkas) == b"x"
    assert list(Detak.objects.values_list("worker_id", flat=True)) == ["hidup"]


def test_the_age_is_an_option():
    _progres("selesai", timedelta(days=2))
    call_command("prune_progres", "--hari", "3", stdout=StringIO())
    assert Progres.objects.count() == 1
    call_command("prune_progres", "--hari", "1", stdout=StringIO())
    assert Progres.objects.count() == 0


def test_a_negative_age_is_refused_and_nothing_is_deleted():
    _progres("selesai", timedelta(days=30))
    with pytest.raises(CommandError, match="--hari harus 0 atau lebih"):
        call_command("prune_progres", "--hari", "-1")
    assert Progres.objects.count() == 1
