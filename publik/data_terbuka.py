"""The open data: each data set's rows and Table Schema, the Frictionless Data Package that
describes them, and the DCAT catalogue (data.json) that data portals harvest.

One description of each column serves the documentation page, the CSV and JSON files, the
Table Schema and the catalogue, so they cannot disagree.

- Data Package and Table Schema: Frictionless Data specifications v1
  (https://specs.frictionlessdata.io/data-package/, /tabular-data-resource/, /table-schema/):
  types, `missingValues`, `trueValues`/`falseValues`, `primaryKey`, `licenses`; the columns,
  cells and licence are core.data_terbuka's, shared with the merit-system index's open data.
- Catalogue: DCAT-US / Project Open Data metadata schema v1.1
  (https://project-open-data.cio.gov/v1.1/schema), the `/data.json` that CKAN's
  ckanext-datajson harvester imports (GSA/ckanext-datajson README: "harvest data sources from a
  remote /data.json file according to the U.S. Project Open Data metadata specification") —
  chosen over DCAT-AP JSON-LD because it is plain JSON with a published JSON Schema and needs no
  JSON-LD processing from the harvester. That data.go.id or Kota Mataram's Satu Data portal run
  CKAN with that harvester was not confirmed from a source here: the deployer should check it
  with their walidata.
- Satu Data Indonesia (Perpres 39/2019): data carry metadata and reference codes (kode
  referensi); the data producer (produsen data, here BKPSDM) publishes through the regional
  walidata, named as the contact point.

Empty is written one way: an empty CSV cell, JSON `null` (`missingValues: [""]`). Booleans are
`true`/`false` in both. Numbers are JSON numbers, with `.` as the decimal mark in CSV.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import data_terbuka as dasar
from core.alamat import absolut
from core.data_terbuka import (
    LISENSI_URL,
    Kolom,
    lisensi,
)
from jabatan.models import Keputusan
from pegawai.models import UnitKerja
from publik.selectors import daftar_baris, keputusan_publik, lowong_publik, terakhir_diubah
from survei.selectors import MIN_RESPONDEN, hasil_terbit

# Kota Mataram: kode Kemendagri 52.71 (Permendagri 137/2017 on kode dan data wilayah, as the
# Indonesian Wikipedia article on the city cites it), 5271 in BPS's coding.
WILAYAH = "Kota Mataram, Nusa Tenggara Barat (kode wilayah 52.71)"
KOLOM_UNIT = "kode_unit"


def _kolom_unit(arti_unit: Promise) -> list[Kolom]:
    return [
        Kolom("unit_kerja", "string", arti_unit, wajib=True),
        Kolom(
            KOLOM_UNIT, "string", gettext_lazy("kode unit kerja di sistem kepegawaian"), wajib=True
        ),
        Kolom(
            "perangkat_daerah",
            "string",
            gettext_lazy("perangkat daerah (OPD) tempat unit kerja berada"),
        ),
        Kolom("kode_perangkat_daerah", "string", gettext_lazy("kode perangkat daerah")),
    ]


@dataclass(frozen=True)
class Dataset(dasar.Dataset):
    """A data set of the public side, with its cache section and catalogue keywords."""

    bagian: str = ""  # the public cache section whose changes change it (publik.cache)
    kata_kunci: tuple[str, ...] = ()
    tema: tuple[str, ...] = field(default=("Kepegawaian",))


def _unit(unit: UnitKerja, opd: dict[str, UnitKerja]) -> dict:
    """Return the unit columns of a row: the unit and its perangkat daerah, with their codes."""
    pd = opd.get(unit.path)
    return {
        "unit_kerja": unit.nama,
        KOLOM_UNIT: unit.kode,
        "perangkat_daerah": pd.nama if pd else None,
        "kode_perangkat_daerah": pd.kode if pd else None,
    }


def _terisi() -> Iterator[dict]:
    for b in daftar_baris(keputusan_publik().order_by("-tanggal_sk", "-id")):
        yield {
            "id": b.id,
            "jabatan": b.jabatan,
            "jenis_jabatan": b.jenis_jabatan,
            "unit_kerja": b.unit,
            KOLOM_UNIT: b.kode_unit,
            "perangkat_daerah": b.perangkat_daerah or None,
            "kode_perangkat_daerah": b.kode_perangkat_daerah or None,
            "nomor_sk": b.nomor_sk,
            "tanggal_sk": b.tanggal_sk,
            "tmt": b.tmt,
            "metode": b.metode,
            "nama": b.nama,
            "jumlah_kandidat_layak": b.jumlah_layak,
            "peringkat_merit": b.peringkat,
            "bukan_peringkat_pertama": b.bukan_pertama,
            "ringkasan_justifikasi": b.ringkasan_publik or None,
            "hari_lowong": b.hari_lowong,
            "dikoreksi_pada": b.koreksi[-1].pada if b.koreksi else None,
            "yang_dikoreksi": "; ".join(k.yang for k in b.koreksi) or None,
            "dibatalkan_pada": b.dibatalkan_pada,
            "alasan_pembatalan": b.alasan_pembatalan or None,
        }


def _lowong() -> Iterator[dict]:
    formasi = list(lowong_publik())
    opd = UnitKerja.objects.perangkat_daerah_dari(f.unit_kerja.path for f in formasi)
    for f in formasi:
        yield {
            "id": f.pk,
            "jabatan": f.jabatan.nama,
            "jenis_jabatan": f.jabatan.get_jenis_display(),
            **_unit(f.unit_kerja, opd),
            "kursi_lowong": f.kuota - f.jumlah_terisi,
            "lowong_sejak": f.lowong_sejak,
            "ada_plt_plh": bool(f.plt_mulai),
        }


def _angka(n: Decimal | None) -> float | None:
    return None if n is None else float(n)


def _ikm() -> Iterator[dict]:
    # The same published figures as /survei/ (survei.terbit): closed quarters with at
    # least five questionnaires from five networks, never a smaller count.
    tahun = timezone.localdate().year
    for t in (tahun, tahun - 1):
        hasil = hasil_terbit(tahun=t)
        opd = UnitKerja.objects.perangkat_daerah_dari(h.unit.unit_kerja.path for h in hasil)
        for h in hasil:
            tampil = h.indeks is not None
            yield {
                "unit_layanan": h.unit.nama,
                **_unit(h.unit.unit_kerja, opd),
                "tahun": t,
                "triwulan": ",".join(str(tw) for tw in h.cakupan) or None,
                "responden": h.responden,
                "ikm": _angka(h.indeks),
                "mutu": h.mutu if tampil else None,
                **{
                    f"nrr_u{i}": (_angka(n) if tampil else None)
                    for i, n in enumerate(h.hasil.nrr or [None] * 9, 1)
                },
            }


DATASET: dict[str, Dataset] = {
    d.kode: d
    for d in [
        Dataset(
            kode="jabatan-terisi",
            judul=gettext_lazy("Jabatan terisi"),
            deskripsi=gettext_lazy(
                "Keputusan pengisian jabatan di Pemerintah Kota Mataram: jabatan, "
                "unit kerja dan perangkat daerahnya, SK, metode, pejabat yang diangkat, jumlah "
                "kandidat yang memenuhi syarat dan peringkat merit yang diangkat; keputusan "
                "yang dikoreksi atau dibatalkan tetap tercantum dengan tanggal dan keterangannya."
            ),
            kolom=[
                Kolom(
                    "id",
                    "integer",
                    gettext_lazy("nomor urut keputusan di sistem"),
                    wajib=True,
                    minimum=1,
                ),
                Kolom("jabatan", "string", gettext_lazy("nama jabatan"), wajib=True),
                Kolom(
                    "jenis_jabatan",
                    "string",
                    gettext_lazy("jenis jabatan (UU 20/2023)"),
                    wajib=True,
                ),
                *_kolom_unit(gettext_lazy("unit kerja formasi")),
                Kolom("nomor_sk", "string", gettext_lazy("nomor surat keputusan"), wajib=True),
                Kolom("tanggal_sk", "date", gettext_lazy("tanggal SK (ISO 8601)"), wajib=True),
                Kolom(
                    "tmt", "date", gettext_lazy("terhitung mulai tanggal (ISO 8601)"), wajib=True
                ),
                Kolom(
                    "metode",
                    "string",
                    gettext_lazy("metode pengisian"),
                    wajib=True,
                    pilihan=tuple(Keputusan.Metode.values),
                ),
                Kolom(
                    "nama",
                    "string",
                    gettext_lazy("nama pejabat yang diangkat, dengan gelar"),
                    wajib=True,
                ),
                Kolom(
                    "jumlah_kandidat_layak",
                    "integer",
                    gettext_lazy("jumlah kandidat yang memenuhi syarat"),
                    satuan="orang",
                    minimum=0,
                ),
                Kolom(
                    "peringkat_merit",
                    "integer",
                    gettext_lazy("peringkat yang diangkat dalam peringkat merit"),
                    minimum=1,
                ),
                Kolom(
                    "bukan_peringkat_pertama",
                    "boolean",
                    gettext_lazy(
                        "true bila yang diangkat bukan kandidat layak peringkat "
                        "pertama (ada justifikasi tertulis di BKPSDM)"
                    ),
                    wajib=True,
                ),
                Kolom(
                    "ringkasan_justifikasi",
                    "string",
                    gettext_lazy(
                        "ringkasan justifikasi yang ditulis BKPSDM untuk publik; "
                        "kosong bila tidak ada"
                    ),
                ),
                Kolom(
                    "hari_lowong",
                    "integer",
                    gettext_lazy("lama formasi lowong sebelum diisi"),
                    satuan="hari",
                    minimum=0,
                ),
                Kolom(
                    "dikoreksi_pada",
                    "date",
                    gettext_lazy("tanggal koreksi terakhir atas keputusan; kosong bila tidak ada"),
                ),
                Kolom(
                    "yang_dikoreksi",
                    "string",
                    gettext_lazy("data keputusan yang pernah dikoreksi; kosong bila tidak ada"),
                ),
                Kolom(
                    "dibatalkan_pada",
                    "date",
                    gettext_lazy("tanggal pembatalan keputusan; kosong bila masih berlaku"),
                ),
                Kolom(
                    "alasan_pembatalan",
                    "string",
                    gettext_lazy("alasan pembatalan keputusan; kosong bila masih berlaku"),
                ),
            ],
            baris=_terisi,
            bagian="transparansi",
            kata_kunci=("jabatan", "sistem merit", "kepegawaian", "ASN", "pengisian jabatan"),
            kunci_utama=("id",),
        ),
        Dataset(
            kode="jabatan-lowong",
            judul=gettext_lazy("Jabatan lowong"),
            deskripsi=gettext_lazy(
                "Formasi jabatan yang lowong hari ini: jabatan, unit kerja dan perangkat "
                "daerahnya, jumlah kursi lowong, sejak kapan, dan apakah ada Pelaksana "
                "Tugas/Harian."
            ),
            kolom=[
                Kolom(
                    "id", "integer", gettext_lazy("nomor formasi di sistem"), wajib=True, minimum=1
                ),
                Kolom("jabatan", "string", gettext_lazy("nama jabatan"), wajib=True),
                Kolom("jenis_jabatan", "string", gettext_lazy("jenis jabatan"), wajib=True),
                *_kolom_unit(gettext_lazy("unit kerja")),
                Kolom(
                    "kursi_lowong",
                    "integer",
                    gettext_lazy("kuota dikurangi pemangku definitif"),
                    wajib=True,
                    satuan="kursi",
                    minimum=1,
                ),
                Kolom("lowong_sejak", "date", gettext_lazy("tanggal mulai lowong (ISO 8601)")),
                Kolom(
                    "ada_plt_plh",
                    "boolean",
                    gettext_lazy("ada Pelaksana Tugas/Harian aktif (true/false)"),
                    wajib=True,
                ),
            ],
            baris=_lowong,
            bagian="transparansi",
            kata_kunci=("jabatan lowong", "formasi", "kepegawaian", "ASN"),
            kunci_utama=("id",),
        ),
        Dataset(
            kode="ikm",
            judul=gettext_lazy("Indeks Kepuasan Masyarakat"),
            deskripsi=gettext_lazy(
                "Hasil Survei Kepuasan Masyarakat per unit layanan per tahun (PermenPANRB "
                "14/2017): jumlah responden, indeks, mutu pelayanan dan nilai rata-rata tiap "
                "unsur. Hanya triwulan yang sudah berakhir dengan sedikitnya 5 responden dari "
                "sedikitnya 5 jaringan internet berbeda yang diumumkan (kuesioner dari tablet "
                "loket terdaftar dihitung masing-masing), dan tidak ada gabungan angka yang "
                "memisahkan kurang dari 5 orang."
            ),
            kolom=[
                Kolom("unit_layanan", "string", gettext_lazy("nama unit layanan"), wajib=True),
                *_kolom_unit(gettext_lazy("unit kerja unit layanan")),
                Kolom("tahun", "integer", gettext_lazy("tahun survei"), wajib=True),
                Kolom(
                    "triwulan",
                    "string",
                    gettext_lazy("triwulan yang dihitung, mis. 1,2 (kosong bila belum ada)"),
                ),
                Kolom(
                    "responden",
                    "integer",
                    gettext_lazy("jumlah kuesioner (kosong bila belum diumumkan)"),
                    satuan="kuesioner",
                    minimum=MIN_RESPONDEN,
                ),
                Kolom(
                    "ikm",
                    "number",
                    gettext_lazy("indeks konversi 25–100 (kosong bila belum diumumkan)"),
                    satuan="indeks 25–100",
                    minimum=25,
                    maksimum=100,
                ),
                Kolom(
                    "mutu",
                    "string",
                    gettext_lazy("mutu pelayanan A, B, C atau D"),
                    pilihan=("A", "B", "C", "D"),
                ),
                *[
                    Kolom(
                        f"nrr_u{i}",
                        "number",
                        gettext_lazy("nilai rata-rata unsur %(i)s") % {"i": i},
                        satuan="skala 1–4",
                        minimum=1,
                        maksimum=4,
                    )
                    for i in range(1, 10)
                ],
            ],
            baris=_ikm,
            bagian="survei",
            kata_kunci=("survei kepuasan masyarakat", "IKM", "pelayanan publik"),
            kunci_utama=(KOLOM_UNIT, "tahun"),
            tema=("Pelayanan publik",),
        ),
    ]
}


# --- The Data Package ---------------------------------------------------------------------------


def paket_data() -> dict:
    """Return datapackage.json: one tabular resource per data set, its CSV next to it."""
    return {
        "profile": "tabular-data-package",
        "name": "transparansi-asn-kota-mataram",
        "title": _("Transparansi ASN Kota Mataram"),
        "description": _(
            "Pengisian jabatan, jabatan lowong dan Indeks Kepuasan Masyarakat Pemerintah Kota "
            "Mataram, dari sistem kepegawaian BKPSDM."
        ),
        "homepage": absolut(reverse("publik:data_terbuka")),
        "licenses": lisensi(),
        "keywords": sorted({k for d in DATASET.values() for k in d.kata_kunci}),
        "created": timezone.now().isoformat(timespec="seconds"),
        "contributors": [
            {"title": settings.DATA_TERBUKA_PENERBIT, "role": "publisher"},
            {
                "title": settings.WALIDATA_NAMA,
                "role": "maintainer",
                **({"email": settings.WALIDATA_EMAIL} if settings.WALIDATA_EMAIL else {}),
            },
        ],
        "resources": [d.sumber_daya() for d in DATASET.values()],
    }


# --- The DCAT-US catalogue (data.json) ------------------------------------------------------------


def _cakupan_waktu() -> dict[str, str]:
    """Return each data set's temporal coverage as an ISO 8601 interval (two queries)."""
    hari_ini = timezone.localdate()
    sk = keputusan_publik().aggregate(awal=Min("tanggal_sk"), akhir=Max("tanggal_sk"))
    lowong = lowong_publik().order_by().aggregate(awal=Min("lowong_sejak"))
    return {
        "jabatan-terisi": f"{(sk['awal'] or hari_ini).isoformat()}/{hari_ini.isoformat()}",
        "jabatan-lowong": f"{(lowong['awal'] or hari_ini).isoformat()}/{hari_ini.isoformat()}",
        "ikm": f"{hari_ini.year - 1}-01-01/{hari_ini.isoformat()}",
    }


