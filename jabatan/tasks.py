"""Background tasks of jabatan: opening a period's SKPs, the projection's predikat refresh after
an annual period changed, and the merit ranking export. Each starts with a progress row
(`tugas.progres.mulai`) that the page which started it shows."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from core.audit import record_operation
from jabatan import merit
from kinerja.models import Periode, Skp
from tugas.models import Progres
from tugas.progres import Laporan, dengan_progres, mulai

# --- Opening a period's SKPs for every active employee ------------------------------------------


@task()
@dengan_progres
def buka_skp(laporan: Laporan, periode_id: int) -> int:
    """Open the period's SKPs in batches (progress per batch); audit the operation once."""
    from jabatan.services import periode_open_skp

    periode = Periode.objects.filter(pk=periode_id).first()
    if periode is None:
        raise ValidationError({"periode": _("Periode ini sudah dihapus.")})
    sudah = Skp.objects.filter(periode=periode).count()
    n = periode_open_skp(periode=periode, saat_maju=laporan.maju)
    jumlah = Skp.objects.filter(periode=periode).count()
    # One audit record of the whole operation with its counts (not one per SKP).
    record_operation(
        periode,
        "buka_skp",
        {"skp_dibuka": jumlah - sudah, "skp_sudah_ada": sudah, "jumlah_skp": jumlah},
        oleh=laporan.progres.oleh,
    )
    laporan.selesai(
        pesan=ngettext(
            "%(n)d SKP dibuka untuk %(p)s (%(ada)d sudah ada sebelumnya).",
            "%(n)d SKP dibuka untuk %(p)s (%(ada)d sudah ada sebelumnya).",
            jumlah - sudah,
        )
        % {"n": jumlah - sudah, "p": periode, "ada": sudah}
    )
    return n


def skp_open_start(*, periode: Periode, oleh: Any) -> Progres:
    """Queue the opening of `periode`'s SKPs; ValidationError when the period is closed,
    `tugas.progres.SedangBerjalan` when it is already being opened."""
    if not periode.terbuka:
        raise ValidationError(
            {
                "periode": _(
                    "Periode %(p)s sudah ditutup: buka periodenya dulu (centang Terbuka), "
                    "lalu jalankan aksi ini lagi."
                )
                % {"p": periode}
            }
        )
    return mulai(
        buka_skp,
        label=_("Buka SKP %(p)s untuk semua pegawai aktif") % {"p": periode},
        oleh=oleh,
        kunci=f"periode:{periode.pk}",
        args=[periode.pk],
        url_kembali=reverse("admin:kinerja_periode_changelist"),
    )


# --- The projection's predikat columns after an annual period changed ---------------------------


@task()
@dengan_progres
def segarkan_predikat(laporan: Laporan) -> int:
    """Re-read every projection row's predikat (jabatan.indeks.index_refresh_predikat)."""
    from jabatan import indeks

    laporan.maju(0, 1)
    n = indeks.index_refresh_predikat()
    laporan.maju(n, n)
    laporan.selesai(
        pesan=ngettext(
            "Predikat %(n)d pegawai di indeks merit diperbarui.",
            "Predikat %(n)d pegawai di indeks merit diperbarui.",
            n,
        )
        % {"n": n}
    )
    return n


@task()
@dengan_progres
def refresh_merit_index(laporan: Laporan) -> int:
    """Rebuild the whole merit projection (jabatan.indeks.index_refresh): after a large import,
    or an admin change that reaches more employees than a web request should rebuild."""
    from jabatan import indeks

    n = indeks.index_refresh(laporan=laporan.maju)
    laporan.selesai(pesan=_("Indeks merit %(n)d pegawai dibangun ulang.") % {"n": n})
    return n


def merit_index_refresh_start(oleh: Any = None) -> Progres:
    """Queue the whole rebuild for when the current transaction commits (one per user while
    queued): `pegawai.projection.rebuild_later`, registered in JabatanConfig.ready, and the
    import. Without `oleh`, the task is the user's whose request started it."""
    return mulai(
        refresh_merit_index,
        label=_("Bangun ulang indeks merit"),
        oleh=oleh,
        gabung=True,
    )


def predikat_refresh_start() -> Progres:
    """Queue the refresh for when the current transaction commits (one per user while queued).

    Called through `pegawai.projection.periods_changed` (registered in JabatanConfig.ready) by
    the period admin and the SKP import, which pass no request: the task is the user's whose
    admin save started it (`tugas.progres.dicatat`); from a shell or a command, nobody's
    (superusers still see it).
    """
    return mulai(
        segarkan_predikat,
        label=_("Perbarui predikat di indeks merit setelah periode tahunan berubah"),
        gabung=True,
        url_kembali=reverse("admin:kinerja_periode_changelist"),
    )


# --- The merit ranking export (1,000 candidates with their breakdown) ----------------------------


EKSPOR_MAKS = 1000  # eligible candidates in a ranking export, best first


