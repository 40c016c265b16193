"""The dependency rule of docs/desain.md holds for code, migrations and URL names, and roles come
from each app's own declaration.

The layers are written once, in pyproject.toml's import-linter contract; import-linter checks
the Python imports, and the tests below hold migrations' dependencies and the URL names that
templates and code reverse to the same layers.
"""

from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Collection
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db.migrations.loader import MigrationLoader
from django.urls import URLPattern, URLResolver, get_resolver

from pegawai.capability import declared_pages
from peran.grup import deklarasi, sinkronkan_grup

BASE = Path(settings.BASE_DIR)
CONTRACT = tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = CONTRACT["contracts"][0]["layers"]
# Layer of each app, the lowest 0; apps written "a | b" share a layer.
LAYER = {
    app.strip(): len(LAYERS) - 1 - i for i, layer in enumerate(LAYERS) for app in layer.split("|")
}
APPS = [app for app in LAYER if app != "mataram_asn"]


def _boleh(dari: str, ke: str) -> bool:
    """Whether code of app `dari` may depend on app `ke` (same app, or a lower layer)."""
    return dari == ke or ke not in LAYER or LAYER[ke] < LAYER[dari]


def test_it_lists_every_app_in_the_layers() -> None:
    from django.apps import apps

    proyek = {c.name for c in apps.get_app_configs()}
    local = {p.parent.name for p in BASE.glob("*/apps.py")}
    assert local <= proyek, "an app folder that is not installed"
    assert local == set(APPS), "pyproject.toml's layers must name every app"


# Views of the URL configuration outside `pegawai.capability.page`, each with its reason. The
# admin site (namespace "admin") is outside as a whole: Django checks its staff login and model
# permissions itself, and the menu's link to it is `pegawai.capability.LINKS`.
TANPA_DEKLARASI = {
    # tugas is below pegawai (it cannot import the declaration): a login, then 404 to anyone
    # but the task's starter (tugas.views).
    "tugas:detail": "task progress, its starter's only",
    "tugas:unduh": "a task's file, its starter's only",
    # Probes for machines, not pages for users (core and tugas, below pegawai).
    "healthz": "the load balancer's liveness probe",
    "kesiapan": "the load balancer's readiness probe",
    "metrik": "Prometheus metrics: METRICS_ALLOWED_IPS only, 404 to anyone else",
}