def katalog() -> dict:
    """Return the DCAT-US v1.1 catalogue of the open data, every URL absolute (SITE_URL)."""
    halaman = absolut(reverse("publik:data_terbuka"))
    diubah = terakhir_diubah()
    modified = (diubah or timezone.now()).isoformat(timespec="seconds")
    waktu = _cakupan_waktu()
    kontak = {"@type": "vcard:Contact", "fn": settings.WALIDATA_NAMA}
    if settings.WALIDATA_EMAIL:
        kontak["hasEmail"] = f"mailto:{settings.WALIDATA_EMAIL}"
    penerbit = {
        "@type": "org:Organization",
        "name": settings.DATA_TERBUKA_PENERBIT,
        "subOrganizationOf": {"@type": "org:Organization", "name": "Pemerintah Kota Mataram"},
    }
    paket = absolut(reverse("publik:paket_data"))

    def distribusi(d: Dataset) -> list[dict]:
        return [
            {
                "@type": "dcat:Distribution",
                "title": f"{d.judul} ({fmt.upper()})",
                "downloadURL": absolut(reverse("publik:unduh", args=[d.kode, fmt])),
                "mediaType": media,
                "format": fmt.upper(),
                "describedBy": paket,
                "describedByType": "application/json",
            }
            for fmt, media in (("csv", "text/csv"), ("json", "application/json"))
        ]

    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": absolut(reverse("publik:katalog")),
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [
            {
                "@type": "dcat:Dataset",
                "identifier": f"{halaman}#{d.kode}",
                "title": str(d.judul),
                "description": str(d.deskripsi),
                "keyword": list(d.kata_kunci),
                "theme": list(d.tema),
                "modified": modified,
                "publisher": penerbit,
                "contactPoint": kontak,
                "accessLevel": "public",
                "license": LISENSI_URL,
                "rights": _(
                    "Bebas dipakai dengan menyebut sumber: Pemerintah Kota Mataram (BKPSDM)."
                ),
                "spatial": WILAYAH,
                "temporal": waktu[d.kode],
                # Published as soon as a decision, a vacancy or a response changes (at most
                # ten minutes later: publik.cache), not on a fixed calendar.
                "accrualPeriodicity": "irregular",
                "language": ["id"],
                "landingPage": f"{halaman}#{d.kode}",
                "describedBy": paket,
                "describedByType": "application/json",
                "distribution": distribusi(d),
            }
            for d in DATASET.values()
        ],
    }
