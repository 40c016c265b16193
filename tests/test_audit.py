"""The audit trail covers every model HR can write, and an admin write records its actor.

The list of models comes from the HR group's permissions in the database (the data migrations),
not from a list kept here: a model HR is given add/change on without audit registration fails.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse

from kinerja.models import Periode, Skp
from pegawai.roles import ADMIN_BKPSDM
from tests.akses_data import buat_organisasi, objek_unit_a
from tests.formulir_admin import data_formulir_admin

pytestmark = pytest.mark.django_db

# Text fields the change test edits, in order of preference; a field that must keep a format
# (NIP, decree numbers) is not among them. MUTASI names the edit for models without one.
TEKS = ["keterangan", "catatan", "nama", "jurusan", "asesor", "alasan"]


def _lain(field: forms.Field, sekarang: str) -> str:
    """Return another valid choice of a choice field."""
    return next(str(c) for c, _label in field.choices if c and str(c) != sekarang)


MUTASI = {
    "kinerja.kinerjaorganisasi": lambda d, org, f: (
        "predikat",
        _lain(f["predikat"], d["predikat"]),
    ),
    "kinerja.pengaturantalenta": lambda d, org, f: (
        "kinerja_batas_rendah",
        str(Decimal(d["kinerja_batas_rendah"]) - 1),
    ),
    "kinerja.periode": lambda d, org, f: ("terbuka", None if d.get("terbuka") else "on"),
    "jabatan.profilmerit": lambda d, org, f: (
        "hanya_talent_pool",
        None if d.get("hanya_talent_pool") else "on",
    ),
    "kinerja.skp": lambda d, org, f: ("penilai", str(org.pegawai_b.pk)),
    "pegawai.akses": lambda d, org, f: ("unit_kerja", str(org.bidang_a.pk)),
    "pelatihan.pelatihaneksternal": lambda d, org, f: ("keputusan", "setuju"),
    "pelatihan.rencanapengembangan": lambda d, org, f: ("tahun", "2027"),
    "survei.unitlayanan": lambda d, org, f: ("nama_layanan", "Loket layanan (diubah)"),
    "survei.butirsurveipegawai": lambda d, org, f: ("pertanyaan", "Saya puas (diubah)."),
    "jabatan.pengaturanpetikan": lambda d, org, f: ("nama_kepala_daerah", "Wali Kota (diubah)"),
    "impor.pemetaanunit": lambda d, org, f: ("unit_kerja", str(org.unit_b.pk)),
    "impor.pemetaanjabatan": lambda d, org, f: ("nama_siasn", "ANALIS SDM APARATUR"),
    "sistem_merit.kriteria": lambda d, org, f: ("uraian", f"{d['uraian']} (diubah)"),
    "pegawai.riwayatpangkat": lambda d, org, f: (
        "jenis_kenaikan",
        _lain(f["jenis_kenaikan"], d["jenis_kenaikan"]),
    ),
}


def _hr_models() -> list[str]:
    group = Group.objects.get(name=ADMIN_BKPSDM)
    labels = set()
    for app_label, codename in group.permissions.values_list("content_type__app_label", "codename"):
        action, _sep, model_name = codename.partition("_")
        if action in ("add", "change"):
            labels.add(f"{app_label}.{model_name}")
    return sorted(labels)


def test_every_model_hr_can_add_or_change_is_in_the_audit_trail() -> None:
    labels = _hr_models()
    assert "pegawai.pegawai" in labels and "kinerja.periode" in labels  # read from the database
    missing = [label for label in labels if not auditlog.contains(apps.get_model(label))]
    assert missing == []


def test_a_change_through_the_admin_writes_an_audit_row_with_the_actor() -> None:
    org = buat_organisasi()
    objek = objek_unit_a(org)
    # An SKP still in planning: a final one refuses a change of its evaluator.
    final = objek["kinerja.skp"]
    objek["kinerja.skp"] = Skp.objects.create(
        pegawai=final.pegawai,
        penilai=final.penilai,
        unit_kerja=final.unit_kerja,
        perangkat_daerah=final.perangkat_daerah,
        golongan=final.golongan,
        periode=Periode.objects.create(tahun=2026, jenis="tahunan", triwulan=0, terbuka=True),
    )
    hr = org.users["hr"]
    client = Client()
    client.force_login(hr)
    request = RequestFactory().get("/")
    request.user = hr
    tanpa_edit, tanpa_jejak, diuji = [], [], []
    for label in _hr_models():
        model = apps.get_model(label)
        model_admin = admin.site._registry.get(model)
        obj = objek.get(label)
        if model_admin is None or obj is None:
            continue
        if not model_admin.has_change_permission(request, obj):
            continue  # written by its own pages' services, read-only in the admin
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
        )
        response = client.get(url)
        assert response.status_code == 200, label
        data = data_formulir_admin(response)
        fields = response.context["adminform"].form.fields
        nama = next((f for f in TEKS if f in fields), None)
        if label in MUTASI:
            nama, nilai = MUTASI[label](data, org, fields)
            if nilai is None:
                data.pop(nama, None)
            else:
                data[nama] = nilai
        elif nama is not None:
            data[nama] = f"{data.get(nama, '')} (diubah)".strip()
        else:
            tanpa_edit.append(f"{label}: name an edit in MUTASI ({list(fields)})")
            continue
        before = LogEntry.objects.get_for_object(obj).count()
        response = client.post(url, data)
        if response.status_code != 302:
            errors = response.context["adminform"].form.errors
            raise AssertionError(f"{label}: {errors}")
        entries = LogEntry.objects.get_for_object(obj).order_by("-pk")
        if entries.count() == before or entries.first().actor != hr:
            tanpa_jejak.append(label)
        diuji.append(label)
    assert tanpa_jejak == []
    assert tanpa_edit == [], "\n".join(tanpa_edit)
    assert {"pegawai.pegawai", "jabatan.formasi", "kinerja.kinerjaorganisasi"} <= set(diuji)


def test_creating_through_the_admin_writes_an_audit_row_with_the_actor(hr_client, hr_user):
    from pegawai.models import BidangStudi

    response = hr_client.post("/admin/pegawai/bidangstudi/add/", {"kode": "AUD", "nama": "Uji"})
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(BidangStudi.objects.get(kode="AUD")).get()
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, hr_user)
