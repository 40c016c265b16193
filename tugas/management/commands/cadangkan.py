"""`manage.py cadangkan [--ke FOLDER]`: back up the database and the uploaded files into one
dated archive (tugas.cadangan)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tugas.cadangan import CadanganGagal, cadangkan


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT into mataram-asn-YYYYMMDD-HHMMSS.tar."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--ke",
            type=Path,
            default=None,
            help="Folder for the archive (default: BACKUP_DIR).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *, ke: Path | None, database: str, **options) -> None:
        try:
            arsip = cadangkan(ke or Path(settings.BACKUP_DIR), database)
        except (CadanganGagal, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(arsip))
