"""gunicorn's settings for mataram_asn, read by gunicorn from the directory it starts in.

Several workers need one shared cache (CACHE_URL): the public forms' rate limits and the public
pages' invalidation live in it (pegawai/checks.py). gunicorn runs no Django system checks, so
this hook refuses to start more than one worker with a process-local cache when DEBUG is off.
ALLOW_PROCESS_LOCAL_CACHE=true starts it anyway (the load benchmark, which measures one
process's own cache on purpose); never in production.
"""

import os


def on_starting(server) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mataram_asn.settings")
    from pegawai.checks import cache_per_proses_ditolak

    alasan = cache_per_proses_ditolak(server.cfg.workers)
    if alasan is None:
        return
    if os.environ.get("ALLOW_PROCESS_LOCAL_CACHE", "").lower() in ("1", "true", "yes"):
        server.log.warning("ALLOW_PROCESS_LOCAL_CACHE: %s", alasan)
        return
    raise RuntimeError(alasan)  # gunicorn prints it and exits with status 1
