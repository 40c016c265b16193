"""Background tasks of pelatihan, with their progress on /tugas/<id>/: a large bulk enrolment,
and the city's annual development plan drafted from the needs of every employee."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django_tasks import task

from pegawai.akses import lingkup
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
    from pelatihan.services import peserta_enrol_bulk as layanan

    sesi = Sesi.objects.get(pk=sesi_id)
    urut = {pk: i for i, pk in enumerate(pegawai_ids)}
    pegawai = sorted(Pegawai.objects.filter(pk__in=pegawai_ids), key=lambda p: urut[p.pk])
    laporan.maju(0, len(pegawai))
    hasil = layanan(
        sesi=sesi,
        pegawai=pegawai,
        hanya_yang_sah=hanya_yang_sah,
        oleh=laporan.progres.oleh,
        saat_maju=laporan.maju,
    )
    for p, alasan in hasil.ditolak:
        laporan.galat(f"{p.nama_lengkap} ({p.nip_tercetak}): {alasan}")
    if hasil.dijalankan:
        pesan = _("%(n)s pegawai didaftarkan ke %(s)s; %(t)s dilewati.") % {
            "n": len(hasil.didaftar),
            "s": sesi,
            "t": len(hasil.ditolak),
        }
    else:
        pesan = _(
            "Tidak ada yang didaftarkan: %(t)s baris tidak sah (semua atau tidak sama "
            'sekali). Perbaiki daftarnya atau pilih "daftarkan yang sah saja".'
        ) % {"t": len(hasil.ditolak)}
    laporan.selesai(pesan=pesan)
    return len(hasil.didaftar)


def peserta_enrol_bulk_start(
    *, sesi: Any, pegawai_ids: list[int], hanya_yang_sah: bool, oleh: Any
) -> Progres:
    """Queue a bulk enrolment (one at a time per session)."""
    return mulai(
        daftar_massal,
        label=_("Pendaftaran massal ke %(s)s (%(n)s pegawai)") % {"s": sesi, "n": len(pegawai_ids)},
        oleh=oleh,
        kunci=f"sesi:{sesi.pk}",
        args=[sesi.pk, pegawai_ids, hanya_yang_sah],
        url_kembali=reverse("pelatihan:peserta", args=[sesi.pk]),
    )


# --- The annual development plan of the city -------------------------------------------------


@task()
@dengan_progres
def susun_rencana(laporan: Laporan, tahun: int, unit_id: int | None = None) -> int:
    """Draft the plan of the city (or of a unit) from the needs of every employee in the
    starter's scope, reporting progress step by step (selectors.usulan_rencana), then write it
    through the service (replacing a draft, refusing an approved plan)."""
    from pegawai.akses import lingkup
    from pegawai.models import UnitKerja
    from pelatihan import selectors, services

    oleh = laporan.progres.oleh
    scope = lingkup(oleh) if oleh is not None else None
    if scope is None or not scope.semua:
        raise ValidationError({"unit_kerja": _("Rencana tingkat kota disusun oleh BKPSDM.")})
    unit = UnitKerja.objects.filter(pk=unit_id).first() if unit_id else None
    qs = selectors.pegawai_dalam_lingkup(scope)
    if unit is not None:
        qs = qs.filter(unit_kerja__path__startswith=unit.path)
    kursi, programs = selectors.usulan_rencana(qs, tahun, saat_maju=laporan.maju)
    rencana = services.rencana_draft(
        tahun=tahun, unit_kerja=unit, kursi=kursi, programs=programs, oleh=oleh
    )
    baris = list(rencana.baris.all())
    laporan.selesai(
        pesan=_("%(r)s disusun dari kebutuhan: %(p)s program, %(k)s kursi, Rp%(b)s.")
        % {
            "r": rencana,
            "p": len(baris),
            "k": sum(b.jumlah_kursi for b in baris),
            "b": number_format(int(sum(b.biaya for b in baris)), force_grouping=True),
        }
    )
    return rencana.pk


def rencana_draft_start(*, tahun: int, unit: Any = None, oleh: Any) -> Progres:
    """Queue the drafting of a plan (the city's when `unit` is None), one at a time per plan."""
    sasaran = unit.nama if unit is not None else _("Kota Mataram")
    return mulai(
        susun_rencana,
        label=_("Menyusun rencana pengembangan kompetensi %(t)s — %(u)s")
        % {"t": tahun, "u": sasaran},
        oleh=oleh,
        kunci=f"rencana:{tahun}:{unit.pk if unit is not None else 'kota'}",
        args=[tahun, unit.pk if unit is not None else None],
        url_kembali=reverse("pelatihan:rencana"),
    )


# --- The JP dashboard's tables (HR's employee table is the whole city) ------------------------


@task()
@dengan_progres
def ekspor_dasbor(
    laporan: Laporan, user_id: int, tabel: str, fmt: str, query: str, alamat: str | None
) -> int:
    """Write one of the JP dashboard's tables, with the dashboard's filters (`query`), as CSV or
    XLSX into the progress row, logged as the synchronous exports are; return the row count."""
    from django.contrib.auth import get_user_model
    from django.http import QueryDict

    from pegawai.ekspor import export_file
    from pelatihan import selectors
    from tugas.progres import bagian

    user = get_user_model().objects.get(pk=user_id)
    d = selectors.dasbor_jp(lingkup(user), QueryDict(query))
    if d.filterset.errors:  # the page checked the same query before queueing
        raise ValidationError(_("Saringan dasbor tidak sah."))
    header, rows = selectors.tabel_ekspor(d, tabel)
    n = d.pegawai.count() if tabel == "pegawai" else len(d.unit)
    berkas = export_file(
        user=user,
        query=query,
        alamat=alamat,
        data=f"pelatihan.{tabel}",
        nama_berkas=f"jp-{tabel}-{d.tahun}",
        header=header,
        rows=bagian(rows, laporan, n),
        fmt=fmt,
    )
    laporan.selesai(
        pesan=_("%(n)s baris siap diunduh.") % {"n": n},
        berkas=berkas.content,
        nama_berkas=berkas.name,
        jenis_berkas=berkas.content_type,
    )
    return n


def jp_export_start(request: Any, *, tabel: str, fmt: str) -> Progres:
    """Queue the export of one dashboard table for the request's filters."""
    query = request.GET.urlencode()
    return mulai(
        ekspor_dasbor,
        label=_("Ekspor JP %(tabel)s (%(fmt)s)") % {"tabel": tabel, "fmt": fmt.upper()},
        oleh=request.user,
        args=[request.user.pk, tabel, fmt, query, request.META.get("REMOTE_ADDR") or None],
        url_kembali=f"{reverse('pelatihan:dasbor')}?{query}",
    )
