"""Writes of the merit-system index: open a year's assessment, compute its evidence, set a
criterion's level (accepting or overriding the proposal, with a reason), keep documents, and
finalise (freeze) it. Every change goes through here, under the assessment's row lock, and is
audited (django-auditlog on the rows; `core.audit.record_operation` for the computation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import acting_as, audited, record_operation
from pelatihan.bukti import read_head, sniff_type
from sistem_merit import rules
from sistem_merit.bukti import BUKTI, Angka
from sistem_merit.models import (
    DokumenBukti,
    Instrumen,
    JawabanKriteria,
    Kriteria,
    Penilaian,
)
from sistem_merit.skor import spek_of, survey_score, values_of

MAKS_DOKUMEN = 10 * 1024 * 1024  # a scanned decree or minutes of a few pages


def refuse_final(penilaian: Penilaian) -> None:
    """Raise the frozen assessment's ValidationError (code "final") when `penilaian` is final:
    for a page that starts work on it outside the services' lock (computing its evidence)."""
    if penilaian.final:
        raise ValidationError(
            _(
                "Penilaian %(p)s sudah final dan dibekukan: tidak ada yang dapat diubah. "
                "Buat penilaian tahun berikutnya untuk perubahan baru."
            )
            % {"p": penilaian},
            code="final",
        )


def _lock(penilaian: Penilaian) -> Penilaian:
    """Return the assessment locked for this transaction; ValidationError when it is final."""
    locked = Penilaian.objects.select_for_update().select_related("instrumen").get(pk=penilaian.pk)
    refuse_final(locked)
    return locked


@audited
@transaction.atomic
def penilaian_create(
    *, instrumen: Instrumen, tahun: int, tanggal_data: date, oleh: Any
) -> Penilaian:
    """Open the assessment of `tahun` against `instrumen`, one answer row per criterion."""
    hari_ini = timezone.localdate()
    errors: dict[str, str] = {}
    if not 2018 <= tahun <= hari_ini.year:
        errors["tahun"] = _("Tahun penilaian 2018 sampai %(t)d.") % {"t": hari_ini.year}
    # The evidence reads "this year" and "last year" from the date, the employees' survey from
    # the year: both must be the assessed year.
    if tanggal_data > hari_ini:
        errors["tanggal_data"] = _("Data per tanggal tidak boleh di masa depan.")
    elif tanggal_data.year != tahun:
        errors["tanggal_data"] = _(
            "Data per tanggal harus di dalam tahun penilaian %(t)d (mis. 31 Desember)."
        ) % {"t": tahun}
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            penilaian = Penilaian.objects.create(
                instrumen=instrumen, tahun=tahun, tanggal_data=tanggal_data, dibuat_oleh=oleh
            )
    except IntegrityError:
        raise ValidationError(
            {
                "tahun": _("Penilaian %(i)s tahun %(t)d sudah ada.")
                % {"i": instrumen.nama, "t": tahun}
            },
            code="penilaian_satu_per_tahun",
        ) from None
    _add_missing_answers(penilaian)
    return penilaian


def _add_missing_answers(penilaian: Penilaian) -> None:
    """Give every criterion of the instrument its answer row: those of the opening, and those
    HR added to the instrument since (they then count, and need their level)."""
    JawabanKriteria.objects.bulk_create(
        JawabanKriteria(penilaian=penilaian, kriteria=k)
        for k in Kriteria.objects.filter(aspek__instrumen_id=penilaian.instrumen_id).exclude(
            jawaban__penilaian=penilaian
        )
    )


