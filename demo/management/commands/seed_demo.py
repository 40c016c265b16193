"""Build a realistic Kota Mataram: units, positions, posts, employees with histories, placements."""

from __future__ import annotations

import time
from datetime import date

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from demo.generator import Generator
from demo.publik import SeleksiDemo
from demo.sistem_merit import SistemMeritDemo
from demo.suksesi import SuksesiDemo
from demo.tabel import hapus_semua
from jabatan import indeks
from jabatan.models import IndeksMerit, Penempatan
from kinerja.models import Skp
from pegawai import projection
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Akses, Pegawai, UnitKerja
from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT

# Demo logins, one per role (README lists them). Demo only: never seed a production database.
DEMO_USERS = [
    # (username, password, group)
    ("admin.bkpsdm", "demo-bkpsdm-2026", ADMIN_BKPSDM),
    ("pimpinan.dikes", "demo-pimpinan-2026", PIMPINAN_UNIT),
    ("pegawai.demo", "demo-pegawai-2026", PEGAWAI),
]


class Command(BaseCommand):
    help = "Isi basis data dengan data demo Kota Mataram (deterministik untuk --seed yang sama)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pegawai", type=int, default=7000, help="Jumlah pegawai (7.000).")
        parser.add_argument("--seed", type=int, default=2026, help="Benih acak (2026).")
        parser.add_argument(
            "--tanggal",
            type=date.fromisoformat,
            default=None,
            help="Tanggal acuan YYYY-MM-DD (hari ini).",
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--reset", action="store_true", help="Hapus data pegawai dan jabatan lalu buat ulang."
        )
        group.add_argument(
            "--if-empty", action="store_true", help="Lewati tanpa galat bila data sudah ada."
        )

    def handle(self, *args, **options) -> None:
        n = options["pegawai"]
        if n < 1:
            raise CommandError("--pegawai harus minimal 1.")
        ada = Pegawai.objects.count()
        if ada or UnitKerja.objects.exists():
            if options["if_empty"]:
                self.stdout.write(f"Data sudah ada ({ada} pegawai); data demo tidak dibuat ulang.")
                if ada and not IndeksMerit.objects.exists():  # a database from before 0006
                    self.stdout.write(f"Indeks merit dibangun: {indeks.index_refresh()} pegawai.")
                self._users()
                return
            if not options["reset"]:
                raise CommandError(
                    f"Basis data sudah berisi {ada} pegawai. Jalankan dengan --reset untuk "
                    "menghapus dan membuat ulang data demo, atau --if-empty untuk melewati."
                )
        pada = options["tanggal"] or timezone.localdate()
        mulai = time.perf_counter()
        self.stdout.write(f"Membuat data demo Kota Mataram: {n} pegawai, seed {options['seed']}.")
        with transaction.atomic():
            if options["reset"]:
                hapus_semua()
            # The merit projection is rebuilt once, after the bulk load.
            with projection.deferred():
                hasil = Generator(
                    pegawai=n, seed=options["seed"], pada=pada, report=self._progress
                ).run()
                self._progress("  indeks merit (satu baris per pegawai untuk peringkat)")
            # After the projection: successors come from the talent boxes it holds.
            self._progress("  rencana suksesi formasi kunci dari talent pool")
            hasil["suksesor"] = SuksesiDemo(pada=pada, seed=options["seed"]).run()
            # After the projection too: the applicants are those the ranking finds eligible.
            self._progress("  seleksi terbuka JPT dengan pelamar yang memenuhi syarat")
            hasil["seleksi"] = SeleksiDemo(pada=pada, seed=options["seed"]).run()
            # Last: the index's evidence reads every app's data.
            self._progress("  penilaian mandiri sistem merit (tahun lalu final, tahun ini draf)")
            SistemMeritDemo(pada=pada).run()
        detik = time.perf_counter() - mulai
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai dalam {detik:.1f} detik: {hasil['unit']} unit kerja, "
                f"{hasil['jabatan']} jabatan, {hasil['formasi']} formasi, "
                f"{hasil['pegawai']} pegawai, {hasil['plt']} Plt, {hasil['skp']} SKP, "
                f"{hasil['suksesor']} calon suksesor."
            )
        )
        self._users()

    def _progress(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def _users(self) -> None:
        for username, password, group in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": group != PEGAWAI}
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=group))
            akses = self._akses(group)
            if akses:
                Akses.objects.update_or_create(user=user, defaults=akses)
            self.stdout.write(
                f"Login demo ({group}): http://127.0.0.1:8000/masuk/  "
                f"pengguna: {username}  sandi: {password}"
            )

    def _akses(self, group: str) -> dict | None:
        """Link the unit head to Dinas Kesehatan and its head; the employee to a teacher (or,
        in a demo too small to have one, to the first non-managerial employee)."""
        aktif = Penempatan.objects.aktif().definitif().select_related("formasi__unit_kerja")
        if group == PIMPINAN_UNIT:
            unit = UnitKerja.objects.filter(singkatan="Dikes", depth=1).first()
            if unit is None:
                return None
            kepala = aktif.filter(
                formasi__unit_kerja=unit, formasi__jabatan__kode="KADIS_KES"
            ).first()
            pegawai = kepala.pegawai if kepala else None
            return {"unit_kerja": unit, "pegawai": pegawai}
        if group == PEGAWAI:
            # A teacher where the demo has one; a small demo (--pegawai 150) may have none,
            # and the employee's login must still reach their own pages.
            # Preferably one whose open SKP has a plan and realisation still to fill, so the
            # employee's landing page (pegawai.saya) shows the SKP to fill.
            guru = aktif.filter(formasi__jabatan__kode__startswith="JF-GURU").order_by("pk")
            rencana_kosong = Skp.objects.filter(
                pegawai=OuterRef("pegawai"),
                periode__terbuka=True,
                status=Skp.Status.DIRENCANAKAN,
                rencana__realisasi="",
            )
            guru = guru.filter(Exists(rencana_kosong)).first() or guru.first()
            nonmanajerial = [JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA]
            siapa = (
                guru
                or aktif.filter(formasi__jabatan__jenis__in=nonmanajerial).order_by("pk").first()
            )
            return {"pegawai": siapa.pegawai} if siapa else None
        return None
