"""Admin for positions, posts and placements; adds the placements inline to the Pegawai admin.

Writes that carry rules go through `jabatan.services` (docs/desain.md): the forms call the
read-only pre-checks for field errors, `save_model` calls the service, and a service that refuses
at save time (another HR user's write came first) becomes an error message, not a 500."""

from jabatan.admin import base  # noqa: F401 (the site titles)
from jabatan.admin.jabatan import FormasiAdmin, FormasiForm, JabatanAdmin, JabatanForm, LowongFilter
from jabatan.admin.kinerja import PeriodeAdmin, buka_skp
from jabatan.admin.merit import KeputusanAdmin, ProfilMeritAdmin, SuksesorAdmin, UsulanAdmin
from jabatan.admin.penempatan import (
    HasilAsesmenJpmAdmin,
    PegawaiWithPenempatanAdmin,
    PenempatanAddForm,
    PenempatanAdmin,
    PenempatanAktifFilter,
    PenempatanChangeForm,
    PenempatanInline,
)

__all__ = [
    "FormasiAdmin",
    "FormasiForm",
    "HasilAsesmenJpmAdmin",
    "JabatanAdmin",
    "JabatanForm",
    "KeputusanAdmin",
    "LowongFilter",
    "PegawaiWithPenempatanAdmin",
    "PenempatanAddForm",
    "PenempatanAdmin",
    "PenempatanAktifFilter",
    "PenempatanChangeForm",
    "PenempatanInline",
    "PeriodeAdmin",
    "ProfilMeritAdmin",
    "SuksesorAdmin",
    "UsulanAdmin",
    "buka_skp",
]
