"""The English translation: a complete catalogue, a compiled .mo that matches it, English pages.

The catalogue is `locale/en/LC_MESSAGES/django.po` (source strings are Indonesian). It is read here
with a small stdlib parser: polib is not a dependency.
"""

from __future__ import annotations

import ast
import gettext as gettext_module
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from pegawai.models import Pegawai

BASE_DIR = Path(settings.BASE_DIR)
PO = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

# A named printf-style placeholder: %(name)s, %(jumlah)d, %(x)05.2f …
PLACEHOLDER = re.compile(r"%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translations(self) -> list[str]:
        return [self.msgstr[n] for n in sorted(self.msgstr)] or [""]


def read_po(path: Path) -> list[Entry]:
    """Return the live entries of a .po file (no header, no obsolete `#~` entries)."""
    entries: list[Entry] = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
        fields: dict[tuple[str, int], str] = {}
        flags: set[str] = set()
        current: tuple[str, int] | None = None
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
                continue
            if not line or line.startswith("#"):
                continue  # comments, locations, previous msgids (#|), obsolete entries (#~)
            keyword = re.match(
                r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line
            )
            if keyword:
                name, index, literal = keyword.groups()
                current = (name, int(index or 0))
                fields[current] = ""
            elif line.startswith('"') and current is not None:
                literal = line
            else:
                raise ValueError(f"{path}: cannot parse {line!r}")
            fields[current] += ast.literal_eval(literal)
        if fields.get(("msgid", 0)):  # the header has an empty msgid
            entries.append(
                Entry(
                    msgid=fields[("msgid", 0)],
                    msgctxt=fields.get(("msgctxt", 0)),
                    msgid_plural=fields.get(("msgid_plural", 0)),
                    msgstr={n: text for (name, n), text in fields.items() if name == "msgstr"},
                    flags=flags,
                )
            )
    return entries


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    entries = read_po(PO)
    assert entries, f"{PO} has no entries"
    return entries


@pytest.fixture
def restore_language():
    """Requests activate a language for the whole thread; give later tests back the one they had."""
    saved = translation.get_language()
    yield
    translation.activate(saved)


def test_it_translates_every_msgid(catalogue):
    untranslated = [e.msgid for e in catalogue if not all(t.strip() for t in e.translations)]
    assert not untranslated, f"untranslated msgids in {PO.name}: {untranslated}"


def test_it_has_no_fuzzy_translation(catalogue):
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries in {PO.name} (check, then drop the flag): {fuzzy}"


def test_it_keeps_the_placeholders_of_every_msgid(catalogue):
    wrong = []
    for e in catalogue:
        expected = set(PLACEHOLDER.findall(e.msgid)) | set(
            PLACEHOLDER.findall(e.msgid_plural or "")
        )
        for n, text in e.msgstr.items():
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((e.msgid, n, text))
    assert not wrong, f"placeholders differ between msgid and msgstr: {wrong}"


def test_it_keeps_both_plural_forms(catalogue):
    plurals = [e for e in catalogue if e.msgid_plural is not None]
    wrong = [e.msgid for e in plurals if sorted(e.msgstr) != [0, 1]]
    assert not wrong, f"plural entries without msgstr[0] and msgstr[1]: {wrong}"


def test_it_compiled_the_mo_from_the_current_po(catalogue):
    # Comparing mtimes is meaningless in a git checkout: compare the contents instead.
    assert MO.exists(), f"{MO} is missing: run `manage.py compilemessages --ignore=.venv`"
    with MO.open("rb") as fh:
        mo = gettext_module.GNUTranslations(fh)
    mo_msgids = {key[0] if isinstance(key, tuple) else key for key in mo._catalog} - {""}
    translated = [e for e in catalogue if all(e.translations) and "fuzzy" not in e.flags]
    assert len(mo_msgids) == len(translated), (
        f"{MO.name} has {len(mo_msgids)} messages, {PO.name} {len(translated)}: "
        "run `manage.py compilemessages --ignore=.venv`"
    )
    stale = []
    for e in translated:
        msgid = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural is None:
            got = [mo._catalog.get(msgid)]
        else:
            got = [mo._catalog.get((msgid, n)) for n in sorted(e.msgstr)]
        if got != e.translations:
            stale.append(e.msgid)
    assert not stale, f"{MO.name} differs from {PO.name} for: {stale}"


def test_it_names_the_languages_in_english():
    with translation.override("en"):
        names = {code: str(name) for code, name in settings.LANGUAGES}
    assert names == {"id": "Indonesian", "en": "English"}


def test_it_translates_model_names():
    with translation.override("en"):
        assert str(Pegawai._meta.verbose_name) == "employee"
        assert str(Pegawai._meta.get_field("kedudukan").verbose_name) == "employment state"
        assert str(Pegawai.Kedudukan.PENSIUN.label) == "Retired"
    with translation.override("id"):
        assert str(Pegawai._meta.verbose_name) == "pegawai"


@pytest.mark.django_db
def test_it_serves_the_home_page_in_the_chosen_language(client, restore_language):
    with translation.override("en"):
        english = translation.gettext("Masuk untuk petugas")
    assert english != "Masuk untuk petugas"

    body = client.get("/").content.decode()
    assert "Masuk untuk petugas" in body  # Indonesian by default

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert english in body
    assert "Masuk untuk petugas" not in body


@pytest.mark.django_db
def test_it_serves_the_admin_in_english(hr_client, restore_language):
    hr_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = hr_client.get(reverse("admin:index")).content.decode()
    assert "Personnel administration" in body
    assert "Administrasi kepegawaian" not in body


def _project_copy(destination: Path) -> None:
    """Copy what makemessages reads: the packages (apps, settings), templates, locale, manage.py."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
    for path in BASE_DIR.iterdir():
        if path.name in {"tests", ".venv", "staticfiles"} or path.name.startswith("."):
            continue
        if path.is_dir() and (
            (path / "__init__.py").exists() or path.name in {"templates", "locale"}
        ):
            shutil.copytree(path, destination / path.name, ignore=ignore)
    shutil.copy2(BASE_DIR / "manage.py", destination / "manage.py")


@pytest.mark.lambat
@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext (xgettext, msgmerge) is not installed: cannot re-extract the strings",
)
def test_it_has_every_gettext_string_of_the_code_in_the_catalogue(tmp_path, catalogue):
    _project_copy(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    regenerated = {e.key for e in read_po(tmp_path / PO.relative_to(BASE_DIR))}
    committed = {e.key for e in catalogue}
    missing = sorted(msgid for _ctx, msgid in regenerated - committed)
    assert not missing, (
        f"strings in the code but not in {PO.relative_to(BASE_DIR)}; run makemessages -l en "
        f"--ignore=.venv --ignore=staticfiles --ignore=tests --no-location, translate, then "
        f"compilemessages: {missing}"
    )
