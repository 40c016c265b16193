"""Permissions the roles hold on the performance evaluation (assembled into groups by `peran`;
see pegawai/roles.py).

HR opens periods, enters organisational performance, sets the talent bands and reassigns
evaluators; ratings are given on the SKP pages by the evaluator, not through the admin.
"""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT

IZIN: dict[str, list[str]] = {
    ADMIN_BKPSDM: [
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
        # Opening a period's SKPs for every employee (the period admin's action).
        "kinerja.add_skp",
        "kinerja.change_skp",
        "kinerja.view_revisiskp",
    ],
    PIMPINAN_UNIT: [
        "kinerja.view_periode",
        "kinerja.view_kinerjaorganisasi",
        "kinerja.view_skp",
        "kinerja.view_revisiskp",
    ],
    PEGAWAI: [],
}
