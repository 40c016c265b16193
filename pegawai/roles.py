"""Groups (roles) and the exact permissions each one holds, as "app_label.codename".

The data migration `pegawai/migrations/0002_groups.py` carries a frozen copy of this table (a
migration must not change when this module does); `tests/test_admin.py` fails if the two drift.
A change here therefore needs a new data migration.
"""

from __future__ import annotations

ADMIN_BKPSDM = "Admin BKPSDM"
PIMPINAN_UNIT = "Pimpinan Unit"
PEGAWAI = "Pegawai"

# Every model HR staff of BKPSDM maintain through the admin.
_MODELS: dict[str, tuple[str, ...]] = {
    "pegawai": (
        "unitkerja",
        "bidangstudi",
        "pegawai",
        "riwayatpangkat",
        "riwayatpendidikan",
        "hukumandisiplin",
        "hasilasesmen",
    ),
    "jabatan": ("jabatan", "formasi", "penempatan", "profilmerit", "usulan", "keputusan"),
}

# Delete only where a row can be a plain input mistake and PROTECT keeps anything referenced:
# - unitkerja, formasi: an empty unit or post entered by mistake; one that holds employees,
#   posts or placements is protected by its foreign keys.
# - bidangstudi: reference data; fields of study in use are protected.
# - riwayatpendidikan: a diploma entered twice or for the wrong person; it is evidence the
#   employee brings, not a decree of the government.
# Never deleted by HR (legal records, ended or corrected instead): pegawai (ended through
# kedudukan + TMT berhenti), penempatan (ended with TMT selesai), riwayatpangkat and
# hukumandisiplin (decrees), hasilasesmen (evidence behind merit decisions, UU 20/2023), jabatan
# (retired through `aktif`).
_DELETABLE: frozenset[str] = frozenset(
    {"pegawai.unitkerja", "pegawai.bidangstudi", "pegawai.riwayatpendidikan", "jabatan.formasi"}
)


def _permissions() -> list[str]:
    perms: list[str] = []
    for app_label, models in _MODELS.items():
        for model in models:
            actions = ["view", "add", "change"]
            if f"{app_label}.{model}" in _DELETABLE:
                actions.append("delete")
            perms += [f"{app_label}.{action}_{model}" for action in actions]
    return sorted(perms)


# HR also: see every unit (pegawai.akses), link logins to units and employees, read the audit
# trail and the export log, and unlock accounts locked after wrong passwords (django-axes).
_HR_EXTRA = [
    "pegawai.lihat_semua_unit",
    "pegawai.view_akses",
    "pegawai.add_akses",
    "pegawai.change_akses",
    "pegawai.view_catatanekspor",
    "auditlog.view_logentry",
    # To pick a login when linking it (autocomplete); creating logins and granting roles stays
    # with a superuser, since Django's user form can also make superusers.
    "auth.view_user",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
]

# Performance evaluation: HR opens periods, enters organisational performance, sets the talent
# bands and reassigns evaluators; ratings are given on the SKP pages by the evaluator.
_KINERJA_HR = [
    "kinerja.view_periode",
    "kinerja.add_periode",
    "kinerja.change_periode",
    "kinerja.view_kinerjaorganisasi",
    "kinerja.add_kinerjaorganisasi",
    "kinerja.change_kinerjaorganisasi",
    "kinerja.view_pengaturantalenta",
    "kinerja.add_pengaturantalenta",
    "kinerja.change_pengaturantalenta",
    "kinerja.view_skp",
    "kinerja.change_skp",
    "kinerja.view_revisiskp",
]
_KINERJA_PIMPINAN = [
    "kinerja.view_periode",
    "kinerja.view_kinerjaorganisasi",
    "kinerja.view_skp",
    "kinerja.view_revisiskp",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    ADMIN_BKPSDM: sorted(_permissions() + _HR_EXTRA + _KINERJA_HR),
    # Reads the data of the unit they lead and below (pegawai.akses scopes every row).
    PIMPINAN_UNIT: sorted(
        [f"{app_label}.view_{model}" for app_label, models in _MODELS.items() for model in models]
        + _KINERJA_PIMPINAN
    ),
    # Self-service through /saya/: no admin permission at all.
    PEGAWAI: [],
}
