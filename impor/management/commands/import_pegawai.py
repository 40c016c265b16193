"""manage.py import_pegawai FILE [--dry-run] [--sebagian] [--tolak FILE]: the same run as the
pages, with a progress bar on the terminal. A run that rejects rows says why: the first rejected
rows (row, column, reason) and where the full list goes (--tolak)."""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from impor import proses, read

TAMPIL_TOLAK = 20  # rejected rows printed; --tolak writes them all


class Command(BaseCommand):
    help = "Impor data pegawai dari berkas SIASN (JSON) atau lembar kerja (XLSX/CSV)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("berkas")
        parser.add_argument(
            "--dry-run", action="store_true", help="Pratinjau saja, tanpa menyimpan."
        )
        parser.add_argument(
            "--sebagian",
            action="store_true",
            help="Impor baris yang sah saja (bukan semua atau tidak).",
        )
        parser.add_argument("--tolak", help="Tulis baris yang ditolak ke berkas CSV ini.")
        parser.add_argument(
            "--oleh",
            help="Nama pengguna petugas BKPSDM yang menerapkan impor (wajib untuk riwayat "
            "pelatihan dan revisi SKP, yang dicatat atas namanya).",
        )

    def handle(self, *args, **opts) -> None:
        path = Path(opts["berkas"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ada.")
        data = path.read_bytes()
        try:
            fmt = read.check_file(path.name, "", data)
        except read.BerkasDitolak as exc:
            raise CommandError(exc.pesan) from exc
        oleh = None
        if opts.get("oleh"):
            from django.contrib.auth import get_user_model

            oleh = get_user_model().objects.filter(username=opts["oleh"]).first()
            if oleh is None:
                raise CommandError(f"Pengguna {opts['oleh']} tidak ada.")
        mulai = time.monotonic()
        tty = sys.stderr.isatty()

        def maju(selesai: int, total: int) -> None:
            lebar = 40
            isi = int(lebar * selesai / total) if total else lebar
            baris = f"\r[{'#' * isi}{'.' * (lebar - isi)}] {selesai}/{total}"
            if tty or selesai == total:
                self.stderr.write(baris, ending="\n" if selesai == total else "")
                self.stderr.flush()

        try:
            r = proses.jalankan(
                data,
                fmt,
                terapkan=not opts["dry_run"],
                sebagian=opts["sebagian"],
                sumber=f"{path.name} sha256:{hashlib.sha256(data).hexdigest()}",
                maju=maju,
                oleh=oleh,
            )
        except read.BerkasDitolak as exc:
            raise CommandError(exc.pesan) from exc
        except proses.DibatalkanAdaGalat:
            r = proses.jalankan(data, fmt)
            self._tolak(r, opts)
            raise CommandError(
                f"Tidak ada yang disimpan: {r.tolak} baris ditolak (alasannya di atas; "
                "gunakan --sebagian untuk mengimpor baris yang sah saja)."
            ) from None
        if not opts["dry_run"]:
            from core.audit import record_operation
            from impor.models import Impor

            log = record_operation(
                Impor,
                "impor_pegawai",
                {
                    "baris": r.total,
                    "baru": r.baru,
                    "berubah": r.ubah,
                    "tetap": r.sama,
                    "ditolak": r.tolak,
                    "penempatan": r.penempatan,
                },
            )
            log.additional_data = {
                **log.additional_data,
                "berkas": path.name,
                "checksum": hashlib.sha256(data).hexdigest(),
            }
            log.save(update_fields=["additional_data"])
        self._tolak(r, opts)
        self.stdout.write(
            f"{'Pratinjau' if opts['dry_run'] else 'Impor'}: {r.total} baris, {r.baru} baru, "
            f"{r.ubah} berubah, {r.sama} tetap, {r.tolak} ditolak "
            f"({time.monotonic() - mulai:.1f} s)."
        )
        for key, c in r.riwayat_rinci.items():
            self.stdout.write(
                f"  {key}: {c['baru']} baru, {c['ubah']} berubah, {c['sama']} tetap"
                + (f", {c['kini']} jabatan saat ini (dari data utama)" if c["kini"] else "")
            )
        if r.diabaikan:
            self.stdout.write(f"  dibaca tetapi tidak dipakai: {', '.join(r.diabaikan)}")
        for kode, (nama, n) in r.unit_asing.items():
            self.stdout.write(f"  unit SIASN belum dipetakan: {kode} {nama} ({n} baris)")
        for kode, (nama, n) in r.jabatan_asing.items():
            self.stdout.write(f"  jabatan SIASN belum dipetakan: {kode} {nama} ({n} baris)")

    def _tolak(self, r, opts) -> None:
        """Print the first rejected rows and write them all to --tolak, or say how to."""
        if not r.tolak:
            return
        self.stdout.write(f"Baris ditolak ({r.tolak}):")
        for g in r.ditolak[:TAMPIL_TOLAK]:
            self.stdout.write(f"  baris {g['baris']}, kolom {g['kolom'] or '-'}: {g['alasan']}")
        if len(r.ditolak) > TAMPIL_TOLAK:
            self.stdout.write(f"  ... dan {len(r.ditolak) - TAMPIL_TOLAK} galat lainnya.")
        if opts.get("tolak"):
            Path(opts["tolak"]).write_text(r.berkas_tolak, encoding="utf-8")
            self.stdout.write(f"Semua baris ditolak beserta alasannya: {opts['tolak']}")
        else:
            self.stdout.write(
                "Tulis semua baris ditolak beserta alasannya ke berkas CSV dengan --tolak BERKAS."
            )
