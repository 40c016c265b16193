"""The inputs and results of the merit rules: weights, requirements, candidates, reasons, labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy

from kinerja import rules as kinerja_rules
from pegawai.bulan import add_months
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.nip import format_nip

# .2: experience counted in days (no per-post rounding); .3: the talent box as the kinerja
# dashboard places it (the assessment's JPM, HR's bands in kinerja.PengaturanTalenta); .4:
# relevance — the field of study scored exact fit > same family > other, and experience in
# units of the post's government affair counted as related (jabatan.merit.relevansi); .5:
# competency development — JP of the last two years and the level's leadership training
# (jabatan.merit.pengembangan), weighted 10 by default; the leadership training as an
# eligibility rule where the merit profile requires it; .6: JPT appointment as PP 11/2017 Pasal 107
# jo. PP 17/2020 words it — two years in an Administrator post or as JF Ahli Madya (JABATAN_JPT),
# the age at registration per level, both overridable by the selection's announcement
# (jabatan.merit.jpt) — and the fields of study a sector regulation requires (BIDANG_STUDI)
ATURAN_VERSI = "merit-2026.6"


DUA = Decimal("0.01")


def tambah_tahun(d: date, tahun: int) -> date:
    """`d` plus `tahun` years, 29 February clamped to the 28th (pegawai.bulan)."""
    return add_months(d, 12 * tahun)


def hari_pengalaman(k: Kandidat, pada: date, jenis: Iterable[str] | None = None) -> int:
    """Days of definitive experience in the given position kinds (all when None) up to `pada`."""
    hari = sum(v for j, v in k.pengalaman_hari.items() if jenis is None or j in jenis)
    if k.jabatan_kini and k.jabatan_kini_mulai and (jenis is None or k.jabatan_kini in jenis):
        hari += max(0, (pada - k.jabatan_kini_mulai).days)
    return hari


def hari_minimal(tahun: int) -> int:
    """The fewest whole days that make `tahun` years of 365.25 days."""
    return -(-tahun * 1461 // 4)


def tahun_dari_hari(hari: int) -> Decimal:
    return (Decimal(hari) / Decimal("365.25")).quantize(DUA, ROUND_HALF_UP)


@dataclass(frozen=True)
class Bobot:
    """Weights of the score components, in percent (a merit profile per position kind)."""

    # The merit system is "kualifikasi, kompetensi, dan kinerja" (UU 20/2023 Pasal 1 angka 22).
    # Since merit-2026.5 competence is measured twice — the assessed level (kompetensi, 20) and
    # its development (pengembangan, 10: JP and leadership training, jabatan.merit.pengembangan)
    # — so the competence pillar weighs 30 beside kinerja 25 and kualifikasi 25, and experience
    # gives up 5 (related experience already counts three times in it). Before: 25/25/25/0/15/10
    # (no training records yet). On the demo the top ten for a health post stay mostly health
    # people (tests/jabatan/test_relevansi.py).
    kinerja: int = 25
    kompetensi: int = 20
    kualifikasi: int = 25
    pengembangan: int = 10
    pengalaman: int = 10
    integritas: int = 10

    def __post_init__(self) -> None:
        nilai = self.sebagai_dict()
        if any(v < 0 for v in nilai.values()) or sum(nilai.values()) != 100:
            raise ValueError(f"weights must be non-negative and sum to 100, got {nilai}")

    def sebagai_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in KOMPONEN}


KOMPONEN = ("kinerja", "kompetensi", "kualifikasi", "pengembangan", "pengalaman", "integritas")


# Years of related experience a position asks (docs/aturan.md §5): JPT Pratama 5 years in
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


SISA_MASA_KERJA_BULAN = 12  # [practice, set here]: at least a year before retirement


TAHUN_INTEGRITAS = 5  # a sedang/berat sanction in the last N years lowers integritas (section 11)


PREDIKAT_LULUS = {kinerja_rules.SANGAT_BAIK, kinerja_rules.BAIK}


@dataclass(frozen=True)
class Syarat:
    """The vacancy's position and its requirements."""

    jenis_jabatan: str
    golongan_minimal: str = ""
    pendidikan_minimal: int = 0  # pegawai.pendidikan.urutan_pendidikan
    bidang_studi: frozenset[int] = frozenset()  # accepted fields; empty: any
    # The position requires a field of study by regulation (Jabatan.rumpun_wajib and
    # dasar_bidang_studi): the families' and fields' names and the regulation, for the
    # explanation of BIDANG_STUDI (their fields are in `bidang_studi`).
    bidang_wajib: tuple[str, ...] = ()
    dasar_bidang_studi: str = ""
    standar: Mapping[str, int] = field(default_factory=dict)
    batas_usia_pensiun: int = 58
    # Relevance (jabatan.merit.relevansi): the fields that fit the post exactly and those of the
    # same family, from the position's accepted fields or else from the government affair of
    # the post's unit (jabatan.selectors.syarat_formasi); `sumber_relevansi` "" when neither
    # names any (then every field counts as fitting). `urusan`: that affair's id, whose units'
    # posts count as related experience.
    bidang_sesuai: frozenset[int] = frozenset()
    bidang_serumpun: frozenset[int] = frozenset()
    sumber_relevansi: str = ""  # "jabatan", "urusan" or ""
    urusan: int | None = None
    nama_urusan: str = ""
    nama_bidang: Mapping[int, str] = field(default_factory=dict)  # names for the explanations
    # The merit profile makes the level's leadership training an eligibility rule; the names of
    # the catalogue programs that clear it (jabatan.merit.pengembangan).
    kepemimpinan_syarat: bool = False
    program_kepemimpinan: tuple[str, ...] = ()
    # JPT posts (jabatan.merit.jpt): the age limit at registration and the years in a counting
    # post as the selection's announcement sets them (None: the regulation's), and what the
    # announcement rests on (its number, the President's approval of an exception).
    usia_maksimal_jpt: int | None = None
    tahun_jabatan_jpt: int | None = None
    sumber_pengecualian: str = ""


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
    # Days in ended definitive fungsional posts per level, and the running post's level: the
    # position history's functional level, which the JPT rule counts (jabatan.merit.jpt).
    pengalaman_jenjang_hari: Mapping[str, int] = field(default_factory=dict)
    jenjang_kini: str = ""
    # Days in ended definitive posts per government affair (id) of the post's unit, and the
    # affair of the running post's unit: related experience (jabatan.merit.relevansi).
    pengalaman_urusan_hari: Mapping[int, int] = field(default_factory=dict)
    urusan_kini: int | None = None
    # JP per calendar year and the level of the highest leadership program completed (0 none,
    # 1 PKP ... 4 PKN I: jabatan.merit.pengembangan.TINGKAT).
    jp_per_tahun: Mapping[int, int] = field(default_factory=dict)
    tingkat_kepemimpinan: int = 0
    # The latest assessment's JPM against the position held then: the talent grid's potensial
    # axis, as the kinerja dashboard reads it (not the JPM against the vacancy's standard).
    jpm: Decimal | None = None
    # SIASN's kedudukan hukum ("" unknown): whether they may be ranked (pegawai.kedudukan_hukum).
    kedudukan_hukum: str = ""

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
    "KEDUDUKAN_HUKUM": gettext_lazy("Kedudukan hukum tidak memungkinkan diperingkat"),
    "STATUS": gettext_lazy("Bukan PNS (jabatan manajerial)"),
    "GOLONGAN": gettext_lazy("Golongan di bawah minimal"),
    "PENDIDIKAN": gettext_lazy("Pendidikan di bawah minimal"),
    "BIDANG_STUDI": gettext_lazy("Bidang studi tidak sesuai syarat jabatan"),
    "HUKUMAN_DISIPLIN": gettext_lazy("Sedang menjalani hukuman disiplin sedang/berat"),
    "USIA": gettext_lazy("Usia di atas batas pendaftaran JPT"),
    "JABATAN_JPT": gettext_lazy("Belum cukup lama menduduki jabatan yang disyaratkan JPT"),
    "MASA_PENSIUN": gettext_lazy("Kurang dari setahun sebelum pensiun"),
    "PENGALAMAN": gettext_lazy("Pengalaman jabatan terkait kurang"),
    "KINERJA": gettext_lazy("Predikat kinerja dua tahun terakhir di bawah Baik"),
    "TALENT_POOL": gettext_lazy("Di luar kelompok rencana suksesi"),
    "KEPEMIMPINAN": gettext_lazy("Belum lulus pelatihan kepemimpinan jenjangnya"),
}


LABEL_KOMPONEN = {
    "kinerja": gettext_lazy("Kinerja"),
    "kompetensi": gettext_lazy("Kompetensi"),
    "kualifikasi": gettext_lazy("Kualifikasi"),
    "pengembangan": gettext_lazy("Pengembangan"),
    "pengalaman": gettext_lazy("Pengalaman"),
    "integritas": gettext_lazy("Integritas"),
}


# The same, shortened for the ranking table's column headers (the full label is the header's
# accessible name and its tooltip), so the six components fit beside name, unit and score.
LABEL_KOMPONEN_SINGKAT = {
    "kinerja": gettext_lazy("Kin."),
    "kompetensi": gettext_lazy("Komp."),
    "kualifikasi": gettext_lazy("Kual."),
    "pengembangan": gettext_lazy("Pbg."),
    "pengalaman": gettext_lazy("Pgl."),
    "integritas": gettext_lazy("Int."),
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
    # The relevance of field of study and experience, in words (jabatan.merit.relevansi).
    keterangan: list[str] = field(default_factory=list)


def _usia(lahir: date, pada: date) -> int:
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))
