"""Demo succession plans (rencana suksesi): most JPT and Administrator posts, and some Pengawas
posts, name one to three successors from the talent pool (boxes 7–9, PermenPANRB 3/2020).

Runs after the merit projection is built (the talent box is read from IndeksMerit with HR's
bands, as the services do) and writes with one bulk insert: a handful of queries whatever the
number of employees. Deterministic for a seed. Successors come from the level below the post
(JPT ← Administrator or Ahli Madya, Administrator ← Pengawas, Ahli Muda or Ahli Madya,
Pengawas ← Pelaksana, Ahli Pertama or senior keterampilan), of the same perangkat daerah first,
never a holder of the post, each person in two plans at most.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import User

from jabatan import merit
from jabatan.models import MAKS_SUKSESOR, Formasi, IndeksMerit, Penempatan, Suksesor
from kinerja.models import PengaturanTalenta
from kinerja.rules import TALENT_POOL
from pegawai.jenis_jabatan import JenisJabatan as J
from pegawai.jenis_jabatan import Jenjang as Jg

# Share of the posts of each kind with a plan, and the posts their successors hold now: a kind,
# or a fungsional level at the same step (PermenPANRB 17/2021 equates Administrator with Ahli
# Madya and Pengawas with Ahli Muda; docs/aturan.md §1 and §5).
BAGIAN = {J.JPT_MADYA: 0.9, J.JPT_PRATAMA: 0.9, J.ADMINISTRATOR: 0.8, J.PENGAWAS: 0.35}
DARI = {
    J.JPT_MADYA: (J.JPT_PRATAMA, J.ADMINISTRATOR),
    J.JPT_PRATAMA: (J.ADMINISTRATOR, Jg.AHLI_MADYA),
    J.ADMINISTRATOR: (J.PENGAWAS, Jg.AHLI_MUDA, Jg.AHLI_MADYA),
    J.PENGAWAS: (J.PELAKSANA, Jg.AHLI_PERTAMA, Jg.MAHIR, Jg.PENYELIA),
}
PALING_BANYAK_PER_ORANG = 2
CATATAN = [
    "",
    "",
    "Perlu mengikuti pelatihan kepemimpinan jenjang jabatan ini.",
    "Rotasi ke bidang lain untuk memperluas pengalaman.",
    "Mentoring oleh pemangku jabatan.",
    "Penugasan sebagai Plh saat pemangku cuti.",
]
ALASAN_BERAKHIR = [
    "Mutasi ke perangkat daerah lain.",
    "Tidak lagi masuk kelompok rencana suksesi setelah penilaian kinerja tahunan.",
    "Diangkat pada jabatan lain.",
]
MODELS = [Suksesor]


def _opd(path: str) -> str:
    """The perangkat daerah of a unit path ("1/5/23/": the city 1, then the OPD 5)."""
    return "/".join(path.split("/")[:2])


class SuksesiDemo:
    def __init__(self, *, pada: date, seed: int) -> None:
        self.pada, self.rng = pada, random.Random(seed * 13 + 5)

    def _oleh(self) -> User:
        user, _ = User.objects.get_or_create(
            username="sistem-demo", defaults={"is_active": False, "first_name": "Sistem"}
        )
        return user

    def _pool(self) -> tuple[dict, dict]:
        """Active PNS in boxes 7–9 as (id, box), by (post held now, perangkat daerah) and by
        post (the kind, or the level of a fungsional post): two queries."""
        jenjang = dict(
            Penempatan.objects.aktif()
            .definitif()
            .filter(formasi__jabatan__jenis=J.FUNGSIONAL)
            .values_list("pegawai_id", "formasi__jabatan__jenjang")
        )
        pengaturan = PengaturanTalenta.aktif()
        pita = (pengaturan.pita_kinerja, pengaturan.pita_potensial)
        per_opd: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        per_jenis: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pid, p1, p2, jpm, jenis, path in (
            IndeksMerit.objects.filter(aktif=True, status="PNS", jpm_sen__isnull=False)
            .exclude(predikat_1="")
            .order_by("pegawai_id")
            .values_list(
                "pegawai_id",
                "predikat_1",
                "predikat_2",
                "jpm_sen",
                "jabatan_kini",
                "pegawai__unit_kerja__path",
            )
        ):
            kotak = merit.kotak_dari([p for p in (p1, p2) if p], Decimal(jpm).scaleb(-2), *pita)
            if kotak in TALENT_POOL:
                jenis = jenjang.get(pid, jenis) if jenis == J.FUNGSIONAL else jenis
                per_opd[(jenis, _opd(path))].append((pid, kotak))
                per_jenis[jenis].append((pid, kotak))
        return per_opd, per_jenis

    def run(self) -> int:
        rng, oleh = self.rng, self._oleh()
        per_opd, per_jenis = self._pool()
        pemangku = set(
            Penempatan.objects.aktif().definitif().values_list("formasi_id", "pegawai_id")
        )
        kunci = list(
            Formasi.objects.filter(jabatan__jenis__in=list(BAGIAN), jabatan__aktif=True)
            .order_by("pk")
            .values_list("pk", "jabatan__jenis", "unit_kerja__path")
        )
        dipakai: dict[int, int] = defaultdict(int)
        rows: list[Suksesor] = []
        for formasi_id, jenis, path in kunci:
            if rng.random() >= BAGIAN[jenis]:
                continue
            # Same perangkat daerah first; else a sample of the city's pool.
            calon = [c for j in DARI[jenis] for c in per_opd.get((j, _opd(path)), ())]
            if not calon:
                kota = [c for j in DARI[jenis] for c in per_jenis.get(j, ())]
                calon = rng.sample(kota, min(len(kota), 40))
            urut = [
                c
                for c in calon
                if dipakai[c[0]] < PALING_BANYAK_PER_ORANG and (formasi_id, c[0]) not in pemangku
            ]
            n = min(len(urut), rng.choices((1, 2, 3), weights=(3, 4, 3))[0], MAKS_SUKSESOR)
            dipilih = sorted(rng.sample(urut, n), key=lambda c: -c[1]) if n else []
            for urutan, (pid, kotak) in enumerate(dipilih, start=1):
                dipakai[pid] += 1
                rows.append(self._baris(formasi_id, pid, kotak, urutan, oleh))
            if dipilih and rng.random() < 0.08 and len(urut) > n:
                # A successor removed earlier: the plan's history.
                pid, kotak = next(c for c in urut if c not in dipilih)
                lama = self._baris(formasi_id, pid, kotak, n, oleh, hari=(400, 700))
                lama.aktif, lama.alasan_berakhir = False, rng.choice(ALASAN_BERAKHIR)
                rows.append(lama)
        Suksesor.objects.bulk_create(rows, batch_size=2000)
        return len(rows)

    def _baris(
        self,
        formasi_id: int,
        pid: int,
        kotak: int,
        urutan: int,
        oleh: User,
        hari: tuple[int, int] = (20, 380),
    ) -> Suksesor:
        rng = self.rng
        K = Suksesor.Kesiapan
        bobot = (5, 4, 1) if kotak == 9 else (2, 5, 3)
        kesiapan = rng.choices((K.SIAP_SEKARANG, K.SIAP_1_2_TAHUN, K.SIAP_3_TAHUN), bobot)[0]
        return Suksesor(
            formasi_id=formasi_id,
            pegawai_id=pid,
            kesiapan=kesiapan,
            urutan=urutan,
            tanggal_penetapan=self.pada - timedelta(days=rng.randint(*hari)),
            catatan=rng.choice(CATATAN),
            ditetapkan_oleh=oleh,
        )
