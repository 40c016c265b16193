"""Start a background task with its progress row, and report progress from inside the task.

    progres = mulai(buka_skp, label=..., oleh=request.user, kunci=f"periode:{p.pk}", args=[p.pk],
                    url_lanjut=..., label_lanjut=_("Lihat SKP"))  # the button once done
    return redirect(progres)            # the page polls /tugas/<id>/ until done or failed

    @task()
    @dengan_progres
    def buka_skp(laporan: Laporan, periode_id: int) -> int:
        ...laporan.maju(done, total)...  # inside the batch's transaction: visible at its commit
        laporan.selesai(pesan=...)

A task started with `mulai` receives the progress id as its first argument; `dengan_progres`
turns it into a `Laporan`, marks the row running, and done or failed at the end. It also
receives the id of the request that started it (keyword `id_permintaan`), under which the task
runs: its log lines and its audit rows carry that id (tugas.permintaan).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tugas.models import GALAT_MAKS, Progres
from tugas.permintaan import KUNCI, atas_nama, id_kini

logger = logging.getLogger(__name__)

# A task whose row has not moved for this long is taken for dead (its worker was killed): a new
# run of the same work may start. The services report at least every batch, within seconds.
BASI = timedelta(minutes=15)


# Progress rows started inside `dicatat()` blocks, for the page that caused them to announce,
# with the user those blocks act for.
_dicatat: ContextVar[tuple[tuple[list, Any], ...]] = ContextVar("tugas_dicatat", default=())


@contextmanager
def dicatat(oleh: Any = None) -> Iterator[list[Progres]]:
    """Collect the tasks started inside the block (by signal receivers, say), once each, so the
    page whose save started them can link to their progress; a task started there without a
    user is `oleh`'s (a receiver knows no request)."""
    daftar: list[Progres] = []
    token = _dicatat.set((*_dicatat.get(), (daftar, oleh)))
    try:
        yield daftar
    finally:
        _dicatat.reset(token)


def _catat(progres: Progres) -> Progres:
    for daftar, _oleh in _dicatat.get():
        if all(p.pk != progres.pk for p in daftar):
            daftar.append(progres)
    return progres


class SedangBerjalan(Exception):
    """The same work (same kind and key) is already queued or running."""

    def __init__(self, progres: Progres) -> None:
        super().__init__(progres.label)
        self.progres = progres


