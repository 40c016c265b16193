"""The merit ranking: who may fill a vacant post, how well each fits, and why.

A pure module (shared/STYLE.md): dataclasses in, ordered explained results out; no ORM. The
selector in jabatan/selectors.py loads the inputs in a fixed number of queries, and the decision
service freezes the result with `ATURAN_VERSI`.

Rules (REGULATIONS.md; UU 20/2023 on the merit system, PP 11/2017 jo. PP 17/2020):
- eligibility is hard: each rule has a stable code, an Indonesian message, and, when time alone
  resolves it (a sanction ending, years of experience accruing), the date from which it passes;
- the score is soft: six components on 0–100, weighted by the merit profile of the position kind;
- ties follow the DUK order (Daftar Urut Kepangkatan, PP 11/2017 jo. Peraturan BKN on DUK):
  rank, TMT of rank, years of service, leadership training, education, age — then NIP, so the
  same data always gives the same order.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kinerja import rules as kinerja_rules
from pegawai import golongan as gol
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.jenis_jabatan import MANAJERIAL, JenisJabatan
from pegawai.kompetensi import jpm
from pegawai.pensiun import tanggal_pensiun

ATURAN_VERSI = "merit-2026.1"
DUA = Decimal("0.01")


def _tambah_tahun(d: date, tahun: int) -> date:
    day = min(d.day, calendar.monthrange(d.year + tahun, d.month)[1])
    return date(d.year + tahun, d.month, day)


def _tahun_antara(awal: date, akhir: date) -> Decimal:
    return (Decimal((akhir - awal).days) / Decimal("365.25")).quantize(DUA)


@dataclass(frozen=True)
class Bobot:
    """Weights of the score components, in percent (a merit profile per position kind)."""

    kinerja: int = 30
    kompetensi: int = 30
    kualifikasi: int = 15
    pengembangan: int = 0  # zero until training records exist (the breakdown says so)
    pengalaman: int = 15
    integritas: int = 10

    def __post_init__(self) -> None:
        nilai = self.sebagai_dict()
        if any(v < 0 for v in nilai.values()) or sum(nilai.values()) != 100:
            raise ValueError(f"weights must be non-negative and sum to 100, got {nilai}")

    def sebagai_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in KOMPONEN}


KOMPONEN = ("kinerja", "kompetensi", "kualifikasi", "pengembangan", "pengalaman", "integritas")

# Years of related experience a position asks (REGULATIONS.md section 5): JPT Pratama 5 years in
# related fields; Administrator 3 years as Pengawas or equivalent; Pengawas 4 years as Pelaksana
# or equivalent [practice]. Which kinds count as related, per target kind.
PENGALAMAN = {
    JenisJabatan.JPT_PRATAMA: (
        5,
        {
            JenisJabatan.ADMINISTRATOR,
            JenisJabatan.JPT_PRATAMA,
            JenisJabatan.JPT_MADYA,
            JenisJabatan.FUNGSIONAL,
        },
    ),
    JenisJabatan.ADMINISTRATOR: (
        3,
        {JenisJabatan.PENGAWAS, JenisJabatan.ADMINISTRATOR, JenisJabatan.FUNGSIONAL},
    ),
    JenisJabatan.PENGAWAS: (
        4,
        {JenisJabatan.PELAKSANA, JenisJabatan.PENGAWAS, JenisJabatan.FUNGSIONAL},
    ),
}
USIA_MAKSIMAL_JPT = 56  # at appointment, PP 11/2017 Pasal 107 jo. PP 17/2020
SISA_MASA_KERJA_BULAN = 12  # [practice, configurable]: at least a year before retirement
TAHUN_INTEGRITAS = 5  # a sedang/berat sanction in the last N years lowers integritas (section 11)
PREDIKAT_LULUS = {kinerja_rules.SANGAT_BAIK, kinerja_rules.BAIK}


@dataclass(frozen=True)
class Syarat:
    """The vacancy's position and its requirements."""

    jenis_jabatan: str
    golongan_minimal: str = ""
    pendidikan_minimal: int = 0  # pegawai.pendidikan.urutan_pendidikan
    bidang_studi: frozenset[int] = frozenset()  # accepted fields; empty: any
    standar: Mapping[str, int] = field(default_factory=dict)
    batas_usia_pensiun: int = 58