def evidence_compute(
    *,
    penilaian: Penilaian,
    oleh: Any = None,
    saat_maju: Callable[[int, int], None] | None = None,
) -> int:
    """Compute every evidenced criterion's figure as of the assessment's date and propose its
    level; refresh the employees' survey score. Return how many criteria were computed.

    The figures are computed first (reads only, reporting progress after each), then written in
    one short transaction under the assessment's lock: a failure leaves the previous figures
    whole, and a progress page sees each step while it runs. A level HR had accepted as
    proposed is cleared when the proposal moves (it must be reviewed again); an override,
    which carries its own reason, stays.
    """
    refuse_final(Penilaian.objects.get(pk=penilaian.pk))
    lo = penilaian.instrumen.level_min
    kriteria = list(
        Kriteria.objects.filter(aspek__instrumen_id=penilaian.instrumen_id)
        .exclude(bukti="")
        .order_by("id")
    )
    hasil: dict[int, tuple[Angka | None, rules.Usulan]] = {}
    for i, k in enumerate(kriteria, 1):
        fungsi = BUKTI.get(k.bukti)
        if fungsi is None:
            pesan = _("Fungsi bukti %(k)s tidak dikenal aplikasi ini.") % {"k": k.bukti}
            hasil[k.pk] = (None, rules.Usulan(None, pesan))
        else:
            angka = fungsi.hitung(penilaian.tanggal_data)
            hasil[k.pk] = (angka, rules.propose_level(angka.rasio, k.ambang, level_min=lo))
        if saat_maju:
            saat_maju(i, len(kriteria))
    skor = survey_score(penilaian)
    with transaction.atomic(), acting_as(oleh):
        penilaian = _lock(penilaian)
        _add_missing_answers(penilaian)
        jawaban = list(penilaian.jawaban.filter(kriteria_id__in=hasil))
        dibatalkan = []
        for j in jawaban:
            angka, usulan = hasil[j.kriteria_id]
            j.pembilang = angka.pembilang if angka else None
            j.penyebut = angka.penyebut if angka else None
            j.uraian_angka = str(angka.uraian) if angka else usulan.alasan
            j.kurang = str(angka.kurang) if angka else ""
            if j.level is not None and not j.alasan and j.level != usulan.level:
                dibatalkan.append(j)
            j.level_usulan, j.alasan_usulan = usulan.level, usulan.alasan
        # An acceptance the moved proposal undoes, saved one by one (each in the audit trail)
        # before the new proposal is written beside it.
        for j in dibatalkan:
            j.level = None
            j.ditinjau_oleh = j.ditinjau_pada = None
            j.save(update_fields=["level", "ditinjau_oleh", "ditinjau_pada", "updated_at"])
        JawabanKriteria.objects.bulk_update(
            jawaban,
            [
                "pembilang",
                "penyebut",
                "uraian_angka",
                "kurang",
                "level_usulan",
                "alasan_usulan",
            ],
        )
        penilaian.skor_survei = skor
        penilaian.dihitung_pada = timezone.now()
        penilaian.save(update_fields=["skor_survei", "dihitung_pada", "updated_at"])
        record_operation(
            penilaian,
            "hitung_bukti",
            {"kriteria_dihitung": len(jawaban), "level_ditinjau_ulang": len(dibatalkan)},
            oleh=oleh,
        )
    return len(jawaban)


@audited
@transaction.atomic
def jawaban_set_level(
    *, jawaban: JawabanKriteria, level: int | None, alasan: str = "", oleh: Any
) -> JawabanKriteria:
    """Set the criterion's level: the proposal accepted, or another level with a reason."""
    penilaian = _lock(jawaban.penilaian)
    jawaban = JawabanKriteria.objects.select_related("kriteria").get(pk=jawaban.pk)
    instrumen = penilaian.instrumen
    alasan = (alasan or "").strip()
    if level is None or not instrumen.level_min <= level <= instrumen.level_max:
        raise ValidationError(
            {
                "level": _("Kriteria %(k)s: level harus %(lo)d sampai %(hi)d.")
                % {"k": jawaban.kriteria.kode, "lo": instrumen.level_min, "hi": instrumen.level_max}
            }
        )
    if level != jawaban.level_usulan and not alasan:
        if jawaban.level_usulan is None:
            pesan = _(
                "Kriteria %(k)s tanpa usulan dari data: tulis dasar penetapan level "
                "(mis. dokumen yang diunggah)."
            ) % {"k": jawaban.kriteria.kode}
        else:
            pesan = _(
                "Kriteria %(k)s: level %(l)d berbeda dari usulan data (%(u)d); tulis alasannya."
            ) % {"k": jawaban.kriteria.kode, "l": level, "u": jawaban.level_usulan}
        raise ValidationError({"alasan": pesan}, code="alasan_wajib")
    jawaban.level = level
    jawaban.alasan = alasan
    jawaban.ditinjau_oleh = oleh
    jawaban.ditinjau_pada = timezone.now()
    jawaban.save(update_fields=["level", "alasan", "ditinjau_oleh", "ditinjau_pada", "updated_at"])
    return jawaban


