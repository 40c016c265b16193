"""`manage.py prune_jaringan_skm`: replace the survey's network keys of closed years by counts.

The keys (survei.models.JaringanSkm) are needed only while a year's published figures can still
change; from the day its fourth quarter is published they become counts per quarter pattern
(survei.models.RekapJaringanSkm) and the keys are deleted
(survei.services.jaringan_skm_summarize). Run daily by the periodic clean-up
(deploy/systemd/mataram-asn-bersih.service).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from survei.services import jaringan_skm_summarize


class Command(BaseCommand):
    help = "Replace the survey's respondent-network keys of closed years by their counts."

    def handle(self, **options) -> None:
        n = jaringan_skm_summarize()
        self.stdout.write(f"{n} kunci jaringan survei diganti rekap.")
