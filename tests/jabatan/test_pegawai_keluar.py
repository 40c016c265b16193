"""An employee leaves: the service (pegawai_end), the admin's employee form and the SIASN import
end the placements and the succession entries alike, through one service
(jabatan.services.pegawai_release_posts); a kedudukan hukum that frees the post ends the
placements (the day before it began, or the day we learn of it) and keeps the talent pool, on
every path too."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from impor import proses
from jabatan.models import Penempatan, Suksesor
from jabatan.services import pegawai_end, pegawai_release_posts
from pegawai.models import Pegawai
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    UnitKerjaFactory,
)
from tests.formulir_admin import data_formulir_admin
from tests.impor.bantu import baris_pegawai, ke_csv

pytestmark = pytest.mark.django_db

TMT = date(2026, 11, 1)


@pytest.fixture
def keadaan(hr_user):
    """An employee holding a staff post and an acting post, on a succession list."""
    unit = UnitKerjaFactory(kode="U-1")
    kepala = FormasiFactory(
        jabatan=JabatanFactory(jenis="ADMINISTRATOR", kelas_jabatan=12), unit_kerja=unit
    )
    staf = FormasiFactory(unit_kerja=unit, kuota=3)
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    PenempatanFactory(pegawai=p, formasi=staf, tmt_mulai=date(2020, 1, 2))
    PenempatanFactory(pegawai=p, formasi=kepala, jenis="plt", tmt_mulai=date(2025, 3, 1))
    # A raw succession row: the succession service's talent rules are not what this tests.
    Suksesor.objects.create(
        formasi=kepala,
        pegawai=p,
        kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
        urutan=1,
        tanggal_penetapan=date(2025, 1, 2),
        ditetapkan_oleh=hr_user,
    )
    return p


def _lewat_layanan(p: Pegawai, hr_user) -> None:
    pegawai_end(pegawai=p, kedudukan="meninggal", tmt_berhenti=TMT)


def _lewat_admin(p: Pegawai, hr_user, client) -> None:
    client.force_login(hr_user)
    url = f"/admin/pegawai/pegawai/{p.pk}/change/"
    data = data_formulir_admin(client.get(url))
    data.update({"kedudukan": "meninggal", "tmt_berhenti": TMT.isoformat()})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def _lewat_impor(p: Pegawai, hr_user) -> None:
    row = baris_pegawai(p, kedudukanPnsNama="Meninggal Dunia", tmtBerhenti=TMT.isoformat())
    r = proses.jalankan(ke_csv([row]), "csv", terapkan=True, oleh=hr_user)
    assert (r.ubah, r.berhenti, r.penempatan_berakhir, r.tolak) == (1, 1, 2, 0)


@pytest.mark.parametrize("jalan", ["layanan", "admin", "impor"])
def test_every_path_ends_the_placements_and_the_succession_alike(keadaan, hr_user, client, jalan):
    if jalan == "layanan":
        _lewat_layanan(keadaan, hr_user)
    elif jalan == "admin":
        _lewat_admin(keadaan, hr_user, client)
    else:
        _lewat_impor(keadaan, hr_user)
    keadaan.refresh_from_db()
    assert (keadaan.kedudukan, keadaan.tmt_berhenti) == ("meninggal", TMT)
    ended = Penempatan.objects.filter(pegawai=keadaan)
    assert ended.count() == 2
    for pen in ended:
        assert pen.tmt_selesai == date(2026, 10, 31)  # the day before the TMT of leaving
        assert "Meninggal dunia" in pen.keterangan
    s = Suksesor.objects.get(pegawai=keadaan)
    assert not s.aktif and "Meninggal dunia" in s.alasan_berakhir


def _bebas_lewat_layanan(p: Pegawai, hr_user, client) -> None:
    # The demo's path: the kedudukan saved, then the one service with the day it began.
    p.kedudukan_hukum = "03"  # tugas belajar
    p.save(update_fields=["kedudukan_hukum", "updated_at"])
    assert pegawai_release_posts(pegawai=p, pada=TMT) == 2


def _bebas_lewat_admin(p: Pegawai, hr_user, client) -> None:
    client.force_login(hr_user)
    url = f"/admin/pegawai/pegawai/{p.pk}/change/"
    data = data_formulir_admin(client.get(url))
    data["kedudukan_hukum"] = "03"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def _bebas_lewat_impor(p: Pegawai, hr_user, client) -> None:
    row = baris_pegawai(p, kedudukanPnsId="03", kedudukanPnsNama="Tugas Belajar")
    r = proses.jalankan(ke_csv([row]), "csv", terapkan=True, oleh=hr_user)
    assert (r.ubah, r.berhenti, r.penempatan_berakhir, r.tolak) == (1, 0, 0, 0)
    assert (r.lepas_pegawai, r.lepas_penempatan) == (1, 2)


BEBAS = {"layanan": _bebas_lewat_layanan, "admin": _bebas_lewat_admin, "impor": _bebas_lewat_impor}


@pytest.mark.parametrize("jalan", list(BEBAS))
def test_a_kedudukan_hukum_that_frees_the_post_keeps_the_talent_pool(
    keadaan, hr_user, client, jalan
):
    """The placements end the day before the kedudukan began: the service is told the day; the
    admin and SIASN's data utama carry none, so the post is vacant from the day we learn of
    it. The succession entry stays (the ranking leaves them out)."""
    BEBAS[jalan](keadaan, hr_user, client)
    keadaan.refresh_from_db()
    assert (keadaan.kedudukan, keadaan.kedudukan_hukum, keadaan.tmt_berhenti) == (
        "aktif",
        "03",
        None,
    )
    mulai = TMT if jalan == "layanan" else timezone.localdate()
    ended = Penempatan.objects.filter(pegawai=keadaan)
    assert ended.count() == 2
    for pen in ended:
        assert pen.tmt_selesai == mulai - timedelta(days=1)
    assert Suksesor.objects.get(pegawai=keadaan).aktif


def test_an_employee_in_service_keeps_their_posts():
    from jabatan.services import pegawai_release_posts

    pen = PenempatanFactory()
    assert pegawai_release_posts(pegawai=pen.pegawai) == 0
    pen.refresh_from_db()
    assert pen.tmt_selesai is None
