"""Build the Kota Mataram demo data set and load it in bulk (COPY on PostgreSQL).

Deterministic for a given seed and reference date. Rows are generated as plain tuples with
explicit ids and streamed in chunks, so 1,000,000 employees need neither model instances nor
one round trip per row.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone
from faker import Faker

from core.bulk import BulkWriter, next_free_id
from demo import data
from demo.asesmen import AsesmenDemo
from demo.catalogue import SEMUA, STRUKTURAL
from demo.kedudukan import kedudukan_hukum
from demo.kinerja import KinerjaDemo, Orang
from demo.orang import Kursi, PegawaiDemo, Rows
from demo.pelatihan import PelatihanDemo
from demo.publik import PublikDemo
from demo.structure import Unit, build
from demo.tabel import reset_sequences
from jabatan.models import Formasi, Jabatan, Penempatan
from jabatan.rules import atasan_langsung
from jabatan.services import asesmen_compute_jpm_bulk
from pegawai import golongan as gol
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE
from pegawai.models import (
    BidangStudi,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
    RumpunIlmu,
    UnitKerja,
    UrusanPemerintahan,
)

# Where a structural official's predecessor may have gone up to (demo.generator._riwayat).
NAIK = {
    JenisJabatan.PENGAWAS: JenisJabatan.ADMINISTRATOR,
    JenisJabatan.ADMINISTRATOR: JenisJabatan.JPT_PRATAMA,
}
RASIO_TERISI = 0.95  # share of seats filled (the issue: "placements that fill about 95% of posts")
CHUNK = 20_000


@dataclass
class Progress:
    report: Callable[[str], None]
    total: int
    done: int = 0

    def step(self, n: int) -> None:
        self.done += n
        pct = 100 * self.done // max(1, self.total)
        self.report(f"  pegawai {self.done:,}/{self.total:,} ({pct}%)".replace(",", "."))


class Generator(PegawaiDemo):
    def __init__(self, *, pegawai: int, seed: int, pada: date, report: Callable[[str], None]):
        self.n = pegawai
        self.rng = random.Random(seed)
        self.pada = pada
        self.report = report
        self.loader = BulkWriter()
        faker = Faker("id_ID")
        faker.seed_instance(seed)
        self.nama_l = sorted({faker.first_name_male() for _ in range(1500)})
        self.nama_p = sorted({faker.first_name_female() for _ in range(1500)})
        self.belakang_l = sorted({faker.last_name_male() for _ in range(1500)})
        self.belakang_p = sorted({faker.last_name_female() for _ in range(1500)})
        self.nip_seq: dict[tuple, int] = {}
        self.orang: list[Orang] = []
        self.kini: dict[str, list[tuple[int, date, date]]] = {}  # kind -> (id, post start, entry)
        self.pemangku: dict[int, tuple[int, date]] = {}  # id(structural seat) -> (holder, start)
        # unit id -> (head's id, their post's minimum rank): the unit's highest structural post
        self.kepala: dict[int, tuple[int, int]] = {}
        self.bidang_id: dict[str, int] = {}
        self.urusan_unit: dict[int, str] = {}  # unit id -> affair code (inherited), "" none
        self.ids = {
            m: next_free_id(m)
            for m in (
                Pegawai,
                RiwayatPangkat,
                RiwayatPendidikan,
                HukumanDisiplin,
                HasilAsesmen,
                Penempatan,
            )
        }

    # ---------------------------------------------------------------- reference tables
    def run(self) -> dict[str, int]:
        units = self._units()
        jabatan_id = self._jabatan()
        kursi = self._formasi(units, jabatan_id)
        terisi = self._pilih_kursi(kursi)
        progress = Progress(self.report, len(terisi))
        struktural_opd: dict[int, list[tuple[int, int]]] = {}
        for start in range(0, len(terisi), CHUNK):
            rows = Rows()
            for k in terisi[start : start + CHUNK]:
                pid, urut = self._pegawai(k, rows)
                if k.posisi.kode in STRUKTURAL and k.unit.opd:
                    struktural_opd.setdefault(k.unit.opd.id, []).append((pid, urut))
            self._flush(rows)
            progress.step(len(terisi[start : start + CHUNK]))
        lowong_sejak = self._riwayat(kursi, terisi)
        self._formasi_ditetapkan()
        plt = self._plt(kursi, set(id(k) for k in terisi), struktural_opd, lowong_sejak)
        self.report("  penilaian kinerja (SKP) dua tahun terakhir dan tahun berjalan")
        induk = {u.id: (u.parent.id if u.parent else None) for u in units}
        setda = next((u.id for u in units if u.singkatan == "Setda"), None)
        sekda = self.kepala.get(setda, (None,))[0] if setda else None
        atasan = atasan_langsung(
            ((o.id, o.unit_id) for o in self.orang),
            {unit: head for unit, (head, _rank) in self.kepala.items()},
            induk,
            sekda,
        )
        skp = KinerjaDemo(gen=self, orang=self.orang, atasan=atasan).run()
        self.report("  katalog pelatihan, sesi dan peserta dua tahun terakhir")
        pelatihan = PelatihanDemo(gen=self, orang=self.orang).run()
        self.report("  layanan publik: unit layanan, survei kepuasan, keputusan pengisian")
        PublikDemo(pada=self.pada, seed=self.rng.randint(0, 10**6)).run()
        self.report("  asesmen ulang kompetensi sesudah pelatihan")
        asesmen_ulang = AsesmenDemo(gen=self).run()
        # Every assessment's JPM through the one service, against the post held now (before
        # the kedudukan hukum below frees some posts).
        asesmen_compute_jpm_bulk(HasilAsesmen.objects.all())
        self.report("  kedudukan hukum: tugas belajar, pemberhentian sementara, MPP")
        kedudukan = kedudukan_hukum(self)
        reset_sequences()
        return {
            "unit": len(units),
            "jabatan": len(jabatan_id),
            "formasi": len(set(k.formasi_id for k in kursi)),
            "pegawai": len(terisi),
            "plt": plt,
            "skp": skp,
            "peserta_pelatihan": pelatihan,
            "asesmen_ulang": asesmen_ulang,
            "kedudukan_hukum": kedudukan,
        }

    def _units(self) -> list[Unit]:
        rumpun = dict(RumpunIlmu.objects.values_list("kode", "pk"))
        for kode, nama in data.BIDANG_STUDI.items():
            self.bidang_id[kode] = BidangStudi.objects.update_or_create(
                kode=kode,
                defaults={"nama": nama, "rumpun_id": rumpun.get(data.RUMPUN_BIDANG.get(kode))},
            )[0].pk
        urusan_id = dict(UrusanPemerintahan.objects.values_list("kode", "pk"))
        for urusan in UrusanPemerintahan.objects.filter(kode__in=data.BIDANG_URUSAN):
            urusan.bidang_studi.set([self.bidang_id[b] for b in data.BIDANG_URUSAN[urusan.kode]])
        units = build(skala=self.n / 7000, start_id=next_free_id(UnitKerja))
        # The affair is set on each perangkat daerah and kecamatan; the units below inherit it.
        sendiri: dict[int, str] = {}  # the units that name their affair themselves
        for u in units:
            if u.jenis == "kecamatan":
                sendiri[u.id] = "PEMERINTAHAN_UMUM"
            elif u.parent is not None and u.parent.parent is None:
                sendiri[u.id] = data.URUSAN_OPD.get(u.singkatan, "")
            induk = self.urusan_unit.get(u.parent.id, "") if u.parent else ""
            self.urusan_unit[u.id] = sendiri.get(u.id, induk)
        self.loader.write(
            UnitKerja,
            ["id", "kode", "nama", "singkatan", "jenis", "parent", "path", "depth", "urusan"],
            [
                (
                    u.id,
                    u.kode,
                    u.nama,
                    u.singkatan,
                    u.jenis,
                    u.parent.id if u.parent else None,
                    u.path,
                    u.depth,
                    urusan_id.get(sendiri.get(u.id, "")),
                )
                for u in units
            ],
        )
        return units

    def _jabatan(self) -> dict[str, int]:
        existing = dict(Jabatan.objects.values_list("kode", "pk"))
        baru = []
        for p in SEMUA.values():
            if p.kode in existing:
                continue
            j = Jabatan(
                kode=p.kode,
                nama=p.nama,
                jenis=p.jenis,
                jenjang=p.jenjang,
                kelas_jabatan=p.kelas,
                eselon=p.eselon,
                pendidikan_minimal=p.pendidikan,
                bup_khusus=p.bup_khusus,
                dasar_bidang_studi=p.dasar_bidang,
                golongan_minimal=gol.kode_dari_urutan(p.golongan_minimal)
                if p.golongan_minimal
                else "",
            )
            j.isi_standar_default()
            j.batas_usia_pensiun = j.hitung_batas_usia_pensiun()
            baru.append(j)
        Jabatan.objects.bulk_create(baru)
        ids = dict(Jabatan.objects.values_list("kode", "pk"))
        through = Jabatan.bidang_studi.through
        links = [
            through(jabatan_id=ids[p.kode], bidangstudi_id=self.bidang_id[b])
            for p in SEMUA.values()
            if p.kode not in existing
            for b in p.bidang
        ]
        through.objects.bulk_create(links)
        rumpun = dict(RumpunIlmu.objects.values_list("kode", "pk"))
        wajib = Jabatan.rumpun_wajib.through
        wajib.objects.bulk_create(
            wajib(jabatan_id=ids[p.kode], rumpunilmu_id=rumpun[r])
            for p in SEMUA.values()
            if p.kode not in existing
            for r in p.rumpun
        )
        return {key: ids[p.kode] for key, p in SEMUA.items()}

    def _formasi(self, units: list[Unit], jabatan_id: dict[str, int]) -> list[Kursi]:
        struktural = sum(1 for u in units for key, _q in u.kursi if key in STRUKTURAL)
        basis = sum(q for u in units for key, q in u.kursi if key not in STRUKTURAL)
        target = math.ceil(self.n / RASIO_TERISI)
        faktor = max(0.0, (target - struktural) / basis)
        for _ in range(3):  # small quotas round unevenly: correct the factor on the rounded sum
            total = sum(
                max(1, round(q * faktor))
                for u in units
                for key, q in u.kursi
                if key not in STRUKTURAL
            )
            faktor *= max(1, target - struktural) / total
        rows, kursi = [], []
        fid = next_free_id(Formasi)
        for u in units:
            for key, base in u.kursi:
                kuota = 1 if key in STRUKTURAL else max(1, round(base * faktor))
                rows.append((fid, jabatan_id[key], u.id, kuota))
                kursi.extend(Kursi(fid, u, SEMUA[key], jabatan_id[key]) for _ in range(kuota))
                fid += 1
        self.loader.write(Formasi, ["id", "jabatan", "unit_kerja", "kuota"], rows)
        return kursi

    def _pilih_kursi(self, kursi: list[Kursi]) -> list[Kursi]:
        """Choose which seats are filled: most structural posts, the rest at random."""
        rng = self.rng
        struktural = [k for k in kursi if k.posisi.kode in STRUKTURAL]
        lain = [k for k in kursi if k.posisi.kode not in STRUKTURAL]
        pilih = [k for k in struktural if rng.random() < 0.92]
        if len(pilih) >= self.n:
            return rng.sample(pilih, self.n)
        return pilih + rng.sample(lain, min(len(lain), self.n - len(pilih)))

    def _plt(
        self,
        kursi: list[Kursi],
        terisi: set[int],
        struktural_opd: dict[int, list[tuple[int, int]]],
        lowong_sejak: dict[int, date],
    ) -> int:
        """Give some vacant structural posts an acting holder (Plt) from the same agency.

        The acting holder is a structural official of at most one rank below the post's minimum
        (a Sekretaris Dinas acts for the Kepala Dinas, not a Kepala Subbagian). The Plt is
        appointed when the definitive official leaves (BKN circular 1/SE/I/2021: a Plt when the
        official "berhalangan tetap"), so a post with a Plt since September fell vacant in
        September: the acting order follows the predecessor's last day by one to ten days.
        """
        rows, seen = [], set()
        for k in kursi:
            if id(k) in terisi or k.posisi.kode not in STRUKTURAL or k.formasi_id in seen:
                continue
            sejak = lowong_sejak.get(k.formasi_id)
            if sejak is None:  # never held: no one left, so no acting order either
                continue
            mulai = sejak + timedelta(days=self.rng.randint(1, 10))
            if mulai >= self.pada:
                continue
            minimal = (k.posisi.golongan_minimal or 0) - 1
            kandidat = [
                pid
                for pid, urut in struktural_opd.get(k.unit.opd.id if k.unit.opd else -1, [])
                if urut >= minimal
            ]
            if not kandidat or self.rng.random() >= 0.5:
                continue
            seen.add(k.formasi_id)
            rows.append(
                (
                    self._take(Penempatan),
                    self.rng.choice(kandidat),
                    k.formasi_id,
                    "plt",
                    mulai,
                    f"800.1.3/{self.rng.randint(1, 999)}/BKPSDM/{mulai.year}",
                )
            )
        # An employee acts in at most one post at a time in the demo.
        unik, dipakai = [], set()
        for r in rows:
            if r[1] not in dipakai:
                dipakai.add(r[1])
                unik.append(r)
        self.loader.write(
            Penempatan, ["id", "pegawai", "formasi", "jenis", "tmt_mulai", "nomor_sk"], unik
        )
        return len(unik)

    # ---------------------------------------------------------------- writing
    def _flush(self, rows: Rows) -> None:
        w = self.loader.write
        w(
            Pegawai,
            [
                "id",
                "nip",
                "nama",
                "gelar_depan",
                "gelar_belakang",
                "tempat_lahir",
                "tanggal_lahir",
                "jenis_kelamin",
                "status",
                "golongan",
                "tmt_golongan",
                "tmt_cpns",
                "tmt_pns",
                "tmt_pppk",
                "pendidikan",
                "bidang_studi",
                "unit_kerja",
                "kedudukan",
                "tmt_berhenti",
                "email",
                "no_hp",
            ],
            rows.pegawai,
        )
        w(
            RiwayatPangkat,
            ["id", "pegawai", "golongan", "tmt_golongan", "jenis_kenaikan", "nomor_sk"],
            rows.pangkat,
        )
        w(
            RiwayatPendidikan,
            [
                "id",
                "pegawai",
                "tingkat",
                "bidang_studi",
                "jurusan",
                "nama_institusi",
                "tahun_lulus",
            ],
            rows.pendidikan,
        )
        w(
            HukumanDisiplin,
            ["id", "pegawai", "jenis", "nomor_sk", "tanggal_sk", "tmt_mulai", "tmt_selesai"],
            rows.hukdis,
        )
        w(
            HasilAsesmen,
            ["id", "pegawai", "tanggal", "metode", "asesor", *KODE, "jpm"],
            rows.asesmen,
        )
        w(
            Penempatan,
            ["id", "pegawai", "formasi", "jenis", "tmt_mulai", "nomor_sk"],
            rows.penempatan,
        )

    def _formasi_ditetapkan(self) -> None:
        """A seat no one ever left (a post no one held, or a post's added seat) comes from the
        year's needs analysis (analisis jabatan and ABK, per year: PP 11/2017 Pasal 5 ayat
        (1)-(2)): it stands vacant since the post's quota was set, on the first working day of
        the year (of the year before, when that is under two months ago), not since the day
        the demo was seeded (jabatan.selectors.daftar_lowongan falls back on the post's row)."""
        awal = date(self.pada.year, 1, 2)
        if (self.pada - awal).days < 60:
            awal = date(self.pada.year - 1, 1, 2)
        ditetapkan = timezone.make_aware(datetime.combine(awal, time(8)))
        Formasi.objects.filter(
            ~models.Exists(
                Penempatan.objects.filter(formasi=models.OuterRef("pk"), tmt_selesai__isnull=False)
            )
        ).update(created_at=ditetapkan)

    def _riwayat(self, kursi: list[Kursi], terisi: list[Kursi]) -> dict[int, date]:
        """Most empty seats had a holder who moved on: a colleague of the same position kind
        held the seat until the day before their current post began (a rotation). So vacancies
        have a real "vacant since", and the merit ranking sees ended posts as experience.

        A structural post filled in the last two years had a predecessor too, who left one to
        ten months before: the decision that filled it shows the public how long the post stood
        vacant (publik.selectors.keputusan_publik). Every vacant structural post had a holder,
        who moved to a post of the same kind or was promoted one level up (a Kepala Seksi
        became Kepala Bidang), so no vacancy dates from the day the demo was seeded. Return
        each vacant post's last held day.
        """
        rng, pada = self.rng, self.pada
        diisi = {id(k) for k in terisi}
        calon = {jenis: rng.sample(orang, len(orang)) for jenis, orang in self.kini.items()}
        baru = pada - timedelta(days=540)
        rows = []
        lowong_sejak: dict[int, date] = {}

        def _baris(pid: int, k: Kursi, masuk: date, mulai: date) -> tuple:
            awal = max(masuk, mulai - timedelta(days=rng.randint(365, 6 * 365)))
            return (
                self._take(Penempatan),
                pid,
                k.formasi_id,
                "definitif",
                awal,
                mulai - timedelta(days=1),
                f"821.2/{rng.randint(1, 999)}/BKPSDM/{awal.year}",
            )

        def _ambil(jenis: str, cocok: Callable[[int, date, date], bool]) -> tuple | None:
            """Take the first colleague who fits, of the same kind or, promoted, one above."""
            for j in (jenis, NAIK.get(jenis)):
                pilihan = calon.get(j, [])
                for i, c in enumerate(pilihan):
                    if cocok(*c):
                        del pilihan[i]
                        return c
            return None

        # Vacant structural posts first: every one had a holder (at worst three years ago).
        for k in kursi:
            if id(k) in diisi or k.posisi.kode not in STRUKTURAL:
                continue
            for sejak in (baru, pada - timedelta(days=3 * 365)):
                c = _ambil(
                    k.posisi.jenis,
                    lambda _pid, mulai, masuk, sejak=sejak: (
                        mulai - masuk > timedelta(days=400)
                        and sejak < mulai < pada - timedelta(days=14)
                    ),
                )
                if c is not None:
                    rows.append(_baris(c[0], k, c[2], c[1]))
                    lowong_sejak[k.formasi_id] = rows[-1][5]
                    break
        for k in terisi:
            pemangku, diangkat = self.pemangku.get(id(k), (None, None))
            if diangkat is None or diangkat < pada - timedelta(days=2 * 365):
                continue
            c = _ambil(
                k.posisi.jenis,
                lambda pid, mulai, masuk, pemangku=pemangku, diangkat=diangkat: (
                    pid != pemangku
                    and mulai - masuk > timedelta(days=400)
                    and timedelta(days=30) <= diangkat - mulai <= timedelta(days=300)
                ),
            )
            if c is not None:
                rows.append(_baris(c[0], k, c[2], c[1]))
        for k in kursi:
            if id(k) in diisi or k.posisi.kode in STRUKTURAL:
                continue
            if rng.random() > 0.85:
                continue
            pilihan = calon.get(k.posisi.jenis, [])
            while pilihan:
                pid, mulai, masuk = pilihan.pop()
                # A rotation of the last 18 months: posts stand vacant for months, as they do
                # while a selection runs, not for years.
                if mulai - masuk > timedelta(days=400) and baru < mulai < pada - timedelta(days=14):
                    break
            else:
                continue
            rows.append(_baris(pid, k, masuk, mulai))
            lowong_sejak[k.formasi_id] = max(lowong_sejak.get(k.formasi_id, baru), rows[-1][5])
        self.loader.write(
            Penempatan,
            ["id", "pegawai", "formasi", "jenis", "tmt_mulai", "tmt_selesai", "nomor_sk"],
            rows,
        )
        return lowong_sejak

    def _take(self, model: type[models.Model]) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    def _seq(self, key: tuple) -> int:
        n = self.nip_seq[key] = self.nip_seq.get(key, 0) + 1
        if n > 999:
            raise RuntimeError(f"NIP sequence exhausted for {key}")
        return n
