"""The evidence (certificate) an employee uploads for external training: its kind read from
its bytes, its stored name, and how it is served.

A file's name and the browser's declared type say nothing: an HTML page renamed `.pdf` would
be stored and, served from the site's origin, run as a page. So the kind is read from the
first bytes (PDF `%PDF-`, PNG's signature, JPEG's SOI marker); anything else is refused. A
PDF with HTML after its header is still a PDF to this check; it is kept, since the file is
only ever served as an attachment with `X-Content-Type-Options: nosniff` and the checked type,
so no browser renders it as a page of the site (pelatihan.views.eksternal_bukti).

Stored names are random (`sertifikat/<year>/<uuid4 hex>.<ext>`): the employee's file name
never reaches the disk, and a name cannot be guessed. Files stored before under
`pelatihan/bukti/<year>/<original name>` stay where they are and are served the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAKS_BYTE = 5 * 1024 * 1024  # 5 MB: a scanned certificate, with room to spare


@dataclass(frozen=True)
class FileType:
    ext: str
    content_type: str
    signature: bytes


TYPES = (
    FileType("pdf", "application/pdf", b"%PDF-"),
    FileType("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    FileType("jpg", "image/jpeg", b"\xff\xd8\xff"),
)
_HEAD = max(len(t.signature) for t in TYPES)


def sniff_type(head: bytes) -> FileType | None:
    """Return the accepted type whose signature `head` (a file's first bytes) starts with."""
    return next((t for t in TYPES if head.startswith(t.signature)), None)


def read_head(berkas: Any) -> bytes:
    """Return the first bytes of an uploaded or stored file, leaving its position at 0."""
    berkas.seek(0)
    head = berkas.read(_HEAD)
    berkas.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def validate_bukti(berkas: Any) -> FileType:
    """Return the type of an uploaded evidence file; ValidationError on field `bukti` when it
    is too large or not a PDF, PNG or JPEG by its content."""
    if berkas.size > MAKS_BYTE:
        raise ValidationError(
            {"bukti": _("Bukti (sertifikat): berkas paling besar 5 MB.")}, code="terlalu_besar"
        )
    jenis = sniff_type(read_head(berkas))
    if jenis is None:
        raise ValidationError(
            {
                "bukti": _(
                    "Bukti (sertifikat): isi berkas harus PDF, JPG atau PNG; jenis berkas "
                    "diperiksa dari isinya, bukan dari namanya."
                )
            },
            code="jenis_berkas",
        )
    return jenis


def bukti_upload_to(instance: Any, filename: str) -> str:
    """Return a random stored name in the upload year's folder, with the extension of the
    checked type (the service names the upload after it; anything else is `bin`)."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in {t.ext for t in TYPES}:
        ext = "bin"
    return f"sertifikat/{timezone.localdate().year}/{uuid.uuid4().hex}.{ext}"
