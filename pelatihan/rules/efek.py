"""Did it work? The participants of a program against similar employees who did not attend:
their next predikat and their assessed levels of the competencies the program develops, each
figure with the number of people behind it and none from fewer than `MINIMAL_KELOMPOK` (no ORM).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from kinerja import rules as kinerja_rules
from pelatihan.rules.kebutuhan import NAMA_KOMPETENSI

# No figure from fewer people than this, on either side: with fewer than 10, one person moves a
# share by 10 points or more, and a small group's figure points at individuals.
MINIMAL_KELOMPOK = 10


@dataclass(frozen=True)
class EfekKompetensi:
    """One competency the program develops: the assessed level before the training year and
    after it, of the participants and of non-attendees who started at the same levels."""

    kode: str
    n_peserta: int
    n_pembanding: int
    awal_peserta: float | None  # mean level before, None below the minimum
    akhir_peserta: float | None  # mean level after
    naik_peserta: float | None  # share whose level rose
    awal_pembanding: float | None
    akhir_pembanding: float | None
    naik_pembanding: float | None

    @property
    def nama(self) -> str:
        return NAMA_KOMPETENSI[self.kode]

    @property
    def cukup(self) -> bool:
        return self.naik_peserta is not None and self.naik_pembanding is not None


@dataclass(frozen=True)
class Efek:
    program_id: int
    nama: str
    n_peserta: int
    n_pembanding: int
    naik_peserta: float | None  # share whose predikat improved, None below the minimum
    naik_pembanding: float | None
    tetap_baik_peserta: float | None  # share at Baik or better after
    kompetensi: tuple[EfekKompetensi, ...] = ()

    @property
    def cukup(self) -> bool:
        return self.naik_peserta is not None and self.naik_pembanding is not None


def _skor(predikat: str) -> int:
    return kinerja_rules.skor_predikat(predikat)


def efek_kompetensi(
    kode: str,
    peserta: Mapping[int, tuple[int, int]],
    lainnya: Mapping[int, tuple[int, int]],
    minimal: int = MINIMAL_KELOMPOK,
) -> EfekKompetensi:
    """Compare the participants' assessed level of competency `kode` before and after with
    that of non-attendees who started at a level some participant started at (PermenPANRB
    38/2017 levels 1–5).

    `peserta` / `lainnya`: {employee: (level before, level after)}. Means and the share whose
    level rose are given only for a side with at least `minimal` people.
    """
    awal = {sebelum for sebelum, _s in peserta.values()}
    pembanding = [v for k, v in lainnya.items() if v[0] in awal and k not in peserta]

    def angka(rows: Sequence[tuple[int, int]]) -> tuple[float | None, float | None, float | None]:
        if len(rows) < minimal:
            return None, None, None
        n = len(rows)
        return (
            round(sum(a for a, _b in rows) / n, 2),
            round(sum(b for _a, b in rows) / n, 2),
            round(100 * sum(b > a for a, b in rows) / n, 1),
        )

    p, q = angka(list(peserta.values())), angka(pembanding)
    return EfekKompetensi(kode, len(peserta), len(pembanding), *p, *q)


def efek_program(
    program_id: int,
    nama: str,
    peserta: Mapping[int, tuple[str, str]],
    lainnya: Mapping[int, tuple[str, str]],
    minimal: int = MINIMAL_KELOMPOK,
    *,
    kompetensi: Sequence[str] = (),
    ikut: Collection[int] = (),
    level: Mapping[int, tuple[Mapping[str, int], Mapping[str, int]]] | None = None,
) -> Efek:
    """Compare the participants' predikat before and after the training year with those of
    similar employees who did not attend (same predikat before, the same years), and, for each
    competency the program develops (`kompetensi`), their assessed levels (efek_kompetensi).

    `peserta` / `lainnya`: {employee: (predikat before, predikat after)}. The comparison group is
    matched on the predikat before: for each participant's starting predikat, the non-attendees
    who started there. Shares are given only when each side has at least `minimal` people.
    `ikut`: every participant (with or without both predikat); `level`: {employee: (levels
    before, levels after)} of everyone assessed on both sides of the training year.
    """
    awal = {sebelum for sebelum, _s in peserta.values()}
    pembanding = {k: v for k, v in lainnya.items() if v[0] in awal and k not in peserta}

    # Counted per distinct (before, after) pair: a city's comparison group is ~100,000
    # employees with a few dozen distinct pairs, each program compared against it.
    def naik(rows) -> float | None:
        if len(rows) < minimal:
            return None
        pasangan = Counter(rows)
        n = sum(k for (a, b), k in pasangan.items() if _skor(b) > _skor(a))
        return round(100 * n / len(rows), 1)

    baik = None
    if len(peserta) >= minimal:
        sesudah = Counter(b for _a, b in peserta.values())
        ok = sum(k for b, k in sesudah.items() if _skor(b) >= _skor(kinerja_rules.BAIK))
        baik = round(100 * ok / len(peserta), 1)
    per_kompetensi = []
    if level:
        ikut = set(ikut) | set(peserta)
        for kode in kompetensi:
            dua = {
                pid: (a[kode], b[kode])
                for pid, (a, b) in level.items()
                if a.get(kode) is not None and b.get(kode) is not None
            }
            per_kompetensi.append(
                efek_kompetensi(
                    kode,
                    {pid: v for pid, v in dua.items() if pid in ikut},
                    {pid: v for pid, v in dua.items() if pid not in ikut},
                    minimal,
                )
            )
    return Efek(
        program_id,
        nama,
        len(peserta),
        len(pembanding),
        naik(list(peserta.values())),
        naik(list(pembanding.values())),
        baik,
        tuple(per_kompetensi),
    )
