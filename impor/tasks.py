"""Background tasks of the import: the dry run (preview) and the confirmed import, each with
its progress row (tugas.progres), so a 100,000-row file never runs in a web request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core.audit import record_operation
from impor import proses, read
from impor.models import Impor
from impor.preview import kalimat_diterapkan
from jabatan import tasks as jabatan_tasks
from tugas.models import Progres
from tugas.progres import Laporan, dengan_progres, mulai


def _pesan(r: proses.Ringkasan, *, diterapkan: bool = False) -> str:
    """The outcome in one line: what the preview found, or (applied) what was done."""
    if diterapkan:
        pesan = kalimat_diterapkan(r.sebagai_dict())
    else:
        pesan = _("Pratinjau siap. ") + _(
            "%(total)d baris: %(baru)d baru, %(ubah)d berubah, %(sama)d tetap, %(tolak)d ditolak."
        ) % {"total": r.total, "baru": r.baru, "ubah": r.ubah, "sama": r.sama, "tolak": r.tolak}
    if r.berhenti:
        pesan += " " + _("%(b)d pegawai berhenti; %(p)d penempatan aktifnya diakhiri.") % {
            "b": r.berhenti,
            "p": r.penempatan_berakhir,
        }
    if r.lepas_pegawai:
        pesan += " " + _(
            "%(n)d pegawai melepas jabatan karena kedudukan hukum (%(k)s); %(p)d penempatan "
            "aktifnya diakhiri."
        ) % {
            "n": r.lepas_pegawai,
            "k": ", ".join(f"{k}: {v}" for k, v in r.lepas.items()),
            "p": r.lepas_penempatan,
        }
    return pesan


def _berkas_tolak(laporan: Laporan, impor: Impor, r: proses.Ringkasan, pesan: str) -> None:
    if r.berkas_tolak:
        laporan.selesai(
            pesan=pesan,
            berkas=r.berkas_tolak.encode("utf-8"),
            nama_berkas=f"ditolak-{impor.pk}.csv",
            jenis_berkas="text/csv; charset=utf-8",
        )
    else:
        laporan.selesai(pesan=pesan)


@task()
@dengan_progres
def pratinjau(laporan: Laporan, impor_id: int) -> int:
    """Read the file and compare it with our data; nothing is written but the summary."""
    impor = Impor.objects.get(pk=impor_id)
    try:
        r = proses.jalankan(bytes(impor.berkas), impor.format, maju=laporan.maju)
    except read.BerkasDitolak as exc:
        # A refused file is the preview's answer (shown on its page), not a failed task.
        impor.status = Impor.Status.DITOLAK
        impor.ringkasan = {"galat_berkas": exc.pesan}
        impor.save(update_fields=["status", "ringkasan"])
        laporan.selesai(
            pesan=_("Berkas ditolak, tidak ada yang disimpan: %(p)s") % {"p": exc.pesan}
        )
        return 0
    impor.status = Impor.Status.PRATINJAU
    impor.ringkasan = r.sebagai_dict()
    impor.save(update_fields=["status", "ringkasan"])
    _berkas_tolak(laporan, impor, r, _pesan(r))
    return r.total


@task()
@dengan_progres
def terapkan(laporan: Laporan, impor_id: int, user_id: int | None, sebagian: bool) -> int:
    """Apply the file: all-or-nothing, or only its valid rows (`sebagian`)."""
    from django.contrib.auth import get_user_model

    impor = Impor.objects.get(pk=impor_id)
    oleh = get_user_model().objects.filter(pk=user_id).first()
    try:
        r = proses.jalankan(
            bytes(impor.berkas),
            impor.format,
            terapkan=True,
            sebagian=sebagian,
            oleh=oleh,
            sumber=f"{impor.nama_berkas} sha256:{impor.checksum}",
            maju=laporan.maju,
        )
    except read.BerkasDitolak as exc:
        laporan.gagal(_("Berkas ditolak, tidak ada yang disimpan: %(p)s") % {"p": exc.pesan})
        return 0
    except proses.DibatalkanAdaGalat:
        # The run's own summary is gone with the rollback: a dry run gives the rejects file.
        r = proses.jalankan(bytes(impor.berkas), impor.format)
        _berkas_tolak(
            laporan,
            impor,
            r,
            _(
                'Tidak ada yang disimpan: %(n)d baris ditolak dan pilihan "semua atau tidak '
                'sama sekali" aktif. Perbaiki baris dalam berkas penolakan, atau pilih impor '
                "baris yang sah saja."
            )
            % {"n": r.tolak},
        )
        return 0
    impor.status = Impor.Status.DITERAPKAN
    impor.sebagian = sebagian
    impor.ringkasan = r.sebagai_dict()
    impor.diterapkan = timezone.now()
    impor.diterapkan_oleh = oleh
    impor.save()
    log = record_operation(
        impor,
        "impor_pegawai",
        {
            "baris": r.total,
            "baru": r.baru,
            "berubah": r.ubah,
            "tetap": r.sama,
            "ditolak": r.tolak,
            "penempatan": r.penempatan,
            "berhenti": r.berhenti,
            "penempatan_berakhir": r.penempatan_berakhir,
            "lepas_jabatan": r.lepas_pegawai,
            "penempatan_dilepas": r.lepas_penempatan,
        },
        oleh=oleh,
    )
    log.additional_data = {
        **log.additional_data,
        "checksum": impor.checksum,
        "berkas": impor.nama_berkas,
    }
    log.save(update_fields=["additional_data"])
    _berkas_tolak(laporan, impor, r, _pesan(r, diterapkan=True))
    return r.total


@task()
@dengan_progres
def rekonsiliasi(laporan: Laporan, impor_id: int) -> int:
    """Per employee, the differences between the SIASN file and our data, as a CSV to download
    (nothing is written): rank, TMT, education, status, kedudukan, unit, position."""
    impor = Impor.objects.get(pk=impor_id)
    try:
        r = proses.jalankan(bytes(impor.berkas), impor.format, maju=laporan.maju, selisih=True)
    except read.BerkasDitolak as exc:
        laporan.gagal(exc.pesan)
        return 0
    laporan.selesai(
        pesan=_("%(n)d selisih antara berkas SIASN dan data kita; %(t)d baris ditolak.")
        % {"n": r.selisih.n, "t": r.tolak},
        berkas=r.selisih.buf.getvalue().encode("utf-8"),
        nama_berkas=f"rekonsiliasi-{impor.pk}.csv",
        jenis_berkas="text/csv; charset=utf-8",
    )
    return r.selisih.n


def rekonsiliasi_start(impor: Impor, oleh: Any) -> Progres:
    return mulai(
        rekonsiliasi,
        label=_("Rekonsiliasi %(b)s dengan data kita") % {"b": impor.nama_berkas},
        oleh=oleh,
        args=[impor.pk],
        url_kembali=impor.get_absolute_url(),  # its outcome is the file to download
    )


def pratinjau_start(impor: Impor, oleh: Any) -> Progres:
    return mulai(
        pratinjau,
        label=_("Pratinjau impor %(b)s") % {"b": impor.nama_berkas},
        oleh=oleh,
        kunci=f"impor:{impor.pk}",
        args=[impor.pk],
        url_kembali=reverse("impor:daftar"),
        url_lanjut=impor.get_absolute_url(),
        label_lanjut=_("Lihat pratinjau"),
    )


def penerapan_start(impor: Impor, oleh: Any, *, sebagian: bool) -> Progres:
    return mulai(
        terapkan,
        label=_("Impor %(b)s") % {"b": impor.nama_berkas},
        oleh=oleh,
        # One import of employees at a time: two at once would race on the same NIPs.
        kunci="impor:terapkan",
        args=[impor.pk, getattr(oleh, "pk", None), sebagian],
        url_kembali=reverse("impor:daftar"),
        url_lanjut=impor.get_absolute_url(),
        label_lanjut=_("Lihat hasil impor"),
    )


# The whole-projection rebuild lives in jabatan.tasks now; the paths queued rows of earlier
# releases store (django-tasks imports a task by its path) still lead to it.
segarkan_indeks = refresh_merit_index = jabatan_tasks.refresh_merit_index


# --- Our employees in the template's columns (every employee: a task, not a request) -----------


@task()
@dengan_progres
def ekspor_pegawai(laporan: Laporan, user_id: int, fmt: str, alamat: str | None) -> int:
    """Write every employee in the user's scope in the template's columns (impor.ekspor) as CSV
    or XLSX into the progress row, logged as the synchronous exports are (pegawai.ekspor);
    return the row count."""
    from django.contrib.auth import get_user_model

    from impor import kolom as k
    from impor.ekspor import baris_pegawai
    from pegawai.akses import lingkup
    from pegawai.ekspor import export_file
    from pegawai.models import Pegawai
    from tugas.progres import bagian

    user = get_user_model().objects.get(pk=user_id)
    scope = lingkup(user)
    n = scope.filter(Pegawai.objects.all(), path="unit_kerja__path", pegawai="pk").count()
    berkas = export_file(
        user=user,
        alamat=alamat,
        data="impor.pegawai",
        nama_berkas="pegawai-siasn",
        header=list(k.KOLOM),
        rows=bagian(baris_pegawai(scope), laporan, n),
        fmt=fmt,
    )
    laporan.selesai(
        pesan=_("%(n)s baris siap diunduh.") % {"n": n},
        berkas=berkas.content,
        nama_berkas=berkas.name,
        jenis_berkas=berkas.content_type,
    )
    return n


def pegawai_export_start(request: Any, fmt: str) -> Progres:
    """Queue the export of every employee in the user's scope and return its progress row."""
    return mulai(
        ekspor_pegawai,
        label=_("Ekspor data pegawai (%(fmt)s)") % {"fmt": fmt.upper()},
        oleh=request.user,
        args=[request.user.pk, fmt, request.META.get("REMOTE_ADDR") or None],
        url_kembali=reverse("impor:daftar"),
    )
