"""Settings for mataram_asn, read from the environment (django-environ, optional `.env`).

Unset `DATABASE_URL` means the embedded SQLite file `db.sqlite3` (quick start); PostgreSQL is the
production engine. `DEBUG` defaults to off, so a forgotten variable never exposes debug pages.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# The fallback key is for local runs only; `check --deploy` flags it (security.W009).
SECRET_KEY = env("SECRET_KEY", default="django-insecure-mataram-asn-local-only")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's public address (scheme and host, no trailing slash). Every absolute URL that leaves
# the app (survey posters and QR codes, feed ids, open-data links) is built from it, never from a
# request's Host header: a request naming another allowed host must not put that host into pages
# the public cache then serves to everyone (core.alamat.absolut).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The open data's publisher (produsen data) and the regional walidata named as its contact point
# in the DCAT catalogue and the Data Package (Satu Data Indonesia, Perpres 39/2019).
DATA_TERBUKA_PENERBIT = env.str("DATA_TERBUKA_PENERBIT", default="BKPSDM Kota Mataram")
WALIDATA_NAMA = env.str("WALIDATA_NAMA", default="Dinas Komunikasi dan Informatika Kota Mataram")
WALIDATA_EMAIL = env.str("WALIDATA_EMAIL", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "auditlog",
    "core.apps_axes.AxesConfig",  # django-axes, titled in Indonesian
    "csp",
    # Before django_tasks_db: its `db_worker` command (with a heartbeat) overrides the library's.
    "tugas",
    "django_tasks",
    "django_tasks_db",
    # The framework the apps from pegawai up use (no models); in the layers it sits between
    # pegawai and tugas, the only app below it.
    "core",
    "pegawai",
    "kinerja",
    "pelatihan",
    "jabatan",
    "survei",
    "publik",
    "impor",
    "sistem_merit",
    "demo",
    # Last: assembles the role groups from every app above after each migrate.
    "peran",
]

MIDDLEWARE = [
    # Each request's id on its log lines and its response (core.logging), before anything logs.
    "core.middleware.RequestIdMiddleware",
    # Counts and times every request by its view, with its database time (/metrics).
    "tugas.metrik.MetrikMiddleware",
    # Before anything reads the body: 413 for a body over PERMINTAAN_UKURAN_MAKS (see below).
    "core.middleware.BodySizeLimitMiddleware",
    # First: the client address from TRUSTED_PROXY_COUNT, before anything reads it.
    "core.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip what every anonymous visitor gets alike (public pages, open data), nothing else (BREACH).
    "core.middleware.PublicGzipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: no-store, private on every response to a logged-in user (personal data).
    "core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # After CSRF and authentication: runs the heavy read-only pages on the read replica, when
    # one is configured (tugas/replika.py).
    "tugas.replika.ReplikaMiddleware",
    # Last, so it sees the outcome of the login views (django-axes' requirement).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mataram_asn.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "mataram_asn.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Opening a PostgreSQL connection takes ~12 ms on a 2-core server, and a page served
    # without persistent connections was 2.8x slower under load: keep them open.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # PostgreSQL's JIT compiles the dashboards' aggregations for 0.6 s before running them for
    # less: measured on the kinerja dashboard at 100,000 employees. Off for this workload.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # A PostgreSQL streaming replica (hot standby) for the heavy read-only pages: see
    # tugas/replika.py and README "Replika baca". Same connection settings as the primary.
    if env.str("DATABASE_REPLICA_URL", default=""):
        DATABASES["replika"] = env.db("DATABASE_REPLICA_URL")
        DATABASES["replika"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
        DATABASES["replika"]["CONN_HEALTH_CHECKS"] = DATABASES["default"]["CONN_HEALTH_CHECKS"]
        DATABASES["replika"]["OPTIONS"] = {
            **DATABASES["default"]["OPTIONS"],
            # A replica that does not answer costs a page at most this many seconds, once.
            "connect_timeout": 3,
            **DATABASES["replika"].get("OPTIONS", {}),
        }
        # Tests: the replica replays the test database pytest creates on the primary, so it is
        # not created there (a standby refuses CREATE DATABASE): Django's answer for a
        # primary/replica pair (docs.djangoproject.com/en/5.2/topics/testing/advanced/
        # #testing-primary-replica-configurations). The docs say the mirror's connection is
        # "redirected" to default; Django 5.2 only renames its database to the primary's test
        # database (BaseDatabaseCreation.set_as_test_mirror), host and port stay the
        # replica's, so tests/tugas/test_replika_nyata.py reads the real standby (and checks
        # that it does: pg_is_in_recovery(), another port).
        DATABASES["replika"]["TEST"] = {"MIRROR": "default"}
        DATABASE_ROUTERS = ["tugas.replika.RouterReplika"]
else:
    # SQLite serialises writers; wait for the lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)

# The read replica (tugas/replika.py), when DATABASE_REPLICA_URL is set: which pages read from it
# (URL names; GET and HEAD only), and when they read from the primary instead. Pages here must
# only read: dashboards, public pages, open data, the feed.
REPLICA_ENABLED = env.bool("REPLICA_ENABLED", default=True)
REPLICA_VIEWS = frozenset(
    {
        # Dashboards and summaries: HR's home, the unit head's unit, vacancies, performance,
        # talent grid, survey results, training. (Their downloads are POSTs: they log the export,
        # and the middleware sends only GET and HEAD here.)
        "beranda",
        "jabatan:unit_saya",
        "jabatan:lowongan",
        "kinerja:dasbor",
        "kinerja:talenta",
        "survei:dasbor",
        "survei:unit",
        "pelatihan:dasbor",
        "pelatihan:kebutuhan",
        "pelatihan:efek",
        # The public portal, open data and the feed (anonymous visitors; publik/cache.py first).
        "publik:beranda",
        "publik:transparansi",
        "publik:keputusan_detail",
        "publik:lowong",
        "publik:data_terbuka",
        "publik:paket_data",
        "publik:unduh",
        "publik:katalog",
        "publik:feed",
        "publik:seleksi_list",
        "publik:seleksi_detail",
        "publik:survei",
        "publik:survei_hasil",
    }
)
# Fall back to the primary when the replica's replay is further behind than this.
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=5.0)
# After a POST, the same browser reads from the primary for this long (read-your-own-writes).
REPLICA_STICKY_SECONDS = env.int("REPLICA_STICKY_SECONDS", default=30)
# After the replica failed (unreachable, too far behind), leave it alone this long.
REPLICA_RETRY_SECONDS = env.int("REPLICA_RETRY_SECONDS", default=30)

# Background tasks (docs/desain.md, Background work): Django's tasks API (django-tasks) with
# the ORM backend, so no extra server is needed; `manage.py db_worker` runs them, and several
# workers on PostgreSQL share the one queue (rows are claimed with SKIP LOCKED).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The quick start runs a worker beside runserver on one SQLite file: WAL lets the web
    # process read while the worker writes, and IMMEDIATE transactions take the write lock up
    # front, so a read-then-write transaction waits for the busy timeout instead of failing
    # with "database is locked" when the other process wrote in between.
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE) serve PostgreSQL; the embedded SQLite builds them without the extra
# columns, which is all a quick start needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("Inggris"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["mataram_asn.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Uploaded files (training certificates as evidence): outside the source tree; served only
# through the app's own permission-checked views, never as static files.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Large uploads spooled to a temporary file leave nothing when the disk fills (core.storage).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "core.storage.CleanTemporaryUploadHandler",
]
# The largest request body the app reads at all (core.middleware.BodySizeLimitMiddleware): the
# importer's largest file (64 MB, impor.read.ukuran_maks) plus 1 MB for the multipart form
# around it. nginx's client_max_body_size (deploy/nginx/mataram-asn-proxy.conf) is the same
# 65m; tests/core/test_body_size_limit.py and tests/deploy/test_berkas.py hold the three together.
PERMINTAAN_UKURAN_MAKS = 65 * 1024 * 1024
# Where `manage.py cadangkan` writes its archives (tugas.cadangan); keep it on another disk.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "cadangan")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Uploads written whole or not at all; a full disk is a message (core.storage).
    "default": {"BACKEND": "core.storage.AtomicFileStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

LOGIN_URL = "masuk"
# The site's home sends each role on to its page (publik.views.transparansi.beranda): HR the
# summary, a unit head their unit, an employee their own page; `next` comes first.
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "beranda"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username/address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username from one address after 5 wrong passwords for 30 minutes; HR can unlock early
# in the admin (Keamanan login → Upaya akses) or with `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password spraying (one address, many usernames): after this many wrong passwords from one
# address within the cool-off time, that address is locked for every username
# (core/login_lock.py; higher than the per-user limit, for offices behind one NAT address).
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=30)
AXES_HANDLER = "core.login_lock.AxesHandler"
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_RESET_ON_SUCCESS = True
# REMOTE_ADDR only: core.middleware.ClientAddressMiddleware has already resolved the client
# behind TRUSTED_PROXY_COUNT proxies (see the proxy block below), so no header is trusted here.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# The audit trail (django-auditlog) records the client address. It reads X-Forwarded-For by
# itself; ClientAddressMiddleware removes that header, leaving REMOTE_ADDR resolved as above.
AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_INCLUDE_ALL_MODELS = False
# Each audit row's correlation id (`cid`, a filter of the admin's audit list) is the id of the
# request that wrote it, or that started the task that wrote it (tugas.permintaan): one id from
# nginx's access log through the app's and the worker's log lines to the audit rows.
AUDITLOG_CID_GETTER = "tugas.permintaan.id_kini"

# Content Security Policy: scripts only from this origin, never inline; no framing.
# Styles allow inline attributes because Django's admin widgets set a few.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# One cache for the public pages (publik/cache.py) and the rate limits of the public forms. With
# more than one process (several gunicorn workers, several machines) set CACHE_URL to a shared
# cache, e.g. redis://127.0.0.1:6379/1 (Django's RedisCache; needs the `redis` client, pinned in
# requirements.lock), so that every process counts the same requests and an invalidation made by
# one process reaches all. Unset: memory of each process (fine for one process, the quick start).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://mataram-asn")}
# Redis down must not take the public pages with it: core.cache treats its errors as
# misses (pages render uncached). The timeouts bound the wait on a Redis that hangs.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "core.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_TIMEOUT", default=0.5),
        socket_timeout=env.float("CACHE_TIMEOUT", default=0.5),
    )

# Readiness check /healthz/siap (tugas.kesiapan): who may read it — these addresses or networks
# (the client address as resolved behind TRUSTED_PROXY_COUNT proxies), or a request with
# `Authorization: Bearer <READINESS_TOKEN>` when a token is set — and when it answers 503.
# (Parsed here, so a mistyped address stops the start with the value named.)
READINESS_ALLOWED_IPS = [
    ipaddress.ip_network(n, strict=False)
    for n in env.list("READINESS_ALLOWED_IPS", default=["127.0.0.1", "::1"])
]
READINESS_TOKEN = env.str("READINESS_TOKEN", default="")
READINESS_QUEUE_MAX_AGE = timedelta(seconds=env.int("READINESS_QUEUE_MAX_AGE", default=600))
READINESS_WORKER_MAX_SILENCE = timedelta(
    seconds=env.int("READINESS_WORKER_MAX_SILENCE", default=120)
)
READINESS_DISK_MIN_FREE_MB = env.int("READINESS_DISK_MIN_FREE_MB", default=1024)

# Metrics for Prometheus at /metrics (tugas.metrik): the addresses or networks of the monitoring
# server that scrapes them (the client address as resolved behind TRUSTED_PROXY_COUNT proxies);
# anyone else gets 404. nginx allows the same addresses (deploy/nginx/mataram-asn-proxy.conf).
METRICS_ALLOWED_IPS = [
    ipaddress.ip_network(n, strict=False)
    for n in env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1", "::1"])
]

# --- Reverse proxies -----------------------------------------------------------------------
# How many proxies we run in front of the app (nginx = 1; a load balancer plus nginx = 2). Only
# then are X-Forwarded-For and X-Forwarded-Proto believed: with 0 (the default) any client could
# forge its address in the audit trail and the lockout, or claim HTTPS.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Our proxy must set (overwrite, never pass on) X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT else None

# Security. Production (DEBUG off) gets HTTPS-only cookies, HSTS and the SSL redirect; each can be
# switched off by variable. Behind a TLS-terminating proxy set TRUSTED_PROXY_COUNT (above).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and monitors on the machine probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^healthz/siap$", r"^metrics$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"

# Logs to stderr (journald under systemd), each line with its request's id (core.logging):
# LOG_FORMAT=json, one JSON object a line for the IT office's log tools (production's
# default), or teks, for a person at a console (the default with DEBUG).
LOG_FORMAT = env("LOG_FORMAT", default="teks" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"id_permintaan": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
        "teks": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["id_permintaan"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Tests use a fast hasher (set in tests/conftest.py); production keeps Django's default.