@dataclass(frozen=True)
class Hukuman:
    jenis: str
    mulai: date
    selesai: date | None


@dataclass(frozen=True)
class Kandidat:
    """What the ranking needs to know of one employee."""

    pegawai_id: int
    nip: str
    nama: str
    jenis_kelamin: str
    tanggal_lahir: date
    status: str
    aktif: bool
    golongan: str
    tmt_golongan: date
    tmt_masuk: date
    pendidikan: int  # urutan_pendidikan
    bidang_studi: int | None
    predikat_tahunan: tuple[str, ...] = ()  # newest first
    hukuman: tuple[Hukuman, ...] = ()
    capaian: Mapping[str, int] | None = None  # latest assessment levels
    pengalaman: Mapping[str, Decimal] = field(default_factory=dict)  # years per position kind
    pengalaman_sejak: Mapping[str, date] = field(default_factory=dict)  # current post's kind start
    jp_pelatihan: int = 0
    diklat_kepemimpinan: bool = False


@dataclass(frozen=True)
class Alasan:
    """Why someone is not eligible, and from when they would be (None: not by time alone)."""

    kode: str
    pesan: str
    lulus_pada: date | None = None


@dataclass
class Hasil:
    kandidat: Kandidat
    layak: bool
    alasan: list[Alasan]
    komponen: dict[str, Decimal]
    skor: Decimal
    kotak_talenta: int | None
    peringkat: int | None = None


def _usia(lahir: date, pada: date) -> int:
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


def kelayakan(k: Kandidat, s: Syarat, pada: date) -> list[Alasan]:
    """Return the reasons the candidate may not fill the post on `pada` (empty: eligible)."""
    alasan: list[Alasan] = []
    if not k.aktif:
        alasan.append(Alasan("TIDAK_AKTIF", "Bukan pegawai berkedudukan aktif."))
    if s.jenis_jabatan in MANAJERIAL and k.status != "PNS":
        alasan.append(
            Alasan(
                "STATUS", "Jabatan manajerial diisi PNS (UU 20/2023 Pasal 13–18); pegawai ini PPPK."
            )
        )
    if s.golongan_minimal and gol.urutan(k.golongan) < gol.urutan(s.golongan_minimal):
        alasan.append(
            Alasan(
                "GOLONGAN",
                f"Golongan {gol.label(k.golongan)} di bawah golongan minimal "
                f"{gol.label(s.golongan_minimal)}.",
            )
        )
    if k.pendidikan < s.pendidikan_minimal:
        alasan.append(Alasan("PENDIDIKAN", "Pendidikan di bawah pendidikan minimal jabatan."))
    if s.bidang_studi and k.bidang_studi not in s.bidang_studi:
        alasan.append(Alasan("BIDANG_STUDI", "Bidang studi tidak termasuk yang diterima jabatan."))
    for h in k.hukuman:
        if (
            TINGKAT[h.jenis] != TingkatHukuman.RINGAN
            and h.mulai <= pada
            and (h.selesai is None or pada <= h.selesai)
        ):
            sampai = date.fromordinal(h.selesai.toordinal() + 1) if h.selesai else None
            alasan.append(
                Alasan(
                    "HUKUMAN_DISIPLIN",
                    "Sedang menjalani hukuman disiplin tingkat sedang/berat (PP 94/2021).",
                    sampai,
                )
            )
    pensiun = tanggal_pensiun(k.tanggal_lahir, s.batas_usia_pensiun)
    if s.jenis_jabatan in (JenisJabatan.JPT_PRATAMA, JenisJabatan.JPT_MADYA):
        if _usia(k.tanggal_lahir, pada) > USIA_MAKSIMAL_JPT:
            alasan.append(
                Alasan(
                    "USIA",
                    f"Usia di atas {USIA_MAKSIMAL_JPT} tahun saat pengangkatan (PP 11/2017 "
                    "Pasal 107 jo. PP 17/2020).",
                )
            )
    elif (pensiun.year - pada.year) * 12 + pensiun.month - pada.month < SISA_MASA_KERJA_BULAN:
        alasan.append(
            Alasan(
                "MASA_PENSIUN",
                f"Pensiun {pensiun:%d-%m-%Y}: kurang dari {SISA_MASA_KERJA_BULAN} bulan lagi.",
            )
        )
    if s.jenis_jabatan in PENGALAMAN:
        tahun, jenis = PENGALAMAN[s.jenis_jabatan]
        punya = sum((k.pengalaman.get(j, Decimal(0)) for j in jenis), Decimal(0))
        if punya < tahun:
            # Time resolves it when the current post counts: it accrues day by day.
            berjalan = [k.pengalaman_sejak[j] for j in jenis if j in k.pengalaman_sejak]
            kurang_hari = int((tahun - punya) * Decimal("365.25")) + 1
            lulus = date.fromordinal(pada.toordinal() + kurang_hari) if berjalan else None
            alasan.append(
                Alasan(
                    "PENGALAMAN",
                    f"Pengalaman jabatan terkait {punya} tahun; minimal {tahun} tahun.",
                    lulus,
                )
            )
    terakhir = k.predikat_tahunan[:2]
    if len(terakhir) < 2 or not set(terakhir) <= PREDIKAT_LULUS:
        alasan.append(
            Alasan(
                "KINERJA",
                "Predikat kinerja dua tahun terakhir harus minimal Baik (PermenPANRB 6/2022).",
            )
        )
    return alasan


