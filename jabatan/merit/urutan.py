"""Ranking the eligible candidates, the fairness shares, the counts by reason, what-if weights."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from django.utils.translation import gettext as _

from jabatan.merit import pengembangan, relevansi
from jabatan.merit.base import Alasan, Bobot, Hasil, Kandidat, Syarat, _usia
from jabatan.merit.kelayakan import kelayakan
from jabatan.merit.skor import komponen, kotak, kunci_duk, skor
from kinerja import rules as kinerja_rules


def peringkat(
    kandidat: Iterable[Kandidat],
    syarat: Syarat,
    *,
    pada: date,
    bobot: Bobot = Bobot(),  # noqa: B008 (a frozen dataclass: one shared default is safe)
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
        hasil.append(
            Hasil(
                k,
                not alasan,
                alasan,
                nilai,
                skor(nilai, bobot),
                kotak_k,
                keterangan=[
                    *relevansi.keterangan(k, syarat, pada),
                    *pengembangan.keterangan(k, syarat, pada),
                ],
            )
        )
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
