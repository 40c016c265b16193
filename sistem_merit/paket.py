"""The evidence pack for BKN's verification of a self-assessment: one ZIP, built by a
background task (sistem_merit.tasks.paket_penilaian).

    00-indeks.csv               every criterion: figure, levels, reasons, rows, documents
    <kode>/ringkasan.csv        the criterion: its wording and source, the figure, the level
                                proposed (with the rule's reason) and set (with HR's reason)
    <kode>/baris.xlsx           the rows behind the figure as of the assessment's date
                                (`Bukti.baris`), cells typed (core.export.write_xlsx)
    <kode>/dokumen/<n>-<nama>   the documents HR kept with the criterion (DokumenBukti)

The rows may name employees (e.g. who has not reached 20 JP): the pack is personal data, built
for HR only, and logged in pegawai's export log (`log_export`) before it leaves. Tables go
through the project's one safe writer (core.export): text a spreadsheet would run stays text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.export import write_csv, write_xlsx
from sistem_merit.bukti import BUKTI
from sistem_merit.models import DokumenBukti, JawabanKriteria, Penilaian

INDEKS = "00-indeks.csv"
# What the export log names the pack by (pegawai.CatatanEkspor.data).
DATA_LOG = "sistem_merit.paket"


@dataclass(frozen=True)
class Paket:
    content: bytes
    name: str
    jumlah_baris: int  # rows behind the figures, all criteria together
    jumlah_dokumen: int


def safe_name(text: str, fallback: str = "berkas") -> str:
    """Return `text` fit for a path inside a ZIP: letters, digits, `.`, `-` and `_` only, never
    a path of its own (a criterion code "1/2" or a document called "../x" stays one name)."""
    name = re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip(".-_")
    return name[:80] or fallback


def _folders(jawaban: list[JawabanKriteria]) -> dict[int, str]:
    """Return each answer's folder: its criterion's code, with the aspect's number in front
    when two aspects use the same code."""
    kode = [safe_name(j.kriteria.kode, "kriteria") for j in jawaban]
    ganda = {k for k in kode if kode.count(k) > 1}
    return {
        j.pk: f"{j.kriteria.aspek.nomor}-{k}" if k in ganda else k
        for j, k in zip(jawaban, kode, strict=True)
    }


def _tanggal(value: Any) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


def _ringkasan(penilaian: Penilaian, j: JawabanKriteria, jumlah_baris: int | None) -> bytes:
    k = j.kriteria
    rows = [
        (_("Penilaian"), str(penilaian)),
        (_("Status"), penilaian.get_status_display()),
        (_("Data per tanggal"), penilaian.tanggal_data),
        (_("Aspek"), str(k.aspek)),
        (_("Kode kriteria"), k.kode),
        (_("Sub-aspek"), k.sub_aspek),
        (_("Kriteria"), k.uraian),
        (_("Sumber kriteria"), k.sumber),
        (
            _("Sesuai teks resmi"),
            _("ya") if k.terverifikasi else _("belum terverifikasi"),
        ),
        (_("Fungsi bukti"), k.bukti or _("tanpa (level ditetapkan BKPSDM dengan dokumen)")),
        (_("Dasar aturan bukti"), BUKTI[k.bukti].sumber if k.bukti in BUKTI else ""),
        (_("Pembilang"), j.pembilang),
        (_("Penyebut"), j.penyebut),
        (_("Angka"), j.uraian_angka),
        (_("Yang kurang"), j.kurang),
        (_("Jumlah baris bukti"), jumlah_baris),
        (_("Level usulan"), j.level_usulan),
        (_("Alasan usulan"), j.alasan_usulan),
        (_("Dasar ambang"), k.ambang_sumber),
        (_("Level ditetapkan"), j.level),
        (_("Alasan penetapan"), j.alasan),
        (_("Ditinjau oleh"), j.ditinjau_oleh.get_username() if j.ditinjau_oleh else ""),
        (_("Ditinjau pada"), _tanggal(j.ditinjau_pada)),
    ]
    return write_csv([_("Butir"), _("Isi")], rows)


def build_pack(
    penilaian: Penilaian, *, saat_maju: Callable[[int, int], None] | None = None
) -> Paket:
    """Return the ZIP of `penilaian`'s evidence, reporting progress after each criterion.

    Queries: the answers with their criteria, aspects and reviewers, their documents, then
    what each evidence function's `baris` runs (its own fixed number)."""
    jawaban = list(
        JawabanKriteria.objects.filter(penilaian=penilaian)
        .select_related("kriteria__aspek", "ditinjau_oleh")
        .prefetch_related(
            Prefetch("dokumen", queryset=DokumenBukti.objects.order_by("created_at", "pk"))
        )
        .order_by("kriteria__aspek__nomor", "kriteria_id")
    )
    folder = _folders(jawaban)
    indeks = []
    total_baris = total_dokumen = 0
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, j in enumerate(jawaban, 1):
            k = j.kriteria
            dasar = folder[j.pk]
            jumlah_baris = None
            bukti = BUKTI.get(k.bukti) if k.bukti else None
            if bukti is not None:
                header, rows = bukti.baris(penilaian.tanggal_data)
                rows = [list(r) for r in rows]
                jumlah_baris = len(rows)
                total_baris += jumlah_baris
                zf.writestr(
                    f"{dasar}/baris.xlsx",
                    write_xlsx(header, rows, title=safe_name(k.kode, "baris")),
                )
            nama_dokumen = []
            for n, d in enumerate(j.dokumen.all(), 1):
                ext = d.berkas.name.rsplit(".", 1)[-1].lower() if "." in d.berkas.name else "bin"
                nama = f"{n:02d}-{safe_name(d.nama.rsplit('.', 1)[0], 'dokumen')}.{ext}"
                with d.berkas.open("rb") as berkas:
                    zf.writestr(f"{dasar}/dokumen/{nama}", berkas.read())
                nama_dokumen.append(nama)
            total_dokumen += len(nama_dokumen)
            zf.writestr(f"{dasar}/ringkasan.csv", _ringkasan(penilaian, j, jumlah_baris))
            indeks.append(
                [
                    k.aspek.nomor,
                    k.aspek.nama,
                    k.kode,
                    k.uraian,
                    k.bukti,
                    j.pembilang,
                    j.penyebut,
                    j.uraian_angka,
                    j.level_usulan,
                    j.alasan_usulan,
                    j.level,
                    j.alasan,
                    jumlah_baris,
                    len(nama_dokumen),
                    f"{dasar}/",
                ]
            )
            if saat_maju:
                saat_maju(i, len(jawaban))
        header = [
            _("Nomor aspek"),
            _("Aspek"),
            _("Kode kriteria"),
            _("Kriteria"),
            _("Fungsi bukti"),
            _("Pembilang"),
            _("Penyebut"),
            _("Angka"),
            _("Level usulan"),
            _("Alasan usulan"),
            _("Level ditetapkan"),
            _("Alasan penetapan"),
            _("Jumlah baris bukti"),
            _("Jumlah dokumen"),
            _("Folder"),
        ]
        zf.writestr(INDEKS, write_csv(header, indeks))
    nama = f"paket-bukti-{safe_name(penilaian.instrumen.kode)}-{penilaian.tahun}.zip"
    return Paket(buffer.getvalue(), nama, total_baris, total_dokumen)
