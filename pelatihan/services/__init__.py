"""Writes of competency development: enrol, ask to join, attend, complete, fail, cancel, bulk
enrolment, external training and its verification, and the annual plan's approval.

Each function checks, writes in one transaction under the locks it needs, and raises
`ValidationError` keyed by field in Indonesian; the audit trail (django-auditlog) records each
save as the acting user `oleh`; a bulk enrolment writes one audit record of the operation too."""

from core.audit import acting_as, audited  # noqa: F401
from pelatihan.services.base import (  # noqa: F401
    _CONSTRAINT_ERRORS,
    _SQLITE_UNIQUE,
    S,
    T,
    _integrity_to_validation,
    _kunci_sesi,
    _raise,
    _today,
    alasan_tidak_dapat_didaftar,
)
from pelatihan.services.eksternal_rencana import (  # noqa: F401
    eksternal_record,
    eksternal_verify,
    rencana_approve,
    rencana_draft,
)
from pelatihan.services.peserta import (  # noqa: F401
    HasilMassal,
    _harus,
    _kunci_peserta,
    peserta_attend,
    peserta_cancel,
    peserta_check_bulk,
    peserta_enrol,
    peserta_enrol_bulk,
    peserta_fail,
    peserta_pass,
    peserta_submit,
)
