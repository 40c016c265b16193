"""Projections of the employee records kept by the apps above (the merit index, jabatan.indeks):
the services that change an input call `refresh(pegawai_ids)` in their own transaction, with
the employees they touched, and `periods_changed()` when an annual period opened, closed, was
added or removed. No signals: a bulk write (`update()`, `bulk_create`, COPY) skips them
silently, an explicit call does not.

The apps above register their refresher at start-up (AppConfig.ready); pegawai, kinerja and
pelatihan sit below jabatan in the layers and cannot import it. Bulk work (the demo seed,
imports, a test's set-up) runs inside `deferred()`: no refresh inside, one at its end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager

from django.db import router, transaction

from core.admin import TaskNoticeMixin

Refresher = Callable[[Collection[int] | None], object]

# Above this many employees a refresh is a whole rebuild (one pass over every table is cheaper
# than as many index lookups), and work in a web request or an import queues it as a task
# (`rebuild_later`) instead of rebuilding in the request: at a province's scale a whole rebuild
# takes longer than a request may (BENCH jabatan.index_rebuild).
BATCH = 20_000

_refreshers: list[Refresher] = []
_period_hooks: list[Callable[[], object]] = []
_rebuilders: list[Callable[[], object]] = []
_local = threading.local()


def register(
    refresher: Refresher,
    periods_changed: Callable[[], object] | None = None,
    rebuild_later: Callable[[], object] | None = None,
) -> None:
    """Register a projection's refresher (called with employee ids, or None for every row),
    what to do when the annual periods change, and how to queue a whole rebuild
    (AppConfig.ready; registering twice is a no-op)."""
    if refresher not in _refreshers:
        _refreshers.append(refresher)
    if periods_changed is not None and periods_changed not in _period_hooks:
        _period_hooks.append(periods_changed)
    if rebuild_later is not None and rebuild_later not in _rebuilders:
        _rebuilders.append(rebuild_later)


def rebuild_later() -> None:
    """Queue a whole rebuild for when the current transaction commits (work too large for a
    web request); with no queue registered, rebuild now."""
    if not _rebuilders:
        refresh(None)
    for hook in _rebuilders:
        hook()


def _deferred() -> set[int] | None:
    return getattr(_local, "deferred", None)


def refresh(pegawai_ids: Iterable[int | None] | None) -> None:
    """Bring the projections of `pegawai_ids` up to date (None: every row), now, in the caller's
    transaction; inside `deferred()`, at its end."""
    ids = None if pegawai_ids is None else {i for i in pegawai_ids if i is not None}
    tunda = _deferred()
    if tunda is not None:
        if ids is None:
            _local.semua = True
        else:
            tunda.update(ids)
        return
    if ids is not None and not ids:
        return
    for refresher in _refreshers:
        refresher(ids)


def periods_changed() -> None:
    """An annual period opened, closed, was added or removed (the predikat columns change);
    inside `deferred()`, at its end."""
    if _deferred() is not None:
        _local.periods = True
        return
    for hook in _period_hooks:
        hook()


@contextmanager
def deferred(only: Callable[[], Collection[int]] | None = None) -> Iterator[None]:
    """Bulk work: no refresh inside, one at the end, of every row, or, with `only`, of the
    employees it returns then (an import knows whom it touched; nothing touched, nothing
    refreshed; a large import queues a whole rebuild instead). Nested: the outermost
    refreshes."""
    if _deferred() is not None:
        yield
        return
    _local.deferred, _local.semua, _local.periods = set(), False, False
    try:
        yield
    except BaseException:
        _local.deferred = None
        raise
    semua, periods = _local.semua, _local.periods
    _local.deferred = None
    whole = only is None or semua
    refresh(None if whole else only())
    if periods and not whole:
        # The employees touched are rebuilt above; the periods change everyone's predikat.
        periods_changed()


@contextmanager
def batched() -> Iterator[None]:
    """The refreshes asked inside run once at its end, for the union of the employees they
    named (every row if one asked for every row): an admin save refreshes in save_model, in the
    services it calls and in save_related, and each would otherwise rebuild the same rows."""
    asked: set[int] = set()
    with deferred(lambda: asked):
        yield
        asked.update(_deferred() or ())


class RefreshAdminMixin(TaskNoticeMixin):
    """For a ModelAdmin that writes a projection's input itself (no service in between): after
    a save or a delete, refresh the employees the objects feed (before and after the change: a
    record moved to another employee changes both), once per request, in the admin's
    transaction; a change that reaches every employee or more than BATCH queues the whole
    rebuild as a task. An admin whose model is not the employee's own record overrides
    `projection_ids`; `projection_fields` (None: any) are the form fields whose change
    matters."""

    projection_fields: frozenset[str] | None = None

    def projection_ids(self, queryset) -> set[int] | None:
        """The employees whose projection rows the objects of `queryset` feed (None: every
        row), in one query: the employee records themselves, or their `pegawai` column."""
        model = queryset.model
        if model._meta.model_name == "pegawai":
            return set(queryset.values_list("pk", flat=True))
        if any(f.attname == "pegawai_id" for f in model._meta.concrete_fields):
            return set(queryset.values_list("pegawai_id", flat=True))
        return set()

    def _ids_of(self, obj) -> set[int] | None:
        return self.projection_ids(type(obj)._default_manager.filter(pk=obj.pk))

    def _refresh(self, ids: set[int] | None) -> None:
        """Refresh `ids` in the request, or queue the whole rebuild when the change reaches
        every employee or more than BATCH of them (a unit's affair, a common position)."""
        if ids is None or len(ids) > BATCH:
            rebuild_later()
        else:
            refresh(ids)

    def _batched(self, view, request, *args, **kwargs):
        if request.method != "POST":  # reads write nothing
            return view(request, *args, **kwargs)
        with (
            self.announcing_tasks(request),
            transaction.atomic(using=router.db_for_write(self.model)),
            batched(),
        ):
            return view(request, *args, **kwargs)

    def changeform_view(self, request, *args, **kwargs):
        return self._batched(super().changeform_view, request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        return self._batched(super().delete_view, request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):  # list actions, bulk delete
        return self._batched(super().changelist_view, request, *args, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        fields = self.projection_fields
        matters = not change or fields is None or bool(fields & set(form.changed_data))
        before: set[int] | None = set()
        if matters and change and obj.pk:
            before = self._ids_of(obj)
        super().save_model(request, obj, form, change)
        if matters:
            after = self._ids_of(obj)
            self._refresh(None if before is None or after is None else before | after)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        if any(f.has_changed() for f in formsets):  # the employee's sanctions, assessments
            self._refresh(self._ids_of(form.instance))

    def delete_model(self, request, obj) -> None:
        ids = self._ids_of(obj)
        super().delete_model(request, obj)
        self._refresh(ids)

    def delete_queryset(self, request, queryset) -> None:
        ids = self.projection_ids(queryset)
        super().delete_queryset(request, queryset)
        self._refresh(ids)
