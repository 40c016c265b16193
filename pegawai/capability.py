"""One access rule for pages and the menu: capabilities, the pages that declare them, the menu.

A capability is a condition on the user's scope (`pegawai.akses.Lingkup`, the one scoping
mechanism) and their Django permissions: HR (every unit), a unit head, HR or a unit head, an
employee with their own record, a holder of given permissions, or anyone. Each view declares
the capability that opens it with `@page(...)`, which enforces it (a login first, then 403 with
the capability's reason) and, given `menu=`, puts the page in the main menu. The menu
(`pegawai.templatetags.akses_menu`) lists the declared pages whose capability the user holds, so
the menu and the pages cannot disagree: both read the same declaration.

What a page shows inside its capability (rows of the user's scope, 404 for an object outside
it) stays with `Lingkup.filter` and the selectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import URLPattern, URLResolver, get_resolver, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pegawai.akses import Lingkup, lingkup

AnyUser = User | AnonymousUser
Rule = Callable[[AnyUser, Lingkup], bool]


@dataclass(frozen=True, eq=False)
class Capability:
    """Who may open a page: `rule(user, scope)` for a signed-in user (anonymous visitors are
    sent to the login page first, unless `login` is False), and the reason a refusal gives."""

    name: str
    rule: Rule
    reason: str | Promise
    login: bool = True

    def allows(self, user: AnyUser) -> bool:
        """Whether the user holds the capability (the scope is cached on the user: one query at
        most per request, shared with the view and the menu)."""
        if self.login and not user.is_authenticated:
            return False
        return self.rule(user, lingkup(user))

    def with_perms(self, *perms: str, reason: str | Promise | None = None) -> Capability:
        """This capability and, besides, the permissions `perms` (e.g. HR who may import)."""
        base = self.rule
        return Capability(
            f"{self.name}+{'+'.join(perms)}",
            lambda user, scope: base(user, scope) and user.has_perms(perms),
            reason or self.reason,
            self.login,
        )


def holds(*perms: str, reason: str | Promise) -> Capability:
    """The capability of holding the permissions `perms`, whatever the scope (which still limits
    the rows: a holder scoped to one unit finds another unit's objects absent, 404)."""
    return Capability(f"perms:{'+'.join(perms)}", lambda user, scope: user.has_perms(perms), reason)


PUBLIC = Capability("public", lambda user, scope: True, "", login=False)
# Any signed-in user; what they may see is the object's business (404 outside their scope).
SIGNED_IN = Capability("signed_in", lambda user, scope: True, "")
EMPLOYEE = Capability(
    "employee",
    lambda user, scope: scope.pegawai_id is not None,
    _("Akun ini tidak terhubung dengan data pegawai."),
)
UNIT_HEAD = Capability(
    "unit_head", lambda user, scope: scope.pimpinan_unit, _("Halaman unit untuk pimpinan unit.")
)
# HR (every unit) or a unit head (their unit and below).
LEADER = Capability(
    "leader", lambda user, scope: scope.memimpin, _("Halaman ini untuk pimpinan unit dan BKPSDM.")
)
# A leader with a staff login: the vacancy list and the staff summary on the home page.
LEADER_STAFF = Capability(
    "leader_staff",
    lambda user, scope: user.is_staff and scope.memimpin,
    _("Halaman ini untuk pimpinan unit dan BKPSDM."),
)
# HR: the permission to see every unit (`pegawai.lihat_semua_unit`, the "Admin BKPSDM" group).
HR = Capability("hr", lambda user, scope: scope.semua, _("Halaman ini hanya untuk BKPSDM."))
# A staff login: the admin site (Django's own views check the same); staff logins are the unit
# heads' and HR's (pegawai.roles).
STAFF = Capability(
    "staff", lambda user, scope: user.is_staff, _("Halaman ini untuk pimpinan unit dan BKPSDM.")
)


def demand(user: AnyUser, capability: Capability) -> Lingkup:
    """Return the user's scope if they hold `capability`; PermissionDenied with its reason
    otherwise. For a check inside a view (one method of it) or a service."""
    if not capability.allows(user):
        raise PermissionDenied(capability.reason)
    return lingkup(user)


@dataclass(frozen=True)
class Page:
    """A view's declaration: the capability that opens it and, if it is in the main menu, its
    label and place (`order`, ascending)."""

    capability: Capability
    menu: str | Promise | None = None
    order: int = 0


def page(
    capability: Capability, *, menu: str | Promise | None = None, order: int = 0
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare and enforce who opens the decorated view: a login first (unless the capability
    is PUBLIC), then PermissionDenied with the capability's reason; `menu` adds the page to the
    main menu at `order`, shown to exactly the users the view lets in. Every view of the URL
    configuration declares one (tests/test_arsitektur.py), anonymous pages `@page(PUBLIC)`."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def checked(request, *args, **kwargs):
            demand(request.user, capability)
            return view(request, *args, **kwargs)

        @wraps(view)
        def public(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        # PUBLIC asks nothing, so it reads no scope: a cached public page stays query-free.
        if capability is PUBLIC:
            wrapped = public
        else:
            wrapped = login_required(checked) if capability.login else checked
        wrapped.page = Page(capability, menu, order)
        return wrapped

    return decorate


# Pages this project does not write but links to from the menu: Django's admin site.
LINKS: dict[str, Page] = {"admin:index": Page(STAFF, _("Administrasi"), 140)}


def _patterns(patterns, namespace: str | None = None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace
            yield from _patterns(p.url_patterns, ns or namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), p.callback


def declared_pages() -> dict[str, Page]:
    """Return every declared page by URL name (`app:name`), with the menu's links: the URL
    configuration walked once per process (and per URL configuration a test swaps in)."""
    return _declared(get_urlconf() or settings.ROOT_URLCONF)


@cache
def _declared(urlconf: str) -> dict[str, Page]:
    pages = {
        name: callback.page
        for name, callback in _patterns(get_resolver(urlconf).url_patterns)
        if isinstance(getattr(callback, "page", None), Page)
    }
    return {**pages, **LINKS}


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise

    @property
    def url(self) -> str:
        return reverse(self.url_name)


def menu(user: AnyUser) -> list[MenuEntry]:
    """Return the main menu's entries the user may open, in their declared order."""
    entries = sorted(
        ((p.order, name, p) for name, p in declared_pages().items() if p.menu is not None),
        key=lambda e: (e[0], e[1]),
    )
    return [MenuEntry(name, p.menu) for _order, name, p in entries if p.capability.allows(user)]


def may_open(user: AnyUser, url_name: str) -> bool:
    """Whether the user may open the declared page `url_name` (for a link outside the menu).
    ImproperlyConfigured, naming it, when no page declares `url_name` (a typo in a template's
    `{% may_open %}`; tests/test_arsitektur.py scans the templates for it)."""
    declared = declared_pages().get(url_name)
    if declared is None:
        raise ImproperlyConfigured(f"{url_name!r} is not a declared page (pegawai.capability.page)")
    return declared.capability.allows(user)
