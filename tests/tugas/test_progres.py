"""The progress piece: its page and JSON only for whoever started the task, failures in plain
Indonesian, one run of the same work at a time (held by the database), downloads scoped."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from tugas.models import Progres
from tugas.progres import Laporan, SedangBerjalan, dengan_progres, mulai

pytestmark = pytest.mark.django_db


@task()
@dengan_progres
def contoh(laporan: Laporan, n: int, gagal: str = "") -> int:
    """A task for these tests: `n` steps, one error on step 2, and an optional failure."""
    for i in range(1, n + 1):
        laporan.maju(i, n)
        if i == 2:
            laporan.galat(f"Baris {i} dilewati: NIP kosong.")
    if gagal == "validasi":
        raise ValidationError({"periode": "Periode Tahunan 2026 sudah ditutup."})
    if gagal == "lain":
        raise ZeroDivisionError("division by zero")
    laporan.selesai(
        pesan="Beres.", berkas=b"a;b\n", nama_berkas="contoh.csv", jenis_berkas="text/csv"
    )
    return n


@pytest.fixture
def orang(db):
    return {
        "pemilik": User.objects.create_user("pemilik", is_staff=True),
        "lain": User.objects.create_user("lain", is_staff=True),
        "super": User.objects.create_superuser("akar"),
    }


def _client(client, user):
    client.force_login(user)
    return client


def test_it_runs_a_task_and_shows_its_state_to_its_starter(client, orang, langsung):
    """Immediate backend: the task runs when the starting block commits."""
    with langsung(execute=True):
        progres = mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[4])
        assert Progres.objects.get(pk=progres.pk).status == Progres.Status.ANTRE
    progres.refresh_from_db()
    hasil = (progres.status, progres.selesai, progres.total, progres.persen)
    assert hasil == ("selesai", 4, 4, 100)
    assert progres.jumlah_galat == 1 and progres.galat == ["Baris 2 dilewati: NIP kosong."]
    assert progres.task_id  # the django-tasks result id

    response = _client(client, orang["pemilik"]).get(progres.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert '<progress max="100" value="100"' in body
    assert "4 dari 4" in body and "Selesai" in body and "1 galat" in body
    assert "Baris 2 dilewati" in body and "Beres." in body
    assert "js/progres.js" in body and "<script>" not in body  # CSP: no inline script
    assert "no-store" in response["Cache-Control"]

    data = client.get(progres.get_absolute_url(), {"format": "json"}).json()
    assert data["status"] == "selesai" and data["persen"] == 100 and not data["aktif"]
    assert data["unduh"] == f"/tugas/{progres.pk}/unduh/"


def test_it_hides_a_task_from_everyone_but_its_starter_and_superusers(client, orang):
    progres = mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[1])
    url = progres.get_absolute_url()
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert _client(client, orang["lain"]).get(url).status_code == 404
    assert client.get(url, {"format": "json"}).status_code == 404
    assert client.get(f"/tugas/{uuid.uuid4()}/").status_code == 404  # unknown id
    assert client.get("/tugas/12345/").status_code == 404  # not even an id
    assert _client(client, orang["super"]).get(url).status_code == 200


def test_a_queued_task_shows_zero_and_a_refresh_link(client, orang):
    progres = mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[1])
    body = _client(client, orang["pemilik"]).get(progres.get_absolute_url()).content.decode()
    assert "Menunggu giliran" in body and 'value="0"' in body
    assert f'href="/tugas/{progres.pk}/">Perbarui' in body  # without JavaScript


@pytest.mark.parametrize(
    ("gagal", "pesan"),
    [
        ("validasi", "Periode Tahunan 2026 sudah ditutup."),
        ("lain", "Tugas gagal karena kesalahan tak terduga (ZeroDivisionError)"),
    ],
)
def test_a_failed_task_says_why_in_indonesian(client, orang, langsung, gagal, pesan):
    """Immediate backend; the task result keeps the traceback, the page the reason."""
    with langsung(execute=True):
        progres = mulai(
            contoh, label="Contoh", oleh=orang["pemilik"], args=[3], kwargs={"gagal": gagal}
        )
    progres.refresh_from_db()
    assert progres.status == Progres.Status.GAGAL
    assert progres.pesan.startswith(pesan)
    data = (
        _client(client, orang["pemilik"]).get(progres.get_absolute_url(), {"format": "json"}).json()
    )
    assert data["status"] == "gagal" and data["status_label"] == "Gagal"
    assert data["unduh"] is None
    body = client.get(progres.get_absolute_url()).content.decode()
    assert "Gagal" in body and pesan in body
    assert client.get(f"{progres.get_absolute_url()}unduh/").status_code == 404


def test_the_same_work_runs_once_at_a_time(orang):
    pertama = mulai(contoh, label="A", oleh=orang["pemilik"], kunci="periode:1", args=[1])
    with pytest.raises(SedangBerjalan) as exc:
        mulai(contoh, label="B", oleh=orang["lain"], kunci="periode:1", args=[1])
    assert exc.value.progres.pk == pertama.pk
    mulai(contoh, label="C", oleh=orang["pemilik"], kunci="periode:2", args=[1])  # other work
    Progres.objects.filter(pk=pertama.pk).update(status=Progres.Status.SELESAI, total=1, selesai=1)
    mulai(contoh, label="D", oleh=orang["pemilik"], kunci="periode:1", args=[1])  # done: again


def test_the_database_refuses_a_second_active_row_for_the_same_work(orang):
    Progres.objects.create(jenis="x", kunci="periode:1", label="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        Progres.objects.create(jenis="x", kunci="periode:1", label="B", status="berjalan")
    with pytest.raises(IntegrityError), transaction.atomic():
        Progres.objects.create(jenis="x", label="C", status="macet")
    with pytest.raises(IntegrityError), transaction.atomic():
        Progres.objects.create(jenis="x", label="D", total=3, selesai=4)


def test_a_run_whose_worker_died_may_start_again(orang):
    lama = mulai(contoh, label="A", oleh=orang["pemilik"], kunci="periode:1", args=[1])
    Progres.objects.filter(pk=lama.pk).update(
        status=Progres.Status.BERJALAN, updated_at=timezone.now() - timedelta(hours=1)
    )
    baru = mulai(contoh, label="B", oleh=orang["pemilik"], kunci="periode:1", args=[1])
    lama.refresh_from_db()
    assert lama.status == Progres.Status.GAGAL and "terhenti" in lama.pesan
    assert baru.status == Progres.Status.ANTRE
    # Queued for an hour is only waiting for a worker: still the one run.
    Progres.objects.filter(pk=baru.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(SedangBerjalan):
        mulai(contoh, label="C", oleh=orang["pemilik"], kunci="periode:1", args=[1])


def test_the_download_goes_to_its_starter_only_and_is_never_cached(client, orang, langsung):
    with langsung(execute=True):
        progres = mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[1])
    url = f"{progres.get_absolute_url()}unduh/"
    assert _client(client, orang["lain"]).get(url).status_code == 404
    # A superuser sees the progress, but the file was built in its starter's scope.
    assert _client(client, orang["super"]).get(url).status_code == 404
    response = _client(client, orang["pemilik"]).get(url)
    assert response.status_code == 200 and response.content == b"a;b\n"
    assert response["Content-Disposition"].startswith('attachment; filename="contoh.csv"')
    assert "no-store" in response["Cache-Control"]


def test_a_task_started_in_a_transaction_that_rolls_back_is_never_queued(orang):
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[1])
        raise RuntimeError
    assert not Progres.objects.exists() and not DBTaskResult.objects.exists()


def test_it_offers_the_starters_next_step_once_the_task_is_done(client, orang, langsung):
    """The page's way on comes from whoever started the task ("Lihat pratinjau"), shown only
    when the work is done; a task started without one keeps only its way back."""
    progres = mulai(
        contoh,
        label="Contoh",
        oleh=orang["pemilik"],
        args=[2],
        url_kembali="/kembali/",
        url_lanjut="/hasil/",
        label_lanjut="Lihat hasil",
    )
    _client(client, orang["pemilik"])
    body = client.get(progres.get_absolute_url()).content.decode()
    assert "<p data-progres-lanjut hidden>" in body  # queued: nothing to see yet
    assert '<a class="tombol" href="/hasil/">Lihat hasil</a>' in body
    assert client.get(progres.get_absolute_url(), {"format": "json"}).json()["lanjut"] == "/hasil/"
    Laporan(str(progres.pk)).selesai(pesan="Beres.")
    body = client.get(progres.get_absolute_url()).content.decode()
    assert "<p data-progres-lanjut>" in body and 'href="/kembali/">Kembali</a>' in body

    tanpa = mulai(contoh, label="Contoh", oleh=orang["pemilik"], args=[1])
    Laporan(str(tanpa.pk)).selesai()
    body = client.get(tanpa.get_absolute_url()).content.decode()
    assert "data-progres-lanjut" not in body
    assert client.get(tanpa.get_absolute_url(), {"format": "json"}).json()["lanjut"] is None
