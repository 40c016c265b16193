"""The employee's SIASN kedudukan hukum (pegawai.kedudukan_hukum, its table and regulations
cited there): the model and the database refuse a pair that contradicts our kedudukan or
status, also when two writers race; HR sets it in the admin with SIASN's labels, and an id that
frees the post ends the placement through jabatan's service (PP 11/2017 jo. PP 17/2020 Pasal 94
ayat (1)); no placement starts while it lasts; leaving clears a stale id."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Penempatan
from jabatan.services import pegawai_end, penempatan_create
from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi
from tests.factories import FormasiFactory, PegawaiFactory, UnitKerjaFactory

PADA = date(2026, 12, 7)


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


@pytest.mark.django_db
def test_hr_sets_it_in_the_admin_and_the_post_falls_vacant(client):
    o = buat_organisasi()
    p = o.pegawai_a
    aktif = Penempatan.objects.aktif().filter(pegawai=p)
    assert aktif.count() == 1
    client.force_login(o.users["hr"])
    url = reverse("admin:pegawai_pegawai_change", args=[p.pk])
    halaman = client.get(url)
    isi = halaman.content.decode()
    assert '<option value="03">03 Tugas Belajar</option>' in isi
    form = halaman.context["adminform"].form
    data = {n: v for n, v in form.initial.items() if n in form.fields and v is not None}
    data |= {"kedudukan_hukum": "03", "bidang_studi": p.bidang_studi_id or ""}
    for prefix in (
        "penempatan",
        "riwayat_pangkat",
        "riwayat_pendidikan",
        "hukuman_disiplin",
        "asesmen",
    ):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    jawab = client.post(url, data)
    assert jawab.status_code == 302, jawab.context["adminform"].form.errors
    p.refresh_from_db()
    assert p.kedudukan_hukum == "03"
    assert not Penempatan.objects.aktif().filter(pegawai=p).exists()
    akhir = Penempatan.objects.filter(pegawai=p).latest("tmt_selesai")
    assert akhir.tmt_selesai == timezone.localdate() - timezone.timedelta(days=1)
    # 99 Pensiun while aktif: refused by field, nothing saved.
    data["kedudukan_hukum"] = "99"
    jawab = client.post(url, data)
    assert jawab.status_code == 200
    assert "kedudukan_hukum" in jawab.context["adminform"].form.errors


@pytest.mark.django_db
def test_a_placement_is_refused_while_the_kedudukan_hukum_frees_the_post(unit):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b", kedudukan_hukum="03")
    with pytest.raises(ValidationError) as exc:
        penempatan_create(pegawai=p, formasi=FormasiFactory(unit_kerja=unit), tmt_mulai=PADA)
    assert "03 Tugas Belajar" in str(exc.value) and "Pasal 94" in str(exc.value)


@pytest.mark.django_db
def test_leaving_clears_a_kedudukan_hukum_that_no_longer_fits(unit):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b", kedudukan_hukum="03")
    p = pegawai_end(pegawai=p, kedudukan="meninggal", tmt_berhenti=date(2026, 12, 1))
    p.refresh_from_db()
    assert (p.kedudukan, p.kedudukan_hukum) == ("meninggal", "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        ({"kedudukan_hukum": "99"}, "kedudukan_hukum"),  # 99 Pensiun is pensiun, not aktif
        ({"kedudukan_hukum": "02"}, "kedudukan_hukum"),  # CLTN is cuti
        ({"kedudukan_hukum": "71"}, "kedudukan_hukum"),  # PPPK Aktif on a PNS
        ({"kedudukan_hukum": "93"}, "kedudukan_hukum"),  # no such id
    ],
)
def test_the_model_and_the_database_refuse_an_inconsistent_pair(unit, ubah, field):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    for f, v in ubah.items():
        setattr(p, f, v)
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert field in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Pegawai.objects.filter(pk=p.pk).update(**ubah)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_writers_cannot_combine_into_an_inconsistent_pair():
    """One HR user records the pension (kedudukan, TMT, SIASN's 99) while another, from the
    same old page, sets tugas belajar (03): each is consistent alone; the second waits for the
    first's row lock, then the CHECK refuses it on the row the first committed."""
    p = PegawaiFactory(unit_kerja=UnitKerjaFactory(kode="U-1"), golongan="III/b")
    pertama_menulis = threading.Event()
    hasil: dict[str, object] = {}

    def pensiun() -> None:
        try:
            with transaction.atomic():
                Pegawai.objects.filter(pk=p.pk).update(
                    kedudukan="pensiun", tmt_berhenti=date(2026, 12, 1), kedudukan_hukum="99"
                )
                pertama_menulis.set()
                threading.Event().wait(0.5)  # hold the row while the other writer arrives
            hasil["pensiun"] = "ok"
        finally:
            connection.close()

    def tugas_belajar() -> None:
        pertama_menulis.wait(5)
        try:
            with transaction.atomic():
                Pegawai.objects.filter(pk=p.pk).update(kedudukan_hukum="03")
            hasil["tb"] = "ok"
        except IntegrityError as exc:
            hasil["tb"] = exc
        finally:
            connection.close()

    ts = [threading.Thread(target=pensiun), threading.Thread(target=tugas_belajar)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(10)
    p.refresh_from_db()
    assert hasil["pensiun"] == "ok"
    assert isinstance(hasil["tb"], IntegrityError), hasil
    assert "pegawai_kedudukan_hukum_sesuai" in str(hasil["tb"])
    assert (p.kedudukan, p.kedudukan_hukum) == ("pensiun", "99")