def komponen(k: Kandidat, s: Syarat, pada: date) -> dict[str, Decimal]:
    """Return the six score components, each 0–100 with two decimals."""
    predikat = k.predikat_tahunan[:2]
    kinerja = (
        Decimal(sum(kinerja_rules.skor_predikat(p) for p in predikat)) / len(predikat)
        if predikat
        else Decimal(0)
    )
    kompetensi = jpm(k.capaian, s.standar) if (k.capaian and s.standar) else Decimal(0)
    kualifikasi = Decimal(min(100, 70 + 15 * max(0, k.pendidikan - s.pendidikan_minimal)))
    pengembangan = Decimal(min(100, k.jp_pelatihan * 5)) + (20 if k.diklat_kepemimpinan else 0)
    di_pangkat = _tahun_antara(k.tmt_golongan, pada)
    terkait = sum(k.pengalaman.values(), Decimal(0))
    pengalaman = min(Decimal(100), di_pangkat / 4 * 50 + terkait / 10 * 50)
    batas = _tambah_tahun(pada, -TAHUN_INTEGRITAS)
    integritas = Decimal(100)
    for h in k.hukuman:
        tingkat = TINGKAT[h.jenis]
        if tingkat != TingkatHukuman.RINGAN and h.mulai >= batas:
            integritas -= 30
        elif tingkat == TingkatHukuman.RINGAN and h.mulai >= _tambah_tahun(pada, -2):
            integritas -= 10
    nilai = {
        "kinerja": kinerja,
        "kompetensi": kompetensi,
        "kualifikasi": kualifikasi,
        "pengembangan": min(Decimal(100), pengembangan),
        "pengalaman": pengalaman,
        "integritas": max(Decimal(0), integritas),
    }
    return {kunci: v.quantize(DUA, ROUND_HALF_UP) for kunci, v in nilai.items()}


def skor(nilai: Mapping[str, Decimal], bobot: Bobot) -> Decimal:
    total = sum(nilai[k] * getattr(bobot, k) for k in KOMPONEN) / Decimal(100)
    return Decimal(total).quantize(DUA, ROUND_HALF_UP)


