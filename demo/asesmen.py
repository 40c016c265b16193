"""Repeat competency assessments for the demo, so "did the training work?" has figures.

BKPSDM re-assesses a share of the employees it mapped before the last full training year: most
of those who have since completed a program developing some competencies (pelatihan
ProgramKompetensi), and a comparable share of those who have not. The second assessment falls
in the current year, after the training; its levels move from the first one plausibly: on a
competency a completed program develops, up one level more often (most often when the program
aims above the employee's level), elsewhere mostly unchanged, rarely down; levels stay 1–5
(PermenPANRB 38/2017). Its JPM is left to jabatan's service (asesmen_compute_jpm_bulk, which
the generator calls for every assessment once all are written).

Rows only, through the seed's bulk loader; deterministic for the seed (its own generator, drawn
from the seed's after every other part, so the rest of the demo is unchanged). The merit
projection's rebuild (seed_demo, after the generator) then reads these as the latest.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from pegawai.kompetensi import KODE, LEVEL_MAX, LEVEL_MIN
from pegawai.models import HasilAsesmen
from pelatihan.models import Peserta, ProgramKompetensi

# Share re-assessed among those assessed before the last full training year.
ULANG_PESERTA = 0.6  # completed a competency program since the first assessment
ULANG_LAINNYA = 0.5  # did not
# (chance up one level, chance down one level) of one competency between the two assessments.
GERAK_DIKEMBANGKAN = (0.45, 0.03)  # a completed program develops it, aiming above the level
GERAK_SUDAH_SETARA = (0.15, 0.04)  # a completed program develops it, at or below the level
GERAK_LAIN = (0.1, 0.05)  # no completed program develops it
JARAK_MINIMAL = timedelta(days=365)  # BKPSDM does not re-assess within a year
ASESOR = "UPT Penilaian Kompetensi BKD Provinsi NTB"


class AsesmenDemo:
    def __init__(self, *, gen) -> None:
        self.gen = gen
        self.rng = random.Random(gen.rng.random())
        self.pada: date = gen.pada

    def run(self) -> int:
        """Write the repeat assessments; return how many (three reads, one bulk write)."""
        rng, pada = self.rng, self.pada
        batas = date(pada.year - 1, 1, 1)  # first assessed before the last full training year
        mulai, akhir = date(pada.year, 1, 15), pada - timedelta(days=14)
        sebelum = HasilAsesmen.objects.filter(tanggal__lt=batas)
        pertama: dict[int, tuple[date, list[int]]] = {}
        for pid, tanggal, *nilai in sebelum.order_by("pegawai_id", "tanggal", "pk").values_list(
            "pegawai_id", "tanggal", *KODE
        ):
            pertama[pid] = (tanggal, nilai)  # the latest before the year, if several
        if not pertama or mulai > akhir:
            return 0
        target: dict[int, dict[str, int]] = defaultdict(dict)
        for prog, kode, level in ProgramKompetensi.objects.values_list(
            "program_id", "kode", "level"
        ):
            target[prog][kode] = level
        # employee -> [(certificate date, {competency: the program's target level})]
        lulus: dict[int, list[tuple[date, dict[str, int]]]] = defaultdict(list)
        for pid, prog, tanggal in (
            Peserta.objects.filter(
                status=Peserta.Status.LULUS,
                sesi__program_id__in=list(target),
                pegawai_id__in=sebelum.values("pegawai_id"),
            )
            .order_by("pegawai_id", "tanggal_sertifikat", "pk")
            .values_list("pegawai_id", "sesi__program_id", "tanggal_sertifikat")
        ):
            lulus[pid].append((tanggal, target[prog]))
        rows = []
        for pid in sorted(pertama):
            tanggal, nilai = pertama[pid]
            lo = max(mulai, tanggal + JARAK_MINIMAL)
            if lo > akhir:
                continue
            ikut = [(t, kom) for t, kom in lulus.get(pid, ()) if t > tanggal]
            if rng.random() >= (ULANG_PESERTA if ikut else ULANG_LAINNYA):
                continue
            # Dated after the training: a month past the last certificate, when that leaves room.
            sesudah = [t + timedelta(days=30) for t, _k in ikut]
            lo = max([lo, *(t for t in sesudah if t <= akhir)])
            baru = lo + timedelta(days=rng.randint(0, (akhir - lo).days))
            dikembangkan: dict[str, int] = {}
            for t, kom in ikut:
                if t < baru:
                    for kode, level in kom.items():
                        dikembangkan[kode] = max(level, dikembangkan.get(kode, 0))
            levels = [
                self._gerak(level, dikembangkan.get(kode))
                for kode, level in zip(KODE, nilai, strict=True)
            ]
            metode = rng.choice(
                [
                    HasilAsesmen.Metode.ASSESSMENT_CENTER,
                    HasilAsesmen.Metode.CAT,
                    HasilAsesmen.Metode.UJI_KOMPETENSI,
                ]
            )
            rows.append((self.gen._take(HasilAsesmen), pid, baru, metode, ASESOR, *levels))
        return self.gen.loader.write(
            HasilAsesmen, ["id", "pegawai", "tanggal", "metode", "asesor", *KODE], rows
        )

    def _gerak(self, level: int, target: int | None) -> int:
        """The level at the second assessment, from the first and the highest level a completed
        program aims at for this competency (None: no completed program develops it)."""
        if target is None:
            naik, turun = GERAK_LAIN
        else:
            naik, turun = GERAK_DIKEMBANGKAN if target > level else GERAK_SUDAH_SETARA
        r = self.rng.random()
        if r < naik:
            level += 1
        elif r < naik + turun:
            level -= 1
        return min(LEVEL_MAX, max(LEVEL_MIN, level))
