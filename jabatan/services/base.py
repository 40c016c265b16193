"""What every jabatan service shares: a violated constraint as a field error. (The acting user
in the audit trail: core.audit.audited.)"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext_lazy

T = TypeVar("T")


# Constraint names (jabatan/models.py) → the field and message a user sees when the database,
# not the pre-check, catches a conflicting write (two HR staff saving at the same moment).
_CONSTRAINT_ERRORS = {
    "formasi_terisi_tidak_melebihi_kuota": (
        "formasi",
        gettext_lazy(
            "Formasi sudah penuh: kuota terisi oleh penempatan lain yang baru saja disimpan."
        ),
    ),
    "penempatan_satu_definitif_aktif_per_pegawai": (
        "pegawai",
        gettext_lazy(
            "Pegawai sudah memiliki penempatan definitif yang aktif (baru saja disimpan)."
        ),
    ),
    "penempatan_satu_pelaksana_tugas_per_formasi": (
        "formasi",
        gettext_lazy("Formasi ini sudah memiliki Plt/Plh yang aktif (baru saja disimpan)."),
    ),
    "penempatan_jenis_pilihan": ("jenis", gettext_lazy("Jenis penempatan tidak dikenal.")),
    "usulan_satu_per_pegawai_formasi": (
        "pegawai",
        gettext_lazy("Pegawai ini sudah diusulkan untuk formasi ini (baru saja disimpan)."),
    ),
    "usulan_tiga_slot_per_formasi": (
        "pegawai",
        gettext_lazy(
            "Formasi ini sudah memiliki tiga usulan aktif: usulan lain baru saja disimpan."
        ),
    ),
    "usulan_urutan_1_3": ("pegawai", gettext_lazy("Usulkan satu sampai tiga kandidat.")),
    "suksesor_satu_per_pegawai_formasi": (
        "pegawai",
        gettext_lazy(
            "Pegawai ini sudah menjadi calon suksesor formasi ini (baru saja ditetapkan)."
        ),
    ),
    "suksesor_urutan_unik_per_formasi": (
        "urutan",
        gettext_lazy("Urutan ini baru saja diisi calon suksesor lain. Muat ulang halaman."),
    ),
    "suksesor_urutan_1_maks": ("urutan", gettext_lazy("Urutan prioritas di luar batas.")),
    "suksesor_alasan_bila_berakhir": (
        "alasan_berakhir",
        gettext_lazy("Tuliskan alasan calon suksesor dihapus."),
    ),
    "suksesor_kesiapan_pilihan": ("kesiapan", gettext_lazy("Kesiapan tidak dikenal.")),
    "keputusan_nomor_sk_wajib": ("nomor_sk", gettext_lazy("Nomor SK wajib diisi.")),
    "keputusan_justifikasi_bila_bukan_pertama": (
        "justifikasi",
        gettext_lazy(
            "Yang diangkat bukan kandidat layak peringkat pertama: tuliskan justifikasinya."
        ),
    ),
    "keputusan_alasan_bila_dibatalkan": (
        "alasan_pembatalan",
        gettext_lazy("Alasan pembatalan wajib diisi."),
    ),
    "keputusan_metode_pilihan": ("metode", gettext_lazy("Metode pengisian tidak dikenal.")),
    "koreksi_keputusan_alasan_wajib": ("alasan", gettext_lazy("Alasan koreksi wajib diisi.")),
    "koreksi_keputusan_ada_perubahan": (
        "__all__",
        gettext_lazy("Koreksi tanpa perubahan tidak dicatat."),
    ),
}


# SQLite names the columns of a violated unique index, not the constraint.
_SQLITE_UNIQUE = {
    "jabatan_penempatan.pegawai_id": "penempatan_satu_definitif_aktif_per_pegawai",
    "jabatan_penempatan.formasi_id": "penempatan_satu_pelaksana_tugas_per_formasi",
    "jabatan_usulan.formasi_id, jabatan_usulan.pegawai_id": "usulan_satu_per_pegawai_formasi",
    "jabatan_usulan.formasi_id, jabatan_usulan.urutan": "usulan_tiga_slot_per_formasi",
    "jabatan_suksesor.formasi_id, jabatan_suksesor.pegawai_id": (
        "suksesor_satu_per_pegawai_formasi"
    ),
    "jabatan_suksesor.formasi_id, jabatan_suksesor.urutan": "suksesor_urutan_unik_per_formasi",
}


def _nama_constraint(exc: IntegrityError) -> str:
    """The name of the jabatan constraint `exc` violated ("" when none of ours is named)."""
    text = str(exc)
    if text.startswith("UNIQUE constraint failed: "):
        name = _SQLITE_UNIQUE.get(text.removeprefix("UNIQUE constraint failed: "), "")
        text = f"{text} {name}"
    return next((name for name in _CONSTRAINT_ERRORS if name in text), "")


def _integrity_to_validation(exc: IntegrityError) -> ValidationError:
    text = str(exc)
    if name := _nama_constraint(exc):
        field, message = _CONSTRAINT_ERRORS[name]
        return ValidationError({field: ValidationError(message, code=name)})
    # SQLite names no CHECK constraint in a trigger-raised error; the quota is the only
    # CHECK a placement insert can trip.
    if "CHECK constraint failed" in text:
        field, message = _CONSTRAINT_ERRORS["formasi_terisi_tidak_melebihi_kuota"]
        return ValidationError({field: message}, code="formasi_penuh")
    raise exc
