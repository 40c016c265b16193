"""The SKP's state machine (kinerja.services.aksi_skp): which action each role may take in
each status; the SKP page offers exactly these forms."""

from __future__ import annotations

import pytest

from kinerja.models import Periode, Skp
from kinerja.services import Aksi, aksi_skp
from tests.akses_data import buat_organisasi

pytestmark = pytest.mark.django_db

R, RE, N, F, RV = Aksi.RENCANA, Aksi.REALISASI, Aksi.NILAI, Aksi.FINAL, Aksi.REVISI


@pytest.fixture
def org():
    org = buat_organisasi()
    # B's unit head evaluates an employee of A: evaluator and owner are different people.
    org.skp = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=Periode.objects.create(tahun=2026, jenis="tahunan"),
        penilai=org.users["pimpinan_lain"].akses.pegawai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
    )
    return org


@pytest.mark.parametrize(
    ("status", "harapan"),
    [
        # (status, {role: actions}): the evaluator, HR acting for one, the owner, a unit head
        # who neither evaluates nor owns it.
        (
            Skp.Status.DRAFT,
            {"pimpinan_lain": {R}, "hr": {R}, "pegawai": set(), "pimpinan": set()},
        ),
        (
            Skp.Status.DIRENCANAKAN,
            {"pimpinan_lain": {R, N}, "hr": {R, N}, "pegawai": {RE}, "pimpinan": set()},
        ),
        (
            Skp.Status.DIEVALUASI,
            {"pimpinan_lain": {N, F}, "hr": {N, F}, "pegawai": set(), "pimpinan": set()},
        ),
        (
            Skp.Status.FINAL,
            {"pimpinan_lain": {RV}, "hr": {RV}, "pegawai": set(), "pimpinan": set()},
        ),
    ],
)
def test_it_offers_each_role_the_actions_of_the_status(org, status, harapan):
    org.skp.status = status
    for role, aksi in harapan.items():
        assert aksi_skp(skp=org.skp, oleh=org.users[role]) == aksi, (status, role)


@pytest.mark.parametrize("role", ["pegawai", "pimpinan_lain", "hr"])
def test_the_skp_page_offers_exactly_the_forms_of_the_allowed_actions(org, client, role):
    Skp.objects.filter(pk=org.skp.pk).update(status=Skp.Status.DIRENCANAKAN)
    org.skp.refresh_from_db()
    client.force_login(org.users[role])
    response = client.get(f"/kinerja/skp/{org.skp.pk}/")
    assert response.status_code == 200
    ditawarkan = {a for a in Aksi if response.context[f"form_{a}"] is not None}
    assert ditawarkan == aksi_skp(skp=org.skp, oleh=org.users[role])
