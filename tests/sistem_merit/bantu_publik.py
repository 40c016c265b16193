"""A final assessment built the way HR builds one (open, compute the evidence, set each level,
keep a document, finalise), for the tests of the evidence pack, the public page and its open
data, and the browser test of the public page."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from sistem_merit import services
from sistem_merit.models import Instrumen, Penilaian
from tests.sistem_merit import bantu

PDF = b"%PDF-1.4\n% dokumen uji\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def instrumen_2018() -> Instrumen:
    """The small 40/2018 instrument of bantu.data_2018(), loaded once per test."""
    return Instrumen.objects.filter(kode="uji-2018").first() or bantu.buat(bantu.data_2018())


def buat_penilaian(
    oleh,
    *,
    tahun: int = 2025,
    figur: tuple[int, int] = (3, 4),
    level: dict[str, int] | None = None,
    dokumen: bytes | None = PDF,
    final: bool = True,
) -> Penilaian:
    """Return an assessment of the small 40/2018 instrument for `tahun`: criterion 1.1 from
    the data (`figur` of `uji.ditentukan`, its proposal accepted), 1.2 and 2.1 set by HR
    (`level`, default 3 and 2) with a document kept with 1.2; final unless `final` is False."""
    level = {"1.2": 3, "2.1": 2} | (level or {})
    bantu.FIGUR["nilai"] = figur
    penilaian = services.penilaian_create(
        instrumen=instrumen_2018(),
        tahun=tahun,
        tanggal_data=date(tahun, 12, 31) if tahun < date.today().year else date.today(),
        oleh=oleh,
    )
    services.evidence_compute(penilaian=penilaian, oleh=oleh)
    for j in penilaian.jawaban.select_related("kriteria"):
        kode = j.kriteria.kode
        if kode in level:
            services.jawaban_set_level(
                jawaban=j, level=level[kode], alasan=f"Dokumen {kode} diperiksa.", oleh=oleh
            )
        else:
            services.jawaban_set_level(jawaban=j, level=j.level_usulan, oleh=oleh)
        if kode == "1.2" and dokumen is not None:
            services.dokumen_add(
                jawaban=j,
                berkas=SimpleUploadedFile("SK Tim Sistem Merit.pdf", dokumen),
                nama="SK Tim Sistem Merit.pdf",
                oleh=oleh,
            )
    if final:
        penilaian = services.penilaian_finalise(penilaian=penilaian, oleh=oleh)
    return Penilaian.objects.select_related("instrumen").get(pk=penilaian.pk)
