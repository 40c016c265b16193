"""Demo self-assessments of the merit-system index: last year's against PermenPANRB 40/2018,
final (in band II Kurang, as Kota Mataram is not among NTB's agencies published as "Baik":
../shared/domain/MERIT_INDEX.md), and this year's against PermenPANRB 19/2025, a draft with its
evidence computed from the seeded data and most levels set (aspect 5 left for HR to review; no
employees' survey yet, so it cannot be finalised).

Runs after everything else is seeded (the evidence reads every app) through the same services
HR uses. The levels of the final one are an example, said so in each reason."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.db.models import F
from django.db.models.functions import Mod

from jabatan.models import Formasi, Jabatan
from pegawai.jenis_jabatan import MANAJERIAL
from sistem_merit import services
from sistem_merit.models import DokumenBukti, Instrumen, JawabanKriteria, Penilaian

MODELS = [DokumenBukti, JawabanKriteria, Penilaian]

# 40/2018 by aspect number: 6×2 + 6×2 + 20×3 + 10×2 + 20×2 + 15×2 + 4×1 + 19×3 = 235 (II Kurang)
LEVEL_2018 = {1: 2, 2: 2, 3: 3, 4: 2, 5: 2, 6: 2, 7: 1, 8: 3}
# 19/2025's criteria HR records by hand, by aspect number; aspect 5 (work culture) is left for
# HR to review, so the draft shows open criteria. Evidenced criteria take their proposal.
LEVEL_2025 = {1: 2, 2: 1, 3: 2, 4: 2, 6: 2, 7: 2, 8: 1}
ALASAN = "Data demo: contoh level penilaian mandiri, bukan penilaian Kota Mataram yang sebenarnya."


class SistemMeritDemo:
    def __init__(self, *, pada: date) -> None:
        self.pada = pada

    def documents(self) -> None:
        """Record the documents the index reads: the decree setting the competency standard of
        seven in ten managerial positions, and the job and workload analysis of about nine in
        ten posts (deterministic by id), dated last year."""
        tahun_lalu = self.pada.year - 1
        Jabatan.objects.annotate(m=Mod(F("pk"), 10)).filter(jenis__in=MANAJERIAL, m__lt=7).update(
            skj_nomor=f"800.1.2/{tahun_lalu}/BKPSDM", skj_tanggal=date(tahun_lalu, 6, 2)
        )
        Formasi.objects.annotate(m=Mod(F("pk"), 20)).filter(m__lt=17).update(
            anjab_abk_nomor=f"061/ORG/{tahun_lalu}", anjab_abk_tanggal=date(tahun_lalu, 11, 14)
        )

    def run(self) -> int:
        """Create the two assessments; return how many."""
        self.documents()
        if connection.vendor == "postgresql":
            # The seed's tables are new to the planner: give it their sizes before the
            # evidence queries run (ANALYZE may run inside the seed's transaction).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        lama = Instrumen.objects.get(kode="permenpanrb-40-2018")
        baru = Instrumen.objects.get(kode="permenpanrb-19-2025")
        tahun_lalu = self.pada.year - 1
        final = services.penilaian_create(
            instrumen=lama, tahun=tahun_lalu, tanggal_data=date(tahun_lalu, 12, 31), oleh=None
        )
        services.evidence_compute(penilaian=final)
        for j in final.jawaban.select_related("kriteria__aspek"):
            level = LEVEL_2018[j.kriteria.aspek.nomor]
            alasan = "" if level == j.level_usulan else ALASAN
            services.jawaban_set_level(jawaban=j, level=level, alasan=alasan, oleh=None)
        services.penilaian_finalise(penilaian=final, oleh=None)
        draf = services.penilaian_create(
            instrumen=baru, tahun=self.pada.year, tanggal_data=self.pada, oleh=None
        )
        services.evidence_compute(penilaian=draf)
        for j in draf.jawaban.select_related("kriteria__aspek"):
            if j.level_usulan is not None:
                level, alasan = j.level_usulan, ""
            elif j.kriteria.aspek.nomor in LEVEL_2025:
                level, alasan = LEVEL_2025[j.kriteria.aspek.nomor], ALASAN
            else:
                continue
            services.jawaban_set_level(jawaban=j, level=level, alasan=alasan, oleh=None)
        return 2
