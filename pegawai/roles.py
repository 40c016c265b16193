"""The roles, and the permissions this app's models give each of them.

Every app declares, in its own `roles.py`, an `IZIN` mapping a role name to the permissions
("app_label.codename") that role holds on that app's models; `peran` (above all apps) assembles
the groups from those declarations after every `migrate`. No app lists another's models. The
role names live here, in the lowest app that declares roles (core and tugas declare none), so
every app can name them.
"""

from __future__ import annotations

ADMIN_BKPSDM = "Admin BKPSDM"
PIMPINAN_UNIT = "Pimpinan Unit"
PEGAWAI = "Pegawai"

PERAN = (ADMIN_BKPSDM, PIMPINAN_UNIT, PEGAWAI)


def izin_model(
    app_label: str, models: tuple[str, ...], dapat_dihapus: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """Return (HR's, a unit head's) permissions on `models`: HR views, adds and changes them
    (and deletes those in `dapat_dihapus`); a unit head only views them, scoped by pegawai.akses."""
    hr: list[str] = []
    for model in models:
        actions = ["view", "add", "change", *(["delete"] if model in dapat_dihapus else [])]
        hr += [f"{app_label}.{action}_{model}" for action in actions]
    return hr, [f"{app_label}.view_{model}" for model in models]


# Delete only where a row can be a plain input mistake and PROTECT keeps anything referenced:
# - unitkerja: an empty unit entered by mistake; one that holds employees or posts is protected.
# - bidangstudi, rumpunilmu, urusanpemerintahan: reference data; those in use are protected.
# - riwayatpendidikan: a diploma entered twice or for the wrong person; it is evidence the
#   employee brings, not a decree of the government.
# Never deleted by HR (legal records, ended or corrected instead): pegawai (ended through
# kedudukan + TMT berhenti), riwayatpangkat and hukumandisiplin (decrees), hasilasesmen
# (evidence behind merit decisions, UU 20/2023).
_HR, _PIMPINAN = izin_model(
    "pegawai",
    (
        "unitkerja",
        "bidangstudi",
        "rumpunilmu",
        "urusanpemerintahan",
        "pegawai",
        "riwayatpangkat",
        "riwayatpendidikan",
        "hukumandisiplin",
        "hasilasesmen",
    ),
    dapat_dihapus=frozenset(
        {"unitkerja", "bidangstudi", "rumpunilmu", "urusanpemerintahan", "riwayatpendidikan"}
    ),
)

IZIN: dict[str, list[str]] = {
    ADMIN_BKPSDM: [
        *_HR,
        # See every unit (pegawai.akses), link logins to units and employees, read the audit
        # trail and the export log, and unlock accounts locked after wrong passwords
        # (django-axes): the logins and their traces are this app's concern.
        "pegawai.lihat_semua_unit",
        "pegawai.view_akses",
        "pegawai.add_akses",
        "pegawai.change_akses",
        "pegawai.view_catatanekspor",
        "auditlog.view_logentry",
        # To pick a login when linking it (autocomplete); creating logins and granting roles
        # stays with a superuser, since Django's user form can also make superusers.
        "auth.view_user",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    ],
    # Reads the data of the unit they lead and below (pegawai.akses scopes every row).
    PIMPINAN_UNIT: _PIMPINAN,
    # Self-service through /saya/: no admin permission at all.
    PEGAWAI: [],
}
