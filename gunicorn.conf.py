"""gunicorn's settings when it is started from the project folder without --config (a quick
`gunicorn -w 2 mataram_asn.wsgi`); servers use deploy/gunicorn.conf.py, which has the same hooks.

Several workers need one shared cache (CACHE_URL): the public forms' rate limits and the public
pages' invalidation live in it (core/checks.py, gunicorn_on_starting).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mataram_asn.settings")

from core.checks import gunicorn_on_starting
from tugas import metrik_proses

# With PROMETHEUS_MULTIPROC_DIR set, /metrics sums every worker (tugas.metrik).
child_exit = metrik_proses.child_exit


def on_starting(server):
    gunicorn_on_starting(server)
    metrik_proses.kosongkan_folder()
