"""`manage.py prune_progres [--hari 7]`: delete old progress rows of finished tasks.

A `Progres` row keeps its export file in the row (tugas.models.Progres.berkas), so deleting the
row deletes the file: exports of personal data do not stay in the database for ever. Run it
beside django-tasks-db's `prune_db_task_results` (deploy/systemd/mataram-asn-bersih.service).
Rows still queued or running are left alone, but tasks whose worker died are first marked
failed (tugas.yatim), and heartbeats of workers gone for longer than the same age are removed.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tugas.models import Detak, Progres
from tugas.yatim import tandai_yatim


class Command(BaseCommand):
    help = "Delete progress rows (and their export files) of tasks finished more than N days ago."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--hari",
            type=int,
            default=7,
            help="Keep tasks finished within this many days (default 7).",
        )

    def handle(self, *, hari: int, **options) -> None:
        if hari < 0:
            raise CommandError("--hari harus 0 atau lebih.")
        yatim = tandai_yatim()
        batas = timezone.now() - timedelta(days=hari)
        n, _ = (
            Progres.objects.exclude(status__in=Progres.AKTIF).filter(updated_at__lt=batas).delete()
        )
        d, _ = Detak.objects.filter(terakhir__lt=batas).delete()
        self.stdout.write(
            f"{yatim} tugas yatim ditandai gagal; {n} progres dihapus; "
            f"{d} detak worker lama dihapus."
        )
