"""`manage.py survei_pegawai_rekap`: complete the employees' survey periods that have closed.

A period's results are read only once every pending questionnaire has been moved into the
anonymous responses (survei.pegawai.services.periode_survei_pegawai_finish); closing it by its
date, not by HR's button, leaves that to this command, run daily by the periodic clean-up
(deploy/systemd/mataram-asn-bersih.service). It also flushes the units of open periods whose
queued flush was lost.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from survei.pegawai.services import survei_pegawai_rekap


class Command(BaseCommand):
    help = "Complete closed periods of the employees' survey and flush units with enough answers."

    def handle(self, **options) -> None:
        n = survei_pegawai_rekap()
        self.stdout.write(f"{n} jawaban survei pegawai dipindahkan ke respons.")
