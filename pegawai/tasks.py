"""Background tasks of pegawai: the admin lists' CSV export (a whole list may be 100,000 rows)."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.test.client import RequestFactory
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tugas.models import Progres
from tugas.progres import Laporan, dengan_progres, mulai


def _permintaan(user_id: int, path: str, query: str, alamat: str | None) -> HttpRequest:
    """The admin request the export was asked with, rebuilt in the worker: the same filter,
    search, ordering and user, so the changelist, its scope and the export log are the page's."""
    request = RequestFactory().get(f"{path}?{query}", REMOTE_ADDR=alamat or "")
    request.user = get_user_model().objects.get(pk=user_id)
    return request


@task()
@dengan_progres
def ekspor_admin(
    laporan: Laporan,
    model: str,
    user_id: int,
    path: str,
    query: str,
    alamat: str | None,
    fmt: str = "csv",
) -> int:
    """Write the admin list of `model` as CSV or XLSX into the progress row; return the row
    count."""
    from core.export import XLSX

    modeladmin = admin.site._registry[apps.get_model(model)]
    request = _permintaan(user_id, path, query, alamat)
    isi, n = modeladmin.tulis_ekspor(request, laporan, fmt)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    laporan.selesai(
        pesan=_("%(n)s baris siap diunduh.") % {"n": n},
        berkas=isi,
        nama_berkas=f"{modeladmin.model._meta.model_name}-{stamp}.{fmt}",
        jenis_berkas=XLSX if fmt == "xlsx" else "text/csv; charset=utf-8",
    )
    return n


def admin_export_start(
    request: HttpRequest, modeladmin: admin.ModelAdmin, *, fmt: str = "csv"
) -> Progres:
    """Queue the export of the list as the user sees it and return its progress row."""
    opts = modeladmin.model._meta
    return mulai(
        ekspor_admin,
        label=(_("Ekspor XLSX %(data)s") if fmt == "xlsx" else _("Ekspor CSV %(data)s"))
        % {"data": opts.verbose_name_plural},
        oleh=request.user,
        args=[
            opts.label_lower,
            request.user.pk,
            request.path,
            request.GET.urlencode(),
            request.META.get("REMOTE_ADDR") or None,
            fmt,
        ],
        url_kembali=f"{request.path.removesuffix('ekspor/')}?{request.GET.urlencode()}",
    )
