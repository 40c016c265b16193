"""Reads for employee pages, already scoped to the user (pegawai.akses)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch

from pegawai.akses import pegawai_id_sendiri
from pegawai.models import Pegawai


def pegawai_diri(user: User | AnonymousUser) -> Pegawai:
    """Return the user's own employee record with everything the self-service page prints
    (PermissionDenied for an account without one)."""
    pegawai_id = pegawai_id_sendiri(user)
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
