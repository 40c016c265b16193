"""`manage.py pulihkan ARSIP [--timpa]`: restore a backup made by `cadangkan` into the configured
database and MEDIA_ROOT, and check every table's row count against the archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tugas.cadangan import CadanganGagal, pulihkan


class Command(BaseCommand):
    help = "Restore a backup archive (database and MEDIA_ROOT), then check the row counts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("arsip", type=Path)
        parser.add_argument(
            "--timpa",
            action="store_true",
            help="Overwrite a database that already holds tables (default: refuse).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *, arsip: Path, timpa: bool, database: str, **options) -> None:
        try:
            hasil = pulihkan(arsip, database, timpa=timpa)
        except (CadanganGagal, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Dipulihkan: {hasil.tabel} tabel, {hasil.baris} baris (cocok dengan manifest), "
            f"{hasil.berkas} berkas media."
        )
