"""Reads for employee pages, already scoped to the user (pegawai.akses)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch

from pegawai.akses import lingkup
from pegawai.models import Pegawai


def pegawai_diri(user: User | AnonymousUser) -> Pegawai | None:
    """Return the user's own employee record with everything the self-service page prints."""
    pegawai_id = lingkup(user).pegawai_id
    if pegawai_id is None:
        return None
    # Placements are read through the reverse accessor (shared/DESIGN.md): no jabatan import.
    penempatan = Pegawai._meta.get_field("penempatan").related_model
    return (
        Pegawai.objects.select_related("unit_kerja", "bidang_studi")
        .prefetch_related(
            Prefetch(
                "penempatan",
                queryset=penempatan.objects.select_related(
                    "formasi__jabatan", "formasi__unit_kerja"
                ),
            ),
            "riwayat_pangkat",
            "riwayat_pendidikan",
            "hukuman_disiplin",
            "asesmen",
        )
        .get(pk=pegawai_id)
    )
