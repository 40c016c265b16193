"""Logins and targets for the load run, made in the seeded demo database.

The demo has one login per role (demo/management/commands/seed_demo.py); a working day has
several HR officers, many unit heads and many employees. This makes `n` of each, linked as HR
links real ones (Akses: the unit a head leads and their own record), and lists what each may
touch: the SKPs a head rates (they are its pejabat penilai and the period is open), an
employee's own SKP, employees for HR to open and edit, vacancies to rank, survey units.

Run inside Django by tests/beban/__main__.py:
`manage.py shell -c "from tests.beban.siapkan import cetak; cetak(n, sandi)"`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction

from jabatan.models import Formasi
from kinerja.models import Skp
from pegawai.models import Akses, Pegawai
from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT
from survei.models import UnitLayanan

SKP_PER_PIMPINAN = 30


def _akun(username: str, hash_sandi: str, grup: str, **akses) -> None:
    user = User.objects.create(username=username, password=hash_sandi, is_staff=grup != PEGAWAI)
    user.groups.add(Group.objects.get(name=grup))
    if akses:
        Akses.objects.create(user=user, **akses)


@transaction.atomic
def siapkan(n: int, sandi: str) -> dict:
    """Make `n` logins per role (one password: hashing it once keeps this fast) and return
    what the load scenario needs, as JSON-ready data."""
    hash_sandi = make_password(sandi)
    User.objects.filter(username__startswith="beban.").delete()
    hasil: dict = {"sandi": sandi, "sdm": [], "pimpinan": [], "pegawai": []}
    for i in range(1, n + 1):
        _akun(f"beban.sdm.{i}", hash_sandi, ADMIN_BKPSDM)
        hasil["sdm"].append(f"beban.sdm.{i}")

    # Unit heads: the evaluators with the most SKPs they may still rate (open period, not
    # final, planned), within the unit they lead, and without a login of their own yet.
    terbuka = (
        Skp.objects.filter(periode__terbuka=True, penilai__isnull=False, penilai__akses=None)
        .exclude(status__in=[Skp.Status.DRAFT, Skp.Status.FINAL])
        .select_related("unit_kerja", "penilai__unit_kerja")
    )
    per_penilai: dict[Pegawai, list[int]] = defaultdict(list)
    for skp in terbuka.order_by("pk"):
        unit = skp.penilai.unit_kerja
        if unit is not None and skp.unit_kerja.path.startswith(unit.path):
            per_penilai[skp.penilai].append(skp.pk)
    penilai = sorted(per_penilai, key=lambda p: (-len(per_penilai[p]), p.pk))[:n]
    for i, p in enumerate(penilai, 1):
        _akun(f"beban.pimpinan.{i}", hash_sandi, PIMPINAN_UNIT, unit_kerja=p.unit_kerja, pegawai=p)
        skp = per_penilai[p][:SKP_PER_PIMPINAN]
        hasil["pimpinan"].append({"username": f"beban.pimpinan.{i}", "skp": skp})

    # Employees with an SKP in the open period, each their own login.
    milik = (
        Skp.objects.filter(periode__terbuka=True, pegawai__akses=None)
        .exclude(pegawai__in=penilai)
        .order_by("pk")
        .values_list("pegawai_id", "pk")
    )
    dipakai: set[int] = set()
    for pegawai_id, skp_id in milik.iterator():
        if len(dipakai) == n:
            break
        if pegawai_id in dipakai:
            continue
        dipakai.add(pegawai_id)
        i = len(dipakai)
        _akun(f"beban.pegawai.{i}", hash_sandi, PEGAWAI, pegawai_id=pegawai_id)
        hasil["pegawai"].append({"username": f"beban.pegawai.{i}", "skp": skp_id})

    # Every 20th employee for HR to open and edit (spread over units), the vacancies (posts
    # with nobody placed) to rank, the active survey units.
    semua = list(Pegawai.objects.order_by("pk").values_list("pk", flat=True))
    hasil["pegawai_id"] = semua[::20][:300]
    lowong = Formasi.objects.lowong().order_by("pk").values_list("pk", flat=True)
    hasil["formasi"] = list(lowong[:50])
    hasil["survei"] = list(
        UnitLayanan.objects.filter(aktif=True).order_by("kode").values_list("kode", flat=True)
    )
    return hasil


def cetak(n: int, sandi: str) -> None:
    json.dump(siapkan(n, sandi), sys.stdout)