def mulai(
    task: Any,
    *,
    label: str,
    oleh: Any = None,
    kunci: str = "",
    args: Sequence[Any] = (),
    kwargs: dict[str, Any] | None = None,
    url_kembali: str = "",
    url_lanjut: str = "",
    label_lanjut: str = "",
    gabung: bool = False,
) -> Progres:
    """Create the progress row and enqueue `task(progres_id, *args, **kwargs)` on commit, with
    the current request's id (keyword `id_permintaan`, read by `dengan_progres`).

    The row is written in the caller's transaction; the task is enqueued when it commits (so a
    worker never runs work for a change that was rolled back or is not visible yet). With a
    `kunci`, a second start of the same work while one is queued or running raises
    `SedangBerjalan` carrying the running one.

    `url_lanjut` and `label_lanjut` name the next step once the work is done ("Lihat
    pratinjau"): the progress page offers it as its button; `url_kembali` stays the way back.

    With `gabung`, a run of the same work for the same user that is still queued is returned
    instead of queuing another: it reads the data when it starts, and the row lock taken here
    makes its start (`Laporan.berjalan`) wait for the caller's commit, so it sees this change.
    """
    jenis = task.module_path
    if oleh is None and _dicatat.get():
        oleh = _dicatat.get()[-1][1]
    if not getattr(oleh, "is_authenticated", False):
        oleh = None
    if gabung:
        with transaction.atomic():
            antre = (
                Progres.objects.select_for_update()
                .defer("berkas")
                .filter(jenis=jenis, kunci=kunci, oleh=oleh, status=Progres.Status.ANTRE)
                .first()
            )
        if antre is not None:
            return _catat(antre)
    if kunci:
        # A worker that died leaves its row "running" for ever; let the work start again. (A
        # queued row only waits for a worker: it is not dead.)
        Progres.objects.filter(
            jenis=jenis,
            kunci=kunci,
            status=Progres.Status.BERJALAN,
            updated_at__lt=timezone.now() - BASI,
        ).update(
            status=Progres.Status.GAGAL,
            pesan=_("Tugas terhenti tanpa kabar (worker berhenti?); dimulai ulang."),
            updated_at=timezone.now(),
        )
    try:
        with transaction.atomic():
            progres = Progres.objects.create(
                jenis=jenis,
                kunci=kunci,
                label=str(label)[:200],
                oleh=oleh,
                url_kembali=url_kembali,
                url_lanjut=url_lanjut,
                label_lanjut=str(label_lanjut)[:100],
            )
    except IntegrityError:
        berjalan = (
            Progres.objects.defer("berkas")
            .filter(jenis=jenis, kunci=kunci, status__in=Progres.AKTIF)
            .first()
        )
        if berjalan is None:  # it finished in between: a real integrity problem
            raise
        raise SedangBerjalan(berjalan) from None
    args = [str(progres.pk), *args]
    # Read now, in the request: the on-commit callback may run after the request has ended.
    kwargs = {**(kwargs or {}), KUNCI: id_kini()}

    def enqueue() -> None:
        result = task.enqueue(*args, **kwargs)
        Progres.objects.filter(pk=progres.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return _catat(progres)


class Laporan:
    """What a running task tells its progress row. Each call is one UPDATE on the current
    connection, so it commits with the transaction it runs in."""

    def __init__(self, progres_id: str) -> None:
        self.progres_id = progres_id
        self.ditutup = False

    @property
    def progres(self) -> Progres:
        return Progres.objects.defer("berkas").select_related("oleh").get(pk=self.progres_id)

    def _ubah(self, **fields: Any) -> None:
        Progres.objects.filter(pk=self.progres_id).update(updated_at=timezone.now(), **fields)

    def berjalan(self) -> None:
        self._ubah(status=Progres.Status.BERJALAN)

    def maju(self, selesai: int, total: int) -> None:
        """Report `selesai` of `total` done."""
        self._ubah(status=Progres.Status.BERJALAN, selesai=min(selesai, total), total=total)

    def galat(self, pesan: str) -> None:
        """Count one error (a row that could not be processed); keep the first messages."""
        with transaction.atomic():
            row = Progres.objects.select_for_update().only("galat").get(pk=self.progres_id)
            daftar = list(row.galat)
            if len(daftar) < GALAT_MAKS:
                daftar.append(str(pesan)[:500])
            self._ubah(jumlah_galat=F("jumlah_galat") + 1, galat=daftar)

    def selesai(
        self,
        *,
        pesan: str = "",
        berkas: bytes | None = None,
        nama_berkas: str = "",
        jenis_berkas: str = "",
    ) -> None:
        """Mark the task done, with a message for the user and optionally a file to download."""
        fields: dict[str, Any] = {"status": Progres.Status.SELESAI, "pesan": str(pesan)}
        if berkas is not None:
            fields |= {"berkas": berkas, "nama_berkas": nama_berkas, "jenis_berkas": jenis_berkas}
        # A finished task has done its whole total (a total still unknown becomes 0 of 0).
        Progres.objects.filter(pk=self.progres_id, total__isnull=True).update(total=0)
        self._ubah(selesai=F("total"), **fields)
        self.ditutup = True

    def gagal(self, pesan: str) -> None:
        self._ubah(status=Progres.Status.GAGAL, pesan=str(pesan))
        self.ditutup = True


def pesan_galat(exc: BaseException) -> str:
    """The user's reading of a failure: a service's own message, or a plain sentence."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return _(
        "Tugas gagal karena kesalahan tak terduga (%(jenis)s). Tidak ada yang setengah "
        "tersimpan dari langkah yang gagal; hubungi pengelola aplikasi bila berulang."
    ) % {"jenis": type(exc).__name__}


def dengan_progres(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a task body `func(laporan, *args)` so it is called as `task(progres_id, *args)`.

    The row is marked running at the start; done when the body returns without closing it;
    failed, with the reason in Indonesian, when it raises (the exception is raised again, so
    the task result keeps the traceback for the operator). The whole run is under the id of the
    request that started it (`id_permintaan`, passed by `mulai`; None from a command).
    """

    @functools.wraps(func)
    def wrapper(
        progres_id: str, *args: Any, id_permintaan: str | None = None, **kwargs: Any
    ) -> Any:
        with atas_nama(id_permintaan):
            laporan = Laporan(progres_id)
            laporan.berjalan()
            try:
                hasil = func(laporan, *args, **kwargs)
            except Exception as exc:
                logger.exception("Task %s (progres %s) failed", func.__name__, progres_id)
                laporan.gagal(pesan_galat(exc))
                raise
            if not laporan.ditutup:
                laporan.selesai()
            return hasil

    return wrapper


def milik(progres: Progres, user: Any) -> bool:
    """Whether `user` may see the progress: whoever started it, and superusers."""
    return user.is_authenticated and (progres.oleh_id == user.pk or user.is_superuser)


def bagian(rows: Iterable[Any], laporan: Laporan, total: int, setiap: int = 2000):
    """Yield `rows`, reporting progress every `setiap` rows (for exports that stream)."""
    n = 0
    laporan.maju(0, total)
    for row in rows:
        yield row
        n += 1
        if n % setiap == 0:
            laporan.maju(min(n, total), total)
    laporan.maju(min(n, total), max(total, n))
