"""Permissions the roles hold on the public satisfaction survey (assembled into groups by
`peran`; see pegawai/roles.py).

HR marks service units, reads responses, moderates comments and registers counter kiosks; unit
heads read their units' results on the survey dashboard (survei.views), not in the admin.
"""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT

IZIN: dict[str, list[str]] = {
    ADMIN_BKPSDM: [
        # Marking service units, reading responses, moderating comments.
        "survei.view_unitlayanan",
        "survei.add_unitlayanan",
        "survei.change_unitlayanan",
        "survei.view_responskm",
        "survei.view_komentarskm",
        "survei.change_komentarskm",
        # Counter kiosks: each questionnaire from one counts as its own network.
        "survei.view_kiosskm",
        "survei.add_kiosskm",
        "survei.change_kiosskm",
        # The employees' survey: opening and closing periods, editing the questionnaire.
        "survei.view_periodesurveipegawai",
        "survei.add_periodesurveipegawai",
        "survei.change_periodesurveipegawai",
        "survei.view_butirsurveipegawai",
        "survei.add_butirsurveipegawai",
        "survei.change_butirsurveipegawai",
    ],
    PIMPINAN_UNIT: [],
    PEGAWAI: [],
}
