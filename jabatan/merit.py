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

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja import rules as kinerja_rules
from pegawai import golongan as gol
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.jenis_jabatan import MANAJERIAL, JenisJabatan
from pegawai.kompetensi import jpm
from pegawai.nip import format_nip
from pegawai.pensiun import tanggal_pensiun

# .2: experience counted in days (no per-post rounding); .3: the talent box as the kinerja
# dashboard places it (the assessment's JPM, HR's bands in kinerja.PengaturanTalenta)
ATURAN_VERSI = "merit-2026.3"
DUA = Decimal("0.01")


def tambah_tahun(d: date, tahun: int) -> date:
    day = min(d.day, calendar.monthrange(d.year + tahun, d.month)[1])
    return date(d.year + tahun, d.month, day)


def hari_pengalaman(k: Kandidat, pada: date, jenis: Iterable[str] | None = None) -> int:
    """Days of definitive experience in the given position kinds (all when None) up to `pada`."""
    hari = sum(v for j, v in k.pengalaman_hari.items() if jenis is None or j in jenis)
    if k.jabatan_kini and k.jabatan_kini_mulai and (jenis is None or k.jabatan_kini in jenis):
        hari += max(0, (pada - k.jabatan_kini_mulai).days)
    return hari


def tahun_dari_hari(hari: int) -> Decimal:
    return (Decimal(hari) / Decimal("365.25")).quantize(DUA, ROUND_HALF_UP)


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
    # Days in ended definitive posts per position kind, and the kind and start of the running one:
    # experience accrues by the day, so the pure rules and the SQL ranking compute it alike.
    pengalaman_hari: Mapping[str, int] = field(default_factory=dict)
    jabatan_kini: str = ""
    jabatan_kini_mulai: date | None = None
    jp_pelatihan: int = 0
    diklat_kepemimpinan: bool = False
    # The latest assessment's JPM against the position held then: the talent grid's potensial
    # axis, as the kinerja dashboard reads it (not the JPM against the vacancy's standard).
    jpm: Decimal | None = None

    @property
    def nip_tercetak(self) -> str:
        """The NIP grouped as printed on decrees (pegawai.nip.format_nip)."""
        try:
            return format_nip(self.nip, pppk=self.status == "PPPK")
        except ValueError:
            return self.nip


# The reasons by code, as the ranking page and the exports name them.
LABEL_ALASAN = {
    "TIDAK_AKTIF": gettext_lazy("Tidak berkedudukan aktif"),
    "STATUS": gettext_lazy("Bukan PNS (jabatan manajerial)"),
    "GOLONGAN": gettext_lazy("Golongan di bawah minimal"),
    "PENDIDIKAN": gettext_lazy("Pendidikan di bawah minimal"),
    "BIDANG_STUDI": gettext_lazy("Bidang studi tidak diterima"),
    "HUKUMAN_DISIPLIN": gettext_lazy("Sedang menjalani hukuman disiplin sedang/berat"),
    "USIA": gettext_lazy("Usia di atas batas pengangkatan JPT"),
    "MASA_PENSIUN": gettext_lazy("Kurang dari setahun sebelum pensiun"),
    "PENGALAMAN": gettext_lazy("Pengalaman jabatan terkait kurang"),
    "KINERJA": gettext_lazy("Predikat kinerja dua tahun terakhir di bawah Baik"),
    "TALENT_POOL": gettext_lazy("Di luar kelompok rencana suksesi"),
}
LABEL_KOMPONEN = {
    "kinerja": gettext_lazy("Kinerja"),
    "kompetensi": gettext_lazy("Kompetensi"),
    "kualifikasi": gettext_lazy("Kualifikasi"),
    "pengembangan": gettext_lazy("Pengembangan"),
    "pengalaman": gettext_lazy("Pengalaman"),
    "integritas": gettext_lazy("Integritas"),
}


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
        alasan.append(Alasan("TIDAK_AKTIF", _("Bukan pegawai berkedudukan aktif.")))
    if s.jenis_jabatan in MANAJERIAL and k.status != "PNS":
        alasan.append(
            Alasan(
                "STATUS",
                _("Jabatan manajerial diisi PNS (UU 20/2023 Pasal 13–18); pegawai ini PPPK."),
            )
        )
    if s.golongan_minimal and gol.urutan(k.golongan) < gol.urutan(s.golongan_minimal):
        alasan.append(
            Alasan(
                "GOLONGAN",
                _("Golongan %(g)s di bawah golongan minimal %(m)s.")
                % {"g": gol.label(k.golongan), "m": gol.label(s.golongan_minimal)},
            )
        )
    if k.pendidikan < s.pendidikan_minimal:
        alasan.append(Alasan("PENDIDIKAN", _("Pendidikan di bawah pendidikan minimal jabatan.")))
    if s.bidang_studi and k.bidang_studi not in s.bidang_studi:
        alasan.append(
            Alasan("BIDANG_STUDI", _("Bidang studi tidak termasuk yang diterima jabatan."))
        )
    berjalan = [
        h
        for h in k.hukuman
        if TINGKAT[h.jenis] != TingkatHukuman.RINGAN
        and h.mulai <= pada
        and (h.selesai is None or pada <= h.selesai)
    ]
    if berjalan:
        # Passes the day after the last running sanction ends; never by time when one is open.
        terbuka = any(h.selesai is None for h in berjalan)
        akhir = max(h.selesai for h in berjalan if h.selesai) if not terbuka else None
        alasan.append(
            Alasan(
                "HUKUMAN_DISIPLIN",
                _("Sedang menjalani hukuman disiplin tingkat sedang/berat (PP 94/2021)."),
                date.fromordinal(akhir.toordinal() + 1) if akhir else None,
            )
        )
    pensiun = tanggal_pensiun(k.tanggal_lahir, s.batas_usia_pensiun)
    if s.jenis_jabatan in (JenisJabatan.JPT_PRATAMA, JenisJabatan.JPT_MADYA):
        if _usia(k.tanggal_lahir, pada) > USIA_MAKSIMAL_JPT:
            alasan.append(
                Alasan(
                    "USIA",
                    _(
                        "Usia di atas %(u)s tahun saat pengangkatan (PP 11/2017 Pasal 107 jo. "
                        "PP 17/2020)."
                    )
                    % {"u": USIA_MAKSIMAL_JPT},
                )
            )
    elif (pensiun.year - pada.year) * 12 + pensiun.month - pada.month < SISA_MASA_KERJA_BULAN:
        alasan.append(
            Alasan(
                "MASA_PENSIUN",
                _("Pensiun %(t)s: kurang dari %(b)s bulan lagi.")
                % {"t": f"{pensiun:%d-%m-%Y}", "b": SISA_MASA_KERJA_BULAN},
            )
        )
    if s.jenis_jabatan in PENGALAMAN:
        tahun, jenis = PENGALAMAN[s.jenis_jabatan]
        punya = hari_pengalaman(k, pada, jenis)
        perlu = hari_minimal(tahun)
        if punya < perlu:
            # Time resolves it when the current post counts: it accrues day by day.
            berjalan = k.jabatan_kini in jenis and k.jabatan_kini_mulai is not None
            lulus = date.fromordinal(pada.toordinal() + perlu - punya) if berjalan else None
            alasan.append(
                Alasan(
                    "PENGALAMAN",
                    _("Pengalaman jabatan terkait %(p)s tahun; minimal %(m)s tahun.")
                    % {"p": number_format(tahun_dari_hari(punya), 2), "m": tahun},
                    lulus,
                )
            )
    terakhir = k.predikat_tahunan[:2]
    if len(terakhir) < 2 or not set(terakhir) <= PREDIKAT_LULUS:
        alasan.append(
            Alasan(
                "KINERJA",
                _(
                    "Predikat kinerja dua tahun terakhir: %(p)s; keduanya harus minimal Baik "
                    "(PermenPANRB 6/2022)."
                )
                % {"p": ", ".join([*terakhir, *[_("belum dinilai")] * (2 - len(terakhir))])},
            )
        )
    return alasan


