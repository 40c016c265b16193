"""Rebuild or check the merit projection (jabatan.IndeksMerit)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.audit import record_operation
from jabatan import indeks
from jabatan.models import IndeksMerit


class Command(BaseCommand):
    help = (
        "Bangun ulang indeks merit (satu baris per pegawai untuk peringkat), mis. setelah "
        "loaddata atau impor massal; --periksa hanya membandingkan dengan data asli."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--periksa", action="store_true", help="Periksa saja; gagal bila ada yang berbeda."
        )
        parser.add_argument(
            "--jendela",
            action="store_true",
            help="Bangun ulang hanya baris yang JP jendelanya dari tahun lain (setelah tahun "
            "berganti; tugas harian).",
        )

    def _laporan(self, selesai: int, total: int) -> None:
        self.stdout.write(f"  {selesai:,} / {total:,} pegawai".replace(",", "."))
        self.stdout.flush()

    def handle(self, *args, **options) -> None:
        if options["periksa"]:
            beda = indeks.selisih()
            if beda:
                raise CommandError(
                    f"{len(beda)} baris indeks merit berbeda dari data asli, mis. pegawai id "
                    f"{', '.join(map(str, beda[:10]))}. Jalankan manage.py indeks_merit."
                )
            self.stdout.write(self.style.SUCCESS("Indeks merit sesuai dengan data asli."))
            return
        if options["jendela"]:
            # The ranking stays right for these rows (it sums their IndeksJp rows), only slower.
            ids = indeks.jendela_basi()
            n = indeks.index_refresh(ids) if ids else 0
            if n:
                record_operation(IndeksMerit, "indeks_merit: jendela JP", {"pegawai": n})
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indeks merit: {n} baris dengan JP jendela lain dibangun ulang."
                )
            )
            return
        mulai = time.perf_counter()
        n = indeks.index_refresh(laporan=self._laporan)
        record_operation(IndeksMerit, "indeks_merit: bangun ulang", {"pegawai": n})
        self.stdout.write(
            self.style.SUCCESS(
                f"Indeks merit dibangun ulang: {n} pegawai dalam "
                f"{time.perf_counter() - mulai:.1f} detik."
            )
        )
