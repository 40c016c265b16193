"""From rows to the pure rules' inputs: an instrument's formula, the criteria's levels, and
the employees' survey score of the assessment's year."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sistem_merit import rules
from sistem_merit.models import Instrumen, JawabanKriteria, Penilaian
from survei.pegawai.selectors import skor_indeks


def spek_of(instrumen: Instrumen) -> rules.Spek:
    """Return what the formula needs of `instrumen` (one query for its bands)."""
    return rules.Spek(
        rumus=instrumen.rumus,
        level_min=instrumen.level_min,
        level_max=instrumen.level_max,
        bobot_survei=instrumen.bobot_survei,
        kategori=[(k.nama, k.batas_bawah) for k in instrumen.kategori.all()],
    )


def level_of(jawaban: JawabanKriteria, level_min: int, *, resmi: bool) -> int:
    """Return the level that counts: HR's; in an estimate, else the proposal, else the lowest."""
    if jawaban.level is not None or resmi:
        return jawaban.level
    return jawaban.level_usulan if jawaban.level_usulan is not None else level_min


def values_of(jawaban: Iterable[JawabanKriteria], *, resmi: bool) -> list[rules.KriteriaNilai]:
    """Return the rules' view of the answers (`kriteria__aspek__instrumen` selected)."""
    return [
        rules.KriteriaNilai(
            kode=j.kriteria.kode,
            aspek=j.kriteria.aspek.nomor,
            bobot_aspek=j.kriteria.aspek.bobot,
            level=level_of(j, j.kriteria.aspek.instrumen.level_min, resmi=resmi),
        )
        for j in jawaban
    ]


def survey_score(penilaian: Penilaian) -> Decimal | None:
    """Return the employees' satisfaction and engagement score (0–1) of the assessment's year,
    or None when the instrument does not weigh it or it may not be used yet."""
    if not penilaian.instrumen.bobot_survei:
        return None
    return skor_indeks(penilaian.tahun)
