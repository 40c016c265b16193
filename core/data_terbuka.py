"""What every open data set of the project shares: the licence, the Table Schema of a column,
the one way a cell is written in CSV and JSON, and the responses that serve them.

The public side (publik/data_terbuka.py: filled and vacant posts, the public survey) and the
merit-system index (sistem_merit/data_terbuka.py) publish side by side and never import each
other, so the mechanism lives here, below both.

- Data Package and Table Schema: Frictionless Data specifications v1
  (https://specs.frictionlessdata.io/data-package/, /tabular-data-resource/, /table-schema/):
  types, `missingValues`, `trueValues`/`falseValues`, `primaryKey`, `licenses`.

Empty is written one way: an empty CSV cell, JSON `null` (`missingValues: [""]`). Booleans are
`true`/`false` in both. Numbers are JSON numbers, with `.` as the decimal mark in CSV.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from core.export import write_csv

LISENSI = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LISENSI_ID = "CC-BY-4.0"  # SPDX identifier, as the Data Package `licenses` asks
LISENSI_URL = "https://creativecommons.org/licenses/by/4.0/"
LISENSI_URL_ID = "https://creativecommons.org/licenses/by/4.0/deed.id"  # for readers
KOSONG = ""  # the one way an empty value is written in CSV (JSON: null)


@dataclass(frozen=True)
class Kolom:
    """One column: its name, Table Schema type, meaning and constraints."""

    nama: str
    tipe: str  # Table Schema: string, integer, number, boolean, date
    arti: Promise | str
    wajib: bool = False
    satuan: str = ""  # unit of measure, stated in the description and as `unit`
    pilihan: tuple[str, ...] = ()
    minimum: int | float | None = None
    maksimum: int | float | None = None

    def skema(self) -> dict:
        """Return the Table Schema field descriptor."""
        arti = str(self.arti)
        d: dict = {"name": self.nama, "type": self.tipe, "description": arti}
        if self.satuan:
            d["description"] = f"{arti} ({_('satuan')}: {self.satuan})"
            d["unit"] = self.satuan  # not in Table Schema v1; allowed as an extra property
        if self.tipe == "boolean":
            d["trueValues"], d["falseValues"] = ["true"], ["false"]
        if self.tipe == "date":
            d["format"] = "default"  # ISO 8601 YYYY-MM-DD
        batasan: dict = {}
        if self.wajib:
            batasan["required"] = True
        if self.pilihan:
            batasan["enum"] = list(self.pilihan)
        if self.minimum is not None:
            batasan["minimum"] = self.minimum
        if self.maksimum is not None:
            batasan["maximum"] = self.maksimum
        if batasan:
            d["constraints"] = batasan
        return d


def nilai_json(value: object) -> object:
    """Return a cell as JSON writes it: dates ISO 8601, None as null, the rest as it is."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def nilai_csv(value: object) -> object:
    """Return a cell as CSV writes it: empty for None, true/false, dates ISO 8601."""
    if value is None:
        return KOSONG
    if isinstance(value, bool):
        return "true" if value else "false"
    return nilai_json(value)


def lisensi() -> list[dict]:
    """Return the Data Package `licenses` of every open data set."""
    return [{"name": LISENSI_ID, "path": LISENSI_URL, "title": LISENSI}]


def skema(kolom: Sequence[Kolom], kunci_utama: Sequence[str]) -> dict:
    """Return the Table Schema of a table of `kolom`."""
    return {
        "fields": [k.skema() for k in kolom],
        "primaryKey": list(kunci_utama),
        "missingValues": [KOSONG],
    }


def tabel_csv(kolom: Sequence[Kolom], rows: Iterable[Mapping[str, object]]) -> bytes:
    """Return rows (dicts by column name) as an RFC 4180 CSV of `kolom`, cells as `nilai_csv`."""
    return write_csv(
        [k.nama for k in kolom],
        ([nilai_csv(row[k.nama]) for k in kolom] for row in rows),
        open_data=True,
    )


def respons_json(isi: dict) -> HttpResponse:
    """Return open data as JSON any site may read."""
    response = HttpResponse(
        json.dumps(isi, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


def respons_csv(isi: bytes) -> HttpResponse:
    """Return open data as CSV any site may read."""
    response = HttpResponse(isi, content_type="text/csv; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@dataclass(frozen=True)
class Dataset:
    """One open data set: metadata, columns and a function yielding its rows (dicts by column
    name)."""

    kode: str
    judul: Promise
    deskripsi: Promise
    kolom: list[Kolom]
    baris: Callable[[], Iterator[dict]]
    kunci_utama: tuple[str, ...]

    def sumber_daya(self) -> dict:
        """Return the set's Tabular Data Resource of a datapackage.json (its CSV beside it)."""
        return {
            "profile": "tabular-data-resource",
            "name": self.kode,
            "path": f"{self.kode}.csv",
            "title": str(self.judul),
            "description": str(self.deskripsi),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "licenses": lisensi(),
            "schema": skema(self.kolom, self.kunci_utama),
        }

    def respons(self, fmt: str, *, sumber: str, skema_url: str) -> HttpResponse:
        """Return the set as CSV or JSON (`fmt`), the JSON naming its page and its schema."""
        data = list(self.baris())
        if fmt == "json":
            response = respons_json(
                {
                    "judul": str(self.judul),
                    "lisensi": LISENSI,
                    "dibuat": timezone.now().isoformat(),
                    "sumber": sumber,
                    "skema": skema_url,
                    "fields": {k.nama: str(k.arti) for k in self.kolom},
                    "data": [{k: nilai_json(v) for k, v in row.items()} for row in data],
                }
            )
        else:
            response = respons_csv(tabel_csv(self.kolom, data))
        response["Content-Disposition"] = f'inline; filename="{self.kode}.{fmt}"'
        return response