@task()
@dengan_progres
def ekspor_peringkat(
    laporan: Laporan,
    formasi_id: int,
    user_id: int,
    query: str,
    fmt: str,
    pada: str,
    alamat: str | None,
) -> int:
    """Rank the candidates for a post as the page does, with the page's what-if weights, and
    write the best `EKSPOR_MAKS` eligible ones with their components into the progress row."""
    from django.contrib.auth import get_user_model

    from jabatan.forms import PeringkatForm
    from jabatan.models import Formasi
    from jabatan.peringkat import dengan_bobot, peringkat_formasi
    from pegawai.ekspor import export_file

    user = get_user_model().objects.get(pk=user_id)
    formasi = Formasi.objects.select_related("jabatan", "unit_kerja").get(pk=formasi_id)
    # The page validated the same query before queueing; an invalid one ranks as the page does.
    saring = PeringkatForm(QueryDict(query))
    cleaned = saring.cleaned_data if saring.is_valid() else {}
    laporan.maju(0, 3)
    dasar = peringkat_formasi(
        formasi, pada=date.fromisoformat(pada), nip=cleaned.get("nip", ""), teratas=EKSPOR_MAKS
    )
    laporan.maju(1, 3)
    bobot = cleaned.get("bobot") or dasar.bobot
    hasil = dengan_bobot(dasar, bobot, teratas=EKSPOR_MAKS) if bobot != dasar.bobot else dasar
    laporan.maju(2, 3)
    # The synchronous exports' writer and log (pegawai.ekspor), so the file is the same.
    berkas = export_file(
        user=user,
        query=query,
        alamat=alamat,
        data="jabatan.peringkat",
        nama_berkas=f"peringkat-{formasi.pk}",
        fmt=fmt,
        header=[
            _("Peringkat"),
            _("NIP"),
            _("Nama"),
            _("Skor"),
            *[str(merit.LABEL_KOMPONEN[k]) for k in merit.KOMPONEN],
            _("Kotak talenta"),
            _("Kesesuaian dengan jabatan"),
        ],
        rows=[
            (
                h.peringkat,
                h.kandidat.nip,
                h.kandidat.nama,
                h.skor,
                *[h.komponen[k] for k in merit.KOMPONEN],
                h.kotak_talenta or "",
                "; ".join(h.keterangan),
            )
            for h in hasil.teratas
        ],
    )
    laporan.maju(3, 3)
    n = len(hasil.teratas)
    laporan.selesai(
        pesan=ngettext("%(n)d kandidat siap diunduh.", "%(n)d kandidat siap diunduh.", n)
        % {"n": n},
        berkas=berkas.content,
        nama_berkas=berkas.name,
        jenis_berkas=berkas.content_type,
    )
    return n


def peringkat_export_start(request: HttpRequest, formasi: Any, fmt: str) -> Progres:
    """Queue the ranking export for the page's query string (what-if weights); `request` is
    the export's POST (jabatan.views.lowongan_ekspor)."""
    query = request.GET.copy()
    return mulai(
        ekspor_peringkat,
        label=_("Ekspor peringkat %(f)s (%(fmt)s)") % {"f": formasi, "fmt": fmt.upper()},
        oleh=request.user,
        args=[
            formasi.pk,
            request.user.pk,
            query.urlencode(),
            fmt,
            timezone.localdate().isoformat(),
            request.META.get("REMOTE_ADDR") or None,
        ],
        url_kembali=f"{reverse('jabatan:lowongan_detail', args=[formasi.pk])}?{query.urlencode()}",
    )


@task()
@dengan_progres
def ekspor_duk(
    laporan: Laporan, user_id: int, unit_id: int, fmt: str, pada: str, alamat: str | None
) -> int:
    """Write the DUK of a unit (and below) on `pada` as CSV or XLSX into the progress row, for
    the user's scope; return the row count."""
    from django.contrib.auth import get_user_model

    from jabatan.duk import duk, tabel_duk, unit_terlihat
    from pegawai.akses import lingkup
    from pegawai.ekspor import export_file

    user = get_user_model().objects.get(pk=user_id)
    scope = lingkup(user)
    unit = unit_terlihat(scope).get(pk=unit_id)
    laporan.maju(0, 2)
    baris = duk(scope=scope, unit=unit, pada=date.fromisoformat(pada))
    laporan.maju(1, 2)
    header, rows = tabel_duk(baris)
    berkas = export_file(
        user=user,
        query=f"unit={unit_id}",
        alamat=alamat,
        # The log's key since the first release, when the DUK lived in impor (stored in
        # CatatanEkspor; filters read it).
        data="impor.duk",
        nama_berkas=f"duk-{unit.pk}",
        fmt=fmt,
        header=header,
        rows=rows,
    )
    laporan.selesai(
        pesan=_("%(n)s baris siap diunduh.") % {"n": len(rows)},
        berkas=berkas.content,
        nama_berkas=berkas.name,
        jenis_berkas=berkas.content_type,
    )
    return len(rows)


def duk_export_start(request: Any, unit: Any, fmt: str) -> Progres:
    """Queue the DUK download of `unit` for today and return its progress row."""
    return mulai(
        ekspor_duk,
        label=_("Ekspor DUK %(u)s (%(fmt)s)") % {"u": unit.nama, "fmt": fmt.upper()},
        oleh=request.user,
        args=[
            request.user.pk,
            unit.pk,
            fmt,
            timezone.localdate().isoformat(),
            request.META.get("REMOTE_ADDR") or None,
        ],
        url_kembali=f"{reverse('jabatan:duk')}?unit={unit.pk}",
    )
