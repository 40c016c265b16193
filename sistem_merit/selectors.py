"""Reads of the merit-system index for its pages: one assessment with its aspects, criteria,
figures, levels, documents, the (estimated) total and band and the way to the next band; and
the final assessments year against year. Fixed numbers of queries, whatever the instrument's
size."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from sistem_merit import rules
from sistem_merit.bukti import BUKTI, Bukti
from sistem_merit.models import (
    Aspek,
    DokumenBukti,
    Instrumen,
    JawabanKriteria,
    LevelKriteria,
    Penilaian,
)
from sistem_merit.skor import level_of, spek_of, values_of


def penilaian_list() -> QuerySet[Penilaian]:
    return Penilaian.objects.select_related("instrumen").order_by("-tahun", "instrumen__kode")


@dataclass
class BarisKriteria:
    jawaban: JawabanKriteria
    bukti: Bukti | None
    tautan: str  # the page that shows or fixes the rows behind the figure ("" when none)
    level_kini: int  # HR's level, else the proposal, else the lowest (the estimate's input)

    @property
    def kriteria(self):
        return self.jawaban.kriteria


@dataclass
class BarisAspek:
    aspek: Aspek
    kriteria: list[BarisKriteria] = field(default_factory=list)
    skor: Decimal = Decimal(0)


@dataclass(frozen=True)
class LangkahTampil:
    baris: BarisKriteria
    naik: Decimal
    nilai_sesudah: Decimal


@dataclass
class Tampilan:
    penilaian: Penilaian
    spek: rules.Spek
    aspek: list[BarisAspek]
    nilai: Decimal
    kategori: str
    perkiraan: bool  # not final: levels still open count at their proposal
    belum_ditetapkan: int
    survei_kosong: bool  # the instrument weighs the survey and there is no score (counted 0)
    band_berikut: tuple[str, Decimal] | None
    langkah: list[LangkahTampil]


def _tautan(bukti: Bukti | None) -> str:
    if bukti is None or not bukti.tautan:
        return ""
    try:
        return reverse(bukti.tautan)
    except NoReverseMatch:
        return ""


def assessment_view(penilaian: Penilaian) -> Tampilan:
    """Return the assessment as its page shows it (4 queries: bands, answers with their
    criteria and aspects, the criteria's levels, the documents)."""
    instrumen = penilaian.instrumen
    spek = spek_of(instrumen)
    jawaban = list(
        JawabanKriteria.objects.filter(penilaian=penilaian)
        .select_related("kriteria__aspek__instrumen", "ditinjau_oleh")
        .prefetch_related(
            Prefetch("kriteria__level", queryset=LevelKriteria.objects.order_by("level")),
            Prefetch("dokumen", queryset=DokumenBukti.objects.order_by("created_at")),
        )
        .order_by("kriteria__aspek__nomor", "kriteria_id")
    )
    per_aspek: dict[int, BarisAspek] = {}
    per_kode: dict[str, BarisKriteria] = {}
    for j in jawaban:
        bukti = BUKTI.get(j.kriteria.bukti) if j.kriteria.bukti else None
        baris = BarisKriteria(
            jawaban=j,
            bukti=bukti,
            tautan=_tautan(bukti),
            level_kini=level_of(j, instrumen.level_min, resmi=False),
        )
        aspek = j.kriteria.aspek
        per_aspek.setdefault(aspek.nomor, BarisAspek(aspek)).kriteria.append(baris)
        per_kode[j.kriteria.kode] = baris
    nilai_kriteria = values_of(jawaban, resmi=False)
    for nomor, skor in rules.aspect_scores(spek, nilai_kriteria).items():
        per_aspek[nomor].skor = skor
    survei_kosong = bool(instrumen.bobot_survei) and penilaian.skor_survei is None
    if penilaian.final:
        nilai, kategori = penilaian.nilai, penilaian.kategori
    else:
        skor_survei = Decimal(0) if survei_kosong else penilaian.skor_survei
        nilai = rules.total(spek, nilai_kriteria, skor_survei) if nilai_kriteria else Decimal(0)
        kategori = rules.band(spek, nilai)
    langkah: list[LangkahTampil] = []
    band_berikut = None
    if nilai_kriteria:
        jalan = rules.steps_to_next_band(spek, nilai_kriteria, nilai)
        if jalan is not None:
            nama, batas, daftar = jalan
            band_berikut = (nama, batas)
            langkah = [LangkahTampil(per_kode[s.kode], s.naik, s.nilai_sesudah) for s in daftar]
    return Tampilan(
        penilaian=penilaian,
        spek=spek,
        aspek=[per_aspek[n] for n in sorted(per_aspek)],
        nilai=nilai,
        kategori=kategori,
        perkiraan=not penilaian.final,
        belum_ditetapkan=sum(1 for j in jawaban if j.level is None),
        survei_kosong=survei_kosong,
        band_berikut=band_berikut,
        langkah=langkah,
    )


@dataclass(frozen=True)
class Tahun:
    tahun: int
    nilai: Decimal
    kategori: str
    skor_aspek: dict[int, Decimal]  # aspect number -> score


def year_on_year(instrumen: Instrumen) -> list[Tahun]:
    """Return the final assessments of `instrumen`, oldest first, with per-aspect scores from
    their frozen record (one query)."""
    return [
        Tahun(
            tahun=p.tahun,
            nilai=p.nilai,
            kategori=p.kategori,
            skor_aspek={a["nomor"]: Decimal(a["skor"]) for a in p.ringkasan},
        )
        for p in Penilaian.objects.filter(
            instrumen=instrumen, status=Penilaian.Status.FINAL
        ).order_by("tahun")
    ]
