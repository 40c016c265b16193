"""The ranking page of a vacant post, read in one call: the live ranking (with what-if weights
and a searched NIP), or the ranking frozen with the post's latest decision once it is filled;
the proposals, the decisions, the succession plan, and the lines of the table.

The view parses the request into the arguments, adds its forms and renders
(jabatan.views.lowongan_detail); nothing here reads a request.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from jabatan import merit
from jabatan.models import Formasi, Keputusan, Usulan
from jabatan.peringkat import TERATAS, Peringkat, dengan_bobot, peringkat_formasi
from jabatan.selectors import keputusan_formasi, pegawai_ringkas, usulan_aktif
from jabatan.suksesi import RencanaSuksesi, calon_dari_peringkat, formasi_kunci, rencana_suksesi
from pegawai.models import Pegawai


class BarisPeringkat(NamedTuple):
    """One line of the ranking table: the explained result, its rank under the profile's
    weights (what-if only), the weighted components' values, the employee (titles, unit), the
    components as (label, value, weight) and those weighing nothing for the explanation, and
    the marks."""

    hasil: merit.Hasil
    semula: int | None
    nilai: list[Decimal]
    pegawai: Pegawai | None
    rincian: list[tuple[str, Decimal, int]]
    tanpa_bobot: list[tuple[str, Decimal]]
    diusulkan: bool
    suksesor: bool
    centang: bool  # ticked in the proposal form: the proposed, or what a refused form sent


@dataclass
class HalamanPeringkat:
    """What the ranking page shows; each field is one name of its template."""

    formasi: Formasi
    pada: date
    nip: str
    peringkat: Peringkat
    teratas: list[BarisPeringkat]
    bobot: merit.Bobot
    simulasi: bool
    lebar_tabel: int  # every column of the table, for the explanation rows that span it
    kolom: list[tuple[str, str, int]]  # (short label, full label, weight): the headers
    tanpa_bobot: list[str]
    alasan: list[tuple[str, int]]
    keadilan: list[tuple[str, int, list[tuple[int, int]]]]
    cari: merit.Hasil | None
    cari_komponen: list[tuple[str, Decimal]]
    # A filled post takes no proposal or decision: it shows the ranking frozen with its latest
    # decision rather than a live re-ranking.
    terisi: bool
    keputusan: list[Keputusan]
    beku: dict | None
    usulan: list[Usulan]
    suksesi: RencanaSuksesi | None  # only for a key post
    suksesi_calon: list[merit.Hasil]

    def konteks(self) -> dict[str, Any]:
        """Return the fields as the template's context."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _bagian(kelompok: dict) -> list[tuple[int, int]]:
    """Counts and whole percentages of women, men and the age bands in one group."""
    n = kelompok["jumlah"]
    nilai = [kelompok["jenis_kelamin"].get("P", 0), kelompok["jenis_kelamin"].get("L", 0)]
    nilai += list(kelompok["usia"].values())
    return [(v, round(100 * v / n) if n else 0) for v in nilai]


def peringkat_beku(keputusan: Keputusan) -> dict:
    """Return the ranking frozen in a decision's snapshot, names with their academic titles
    (the snapshot keeps the bare name; one query for the titles of its rows)."""
    snapshot = keputusan.snapshot or {}
    baris = snapshot.get("teratas", [])
    gelar = {
        pk: p.nama_lengkap for pk, p in pegawai_ringkas([b["pegawai_id"] for b in baris]).items()
    }
    pada = snapshot.get("pada")
    return {
        "keputusan": keputusan,
        "pada": date.fromisoformat(pada) if pada else None,
        "aturan_versi": snapshot.get("aturan_versi", ""),
        "jumlah_layak": snapshot.get("jumlah_layak"),
        "jumlah_kandidat": snapshot.get("jumlah_kandidat"),
        "baris": [
            {
                **b,
                "nama_lengkap": gelar.get(b["pegawai_id"], b["nama"]),
                "terpilih": b["pegawai_id"] == keputusan.pegawai_id,
            }
            for b in baris
        ],
    }


