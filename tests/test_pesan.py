"""Messages on every page, once, coloured by their level: success green, info blue, warning
amber, error red (templates/_pesan.html in base.html; static/css/app.css)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

CSS = (Path(settings.BASE_DIR) / "static/css/app.css").read_text(encoding="utf-8")


def _halaman(*pesan: tuple[int, str]) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    for level, teks in pesan:
        messages.add_message(request, level, teks)
    return render_to_string("base.html", request=request)


def _warna(kelas: str) -> str:
    aturan = re.search(r"(?:^|[\s,}])\." + kelas + r"\b[^{]*\{([^}]*)\}", CSS)
    assert aturan, f".{kelas} has no rule in app.css"
    return re.search(r"(?<![-\w])color:\s*([^;]+);", aturan[1])[1].strip()


@pytest.mark.parametrize(
    ("level", "kelas", "peran", "warna"),
    [
        (messages.SUCCESS, "pesan-success", "status", "var(--hijau)"),
        (messages.INFO, "pesan-info", "status", "var(--biru-tua)"),
        (messages.WARNING, "pesan-warning", "alert", "#6b4a00"),
        (messages.ERROR, "pesan-error", "alert", "var(--merah)"),
    ],
)
def test_it_gives_each_level_its_class_and_colour(level, kelas, peran, warna):
    html = _halaman((level, "Keputusan 800/12/BKPSDM dicatat."))
    assert html.count("Keputusan 800/12/BKPSDM dicatat.") == 1
    assert f'<div class="pesan {kelas}" role="{peran}"' in html
    assert _warna(kelas if kelas != "pesan-success" else "pesan") == warna


def test_a_success_is_never_red_and_an_error_never_green():
    assert _warna("pesan") != _warna("pesan-error")
    assert _warna("pesan-warning") not in (_warna("pesan"), _warna("pesan-error"))
    assert not re.search(r"\.pesan-success\b", CSS)  # success keeps .pesan's green


def test_messages_appear_once_above_the_content_of_every_page():
    html = _halaman((messages.SUCCESS, "Satu."), (messages.ERROR, "Dua."))
    main = html.split("<main>", 1)[1]
    assert main.index("Satu.") < main.index("Dua.")
    assert main.count('class="pesan ') == 2
    assert "daftar-pesan" not in _halaman()  # nothing when there is nothing to say


def test_no_template_renders_messages_on_its_own():
    """One place: a page that loops over `messages` too would show each one twice."""
    akar = Path(settings.BASE_DIR) / "templates"
    sendiri = [
        str(p.relative_to(akar))
        for p in akar.rglob("*.html")
        if "in messages" in p.read_text(encoding="utf-8") and p.name != "_pesan.html"
    ]
    assert sendiri == []