def _tanpa_deklarasi(patterns, prefix: str = "") -> list[str]:
    """The views (by URL name, or route when unnamed) of `patterns` that declare no capability
    (`pegawai.capability.page`), the admin site left out."""
    from pegawai.capability import Page

    found: list[str] = []
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace != "admin":
                ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
                found += _tanpa_deklarasi(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and not isinstance(getattr(p.callback, "page", None), Page):
            found.append(prefix + p.name if p.name else f"{prefix}{p.pattern}")
    return found


def test_every_view_declares_who_opens_it() -> None:
    """Public pages included (`@page(PUBLIC)`): the URL configuration holds no view whose
    access nobody declared, but those listed with their reason."""
    assert sorted(_tanpa_deklarasi(get_resolver().url_patterns)) == sorted(TANPA_DEKLARASI)


def test_the_declaration_walk_reports_an_undeclared_view() -> None:
    """The walk above must be able to fail: an undeclared view, named or not, at the top or in
    a namespace, is reported; a declared one (public or not) and the admin are not."""
    from django.contrib import admin
    from django.http import HttpResponse
    from django.urls import include, path

    from pegawai.capability import HR, PUBLIC, page

    def view(request):
        return HttpResponse("")

    patterns = [
        path("lupa/", view, name="lupa"),
        path("publik/", page(PUBLIC)(view), name="publik"),
        path("hr/", page(HR)(view), name="hr"),
        path("tanpa-nama/", view),
        path("app/", include(([path("lupa/", view, name="lupa")], "app"))),
        path("admin/", admin.site.urls),
    ]
    assert _tanpa_deklarasi(patterns) == ["lupa", "tanpa-nama/", "app:lupa"]


@pytest.mark.lambat
def test_it_keeps_the_python_imports_in_the_layers() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_it_keeps_migration_dependencies_in_the_layers() -> None:
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    wrong = [
        f"{app}.{name} depends on {dep_app}.{dep_name}"
        for (app, name), node in graph.node_map.items()
        if app in LAYER
        for dep_app, dep_name in (p.key for p in node.parents)
        if not _boleh(app, dep_app)
    ]
    assert wrong == []


def _url_apps() -> dict[str, str]:
    """Map every URL name ("ns:name") to the app whose view serves it."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern) and p.name:
                module = getattr(p.callback, "__module__", "") or ""
                found[prefix + p.name] = module.split(".")[0]

    walk(get_resolver().url_patterns, "")
    return found


def _pemilik_template(path: Path, base: Path = BASE) -> str | None:
    """The app a template belongs to: templates/<app>/... or <app>/templates/..."""
    rel = path.relative_to(base).parts
    if rel[0] == "templates":
        return rel[1] if rel[1] in LAYER else None
    return rel[0] if rel[0] in LAYER else None


URL_TAG = re.compile(r"""{%\s*url\s+["']([\w:-]+)["']""")
# A link shown when its page would open (pegawai.templatetags.akses_menu): a declared page's name.
BOLEH_BUKA_TAG = re.compile(r"""{%\s*may_open\s+["']([\w:-]+)["']""")
# A reversed name in Python: reverse("x:y"), redirect("x:y"), reverse_lazy, resolve_url, ...
URL_STRING = re.compile(r"""["']([a-z_]+:[\w-]+)["']""")


def _templat_melanggar(base: Path, urls: dict[str, str], halaman: Collection[str]) -> list[str]:
    """Return each `{% url %}` in the templates under `base` that names an unknown URL, each
    `{% may_open %}` that names no declared page (`halaman`: pegawai.capability.may_open
    refuses it), and each of either naming a URL served by a higher app than the template's
    own."""
    wrong = []
    for path in sorted(base.glob("templates/**/*.html")) + sorted(
        base.glob("*/templates/**/*.html")
    ):
        rel = path.relative_to(base)
        teks = path.read_text()
        may_open = BOLEH_BUKA_TAG.findall(teks)
        wrong += [
            f"{rel}: undeclared page {name!r} in {{% may_open %}}"
            for name in may_open
            if name not in halaman
        ]
        owner = _pemilik_template(path, base)
        if owner is None:
            continue  # base.html and the like belong to the roof
        for name in URL_TAG.findall(teks):
            target = urls.get(name)
            if target is None:
                wrong.append(f"{rel}: unknown URL name {name!r}")
            elif not _boleh(owner, target):
                wrong.append(f"{rel}: {{% url '{name}' %}} ({target})")
        for name in may_open:
            target = urls.get(name)
            if target is not None and not _boleh(owner, target):
                wrong.append(f"{rel}: {{% may_open '{name}' %}} ({target})")
    return wrong


def test_it_keeps_url_names_in_templates_and_code_in_the_layers() -> None:
    urls = _url_apps()
    wrong = _templat_melanggar(BASE, urls, declared_pages())
    for app in APPS:
        for path in sorted((BASE / app).rglob("*.py")):
            for name in URL_STRING.findall(path.read_text()):
                target = urls.get(name)
                if target and not _boleh(app, target):
                    wrong.append(f"{path.relative_to(BASE)}: {name!r} ({target})")
    assert wrong == []


def test_it_catches_a_template_that_names_a_higher_app(tmp_path) -> None:
    # The check above must be able to fail: pegawai naming a jabatan URL is a break.
    urls = _url_apps()
    assert not _boleh("pegawai", urls["jabatan:peluang"])
    assert _boleh("jabatan", urls["saya"])


def test_the_template_scan_reports_a_bad_template_in_either_layout(tmp_path) -> None:
    """The same scan as above, over a tree holding templates that break the rule: a pegawai
    template (both layouts) naming a jabatan page, and one naming a URL that does not exist.
    A template of a higher app naming a lower one, and the roof's base.html, pass."""
    urls = _url_apps()
    tulis = {
        "templates/pegawai/buruk.html": "<a href=\"{% url 'jabatan:peluang' %}\">x</a>",
        "pegawai/templates/pegawai/buruk_app.html": '{%  url "jabatan:peluang" pk=1 %}',
        "templates/kinerja/tak_dikenal.html": "{% url 'kinerja:tidak_ada' %}",
        "templates/jabatan/baik.html": "{% url 'saya' %}",
        "templates/base.html": "{% url 'jabatan:peluang' %}",
    }
    for rel, isi in tulis.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(isi)

    assert _templat_melanggar(tmp_path, urls, declared_pages()) == [
        "templates/kinerja/tak_dikenal.html: unknown URL name 'kinerja:tidak_ada'",
        "templates/pegawai/buruk.html: {% url 'jabatan:peluang' %} (jabatan)",
        "pegawai/templates/pegawai/buruk_app.html: {% url 'jabatan:peluang' %} (jabatan)",
    ]


def test_the_template_scan_reports_a_may_open_naming_no_declared_page(tmp_path) -> None:
    """The same scan over `{% may_open %}`: a name no page declares (a typo, which
    pegawai.capability.may_open refuses when the page renders) in any template, the roof's
    too, and a pegawai template asking about a jabatan page. A declared page of the same or
    a lower app passes."""
    urls = _url_apps()
    tulis = {
        "templates/jabatan/salah_ketik.html": '{% may_open "kinerja:skp_lst" as x %}',
        "templates/base.html": "{%  may_open 'tidak:ada' as x %}",
        "templates/pegawai/buruk.html": '{% may_open "jabatan:peluang" as x %}',
        "templates/jabatan/baik.html": '{% may_open "kinerja:skp_list" as x %}',
    }
    for rel, isi in tulis.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(isi)

    assert _templat_melanggar(tmp_path, urls, declared_pages()) == [
        "templates/base.html: undeclared page 'tidak:ada' in {% may_open %}",
        "templates/jabatan/salah_ketik.html: undeclared page 'kinerja:skp_lst' in {% may_open %}",
        "templates/pegawai/buruk.html: {% may_open 'jabatan:peluang' %} (jabatan)",
    ]


@pytest.mark.lambat
def test_it_migrates_pegawai_alone_on_an_empty_database(tmp_path) -> None:
    """pegawai's migrations need no other app of the project: on an empty SQLite file,
    `migrate pegawai` runs only pegawai's (and Django's and libraries') migrations."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    plan = {app for leaf in graph.leaf_nodes("pegawai") for app, _ in graph.forwards_plan(leaf)}
    assert plan & set(APPS) == {"pegawai"}

    db = tmp_path / "kosong.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{db}", "PATH": "/usr/bin:/bin", "DEBUG": "false"}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "pegawai", "--no-input"],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = {r[0] for r in conn.execute("SELECT DISTINCT app FROM django_migrations")}
    assert "pegawai_pegawai" in tables
    assert not any(t.startswith(("jabatan_", "kinerja_", "pelatihan_")) for t in tables)
    assert applied & set(APPS) == {"pegawai"}
    with sqlite3.connect(db) as conn:
        groups = {r[0] for r in conn.execute("SELECT name FROM auth_group")}
    assert groups == {"Admin BKPSDM", "Pimpinan Unit", "Pegawai"}


def _izin_grup(name: str) -> list[str]:
    return sorted(
        f"{a}.{c}"
        for a, c in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


@pytest.mark.django_db
def test_it_gives_every_group_exactly_what_the_apps_declare() -> None:
    declared = deklarasi()
    assert set(declared) == {"Admin BKPSDM", "Pimpinan Unit", "Pegawai"}
    for name, perms in declared.items():
        assert _izin_grup(name) == perms
    # Each app's share comes from its own roles.py.
    assert "jabatan.view_formasi" in declared["Pimpinan Unit"]
    assert "kinerja.change_periode" in declared["Admin BKPSDM"]


@pytest.mark.django_db
def test_it_takes_back_a_permission_granted_by_hand() -> None:
    group = Group.objects.get(name="Pimpinan Unit")
    before = _izin_grup("Pimpinan Unit")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="delete_pegawai"))
    sinkronkan_grup()
    assert _izin_grup("Pimpinan Unit") == before


def test_it_refuses_an_app_declaring_another_apps_permissions(monkeypatch) -> None:
    from kinerja import roles

    monkeypatch.setattr(roles, "IZIN", {"Admin BKPSDM": ["jabatan.view_formasi"]})
    with pytest.raises(ImproperlyConfigured, match="own models"):
        deklarasi()
    monkeypatch.setattr(roles, "IZIN", {"Kepala Seksi": []})
    with pytest.raises(ImproperlyConfigured, match="unknown role"):
        deklarasi()


# A test module imports shared builders from a helper module (tests/factories.py,
# tests/<app>/bantu.py, ...), never from another test module or a conftest.py: fixtures reach
# their tests through conftest.py, not through imports.
TES_MODUL = re.compile(r"test_\w+|conftest")


def _modul_tes(nama: str) -> bool:
    """Whether a dotted module name (a relative one starts with dots) is, or is inside, a test
    module or a conftest.py of tests/."""
    bagian = nama.lstrip(".").split(".")
    ke_tes = nama.startswith(".") or bagian[0] == "tests" or TES_MODUL.fullmatch(bagian[0])
    return bool(ke_tes) and any(TES_MODUL.fullmatch(b) for b in bagian)


def _impor_modul_tes(pohon: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import of a test module or a conftest.py, in any form: `import
    a.b [as c]`, `from a.b import c` (the module a.b) and `from a import b` or `from . import b`
    (b may be a module of the package a)."""
    hasil = []
    for node in ast.walk(pohon):
        if isinstance(node, ast.Import):
            nama = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            modul = "." * node.level + (node.module or "")
            pisah = "" if modul.endswith(".") else "."
            nama = [modul] if _modul_tes(modul) else [f"{modul}{pisah}{a.name}" for a in node.names]
        else:
            continue
        hasil += [(node.lineno, n) for n in nama if _modul_tes(n)]
    return sorted(hasil)


def _impor_tes_salah(akar: Path) -> list[str]:
    return [
        f"{path.relative_to(akar)}: {nama}"
        for path in sorted(akar.rglob("*.py"))
        for _baris, nama in _impor_modul_tes(ast.parse(path.read_text(), str(path)))
    ]


def test_it_imports_no_test_module_or_conftest_from_another_test() -> None:
    assert _impor_tes_salah(BASE / "tests") == []


def test_the_test_import_scan_reports_a_bad_import(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "test_x.py").write_text(
        "from tests.jabatan.test_keputusan import PADA\n"
        "def f():\n    from tests.publik.conftest import buka\n"
        "from .test_y import z\n"
        "from tests.jabatan.bantu import PADA\n"
        "from tests.jabatan import test_keputusan\n"
        "import tests.jabatan.test_keputusan as t\n"
        "from . import conftest\n"
        "from tests import conftest, factories\n"
        "from .. import bantu\n"
        "import conftest\n"
        "from django.test import TestCase\n"
    )
    assert _impor_tes_salah(tmp_path) == [
        "a/test_x.py: tests.jabatan.test_keputusan",
        "a/test_x.py: tests.publik.conftest",
        "a/test_x.py: .test_y",
        "a/test_x.py: tests.jabatan.test_keputusan",
        "a/test_x.py: tests.jabatan.test_keputusan",
        "a/test_x.py: .conftest",
        "a/test_x.py: tests.conftest",
        "a/test_x.py: conftest",
    ]
