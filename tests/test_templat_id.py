"""An id printed in a template is an identifier, not a number: with USE_THOUSAND_SEPARATOR and
LANGUAGE_CODE id, `{{ p.pk }}` prints 2.874 once the table passes a thousand rows, and a form
then sends an id no one has (the bulk enrolment's ticks did, found by the whole suite). Every
id printed goes through `unlocalize` (or sits inside `{% localize off %}`)."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils import translation

TEMPLATES = Path(settings.BASE_DIR) / "templates"
ID_TERCETAK = re.compile(r"\{\{\s*([\w.]*(?:\.pk|\.id|_id))\s*\}\}")
# Not numbers: a bound field's HTML id ("id_alasan"), and a formset form's hidden id field
# (`{{ f.id }}` renders the <input type="hidden">).
BUKAN_ANGKA = re.compile(r"(^|\.)auto_id$|^(f|form)\.id$")


def test_an_id_without_unlocalize_prints_with_a_thousands_separator():
    """The rule's reason, checked: the project's settings do group an id's digits."""
    with translation.override("id"):
        assert Template("{{ n }}").render(Context({"n": 2874})) == "2.874"
        assert Template("{% load l10n %}{{ n|unlocalize }}").render(Context({"n": 2874})) == "2874"


def test_every_template_prints_ids_unlocalized():
    salah = [
        f"{path.relative_to(TEMPLATES)}:{n}: {m.group(0)}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for n, baris in enumerate(path.read_text().splitlines(), start=1)
        for m in ID_TERCETAK.finditer(baris)
        if "localize off" not in path.read_text() and not BUKAN_ANGKA.search(m.group(1))
    ]
    assert salah == []
