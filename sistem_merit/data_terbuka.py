"""The open data of the merit-system index: the final assessments, their aspects and their
criteria's figures, as CSV and JSON with a Frictionless Data Package describing them — the
same mechanism as the public side's open data (core.data_terbuka; publik/data_terbuka.py).

Only final assessments, from their frozen record (`Penilaian.ringkasan`): counts for the whole
agency, nothing about any one person (no NIP, no name, no unit).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alamat import absolut
from core.data_terbuka import Dataset, Kolom, lisensi
from sistem_merit.rules import aspect_max, scale
from sistem_merit.terbuka import final_assessments, share


def _angka(n: Decimal | None) -> float | None:
    return None if n is None else float(n)


def _kunci(p) -> dict:
    return {"tahun": p.tahun, "instrumen": p.instrumen.kode}


def _indeks() -> Iterator[dict]:
    for p in final_assessments():
        i = p.instrumen
        bawah, atas = scale(i.rumus, i.level_min, i.level_max)
        yield {
            **_kunci(p),
            "nama_instrumen": i.nama,
            "dasar_hukum": i.dasar_hukum,
            "tanggal_data": p.tanggal_data,
            "nilai": _angka(p.nilai),
            "skala_bawah": _angka(bawah),
            "skala_atas": _angka(atas),
            "kategori": p.kategori,
            "skor_survei_pegawai": _angka(p.skor_survei),
            "difinalkan_pada": timezone.localtime(p.difinalkan_pada).date(),
        }


def _aspek() -> Iterator[dict]:
    for p in final_assessments():
        for a in p.ringkasan:
            bobot = Decimal(a["bobot"])
            yield {
                **_kunci(p),
                "nomor_aspek": a["nomor"],
                "aspek": a["nama"],
                "bobot": _angka(bobot),
                "skor": _angka(Decimal(a["skor"])),
                "skor_maksimum": _angka(
                    aspect_max(p.instrumen.rumus, bobot, p.instrumen.level_max)
                ),
            }


def _kriteria() -> Iterator[dict]:
    for p in final_assessments():
        for a in p.ringkasan:
            for k in a["kriteria"]:
                persen = share(k.get("pembilang"), k.get("penyebut"))
                yield {
                    **_kunci(p),
                    "nomor_aspek": a["nomor"],
                    "kode": k["kode"],
                    "kriteria": k["uraian"],
                    "dari_data": bool(k.get("bukti")),
                    "pembilang": k.get("pembilang"),
                    "penyebut": k.get("penyebut"),
                    "persen": None if persen is None else round(float(persen), 1),
                    "angka": k.get("angka") or None,
                    "level_usulan": k.get("level_usulan"),
                    "level": k["level"],
                }


def _kolom_kunci() -> list[Kolom]:
    return [
        Kolom("tahun", "integer", gettext_lazy("tahun penilaian"), wajib=True, minimum=2018),
        Kolom(
            "instrumen",
            "string",
            gettext_lazy("kode instrumen penilaian (regulasi yang dipakai)"),
            wajib=True,
        ),
    ]


DATASET: dict[str, Dataset] = {
    d.kode: d
    for d in [
        Dataset(
            kode="indeks-sistem-merit",
            judul=gettext_lazy("Indeks sistem merit"),
            deskripsi=gettext_lazy(
                "Hasil penilaian mandiri sistem merit Pemerintah Kota Mataram yang sudah final, "
                "per tahun dan instrumen: nilai total, skalanya dan kategorinya."
            ),
            kolom=[
                *_kolom_kunci(),
                Kolom("nama_instrumen", "string", gettext_lazy("nama instrumen"), wajib=True),
                Kolom("dasar_hukum", "string", gettext_lazy("dasar hukum instrumen"), wajib=True),
                Kolom(
                    "tanggal_data",
                    "date",
                    gettext_lazy("angka bukti dihitung dari data per tanggal ini (ISO 8601)"),
                    wajib=True,
                ),
                Kolom("nilai", "number", gettext_lazy("nilai total"), wajib=True),
                Kolom("skala_bawah", "number", gettext_lazy("nilai terendah skala"), wajib=True),
                Kolom("skala_atas", "number", gettext_lazy("nilai tertinggi skala"), wajib=True),
                Kolom("kategori", "string", gettext_lazy("kategori yang dicapai")),
                Kolom(
                    "skor_survei_pegawai",
                    "number",
                    gettext_lazy(
                        "skor survei kepuasan dan keterikatan pegawai 0–1; kosong bila "
                        "instrumen tidak menimbangnya"
                    ),
                    minimum=0,
                    maksimum=1,
                ),
                Kolom(
                    "difinalkan_pada",
                    "date",
                    gettext_lazy("tanggal penilaian difinalkan (ISO 8601)"),
                    wajib=True,
                ),
            ],
            baris=_indeks,
            kunci_utama=("instrumen", "tahun"),
        ),
        Dataset(
            kode="indeks-sistem-merit-aspek",
            judul=gettext_lazy("Indeks sistem merit per aspek"),
            deskripsi=gettext_lazy(
                "Nilai setiap aspek penilaian mandiri sistem merit yang sudah final, dengan "
                "bobotnya dan nilai tertinggi yang dapat dicapai aspek itu."
            ),
            kolom=[
                *_kolom_kunci(),
                Kolom("nomor_aspek", "integer", gettext_lazy("nomor aspek"), wajib=True, minimum=1),
                Kolom("aspek", "string", gettext_lazy("nama aspek"), wajib=True),
                Kolom(
                    "bobot",
                    "number",
                    gettext_lazy("bobot aspek"),
                    wajib=True,
                    satuan="persen",
                    minimum=0,
                    maksimum=100,
                ),
                Kolom(
                    "skor", "number", gettext_lazy("sumbangan aspek pada nilai total"), wajib=True
                ),
                Kolom(
                    "skor_maksimum",
                    "number",
                    gettext_lazy("sumbangan tertinggi yang dapat dicapai aspek"),
                    wajib=True,
                ),
            ],
            baris=_aspek,
            kunci_utama=("instrumen", "tahun", "nomor_aspek"),
        ),
        Dataset(
            kode="indeks-sistem-merit-kriteria",
            judul=gettext_lazy("Indeks sistem merit per kriteria"),
            deskripsi=gettext_lazy(
                "Setiap kriteria penilaian mandiri sistem merit yang sudah final: angka bukti "
                "dari data sistem untuk seluruh instansi (pembilang dari penyebut), level yang "
                "diusulkan data dan level yang ditetapkan BKPSDM. Tidak ada data perorangan."
            ),
            kolom=[
                *_kolom_kunci(),
                Kolom("nomor_aspek", "integer", gettext_lazy("nomor aspek"), wajib=True, minimum=1),
                Kolom("kode", "string", gettext_lazy("kode kriteria"), wajib=True),
                Kolom("kriteria", "string", gettext_lazy("bunyi kriteria"), wajib=True),
                Kolom(
                    "dari_data",
                    "boolean",
                    gettext_lazy("true bila angkanya dihitung dari data sistem"),
                    wajib=True,
                ),
                Kolom(
                    "pembilang",
                    "integer",
                    gettext_lazy("jumlah yang memenuhi kriteria; kosong bila tanpa data"),
                    minimum=0,
                ),
                Kolom(
                    "penyebut",
                    "integer",
                    gettext_lazy("jumlah yang diukur; kosong bila tanpa data"),
                    minimum=0,
                ),
                Kolom(
                    "persen",
                    "number",
                    gettext_lazy("pembilang dibagi penyebut"),
                    satuan="persen",
                    minimum=0,
                    maksimum=100,
                ),
                Kolom("angka", "string", gettext_lazy("angka bukti dalam kata-kata")),
                Kolom(
                    "level_usulan",
                    "integer",
                    gettext_lazy("level yang diusulkan aturan kriteria dari angka bukti"),
                ),
                Kolom("level", "integer", gettext_lazy("level yang ditetapkan BKPSDM"), wajib=True),
            ],
            baris=_kriteria,
            kunci_utama=("instrumen", "tahun", "nomor_aspek", "kode"),
        ),
    ]
}


def paket_data() -> dict:
    """Return datapackage.json: one tabular resource per data set, its CSV next to it. The
    home page's address is under settings.SITE_URL, never the request's Host (core.alamat)."""
    return {
        "profile": "tabular-data-package",
        "name": "indeks-sistem-merit-kota-mataram",
        "title": _("Indeks sistem merit ASN Kota Mataram"),
        "description": _(
            "Penilaian mandiri sistem merit Pemerintah Kota Mataram yang sudah final: nilai "
            "total, aspek dan angka bukti tiap kriteria, dari sistem kepegawaian BKPSDM."
        ),
        "homepage": absolut(reverse("sistem_merit:publik")),
        "licenses": lisensi(),
        "keywords": ["sistem merit", "indeks sistem merit", "kepegawaian", "ASN"],
        "created": timezone.now().isoformat(timespec="seconds"),
        "resources": [d.sumber_daya() for d in DATASET.values()],
    }
