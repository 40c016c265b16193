"""Load a new merit-system instrument from a data file (format: docs/sistem-merit.md)."""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sistem_merit import muat


class Command(BaseCommand):
    help = "Muat instrumen penilaian sistem merit dari berkas JSON (format: docs/sistem-merit.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", type=Path, help="Berkas JSON instrumen.")

    def handle(self, *args, **options) -> None:
        berkas: Path = options["berkas"]
        try:
            data = muat.read_file(berkas)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{berkas}: tidak dapat dibaca sebagai JSON ({exc}).") from exc
        try:
            with transaction.atomic():
                dimuat = muat.load(data, apps)
        except (KeyError, ValueError) as exc:
            raise CommandError(f"{berkas}: {exc}; tidak ada yang disimpan.") from exc
        if not dimuat:
            raise CommandError(
                f"Instrumen {data['kode']} sudah ada; barisnya milik BKPSDM dan tidak ditimpa. "
                "Ubah lewat admin, atau beri kode baru."
            )
        self.stdout.write(self.style.SUCCESS(f"Instrumen {data['kode']} dimuat."))
