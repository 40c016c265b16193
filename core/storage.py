"""Uploaded files written whole or not at all, and a full disk said in words.

Django's FileSystemStorage writes an upload straight under its final name: when the disk fills
half-way (ENOSPC) the half file stays there, under a name nothing points at (the database row is
rolled back with the request's transaction), and the user gets a bare 500.

`AtomicFileStorage` writes into a hidden temporary file in the target folder, then gives it its
final name with a hard link (which, like the O_EXCL open it replaces, refuses a name that is
taken) and removes the temporary name; on any failure the temporary file goes. A full disk (or a
full quota) becomes `DiskFull`, a ValidationError, so the service that saves the file fails
like any refused input: its transaction rolls back and the form shows the message.

An upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE is spooled by Django to a temporary file
while the request body is read, before any view runs. `CleanTemporaryUploadHandler` closes (and so
deletes) that file at once when a write to it fails, instead of leaving the half file to the
garbage collector while the disk stays full; `is_disk_full()` recognises the fault, and
core.views.server_error answers it with the message (507) instead of a bare 500.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _

FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether `exc`, or an exception it was raised from, is a full disk or quota."""
    while exc is not None:
        if isinstance(exc, DiskFull) or (isinstance(exc, OSError) and exc.errno in FULL_ERRNOS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class DiskFull(ValidationError):
    """The server's disk (or quota) is full: the file was not saved, nothing of it is left."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Ruang penyimpanan server penuh: berkas tidak tersimpan dan tidak ada yang "
                "berubah. Coba lagi nanti, atau hubungi pengelola aplikasi."
            ),
            code="disk_penuh",
        )


class AtomicFileStorage(FileSystemStorage):
    """FileSystemStorage that never leaves a partial file (module docstring)."""

    def _buat_folder(self, folder: str) -> None:
        """Create the folder as Django's storage does (FILE_UPLOAD_DIRECTORY_PERMISSIONS)."""
        if self.directory_permissions_mode is None:
            os.makedirs(folder, exist_ok=True)
            return
        umask = os.umask(0o777 & ~self.directory_permissions_mode)
        try:
            os.makedirs(folder, self.directory_permissions_mode, exist_ok=True)
        finally:
            os.umask(umask)

    def _save(self, name: str, content) -> str:
        full_path = self.path(name)
        folder = os.path.dirname(full_path)
        try:
            self._buat_folder(folder)
            fd, sementara = tempfile.mkstemp(dir=folder, prefix=".unggah-", suffix=".sebagian")
        except OSError as exc:
            if exc.errno in FULL_ERRNOS:
                raise DiskFull() from exc
            raise
        try:
            with os.fdopen(fd, "wb") as berkas:
                for chunk in content.chunks():
                    berkas.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                berkas.flush()
                os.fsync(berkas.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(sementara, self.file_permissions_mode)
            while True:
                try:
                    os.link(sementara, full_path)
                    break
                except FileExistsError:
                    # A file of this name appeared meanwhile: take another, as Django does.
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        except OSError as exc:
            if exc.errno in FULL_ERRNOS:
                raise DiskFull() from exc
            raise
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(sementara)
        return str(name).replace("\\", "/")


class CleanTemporaryUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for large uploads, removing its temporary file when a write fails."""

    def receive_data_chunk(self, raw_data, start):
        try:
            self.file.write(raw_data)
        except OSError:
            self.file.close()  # a NamedTemporaryFile: closing deletes it
            raise
