"""The demo's employees: who holds a seat, their rank, education, name, sanctions and
assessments, as plain rows for the bulk loader (demo.generator drives it)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from demo import data
from demo.catalogue import PUNCAK_PELAKSANA, STRUKTURAL, Posisi
from demo.kinerja import Orang
from demo.structure import Unit
from jabatan.models import Penempatan
from pegawai import golongan as gol
from pegawai.disiplin import JenisHukuman, tanggal_selesai
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE, standar_default
from pegawai.models import (
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from pegawai.nip import compose_ni_pppk, compose_nip
from pegawai.pensiun import tanggal_pensiun

# Entry rank (urutan) by education at appointment (PP 99/2000 Pasal 11 [practice]).
GOLONGAN_AWAL = {"SD": 1, "SMP": 3, "SLTA": 5, "D3": 7, "D4": 9, "S1": 9, "S2": 10, "S3": 11}

# Years in a rank before the next regular promotion (PP 99/2000 Pasal 18: "sekurang-kurangnya
# 4 (empat) tahun dalam pangkat terakhir").
TAHUN_PER_PANGKAT = 4


# PPPK golongan by education (docs/aturan.md §2 [practice]).
GOLONGAN_PPPK = {"SLTA": 5, "D3": 7, "D4": 9, "S1": 9, "S2": 10, "S3": 11}


# Age at TMT CPNS: a CPNS applies at 18 to 35 (PP 11/2017 Pasal 23 ayat 1 huruf a).
USIA_MASUK = {
    "SLTA": (19, 27),
    "D3": (21, 30),
    "D4": (22, 32),
    "S1": (23, 33),
    "S2": (25, 35),
    "S3": (28, 35),
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


class PegawaiDemo:
    """The employee-making half of `Generator` (its state: rng, faker, pada, ids, rows)."""

    # ---------------------------------------------------------------- one employee
    def _pegawai(self, k: Kursi, rows: Rows) -> tuple[int, int]:
        """Generate one employee fitting the seat; return their id and rank order."""
        rng, p, pada = self.rng, k.posisi, self.pada
        pid = self._take(Pegawai)
        pppk = rng.random() < p.pppk
        pendidikan = self._pendidikan(p)
        bidang = (
            rng.choice(p.bidang)
            if p.bidang
            else (None if pendidikan == "SLTA" else self._bidang_unit(k.unit.id))
        )
        # Midwifery is a women's profession here (no male "S.Keb., Bd.").
        jk = (
            "P"
            if bidang == "BID"
            or rng.random() < (0.7 if p.keluarga in ("GURU", "PERAWAT") else 0.42)
            else "L"
        )
        # The first degree's institution fits the field (an IPDN graduate studied government).
        pertama = pendidikan in ("D3", "D4", "S1")
        pilihan = data.INSTITUSI_BIDANG.get(bidang or "") if pertama else None
        institusi = rng.choice(pilihan or INSTITUSI[pendidikan])
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
            jeda = TAHUN_PER_PANGKAT
            if p.rentang:
                urut = rng.randint(*p.rentang)
                awal = min(awal, urut)
                # Promotions come every four years at the earliest, often later.
                masa = (urut - awal) * jeda + rng.choice([0, 0, 1, 2, 3, 5, 8, 12])
            else:
                # A pelaksana rises by regular promotion, often slower than every four years,
                # up to the ceiling of their education and superior (PUNCAK_PELAKSANA).
                jeda = rng.choice([4, 4, 5, 6])
                masa = rng.randint(0, 34)
                urut = min(awal + masa // jeda, PUNCAK_PELAKSANA[pendidikan])
            # Everyone is some years before retirement: a long career entered young; one that
            # still does not fit ends at the rank its years allow (never below the post's).
            if usia_masuk + masa > bup - 2:
                usia_masuk = max(lo_masuk, bup - 2 - masa)
                masa = min(masa, bup - 2 - usia_masuk)
                terendah = p.rentang[0] if p.rentang else awal
                urut = max(terendah, min(urut, awal + masa // jeda))
            # Half a year or more after the last anniversary: the promotion period is past.
            tmt_cpns = _bulan(pada - timedelta(days=int(masa * 365.25) + rng.randint(183, 400)))
            lahir = _lahir(tmt_cpns, usia_masuk, rng)
            if tanggal_pensiun(lahir, bup) <= pada:
                lahir = date(pada.year - bup + 1, rng.randint(1, 12), rng.randint(1, 28))
                if lahir >= tmt_cpns:
                    lahir = date(tmt_cpns.year - 19, lahir.month, lahir.day)
            langkah = urut - awal
            nip = compose_nip(lahir, tmt_cpns, jk, self._seq((lahir, tmt_cpns, jk)))
            tmt_pns = _bulan(tmt_cpns + timedelta(days=400))
            kode = gol.kode_dari_urutan(urut)
            tmt_gol = tmt_cpns
            for step in range(langkah + 1):
                tmt = tmt_cpns if step == 0 else _periode(tmt_cpns, step * jeda, pada)
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
        masuk = tmt_pppk or tmt_cpns
        lulus = min(masuk.year - rng.randint(0, 3), pada.year)
        nama, gelar_depan, gelar_belakang = self._nama(jk, pendidikan, bidang, p)
        if bidang == "IP" and institusi == "IPDN" and pendidikan == "S1":
            tahun, lama, baru = data.GELAR_IPDN
            gelar_belakang = lama if lulus < tahun else baru
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
        rows.pendidikan.append(
            (
                self._take(RiwayatPendidikan),
                pid,
                pendidikan,
                self.bidang_id.get(bidang) if bidang else None,
                data.BIDANG_STUDI.get(bidang, "") if bidang else "IPA/IPS",
                institusi,
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
        self._asesmen(pid, p, rows, urut)
        mulai = max(masuk, pada - timedelta(days=rng.randint(60, 8 * 365)))
        if p.jenis == JenisJabatan.FUNGSIONAL and rng.random() < 0.6:
            # Most functional staff (teachers, nurses, midwives) have held their post since
            # soon after they entered; the others moved in the last years.
            mulai = min(masuk + timedelta(days=rng.randint(0, 730)), pada - timedelta(days=60))
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
            Orang(
                pid,
                k.unit.id,
                k.unit.opd.id if k.unit.opd else k.unit.id,
                kode,
                p.jenis,
                masuk,
                p.keluarga or p.kode,
            )
        )
        self.kini.setdefault(p.jenis, []).append((pid, mulai, masuk))
        if p.kode in STRUKTURAL:
            self.pemangku[id(k)] = (pid, mulai)
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

    def _bidang_unit(self, unit_id: int) -> str:
        """A structural official's or administrator's field of study, by the unit's affair:
        mostly the affair's own fields, some of its family, the rest general (UMUM)."""
        urusan = self.urusan_unit.get(unit_id, "")
        sesuai = data.BIDANG_URUSAN.get(urusan, ()) + data.BIDANG_URUSAN_LAIN.get(urusan, ())
        if sesuai and self.rng.random() < 0.7:
            return self.rng.choice(sesuai)
        return self.rng.choice(UMUM)

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
        if not gelar_belakang and pendidikan == "D3":
            gelar_belakang = "A.Md."
        if p.keluarga == "DOKTER" or bidang == "DOK":  # a physician is "dr." in any post
            gelar_depan = "dr."
            gelar_belakang = "M.Kes." if pendidikan == "S2" else ""
        elif p.keluarga == "APOTEKER":
            gelar_depan = "apt."
        if pendidikan == "S2" and gelar_depan != "dr.":
            # The first degree's title, then the master's of the field (a health graduate's
            # M.Kes., else M.Si.): no "S.Sos., M.Si." for a nutritionist.
            s1 = data.GELAR.get(("S1", bidang or ""), "")
            kesehatan = data.RUMPUN_BIDANG.get(bidang or "") == "KESEHATAN"
            s2 = gelar_belakang or ("M.Kes." if kesehatan else "M.Si.")
            gelar_belakang = f"{s1}, {s2}" if s1 else s2
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

    def _asesmen(self, pid: int, p: Posisi, rows: Rows, urut: int) -> None:
        rng = self.rng
        # BKPSDM maps the competency of officials and of those near a managerial post's rank
        # (III/c and above), whatever their profession; a few others.
        share = 0.85 if p.kode in STRUKTURAL else (0.45 if urut >= 11 else 0.08)
        if rng.random() >= share:
            return
        std = standar_default(p.jenis, p.jenjang)
        bakat = rng.choice([-1, 0, 0, 0, 1])
        levels = [min(5, max(1, std[kode] + bakat + rng.choice([-1, 0, 0, 1]))) for kode in KODE]
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
                None,  # the JPM: jabatan's service, once every placement is written
            )
        )


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
    """Return the first promotion period (1 April or 1 October) at least `tahun` years after
    TMT CPNS (PP 99/2000 Pasal 3: the periods are April and October)."""
    y = tmt_cpns.year + tahun
    d = (
        date(y, 4, 1)
        if tmt_cpns.month <= 4
        else (date(y, 10, 1) if tmt_cpns.month <= 10 else date(y + 1, 4, 1))
    )
    while d > pada:
        d = date(d.year, 4, 1) if d.month == 10 else date(d.year - 1, 10, 1)
    return d
