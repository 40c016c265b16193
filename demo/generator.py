"""Build the Kota Mataram demo data set and load it in bulk (COPY on PostgreSQL).

Deterministic for a given seed and reference date. Rows are generated as plain tuples with
explicit ids and streamed in chunks, so 1,000,000 employees need neither model instances nor
one round trip per row.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection, models
from faker import Faker

from demo import data
from demo.catalogue import SEMUA, STRUKTURAL, Posisi
from demo.kinerja import KinerjaDemo, Orang
from demo.structure import Unit, build
from jabatan.models import Formasi, IndeksMerit, Jabatan, Penempatan
from jabatan.rules import atasan_langsung
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, RevisiSkp, Skp
from pegawai import golongan as gol
from pegawai.bulk import BulkWriter
from pegawai.disiplin import JenisHukuman, tanggal_selesai
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE, jpm, standar_default
from pegawai.models import (
    BidangStudi,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
    UnitKerja,
)
from pegawai.nip import compose_ni_pppk, compose_nip
from pegawai.pensiun import tanggal_pensiun

RASIO_TERISI = 0.95  # share of seats filled (the issue: "placements that fill about 95% of posts")
CHUNK = 20_000
SEEDED_MODELS: list[type[models.Model]] = [
    IndeksMerit,
    RencanaHasilKerja,
    RevisiSkp,
    Skp,
    KinerjaOrganisasi,
    Periode,
    Penempatan,
    HasilAsesmen,
    HukumanDisiplin,
    RiwayatPendidikan,
    RiwayatPangkat,
    Pegawai,
    Formasi,
    Jabatan.bidang_studi.through,
    Jabatan,
    UnitKerja,
    BidangStudi,
]  # fmt: skip  (children first)

# Entry rank (urutan) by education at appointment (PP 99/2000 Pasal 11 [practice]).
GOLONGAN_AWAL = {"SD": 1, "SMP": 3, "SLTA": 5, "D3": 7, "D4": 9, "S1": 9, "S2": 10, "S3": 11}
# Highest regular rank by education [practice].
GOLONGAN_PUNCAK = {"SLTA": 12, "D3": 12, "D4": 14, "S1": 14, "S2": 15, "S3": 16}
# PPPK golongan by education (REGULATIONS.md section 2 [practice]).
GOLONGAN_PPPK = {"SLTA": 5, "D3": 7, "D4": 9, "S1": 9, "S2": 10, "S3": 11}
USIA_MASUK = {
    "SLTA": (19, 27),
    "D3": (21, 30),
    "D4": (22, 32),
    "S1": (23, 33),
    "S2": (25, 35),
    "S3": (28, 38),
}
INSTITUSI = {
    "SLTA": [
        "SMA Negeri 1 Mataram",
        "SMA Negeri 2 Mataram",
        "SMK Negeri 3 Mataram",
        "MAN 2 Mataram",
        "SMA Negeri 5 Mataram",
    ],
    "D3": [
        "Poltekkes Kemenkes Mataram",
        "Politeknik Negeri Bali",
        "STIKES Yarsi Mataram",
        "AMIK Mataram",
    ],
    "S1": [
        "Universitas Mataram",
        "Universitas Muhammadiyah Mataram",
        "UIN Mataram",
        "Universitas Pendidikan Mandalika",
        "Universitas Udayana",
        "IPDN",
        "Universitas Gadjah Mada",
        "Universitas Brawijaya",
    ],
    "S2": [
        "Universitas Mataram",
        "Universitas Gadjah Mada",
        "Universitas Brawijaya",
        "Universitas Indonesia",
        "Universitas Airlangga",
    ],
    "S3": ["Universitas Gadjah Mada", "Universitas Brawijaya", "Universitas Airlangga"],
}
INSTITUSI["D4"] = INSTITUSI["D3"]
UMUM = ["IP", "AN", "HUK", "EKO", "MAN", "SOS", "TI", "TS"]


@dataclass
class Progress:
    report: Callable[[str], None]
    total: int
    done: int = 0

    def step(self, n: int) -> None:
        self.done += n
        pct = 100 * self.done // max(1, self.total)
        self.report(f"  pegawai {self.done:,}/{self.total:,} ({pct}%)".replace(",", "."))


@dataclass
class Kursi:
    formasi_id: int
    unit: Unit
    posisi: Posisi
    jabatan_id: int


@dataclass
class Rows:
    pegawai: list[tuple] = field(default_factory=list)
    pangkat: list[tuple] = field(default_factory=list)
    pendidikan: list[tuple] = field(default_factory=list)
    hukdis: list[tuple] = field(default_factory=list)
    asesmen: list[tuple] = field(default_factory=list)
    penempatan: list[tuple] = field(default_factory=list)


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def reset_sequences() -> None:
    sql = connection.ops.sequence_reset_sql(no_style(), SEEDED_MODELS)
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def hapus_semua() -> None:
    """Delete every seeded row (and, on PostgreSQL, what references them) in one statement."""
    tables = [m._meta.db_table for m in SEEDED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of this transaction would block TRUNCATE: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


class Generator:
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
        # unit id -> (head's id, their post's minimum rank): the unit's highest structural post
        self.kepala: dict[int, tuple[int, int]] = {}
        self.bidang_id: dict[str, int] = {}
        self.ids = {
            m: _next_id(m)
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
        self._riwayat(kursi, terisi)
        plt = self._plt(kursi, set(id(k) for k in terisi), struktural_opd)
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
        reset_sequences()
        return {
            "unit": len(units),
            "jabatan": len(jabatan_id),
            "formasi": len(set(k.formasi_id for k in kursi)),
            "pegawai": len(terisi),
            "plt": plt,
            "skp": skp,
        }

    def _units(self) -> list[Unit]:
        for kode, nama in data.BIDANG_STUDI.items():
            self.bidang_id[kode] = BidangStudi.objects.get_or_create(
                kode=kode, defaults={"nama": nama}
            )[0].pk
        units = build(skala=self.n / 7000, start_id=_next_id(UnitKerja))
        self.loader.write(
            UnitKerja,
            ["id", "kode", "nama", "singkatan", "jenis", "parent", "path", "depth"],
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
        fid = _next_id(Formasi)
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

    # ---------------------------------------------------------------- one employee
    def _pegawai(self, k: Kursi, rows: Rows) -> tuple[int, int]:
        """Generate one employee fitting the seat; return their id and rank order."""
        rng, p, pada = self.rng, k.posisi, self.pada
        pid = self._take(Pegawai)
        jk = (
            "P"
            if rng.random() < (0.7 if p.keluarga in ("GURU", "BIDAN", "PERAWAT") else 0.42)
            else "L"
        )
        pppk = rng.random() < p.pppk
        pendidikan = self._pendidikan(p)
        bidang = (
            rng.choice(p.bidang)
            if p.bidang
            else (None if pendidikan == "SLTA" else rng.choice(UMUM))
        )
        bup = p.bup_khusus or _bup(p)
        lo_masuk, hi_masuk = USIA_MASUK[pendidikan]
        usia_masuk = rng.randint(lo_masuk, hi_masuk)
        if pppk:
            tmt_pppk = date(rng.choice([2021, 2022, 2023, 2024, 2025]), rng.choice([1, 3, 4]), 1)
            usia_masuk = rng.randint(max(lo_masuk, 24), 52)
            lahir = _lahir(tmt_pppk, usia_masuk, rng)
            urut = max(GOLONGAN_PPPK[pendidikan], p.golongan_minimal or 0)
            kode = gol.kode_dari_urutan(urut, pppk=True)
            nip = compose_ni_pppk(
                lahir, tmt_pppk.year, 1, jk, self._seq((lahir, tmt_pppk.year, jk))
            )
            tmt_cpns, tmt_pns, tmt_gol = None, None, tmt_pppk
            rows.pangkat.append(
                (
                    self._take(RiwayatPangkat),
                    pid,
                    kode,
                    tmt_pppk,
                    RiwayatPangkat.JenisKenaikan.PENGANGKATAN,
                    f"800.1.2/{rng.randint(1, 999)}/BKPSDM/{tmt_pppk.year}",
                )
            )
        else:
            awal = GOLONGAN_AWAL[pendidikan]
            if p.rentang:
                urut = rng.randint(*p.rentang)
                awal = min(awal, urut)
            else:
                urut = None
            # Promotions come every four years at the earliest, often later.
            lambat = rng.choice([0, 0, 1, 2, 3, 5, 8, 12])
            masa = (urut - awal) * 4 + lambat if urut is not None else rng.randint(0, 34)
            usia = usia_masuk + masa
            if usia >= bup:  # keep everyone before retirement
                usia = bup - 1 - rng.random() * 2
                masa = max(0, int(usia - usia_masuk))
            tmt_cpns = _bulan(pada - timedelta(days=int(masa * 365.25) + rng.randint(30, 330)))
            lahir = _lahir(tmt_cpns, usia_masuk, rng)
            if tanggal_pensiun(lahir, bup) <= pada:
                lahir = date(pada.year - bup + 1, rng.randint(1, 12), rng.randint(1, 28))
                if lahir >= tmt_cpns:
                    lahir = date(tmt_cpns.year - 19, lahir.month, lahir.day)
            if urut is None:
                urut = min(awal + masa // 4, GOLONGAN_PUNCAK.get(pendidikan, 12))
            langkah = urut - awal
            nip = compose_nip(lahir, tmt_cpns, jk, self._seq((lahir, tmt_cpns, jk)))
            tmt_pns = _bulan(tmt_cpns + timedelta(days=400))
            kode = gol.kode_dari_urutan(urut)
            tmt_gol = tmt_cpns
            for step in range(langkah + 1):
                tmt = tmt_cpns if step == 0 else _periode(tmt_cpns, step * 4, pada)
                if step and tmt <= tmt_gol:
                    continue
                tmt_gol = tmt
                rows.pangkat.append(
                    (
                        self._take(RiwayatPangkat),
                        pid,
                        gol.kode_dari_urutan(awal + step),
                        tmt,
                        RiwayatPangkat.JenisKenaikan.PENGANGKATAN
                        if step == 0
                        else RiwayatPangkat.JenisKenaikan.REGULER,
                        f"823.3/{rng.randint(1, 999)}/BKPSDM/{tmt.year}",
                    )
                )
            tmt_pppk = None
        nama, gelar_depan, gelar_belakang = self._nama(jk, pendidikan, bidang, p)
        rows.pegawai.append(
            (
                pid,
                nip,
                nama,
                gelar_depan,
                gelar_belakang,
                "Mataram",
                lahir,
                jk,
                "PPPK" if pppk else "PNS",
                kode,
                tmt_gol,
                tmt_cpns,
                tmt_pns,
                tmt_pppk,
                pendidikan,
                self.bidang_id.get(bidang) if bidang else None,
                k.unit.id,
                "aktif",
                None,
                "",
                "",
            )
        )
        masuk = tmt_pppk or tmt_cpns
        lulus = min(masuk.year - rng.randint(0, 3), pada.year)
        rows.pendidikan.append(
            (
                self._take(RiwayatPendidikan),
                pid,
                pendidikan,
                self.bidang_id.get(bidang) if bidang else None,
                data.BIDANG_STUDI.get(bidang, "") if bidang else "IPA/IPS",
                rng.choice(INSTITUSI[pendidikan]),
                lulus,
            )
        )
        if pendidikan in ("S2", "S3"):
            rows.pendidikan.append(
                (
                    self._take(RiwayatPendidikan),
                    pid,
                    "S1",
                    self.bidang_id.get(bidang) if bidang else None,
                    data.BIDANG_STUDI.get(bidang, ""),
                    rng.choice(INSTITUSI["S1"]),
                    lulus - rng.randint(2, 6),
                )
            )
        self._hukdis(pid, masuk, rows)
        self._asesmen(pid, p, rows)
        mulai = max(masuk, pada - timedelta(days=rng.randint(60, 8 * 365)))
        rows.penempatan.append(
            (
                self._take(Penempatan),
                pid,
                k.formasi_id,
                "definitif",
                mulai,
                f"821.2/{rng.randint(1, 999)}/BKPSDM/{mulai.year}",
            )
        )
        self.orang.append(
            Orang(pid, k.unit.id, k.unit.opd.id if k.unit.opd else k.unit.id, kode, p.jenis, masuk)
        )
        self.kini.setdefault(p.jenis, []).append((pid, mulai, masuk))
        if p.kode in STRUKTURAL:
            current = self.kepala.get(k.unit.id)
            if current is None or (p.golongan_minimal or 0) + 100 > current[1]:
                self.kepala[k.unit.id] = (pid, (p.golongan_minimal or 0) + 100)
        elif k.unit.jenis in ("sekolah", "puskesmas"):
            # A school or puskesmas is led by a senior fungsional with the extra duty of head
            # (kepala sekolah, kepala puskesmas): the highest rank there evaluates the rest.
            current = self.kepala.get(k.unit.id)
            if current is None or urut > current[1]:
                self.kepala[k.unit.id] = (pid, urut)
        return pid, urut

    def _pendidikan(self, p: Posisi) -> str:
        r = self.rng.random()
        if p.jenis in (JenisJabatan.JPT_PRATAMA, JenisJabatan.ADMINISTRATOR):
            return (
                "S3"
                if r < 0.05 and p.jenis == JenisJabatan.JPT_PRATAMA
                else ("S2" if r < 0.6 else "S1")
            )
        if p.pendidikan == "SLTA":
            return "SLTA" if r < 0.55 else ("D3" if r < 0.7 else "S1")
        if p.pendidikan == "D3":
            if p.keluarga == "BIDAN" and r < 0.2:
                return "D4"
            return "D3" if r < 0.75 else "S1"
        return "S2" if r < (0.25 if p.jenjang == "AHLI_MADYA" else 0.08) else "S1"

    def _nama(
        self, jk: str, pendidikan: str, bidang: str | None, p: Posisi
    ) -> tuple[str, str, str]:
        rng = self.rng
        if jk == "L":
            depan, belakang, prefix = self.nama_l, self.belakang_l, data.PREFIX_L
        else:
            depan, belakang, prefix = self.nama_p, self.belakang_p, data.PREFIX_P
        nama = f"{rng.choice(depan)} {rng.choice(belakang)}"
        if rng.random() < 0.25:
            nama = f"{rng.choice(prefix)} {nama}"
        gelar_depan = ""
        gelar_belakang = data.GELAR.get((pendidikan, bidang or ""), "")
        if p.keluarga == "DOKTER":
            gelar_depan = "dr."
            gelar_belakang = "M.Kes." if pendidikan == "S2" else ""
        elif p.keluarga == "APOTEKER":
            gelar_depan = "apt."
        if pendidikan == "S2" and not gelar_belakang:
            gelar_belakang = "S.Sos., M.Si."
        elif pendidikan == "S2" and bidang and (s1 := data.GELAR.get(("S1", bidang))):
            gelar_belakang = f"{s1}, {gelar_belakang}"
        if pendidikan == "S3":
            gelar_depan = "Dr."
            gelar_belakang = data.GELAR.get(("S2", bidang or ""), "M.Si.")
        return nama, gelar_depan, gelar_belakang

    def _hukdis(self, pid: int, masuk: date, rows: Rows) -> None:
        rng = self.rng
        if rng.random() >= 0.04:
            return
        r = rng.random()
        if r < 0.65:
            jenis = rng.choice(
                [
                    JenisHukuman.TEGURAN_LISAN,
                    JenisHukuman.TEGURAN_TERTULIS,
                    JenisHukuman.PERNYATAAN_TIDAK_PUAS,
                ]
            )
        elif r < 0.9:
            jenis = rng.choice(
                [
                    JenisHukuman.POTONG_TUKIN_6,
                    JenisHukuman.POTONG_TUKIN_9,
                    JenisHukuman.POTONG_TUKIN_12,
                ]
            )
        else:
            jenis = rng.choice([JenisHukuman.PENURUNAN_JABATAN, JenisHukuman.PEMBEBASAN_JABATAN])
        awal = max(masuk, self.pada - timedelta(days=6 * 365))
        if awal >= self.pada:
            return
        sk = awal + timedelta(days=rng.randint(0, (self.pada - awal).days))
        mulai = sk + timedelta(days=rng.randint(0, 14))
        rows.hukdis.append(
            (
                self._take(HukumanDisiplin),
                pid,
                jenis,
                f"862.3/{rng.randint(1, 999)}/BKPSDM/{sk.year}",
                sk,
                mulai,
                tanggal_selesai(jenis, mulai),
            )
        )

    def _asesmen(self, pid: int, p: Posisi, rows: Rows) -> None:
        rng = self.rng
        share = 0.85 if p.kode in STRUKTURAL else (0.5 if p.jenjang == "AHLI_MADYA" else 0.12)
        if rng.random() >= share:
            return
        std = standar_default(p.jenis, p.jenjang)
        bakat = rng.choice([-1, 0, 0, 0, 1])
        levels = [min(5, max(1, std[kode] + bakat + rng.choice([-1, 0, 0, 1]))) for kode in KODE]
        nilai_jpm = jpm(dict(zip(KODE, levels, strict=True)), std)
        tanggal = self.pada - timedelta(days=rng.randint(30, 3 * 365))
        metode = rng.choice(
            [
                HasilAsesmen.Metode.ASSESSMENT_CENTER,
                HasilAsesmen.Metode.CAT,
                HasilAsesmen.Metode.UJI_KOMPETENSI,
            ]
        )
        rows.asesmen.append(
            (
                self._take(HasilAsesmen),
                pid,
                tanggal,
                metode,
                "UPT Penilaian Kompetensi BKD Provinsi NTB",
                *levels,
                nilai_jpm,
            )
        )

    def _plt(
        self, kursi: list[Kursi], terisi: set[int], struktural_opd: dict[int, list[tuple[int, int]]]
    ) -> int:
        """Give some vacant structural posts an acting holder (Plt) from the same agency.

        The acting holder is a structural official of at most one rank below the post's minimum
        (a Sekretaris Dinas acts for the Kepala Dinas, not a Kepala Subbagian).
        """
        rows, seen = [], set()
        for k in kursi:
            if id(k) in terisi or k.posisi.kode not in STRUKTURAL or k.formasi_id in seen:
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
            mulai = self.pada - timedelta(days=self.rng.randint(14, 200))
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

    def _riwayat(self, kursi: list[Kursi], terisi: list[Kursi]) -> None:
        """Most empty seats had a holder who moved on: a colleague of the same position kind
        held the seat until the day before their current post began (a rotation). So vacancies
        have a real "vacant since", and the merit ranking sees ended posts as experience."""
        rng, pada = self.rng, self.pada
        diisi = {id(k) for k in terisi}
        calon = {jenis: rng.sample(orang, len(orang)) for jenis, orang in self.kini.items()}
        rows = []
        for k in kursi:
            if id(k) in diisi or rng.random() > 0.85:
                continue
            pilihan = calon.get(k.posisi.jenis, [])
            while pilihan:
                pid, mulai, masuk = pilihan.pop()
                if mulai - masuk > timedelta(days=400) and mulai < pada - timedelta(days=14):
                    break
            else:
                continue
            awal = max(masuk, mulai - timedelta(days=rng.randint(365, 6 * 365)))
            rows.append(
                (
                    self._take(Penempatan), pid, k.formasi_id, "definitif", awal,
                    mulai - timedelta(days=1), f"821.2/{rng.randint(1, 999)}/BKPSDM/{awal.year}",
                )
            )  # fmt: skip
        self.loader.write(
            Penempatan,
            ["id", "pegawai", "formasi", "jenis", "tmt_mulai", "tmt_selesai", "nomor_sk"],
            rows,
        )

    def _take(self, model: type[models.Model]) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    def _seq(self, key: tuple) -> int:
        n = self.nip_seq[key] = self.nip_seq.get(key, 0) + 1
        if n > 999:
            raise RuntimeError(f"NIP sequence exhausted for {key}")
        return n


def _bup(p: Posisi) -> int:
    from pegawai.pensiun import batas_usia_pensiun

    return batas_usia_pensiun(p.jenis, p.jenjang)


def _bulan(d: date) -> date:
    return d.replace(day=1)


def _lahir(tmt: date, usia: int, rng: random.Random) -> date:
    """Return a birth date `usia` years (plus some months) before `tmt`, always before it."""
    d = date(tmt.year - usia, rng.randint(1, 12), rng.randint(1, 28))
    return d if (d.year, d.month) < (tmt.year, tmt.month) else date(d.year - 1, d.month, d.day)


def _periode(tmt_cpns: date, tahun: int, pada: date) -> date:
    """Return the promotion period (1 April or 1 October) `tahun` years after TMT CPNS."""
    d = date(tmt_cpns.year + tahun, 4 if tmt_cpns.month <= 6 else 10, 1)
    while d > pada:
        d = date(d.year, 4, 1) if d.month == 10 else date(d.year - 1, 10, 1)
    return d