@audited
@transaction.atomic
def dokumen_add(
    *, jawaban: JawabanKriteria, berkas: Any, nama: str = "", oleh: Any
) -> DokumenBukti:
    """Keep a document with a criterion's answer: PDF, PNG or JPEG by its content, ≤ 10 MB."""
    _lock(jawaban.penilaian)
    if berkas.size > MAKS_DOKUMEN:
        raise ValidationError({"berkas": _("Dokumen paling besar 10 MB.")}, code="terlalu_besar")
    jenis = sniff_type(read_head(berkas))
    if jenis is None:
        raise ValidationError(
            {
                "berkas": _(
                    "Dokumen harus PDF, JPG atau PNG; jenis diperiksa dari isinya, bukan dari "
                    "namanya."
                )
            },
            code="jenis_berkas",
        )
    nama = (nama or "").strip() or berkas.name.rsplit("/", 1)[-1]
    berkas.name = f"dokumen.{jenis.ext}"
    return DokumenBukti.objects.create(
        jawaban=jawaban,
        berkas=berkas,
        nama=nama[:200],
        jenis_berkas=jenis.content_type,
        diunggah_oleh=oleh,
    )


@audited
@transaction.atomic
def penilaian_finalise(*, penilaian: Penilaian, oleh: Any) -> Penilaian:
    """Freeze the assessment with its total, band and per-aspect scores.

    Every criterion needs its level; an instrument that weighs the employees' survey needs its
    score. After this nothing of the assessment changes (services and database)."""
    penilaian = _lock(penilaian)
    baru = sorted(
        Kriteria.objects.filter(aspek__instrumen_id=penilaian.instrumen_id)
        .exclude(jawaban__penilaian=penilaian)
        .values_list("kode", flat=True)
    )
    if baru:
        raise ValidationError(
            {
                "level": _(
                    "Kriteria %(k)s ditambahkan ke instrumen setelah penilaian dibuka: jalankan "
                    "Hitung ulang angka bukti untuk memasukkannya, lalu tetapkan levelnya."
                )
                % {"k": ", ".join(baru)}
            },
            code="kriteria_baru",
        )
    bobot = sum(penilaian.instrumen.aspek.values_list("bobot", flat=True), Decimal(0))
    if bobot != 100:
        raise ValidationError(
            {
                "level": _(
                    "Bobot aspek instrumen %(i)s berjumlah %(b)s, bukan 100: perbaiki di admin "
                    "(Instrumen) sebelum memfinalkan."
                )
                % {"i": penilaian.instrumen.nama, "b": bobot}
            },
            code="bobot",
        )
    # The survey as it stands now: it may have closed since the evidence was computed.
    penilaian.skor_survei = survey_score(penilaian)
    jawaban = list(penilaian.jawaban.select_related("kriteria__aspek__instrumen"))
    kosong = sorted(j.kriteria.kode for j in jawaban if j.level is None)
    if kosong:
        raise ValidationError(
            {"level": _("Belum ditetapkan levelnya: kriteria %(k)s.") % {"k": ", ".join(kosong)}},
            code="level_kosong",
        )
    spek = spek_of(penilaian.instrumen)
    nilai_kriteria = values_of(jawaban, resmi=True)
    try:
        nilai = rules.total(spek, nilai_kriteria, penilaian.skor_survei)
    except ValueError:
        raise ValidationError(
            {
                "skor_survei": _(
                    "Instrumen ini menimbang survei kepuasan dan keterikatan pegawai: hasil "
                    "survei tahun %(t)d belum dapat dipakai (belum ditutup atau responden kurang)."
                )
                % {"t": penilaian.tahun}
            },
            code="survei_kosong",
        ) from None
    skor_aspek = rules.aspect_scores(spek, nilai_kriteria)
    aspek = {j.kriteria.aspek.nomor: j.kriteria.aspek for j in jawaban}
    # The frozen record: what the public page and the year-on-year chart read, whatever
    # later happens to the instrument's rows.
    penilaian.ringkasan = [
        {
            "nomor": nomor,
            "nama": aspek[nomor].nama,
            "bobot": str(aspek[nomor].bobot),
            "skor": str(skor_aspek[nomor].quantize(Decimal("0.0001"))),
            "kriteria": [
                {
                    "kode": j.kriteria.kode,
                    "uraian": j.kriteria.uraian,
                    "bukti": j.kriteria.bukti,
                    "pembilang": j.pembilang,
                    "penyebut": j.penyebut,
                    "angka": j.uraian_angka,
                    "level_usulan": j.level_usulan,
                    "level": j.level,
                }
                for j in sorted(jawaban, key=lambda j: j.kriteria_id)
                if j.kriteria.aspek.nomor == nomor
            ],
        }
        for nomor in sorted(skor_aspek)
    ]
    penilaian.nilai = nilai
    penilaian.kategori = rules.band(spek, penilaian.nilai)
    penilaian.status = Penilaian.Status.FINAL
    penilaian.difinalkan_oleh = oleh
    penilaian.difinalkan_pada = timezone.now()
    penilaian.save()
    return penilaian
