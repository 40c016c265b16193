#!/usr/bin/env bash
# Set up and run mataram_asn on a fresh machine with Python 3.11.
#   ./dev.sh serve         install, migrate, load the demo data, serve http://127.0.0.1:8000
#                          with a background-task worker beside it (stopped with the server)
#   ./dev.sh test [ARGS]   install, then run the whole test suite (ARGS go to pytest)
# Without DATABASE_URL everything runs on the embedded SQLite file db.sqlite3.
set -euo pipefail
cd "$(dirname "$0")"

find_python() {
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "mataram_asn needs Python 3.11 (set PYTHON=/path/to/python3.11)." >&2
    exit 1
}

install() {
    if [ ! -x .venv/bin/python ]; then
        "$(find_python)" -m venv .venv
    fi
    # Reinstall only when the pinned dependencies changed.
    local want have=""
    want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
    [ -f .venv/.install-stamp ] && have=$(cat .venv/.install-stamp)
    if [ "$want" != "$have" ]; then
        echo "Memasang dependensi (requirements.lock)..."
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
        echo "$want" > .venv/.install-stamp
    fi
}

case "${1:-}" in
serve)
    install
    export DEBUG="${DEBUG:-true}"
    .venv/bin/python manage.py migrate --no-input
    .venv/bin/python manage.py seed_demo --if-empty
    # Background tasks (opening SKPs, exports) run in a worker beside the web server; it
    # reloads on code changes as runserver does, and stops when runserver stops.
    .venv/bin/python manage.py db_worker &
    worker=$!
    trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT
    trap 'exit 130' INT TERM
    .venv/bin/python manage.py runserver 127.0.0.1:8000
    ;;
test)
    shift
    install
    exec .venv/bin/python -m pytest "$@"
    ;;
*)
    echo "Usage: ./dev.sh serve | ./dev.sh test [pytest args]" >&2
    exit 2
    ;;
esac
