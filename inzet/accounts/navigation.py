"""The main menu: what each role finds in the header, grouped so no role sees more than six items.

One place decides the menu for every role, so the header stays one row on a laptop and collapses
into one disclosure on a phone (inzet/templates/includes/main_menu.html renders it). Messages,
notifications and the account settings live in the separate account menu (ACCOUNT_MENU).
URLs are referred to by name only: this module imports no app, so every app may appear in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inzet.accounts.permissions import Roles
from inzet.organisations.models import Role

MAX_TOP_ITEMS = 6


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class MenuGroup:
    """A top item: one link (a group of one) or a disclosure with several links."""

    key: str
    label: str
    items: tuple[MenuItem, ...]

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)

    @property
    def link(self) -> MenuItem | None:
        return self.items[0] if len(self.items) == 1 else None


@dataclass(frozen=True)
class _Entry:
    """A menu link: its label, URL name, who sees it and which pages mark it as the current one."""

    label: str
    url_name: str
    shown: Callable[[Roles], bool]
    views: tuple[str, ...] = ()  # view names (namespace:name) that make this link current
    apps: tuple[str, ...] = ()  # or whole URL namespaces
    except_views: tuple[str, ...] = ()


def _any(*roles: str) -> Callable[[Roles], bool]:
    return lambda r: bool(r.names & set(roles))


def _expert_only(r: Roles) -> bool:
    """An expert who is not also staff: their training and stories sit with their own work."""
    return Role.EXPERT in r.names and not r.names & {Role.COORDINATOR, Role.TRAINER}


def _operator(r: Roles) -> bool:
    return r.is_operator


_STAFF = (Role.COORDINATOR, Role.TRAINER)

# (key, group label, entries). Order is the order on screen.
_GROUPS: tuple[tuple[str, str, tuple[_Entry, ...]], ...] = (
    (
        "home",
        _("Mijn overzicht"),
        (_Entry(_("Mijn overzicht"), "dashboard:home", lambda r: True, ("dashboard:home",)),),
    ),
    (
        "requests",
        pgettext_lazy("menu", "Aanvragen"),
        (
            _Entry(_("Mijn vragen"), "engagements:mine", _any(Role.ASKER), ("engagements:mine", "engagements:detail")),
            _Entry(_("Binnengekomen vragen"), "engagements:inbox", _any(*_STAFF), ("engagements:inbox",)),
            _Entry(
                _("Organisaties"),
                "organisations:list",
                lambda r: r.is_operator or bool(r.names & {Role.COORDINATOR, Role.ASKER}),
                ("organisations:list", "organisations:detail"),
            ),
        ),
    ),
    (
        "experts",
        _("Ervaringsdeskundigen"),
        (
            _Entry(_("Ervaringsdeskundigen zoeken"), "directory:experts", _any(*_STAFF), ("directory:experts",)),
            _Entry(_("Steun"), "support:team", _any(*_STAFF), ("support:team",)),
            _Entry(_("Bijeenkomsten"), "support:meeting_list", _any(*_STAFF), ("support:meeting_list",)),
            _Entry(_("Scholing"), "training:catalogue", _any(*_STAFF), apps=("training",)),
            _Entry(
                _("Verhalen en terugblik"),
                "evaluation:stories",
                _any(*_STAFF),
                ("evaluation:stories", "evaluation:reflections"),
            ),
        ),
    ),
    (
        "work",
        _("Mijn werk"),
        (
            _Entry(
                _("Mijn uitnodigingen"),
                "engagements:invitations",
                _any(Role.EXPERT),
                ("engagements:invitations", "engagements:invitation"),
            ),
            _Entry(_("Mijn opdrachten"), "engagements:assignments", _any(Role.EXPERT), ("engagements:assignments",)),
            _Entry(_("Mijn steun"), "support:mine", _any(Role.EXPERT), ("support:mine",)),
            _Entry(_("Mijn profiel"), "experts:my_profile", _any(Role.EXPERT), ("experts:my_profile",)),
            _Entry(_("Scholing"), "training:catalogue", _expert_only, apps=("training",)),
            _Entry(
                _("Verhalen en terugblik"),
                "evaluation:stories",
                _expert_only,
                ("evaluation:stories", "evaluation:reflections"),
            ),
        ),
    ),
    (
        "money",
        _("Geld"),
        (
            _Entry(
                _("Vergoedingen"),
                "compensation:overview",
                _any(Role.EXPERT, Role.COORDINATOR, Role.ASKER),
                apps=("compensation",),
                except_views=("compensation:rules",),
            ),
            _Entry(_("Regels vergoedingen"), "compensation:rules", _operator, ("compensation:rules",)),
        ),
    ),
    (
        "more",
        _("Meer"),
        (
            _Entry(_("Evaluatie"), "evaluation:index", _any(Role.COORDINATOR), ("evaluation:index",)),
            _Entry(
                _("Terugkoppeling"),
                "evaluation:feedback_index",
                _any(Role.EXPERT, Role.COORDINATOR, Role.ASKER),
                ("evaluation:feedback_index", "evaluation:feedback_request"),
            ),
            _Entry(_("Vraagbaak"), "knowledge:queue", _any(Role.COORDINATOR), ("knowledge:queue",)),
            _Entry(_("Kennisbank"), "knowledge:index", lambda r: True, ("knowledge:index",)),
            _Entry(_("Beleid"), "organisations:policy", _operator, ("organisations:policy",)),
            _Entry(_("Beheer"), "admin:index", _operator),
        ),
    ),
)


def _is_current(entry: _Entry, view_name: str, app_name: str) -> bool:
    if view_name in entry.except_views:
        return False
    return view_name in entry.views or (bool(app_name) and app_name in entry.apps)


def main_menu(roles: Roles, view_name: str = "", app_name: str = "") -> list[MenuGroup]:
    """The top items for this person; `view_name`/`app_name` of the page shown mark the current one.

    A person with few links (an asker, the operator) gets them all at the top; otherwise links are
    grouped, and a group with one link for this person becomes that link.
    """
    groups = []
    for key, label, entries in _GROUPS:
        items = tuple(
            MenuItem(str(entry.label), reverse(entry.url_name), _is_current(entry, view_name, app_name))
            for entry in entries
            if entry.shown(roles)
        )
        if items:
            groups.append(MenuGroup(key, str(label), items))
    if sum(len(group.items) for group in groups) <= MAX_TOP_ITEMS:
        return [
            MenuGroup(f"{group.key}-{n}", item.label, (item,)) for group in groups for n, item in enumerate(group.items)
        ]
    return groups


def shown_entries(roles: Roles) -> tuple[bool, ...]:
    """Which menu links this person gets: with the page and the language, all the menu depends on."""
    return tuple(entry.shown(roles) for _key, _label, entries in _GROUPS for entry in entries)
