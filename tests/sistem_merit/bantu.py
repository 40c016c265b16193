"""Small instruments built through the real loader (sistem_merit.muat), for the index's tests.

`data_2018()` and `data_2025()` return instrument data in the shipped files' format, small
enough to count by hand; `buat(data)` loads it. The evidence key `uji.ditentukan` is a real
registered evidence function whose figure the test sets (`FIGUR`), so a test can walk the
level rule's every edge; the real evidence functions have their own tests
(tests/sistem_merit/test_bukti_*.py)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from django.apps import apps

from sistem_merit import muat
from sistem_merit.bukti import BUKTI, Angka, Bukti, daftar
from sistem_merit.models import Instrumen

KUNCI_UJI = "uji.ditentukan"
# The figure `uji.ditentukan` returns: (pembilang, penyebut), set by the test.
FIGUR: dict[str, tuple[int, int]] = {"nilai": (0, 0)}


def _hitung(tanggal: date) -> Angka:
    a, b = FIGUR["nilai"]
    return Angka(a, b, f"{a} dari {b} baris uji", f"{b - a} baris uji kurang" if a < b else "")


def _baris(tanggal: date):
    a, b = FIGUR["nilai"]
    return ["baris", "memenuhi"], [(i, i < a) for i in range(b)]


if KUNCI_UJI not in BUKTI:
    daftar(
        Bukti(
            kode=KUNCI_UJI,
            judul="Bukti uji",
            hitung=_hitung,
            baris=_baris,
            tautan="jabatan:lowongan",
            sumber="uji",
        )
    )


def _levels(lo: int, hi: int, kode: str) -> list[dict[str, Any]]:
    return [{"level": lv, "uraian": f"{kode} level {lv}"} for lv in range(lo, hi + 1)]


def _kriteria(kode: str, lo: int, hi: int, *, bukti: str | None, ambang=None) -> dict[str, Any]:
    return {
        "kode": kode,
        "sub_aspek": "",
        "uraian": f"Kriteria {kode}",
        "sumber": "uji",
        "terverifikasi": False,
        "bukti": bukti,
        "ambang": ambang,
        "level": _levels(lo, hi, kode),
    }


def data_2018() -> dict[str, Any]:
    """Two aspects (60% and 40%); 1.1 evidenced by `uji.ditentukan` (levels 2/3/4 at
    50/75/100%), 1.2 and 2.1 set by HR. Total 100–400, the four 40/2018 bands."""
    return copy.deepcopy(
        {
            "kode": "uji-2018",
            "nama": "Instrumen uji 2018",
            "dasar_hukum": "uji",
            "rumus": "jumlah_2018",
            "level_min": 1,
            "level_max": 4,
            "bobot_survei": "0",
            "kategori": [
                {"nama": "I Buruk", "batas_bawah": "100", "batas_atas": "174"},
                {"nama": "II Kurang", "batas_bawah": "175", "batas_atas": "249"},
                {"nama": "III Baik", "batas_bawah": "250", "batas_atas": "324"},
                {"nama": "IV Sangat Baik", "batas_bawah": "325", "batas_atas": "400"},
            ],
            "aspek": [
                {
                    "nomor": 1,
                    "nama": "Aspek satu",
                    "bobot": "60",
                    "kriteria": [
                        _kriteria(
                            "1.1",
                            1,
                            4,
                            bukti=KUNCI_UJI,
                            ambang={"2": "0.5", "3": "0.75", "4": "1"},
                        ),
                        _kriteria("1.2", 1, 4, bukti=None),
                    ],
                },
                {
                    "nomor": 2,
                    "nama": "Aspek dua",
                    "bobot": "40",
                    "kriteria": [_kriteria("2.1", 1, 4, bukti=None)],
                },
            ],
        }
    )


def data_2025() -> dict[str, Any]:
    """Levels 0–4, 25% from the employees' survey, bands on 0–1."""
    data = data_2018()
    data |= {
        "kode": "uji-2025",
        "nama": "Instrumen uji 2025",
        "rumus": "indeks_2025",
        "level_min": 0,
        "bobot_survei": "25",
        "kategori": [
            {"nama": "Dasar", "batas_bawah": "0", "batas_atas": "0.40"},
            {"nama": "Lanjutan", "batas_bawah": "0.41", "batas_atas": "0.60"},
            {"nama": "Menengah", "batas_bawah": "0.61", "batas_atas": "0.80"},
            {"nama": "Tinggi", "batas_bawah": "0.81", "batas_atas": "1.00"},
        ],
    }
    for aspek in data["aspek"]:
        for k in aspek["kriteria"]:
            k["level"] = _levels(0, 4, k["kode"])
    return data


def buat(data: dict[str, Any]) -> Instrumen:
    """Load `data` through the real loader and return the instrument."""
    assert muat.load(data, apps)
    return Instrumen.objects.get(kode=data["kode"])