def _baris_peringkat(
    hasil: Peringkat,
    *,
    sebelumnya: dict[int, int],
    dibobot: list[str],
    bobot: merit.Bobot,
    usulan: list[Usulan],
    rencana: RencanaSuksesi | None,
    dicentang: Collection[str] | None,
) -> list[BarisPeringkat]:
    """The table's lines: one query for the employees' titles and units."""
    orang = pegawai_ringkas([h.kandidat.pegawai_id for h in hasil.teratas])
    diusulkan = {u.pegawai_id for u in usulan}
    # The proposal replaces the earlier one (usulan_set), so the current one starts ticked.
    centang = {str(v) for v in dicentang} if dicentang is not None else {str(i) for i in diusulkan}
    suksesor = {b.suksesor.pegawai_id for b in rencana.baris} if rencana else set()
    berat = bobot.sebagai_dict()
    return [
        BarisPeringkat(
            hasil=h,
            semula=sebelumnya.get(h.kandidat.pegawai_id),
            nilai=[h.komponen[k] for k in dibobot],
            pegawai=orang.get(h.kandidat.pegawai_id),
            rincian=[(merit.LABEL_KOMPONEN[k], h.komponen[k], berat[k]) for k in dibobot],
            tanpa_bobot=[
                (merit.LABEL_KOMPONEN[k], h.komponen[k]) for k in merit.KOMPONEN if not berat[k]
            ],
            diusulkan=h.kandidat.pegawai_id in diusulkan,
            suksesor=h.kandidat.pegawai_id in suksesor,
            centang=str(h.kandidat.pegawai_id) in centang,
        )
        for h in hasil.teratas
    ]


def halaman_peringkat(
    formasi: Formasi,
    *,
    pada: date,
    nip: str = "",
    bobot: merit.Bobot | None = None,
    dicentang: Collection[str] | None = None,
) -> HalamanPeringkat:
    """Return the ranking page of `formasi` on `pada`: ranked with `bobot` (what-if weights;
    None: the profile's), `nip` searched (why not), the proposal form's ticks `dicentang` (None:
    the current proposal's)."""
    dasar = peringkat_formasi(formasi, pada=pada, nip=nip, teratas=TERATAS)
    bobot = bobot or dasar.bobot
    simulasi = bobot != dasar.bobot
    hasil = dengan_bobot(dasar, bobot, teratas=TERATAS) if simulasi else dasar
    # The table shows the components that weigh; the others are named under it.
    berat = bobot.sebagai_dict()
    dibobot = [k for k, w in berat.items() if w]
    cari = hasil.untuk(nip) if nip else None
    terisi = formasi.jumlah_terisi >= formasi.kuota
    keputusan = list(keputusan_formasi(formasi=formasi)[:5])
    usulan = list(usulan_aktif(formasi=formasi)) if not terisi else []
    rencana = rencana_suksesi(formasi=formasi) if formasi_kunci(formasi) else None
    return HalamanPeringkat(
        formasi=formasi,
        pada=pada,
        nip=nip,
        peringkat=hasil,
        teratas=_baris_peringkat(
            hasil,
            sebelumnya={h.kandidat.pegawai_id: h.peringkat for h in dasar.teratas},
            dibobot=dibobot,
            bobot=bobot,
            usulan=usulan,
            rencana=rencana,
            dicentang=dicentang,
        ),
        bobot=bobot,
        simulasi=simulasi,
        lebar_tabel=8 + len(dibobot) + simulasi,
        kolom=[
            (merit.LABEL_KOMPONEN_SINGKAT[k], merit.LABEL_KOMPONEN[k], berat[k]) for k in dibobot
        ],
        tanpa_bobot=[merit.LABEL_KOMPONEN[k] for k in merit.KOMPONEN if k not in dibobot],
        alasan=[(merit.LABEL_ALASAN[k], n) for k, n in hasil.alasan.items()],
        keadilan=[
            (label, d["jumlah"], _bagian(d))
            for label, d in (
                (_("Semua pegawai"), hasil.keadilan["semua"]),
                (_("Memenuhi syarat"), hasil.keadilan["layak"]),
                (_("Sepuluh teratas"), hasil.keadilan["teratas"]),
            )
        ],
        cari=cari,
        cari_komponen=[(merit.LABEL_KOMPONEN[k], v) for k, v in cari.komponen.items()]
        if cari
        else [],
        terisi=terisi,
        keputusan=keputusan,
        beku=peringkat_beku(keputusan[0]) if keputusan and terisi else None,
        usulan=usulan,
        suksesi=rencana,
        # Succession candidates come from the profile's ranking, never a what-if.
        suksesi_calon=calon_dari_peringkat(rencana, dasar.teratas)[:20] if rencana else [],
    )
