"""Background tasks of the employees' survey: moving pending questionnaires into responses
(survei.pegawai.services). Queued without a progress row and without the request's id: no page
waits for them, and neither may carry the employee who answered."""

from __future__ import annotations

from django_tasks import task


@task()
def flush_kotak_survei_pegawai(periode_id: int, unit_id: int | None) -> int:
    """Move a unit's pending questionnaires once there are enough of them."""
    from survei.pegawai.services import kotak_survei_pegawai_flush

    return kotak_survei_pegawai_flush(periode_id=periode_id, unit_id=unit_id)


@task()
def rekap_periode_survei_pegawai(periode_id: int) -> int:
    """Move a closed period's remaining questionnaires and mark it complete."""
    from survei.pegawai.services import periode_survei_pegawai_finish

    return periode_survei_pegawai_finish(periode_id=periode_id)
