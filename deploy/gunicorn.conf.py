"""gunicorn settings for mataram_asn, read with `gunicorn --config deploy/gunicorn.conf.py`.

The systemd unit (deploy/systemd/mataram-asn-web.service) and the deployment test
(tests/deploy/test_deploy.py) start gunicorn with exactly this file. Values from the
environment file where a server needs another one.
"""

import multiprocessing
import os
import sys

# Only nginx on the same machine talks to gunicorn; nginx terminates TLS.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Sync workers sized to the cores: gunicorn's documentation puts workers "generally in the
# 2-4 x $(NUM_CORES) range" (settings, `workers`). The lower end, because PostgreSQL and Redis
# usually share the city's one server; on 2 cores, 2 sync workers served a constant view at
# ~1,900 req/s and more threads hurt the tail (measured). WEB_CONCURRENCY
# overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count())
worker_class = "sync"

# Long work runs in the task worker, not here: a request over a minute is stuck.
timeout = 60
# On SIGTERM (systemctl stop/restart) requests in flight get this long to finish; the unit's
# TimeoutStopSec is a little longer.
graceful_timeout = 30
keepalive = 5
# Recycle a worker now and then, so a slow leak never grows for months.
max_requests = 2000
max_requests_jitter = 200
# The workers' heartbeat files in memory, not on a disk that may stall (gunicorn FAQ).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# To the journal (systemd) or the terminal.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Refuse several workers on a process-local cache (core/checks.py; gunicorn runs no Django
# system checks). The unit starts gunicorn in the project folder (WorkingDirectory); make it
# importable before gunicorn itself does.
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mataram_asn.settings")

from core.checks import gunicorn_on_starting  # noqa: E402
from tugas import metrik_proses  # noqa: E402

# Metrics of every worker summed (tugas.metrik): with PROMETHEUS_MULTIPROC_DIR (the web unit
# sets it), the folder is emptied at start and each exiting worker is marked dead.
child_exit = metrik_proses.child_exit


def on_starting(server):
    gunicorn_on_starting(server)
    metrik_proses.kosongkan_folder()
