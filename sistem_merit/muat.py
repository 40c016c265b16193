"""Load an instrument from its data file (sistem_merit/data/*.json; format in
docs/sistem-merit.md) into rows HR can then edit.

Used by the data migration that ships the two instruments and by `manage.py muat_instrumen`
for a new one. An instrument that already exists is left alone: its rows are HR's now, and an
assessment may point at them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sistem_merit import rules

DATA = Path(__file__).resolve().parent / "data"
BAWAAN = ("permenpanrb-40-2018.json", "permenpanrb-19-2025.json")


def read_file(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def check(data: dict[str, Any]) -> None:
    """Raise ValueError naming the row when the data would make an instrument that cannot score.

    Aspect weights sum to 100; every criterion has one wording per level from level_min to
    level_max; thresholds are levels of the scale and rise with the level."""
    lo, hi = int(data["level_min"]), int(data["level_max"])
    bobot = sum(Decimal(str(a["bobot"])) for a in data["aspek"])
    if bobot != 100:
        raise ValueError(f"{data['kode']}: bobot aspek berjumlah {bobot}, bukan 100")
    for a in data["aspek"]:
        if not a["kriteria"]:
            raise ValueError(f"{data['kode']} aspek {a['nomor']}: tanpa kriteria")
        for k in a["kriteria"]:
            levels = sorted(int(lv["level"]) for lv in k["level"])
            if levels != list(range(lo, hi + 1)):
                raise ValueError(f"{data['kode']} kriteria {k['kode']}: level {levels}")
            ambang = k.get("ambang") or {}
            if any(not lo <= int(lv) <= hi for lv in ambang):
                raise ValueError(f"{data['kode']} kriteria {k['kode']}: ambang di luar skala")
            try:
                rules.read_ambang(ambang)
            except ValueError as exc:
                raise ValueError(f"{data['kode']} kriteria {k['kode']}: {exc}") from exc


def load(data: dict[str, Any], models: Any) -> bool:
    """Create the instrument's rows from `data`; return False when its code already exists.

    `models` gives the model classes by name (the app registry of a migration or the real
    models module), so the same code serves the migration and the command.
    """
    check(data)
    Instrumen = models.get_model("sistem_merit", "Instrumen")
    if Instrumen.objects.filter(kode=data["kode"]).exists():
        return False
    Kategori = models.get_model("sistem_merit", "Kategori")
    Aspek = models.get_model("sistem_merit", "Aspek")
    Kriteria = models.get_model("sistem_merit", "Kriteria")
    LevelKriteria = models.get_model("sistem_merit", "LevelKriteria")
    instrumen = Instrumen.objects.create(
        kode=data["kode"],
        nama=data["nama"],
        dasar_hukum=data["dasar_hukum"],
        sumber=data.get("sumber", ""),
        rumus=data["rumus"],
        level_min=data["level_min"],
        level_max=data["level_max"],
        bobot_survei=Decimal(str(data.get("bobot_survei", "0"))),
        sumber_bobot_survei=data.get("sumber_bobot_survei", ""),
        bobot_survei_terverifikasi=bool(data.get("bobot_survei_terverifikasi", False)),
    )
    for kat in data["kategori"]:
        Kategori.objects.create(
            instrumen=instrumen,
            nama=kat["nama"],
            batas_bawah=Decimal(str(kat["batas_bawah"])),
            batas_atas=Decimal(str(kat["batas_atas"])),
            sumber=kat.get("sumber", ""),
            terverifikasi=bool(kat.get("terverifikasi", False)),
        )
    for a in data["aspek"]:
        aspek = Aspek.objects.create(
            instrumen=instrumen,
            nomor=a["nomor"],
            nama=a["nama"],
            uraian=a.get("uraian", ""),
            bobot=Decimal(str(a["bobot"])),
            sumber=a.get("sumber", ""),
            terverifikasi=bool(a.get("terverifikasi", False)),
        )
        for k in a["kriteria"]:
            kriteria = Kriteria.objects.create(
                aspek=aspek,
                kode=k["kode"],
                sub_aspek=k.get("sub_aspek") or "",
                uraian=k["uraian"],
                sumber=k.get("sumber", ""),
                terverifikasi=bool(k.get("terverifikasi", False)),
                bukti=k.get("bukti") or "",
                ambang={str(lv): str(v) for lv, v in (k.get("ambang") or {}).items()},
                ambang_sumber=k.get("ambang_sumber") or "",
            )
            LevelKriteria.objects.bulk_create(
                LevelKriteria(kriteria=kriteria, level=lv["level"], uraian=lv["uraian"])
                for lv in k["level"]
            )
    return True
