"""Background tasks of pelatihan: a large bulk enrolment, with its progress on /tugas/<id>/."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from pegawai.models import Pegawai
from tugas.models import Progres
from tugas.progres import Laporan, dengan_progres, mulai

# Above this many rows the enrolment leaves the request for a background task.
MASSAL_LATAR = 100


@task()
@dengan_progres
def daftar_massal(
    laporan: Laporan, sesi_id: int, pegawai_ids: list[int], hanya_yang_sah: bool
) -> int:
    """Enrol the employees (all or nothing, or the valid ones); each refused row becomes one of
    the task's listed errors, by name and reason."""
    from pelatihan.models import Sesi
    from pelatihan.services import daftar_massal as layanan

    sesi = Sesi.objects.get(pk=sesi_id)
    urut = {pk: i for i, pk in enumerate(pegawai_ids)}
    pegawai = sorted(Pegawai.objects.filter(pk__in=pegawai_ids), key=lambda p: urut[p.pk])
    laporan.maju(0, len(pegawai))
    hasil = layanan(sesi=sesi, pegawai=pegawai, hanya_yang_sah=hanya_yang_sah,
                    oleh=laporan.progres.oleh, saat_maju=laporan.maju)  # fmt: skip
    for p, alasan in hasil.ditolak:
        laporan.galat(f"{p.nama_lengkap} ({p.nip_tercetak}): {alasan}")
    if hasil.dijalankan:
        pesan = _("%(n)s pegawai didaftarkan ke %(s)s; %(t)s dilewati.") % {
            "n": len(hasil.didaftar), "s": sesi, "t": len(hasil.ditolak)}  # fmt: skip
    else:
        pesan = _("Tidak ada yang didaftarkan: %(t)s baris tidak sah (semua atau tidak sama "
                  "sekali). Perbaiki daftarnya atau pilih \"daftarkan yang sah saja\".") % {
            "t": len(hasil.ditolak)}  # fmt: skip
    laporan.selesai(pesan=pesan)
    return len(hasil.didaftar)


def mulai_daftar_massal(
    *, sesi: Any, pegawai_ids: list[int], hanya_yang_sah: bool, oleh: Any
) -> Progres:
    """Queue a bulk enrolment (one at a time per session)."""
    return mulai(
        daftar_massal,
        label=_("Pendaftaran massal ke %(s)s (%(n)s pegawai)") % {"s": sesi, "n": len(pegawai_ids)},
        oleh=oleh,
        kunci=f"sesi:{sesi.pk}",
        args=[sesi.pk, pegawai_ids, hanya_yang_sah],
        url_kembali=reverse("pelatihan:daftar_massal", args=[sesi.pk]),
    )
