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
        # Per officer: a progress page opens to the one who started it (tugas.views), so a
        # second officer starting it gets their own run, not another's page (a 404).
        kunci=f"penilaian:{penilaian.pk}:{getattr(oleh, 'pk', '')}",
        args=[penilaian.pk],
        url_kembali=url,
        url_lanjut=url,
        label_lanjut=_("Lihat penilaian"),
    )


@task()
@dengan_progres
def paket_penilaian(laporan: Laporan, penilaian_id: int, alamat: str | None = None) -> int:
    """Build the assessment's evidence pack (sistem_merit.paket), one criterion per progress
    step, log it as an export of personal data in the starter's name, and keep it as the
    progress row's download (tugas: only the starter downloads it). Return the rows packed."""
    from pegawai.ekspor import log_export
    from sistem_merit.paket import DATA_LOG, build_pack

    penilaian = _penilaian(penilaian_id)
    oleh = laporan.progres.oleh
    paket = build_pack(penilaian, saat_maju=laporan.maju)
    if oleh is not None:
        log_export(
            user=oleh,
            data=DATA_LOG,
            jumlah_baris=paket.jumlah_baris,
            query=f"penilaian={penilaian.pk}",
            alamat=alamat,
        )
    laporan.selesai(
        pesan=_(
            "Paket bukti %(p)s siap diunduh: %(b)d baris bukti dan %(d)d dokumen, satu folder "
            "per kriteria."
        )
        % {"p": penilaian, "b": paket.jumlah_baris, "d": paket.jumlah_dokumen},
        berkas=paket.content,
        nama_berkas=paket.name,
        jenis_berkas="application/zip",
    )
    return paket.jumlah_baris


def evidence_pack_start(*, penilaian: Penilaian, oleh: Any, alamat: str | None = None) -> Progres:
    """Queue the evidence pack; `tugas.progres.SedangBerjalan` when one is being built."""
    url = reverse("sistem_merit:penilaian_detail", args=[penilaian.pk])
    return mulai(
        paket_penilaian,
        label=_("Paket bukti verifikasi %(p)s") % {"p": penilaian},
        oleh=oleh,
        # One pack per assessment and HR user at a time: a download is its starter's only.
        kunci=f"paket:{penilaian.pk}:{getattr(oleh, 'pk', '')}",
        args=[penilaian.pk, alamat],
        url_kembali=url,
    )
