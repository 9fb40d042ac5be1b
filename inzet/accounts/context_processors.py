from threading import Lock

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.translation import get_language

from inzet.accounts.navigation import main_menu, shown_entries
from inzet.accounts.permissions import get_roles

# The header's menu as HTML, per (links shown, page, language, script prefix, URLconf): it is the same for
# everyone with the same links on the same page, and rendering it cost ~1.5–2 ms on every page.
_MENU_HTML_LIMIT = 4096
_menu_html: dict[tuple, str] = {}
_lock = Lock()


def roles(request):
    user = getattr(request, "user", None)
    return {"roles": get_roles(user)} if user is not None else {}


def navigation(request):
    """The header's main menu, built only when a page shows it (templates call the function)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    view_name, app_name = (match.view_name, match.app_name) if match else ("", "")

    def menu():
        return main_menu(get_roles(user), view_name, app_name)

    def menu_html():
        key = (
            shown_entries(get_roles(user)),
            view_name,
            app_name,
            get_language(),
            get_script_prefix(),
            settings.ROOT_URLCONF,
        )
        html = _menu_html.get(key)
        if html is None:
            html = render_to_string("includes/main_menu.html", {"main_menu": menu()})
            with _lock:
                if len(_menu_html) >= _MENU_HTML_LIMIT:
                    _menu_html.clear()
                _menu_html[key] = html
        return html

    return {"main_menu": menu, "main_menu_html": menu_html}
