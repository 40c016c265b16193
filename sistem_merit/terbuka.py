"""Reads of the public page of the merit-system index: the latest final assessment (or a
year's) from its frozen record (`Penilaian.ringkasan`, never the live answers), and the method
it was scored by.

Only final assessments are public. Their figures are counts for the whole agency (how many of
how many posts, employees, decisions): nothing about any one person is in the frozen record,
and nothing else of an assessment is read here. The method (formula, bands, weights, sources,
which rows are not yet matched with the official text) is read from the instrument's rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sistem_merit import rules
from sistem_merit.grafik import aspek_final, per_aspek
from sistem_merit.models import Aspek, Kategori, Kriteria, Penilaian, Rumus
from sistem_merit.selectors import year_on_year

SERATUS = Decimal(100)


def final_assessments():
    """Return the public assessments: the final ones, latest year first."""
    return (
        Penilaian.objects.filter(status=Penilaian.Status.FINAL)
        .select_related("instrumen")
        .order_by("-tahun", "-difinalkan_pada", "-pk")
    )


def latest_final(tahun: int | None = None) -> Penilaian | None:
    """Return the latest final assessment (of `tahun` when given), or None."""
    qs = final_assessments()
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return qs.first()


def public_years() -> list[int]:
    """Return the years that have a final assessment, latest first."""
    return sorted(set(final_assessments().values_list("tahun", flat=True)), reverse=True)


def share(a: object, b: object) -> Decimal | None:
    """Return a / b in percent, or None when there is nothing to measure."""
    if a is None or not b:
        return None
    return Decimal(a) / Decimal(b) * SERATUS


@dataclass
class KriteriaPublik:
    kode: str
    uraian: str
    dari_data: bool  # the figure is computed from the system's data (an evidence function)
    pembilang: int | None
    penyebut: int | None
    persen: Decimal | None
    angka: str
    level_usulan: int | None
    level: int
    terverifikasi: bool
    sumber: str

    @property
    def diubah(self) -> bool:
        """HR set another level than the data proposed (with a reason, kept with HR)."""
        return self.level_usulan is not None and self.level != self.level_usulan


@dataclass
class AspekPublik:
    nomor: int
    nama: str
    bobot: Decimal
    skor: Decimal
    maks: Decimal
    terverifikasi: bool
    sumber: str
    kriteria: list[KriteriaPublik] = field(default_factory=list)

    @property
    def persen(self) -> Decimal:
        return self.skor / self.maks * SERATUS if self.maks else Decimal(0)


@dataclass(frozen=True)
class Baris:
    """A row of the method that is not yet matched with the official text."""

    apa: str
    sumber: str


@dataclass
class Publik:
    penilaian: Penilaian
    aspek: list[AspekPublik]
    skala: tuple[Decimal, Decimal]
    kategori: list[Kategori]
    rumus: str  # the formula in words
    belum_terverifikasi: list[Baris]
    grafik: dict
    tahun_lain: list[int]


def formula_in_words(penilaian: Penilaian) -> str:
    """Return how the total is computed, in words, for the public (rules' module docstring)."""
    instrumen = penilaian.instrumen
    if instrumen.rumus == Rumus.JUMLAH_2018:
        return _(
            "Setiap kriteria diberi level %(lo)d sampai %(hi)d. Nilai satu aspek adalah "
            "rata-rata level kriterianya dikali bobot aspek (persen); nilai total adalah jumlah "
            "nilai semua aspek, dari %(min)d sampai %(max)d. Kategori adalah kategori tertinggi "
            "yang batas bawahnya dicapai nilai total."
        ) % {
            "lo": instrumen.level_min,
            "hi": instrumen.level_max,
            "min": instrumen.level_min * 100,
            "max": instrumen.level_max * 100,
        }
    teks = _(
        "Setiap indikator diberi level %(lo)d sampai %(hi)d. Kematangan satu aspek adalah "
        "rata-rata level indikatornya dibagi level tertinggi (%(hi)d), dikali bobot aspek; "
        "kematangan instansi adalah jumlahnya (0 sampai 1)."
    ) % {"lo": instrumen.level_min, "hi": instrumen.level_max}
    if instrumen.bobot_survei:
        teks += " " + _(
            "Indeks = (1 − %(s)s) × kematangan + %(s)s × skor survei kepuasan dan keterikatan "
            "pegawai (0 sampai 1)."
        ) % {"s": number_format((instrumen.bobot_survei / SERATUS).normalize())}
    return teks + " " + _("Kategori adalah kategori tertinggi yang batas bawahnya dicapai indeks.")


def public_view(penilaian: Penilaian) -> Publik:
    """Return the final assessment as the public page shows it (5 queries: bands, aspects,
    criteria, the years' chart, the other years)."""
    instrumen = penilaian.instrumen
    kategori = list(Kategori.objects.filter(instrumen=instrumen).order_by("batas_bawah"))
    aspek_baris = {a.nomor: a for a in Aspek.objects.filter(instrumen=instrumen)}
    kriteria_baris = {
        (k.aspek.nomor, k.kode): k
        for k in Kriteria.objects.filter(aspek__instrumen=instrumen).select_related("aspek")
    }
    aspek = []
    for a in penilaian.ringkasan:
        baris = aspek_baris.get(a["nomor"])
        bobot = Decimal(a["bobot"])
        ap = AspekPublik(
            nomor=a["nomor"],
            nama=a["nama"],
            bobot=bobot,
            skor=Decimal(a["skor"]),
            maks=rules.aspect_max(instrumen.rumus, bobot, instrumen.level_max),
            terverifikasi=bool(baris and baris.terverifikasi),
            sumber=baris.sumber if baris else "",
        )
        for k in a["kriteria"]:
            kb = kriteria_baris.get((a["nomor"], k["kode"]))
            ap.kriteria.append(
                KriteriaPublik(
                    kode=k["kode"],
                    uraian=k["uraian"],
                    dari_data=bool(k.get("bukti")),
                    pembilang=k.get("pembilang"),
                    penyebut=k.get("penyebut"),
                    persen=share(k.get("pembilang"), k.get("penyebut")),
                    angka=k.get("angka") or "",
                    level_usulan=k.get("level_usulan"),
                    level=k["level"],
                    terverifikasi=bool(kb and kb.terverifikasi),
                    sumber=kb.sumber if kb else "",
                )
            )
        aspek.append(ap)
    belum = [
        Baris(_("Kategori %(n)s") % {"n": k.nama}, k.sumber)
        for k in kategori
        if not k.terverifikasi
    ]
    for ap in aspek:
        if not ap.terverifikasi:
            belum.append(Baris(_("Aspek %(n)d. %(a)s") % {"n": ap.nomor, "a": ap.nama}, ap.sumber))
        belum += [
            Baris(_("Kriteria %(k)s") % {"k": k.kode}, k.sumber)
            for k in ap.kriteria
            if not k.terverifikasi
        ]
    if instrumen.bobot_survei and not instrumen.bobot_survei_terverifikasi:
        belum.append(Baris(_("Bobot survei pegawai"), instrumen.sumber_bobot_survei))
    tahun = year_on_year(instrumen)
    return Publik(
        penilaian=penilaian,
        aspek=aspek,
        skala=rules.scale(instrumen.rumus, instrumen.level_min, instrumen.level_max),
        kategori=kategori,
        rumus=formula_in_words(penilaian),
        belum_terverifikasi=belum,
        grafik=per_aspek(tahun, aspek_final(penilaian)),
        tahun_lain=[t for t in public_years() if t != penilaian.tahun],
    )
