"""Background work of the merit-system index: computing an assessment's evidence. Each starts
with a progress row (`tugas.progres.mulai`) that the page which started it shows."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from sistem_merit.models import Penilaian
from tugas.models import Progres
from tugas.progres import Laporan, dengan_progres, mulai


def _penilaian(penilaian_id: int) -> Penilaian:
    penilaian = Penilaian.objects.select_related("instrumen").filter(pk=penilaian_id).first()
    if penilaian is None:
        raise ValidationError({"penilaian": _("Penilaian ini sudah dihapus.")})
    return penilaian


@task()
@dengan_progres
def hitung_penilaian(laporan: Laporan, penilaian_id: int) -> int:
    """Compute the assessment's evidence, one criterion per progress step."""
    from sistem_merit.services import evidence_compute

    penilaian = _penilaian(penilaian_id)
    n = evidence_compute(penilaian=penilaian, oleh=laporan.progres.oleh, saat_maju=laporan.maju)
    laporan.selesai(
        pesan=_("Angka bukti %(n)d kriteria %(p)s dihitung dari data per %(t)s.")
        % {"n": n, "p": penilaian, "t": penilaian.tanggal_data.strftime("%d-%m-%Y")}
    )
    return n


def evidence_compute_start(*, penilaian: Penilaian, oleh: Any) -> Progres:
    """Queue the computation; `tugas.progres.SedangBerjalan` when it already runs."""
    url = reverse("sistem_merit:penilaian_detail", args=[penilaian.pk])
    return mulai(
        hitung_penilaian,
        label=_("Hitung angka bukti %(p)s") % {"p": penilaian},
        oleh=oleh,
        kunci=f"penilaian:{penilaian.pk}",
        args=[penilaian.pk],
        url_kembali=url,
        url_lanjut=url,
        label_lanjut=_("Lihat penilaian"),
    )