def hari_minimal(tahun: int) -> int:
    """The fewest whole days that make `tahun` years of 365.25 days."""
    return -(-tahun * 1461 // 4)


def nilai_pengalaman(hari_pangkat: int, hari_jabatan: int) -> Decimal:
    """Experience component: 50 points per 4 years in rank plus 50 per 10 years in definitive
    posts, capped at 100 — (5·rank days + 2·post days)·10 / 1461, rounded once (half up), so the
    SQL ranking (jabatan/peringkat.py) computes the very same number."""
    nilai = Decimal((5 * hari_pangkat + 2 * hari_jabatan) * 10) / 1461
    return min(Decimal(100), nilai.quantize(DUA, ROUND_HALF_UP))


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
    pengalaman = nilai_pengalaman(max(0, (pada - k.tmt_golongan).days), hari_pengalaman(k, pada))
    batas = tambah_tahun(pada, -TAHUN_INTEGRITAS)
    integritas = Decimal(100)
    for h in k.hukuman:
        tingkat = TINGKAT[h.jenis]
        if tingkat != TingkatHukuman.RINGAN and h.mulai >= batas:
            integritas -= 30
        elif tingkat == TingkatHukuman.RINGAN and h.mulai >= tambah_tahun(pada, -2):
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


def kotak(
    k: Kandidat,
    pita_kinerja: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
    pita_potensial: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
) -> int | None:
    """Return the person's talent box by kinerja's rule (PermenPANRB 3/2020), with the bands HR
    set (kinerja.models.PengaturanTalenta): the same box the kinerja dashboard shows."""
    sumbu_k = kinerja_rules.sumbu_kinerja(list(k.predikat_tahunan[:2]), pita_kinerja)
    sumbu_p = kinerja_rules.sumbu_potensial(k.jpm, pita_potensial)
    return kinerja_rules.kotak_talenta(sumbu_k, sumbu_p) if sumbu_k and sumbu_p else None


def peringkat(
    kandidat: Iterable[Kandidat],
    syarat: Syarat,
    *,
    pada: date,
    bobot: Bobot = Bobot(),
    hanya_talent_pool: bool = False,
    pita_kinerja: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
    pita_potensial: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
) -> list[Hasil]:
    """Rank every candidate: the eligible by score (ties by DUK), then the excluded.

    The talent box (and the talent-pool rule) uses HR's bands, `pita_kinerja` and
    `pita_potensial` (kinerja.models.PengaturanTalenta.aktif())."""
    hasil = []
    for k in kandidat:
        alasan = kelayakan(k, syarat, pada)
        kotak_k = kotak(k, pita_kinerja, pita_potensial)
        if hanya_talent_pool and (kotak_k not in kinerja_rules.TALENT_POOL):
            alasan.append(Alasan("TALENT_POOL", _("Di luar kelompok rencana suksesi (kotak 7–9).")))
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