def kunci_duk(k: Kandidat) -> tuple:
    """Sort key of the DUK order (higher rank first, earlier TMT, longer service, ...)."""
    return (
        -gol.urutan(k.golongan),
        k.tmt_golongan,
        k.tmt_masuk,
        not k.diklat_kepemimpinan,
        -k.pendidikan,
        k.tanggal_lahir,
        k.nip,
    )


def kotak(k: Kandidat, s: Syarat) -> int | None:
    sumbu_k = kinerja_rules.sumbu_kinerja(list(k.predikat_tahunan[:2]))
    nilai_jpm = jpm(k.capaian, s.standar) if (k.capaian and s.standar) else None
    sumbu_p = kinerja_rules.sumbu_potensial(nilai_jpm)
    return kinerja_rules.kotak_talenta(sumbu_k, sumbu_p) if sumbu_k and sumbu_p else None


def peringkat(
    kandidat: Iterable[Kandidat],
    syarat: Syarat,
    *,
    pada: date,
    bobot: Bobot = Bobot(),
    hanya_talent_pool: bool = False,
) -> list[Hasil]:
    """Rank every candidate: the eligible by score (ties by DUK), then the excluded."""
    hasil = []
    for k in kandidat:
        alasan = kelayakan(k, syarat, pada)
        kotak_k = kotak(k, syarat)
        if hanya_talent_pool and (kotak_k not in kinerja_rules.TALENT_POOL):
            alasan.append(Alasan("TALENT_POOL", "Di luar kelompok rencana suksesi (kotak 7–9)."))
        nilai = komponen(k, syarat, pada)
        hasil.append(Hasil(k, not alasan, alasan, nilai, skor(nilai, bobot), kotak_k))
    hasil.sort(key=lambda h: (not h.layak, -h.skor, kunci_duk(h.kandidat)))
    for n, h in enumerate((h for h in hasil if h.layak), start=1):
        h.peringkat = n
    return hasil


def pita_usia(lahir: date, pada: date) -> str:
    usia = _usia(lahir, pada)
    return "<30" if usia < 30 else "30–39" if usia < 40 else "40–49" if usia < 50 else "50+"


def keadilan(hasil: Sequence[Hasil], pada: date, *, atas: int = 10) -> dict[str, dict]:
    """Shares of women and men and of age bands among all, the eligible and the top ten
    (pengarusutamaan gender): a rule or weight that shuts a group out shows here."""
    kelompok = {
        "semua": [h.kandidat for h in hasil],
        "layak": [h.kandidat for h in hasil if h.layak],
        "teratas": [h.kandidat for h in hasil if h.layak][:atas],
    }
    out = {}
    for nama, orang in kelompok.items():
        jk = {"L": 0, "P": 0}
        usia: dict[str, int] = {"<30": 0, "30–39": 0, "40–49": 0, "50+": 0}
        for k in orang:
            jk[k.jenis_kelamin] = jk.get(k.jenis_kelamin, 0) + 1
            usia[pita_usia(k.tanggal_lahir, pada)] += 1
        out[nama] = {"jumlah": len(orang), "jenis_kelamin": jk, "usia": usia}
    return out


def hitung_alasan(hasil: Sequence[Hasil]) -> dict[str, int]:
    """Count the excluded by reason code (one person may count under several)."""
    jumlah: dict[str, int] = {}
    for h in hasil:
        for a in h.alasan:
            jumlah[a.kode] = jumlah.get(a.kode, 0) + 1
    return dict(sorted(jumlah.items(), key=lambda t: -t[1]))


def dengan_bobot(hasil: Sequence[Hasil], bobot: Bobot) -> list[Hasil]:
    """Re-rank the same results under other weights (the what-if, nothing saved)."""
    baru = [replace(h, skor=skor(h.komponen, bobot), peringkat=None) for h in hasil]
    baru.sort(key=lambda h: (not h.layak, -h.skor, kunci_duk(h.kandidat)))
    for n, h in enumerate((h for h in baru if h.layak), start=1):
        h.peringkat = n
    return baru
