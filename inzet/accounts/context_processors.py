from inzet.accounts.navigation import main_menu
from inzet.accounts.permissions import get_roles


def roles(request):
    user = getattr(request, "user", None)
    return {"roles": get_roles(user)} if user is not None else {}


def navigation(request):
    """The header's main menu, built only when a page shows it (templates call the function)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match

    def menu():
        return main_menu(get_roles(user), match.view_name if match else "", match.app_name if match else "")

    return {"main_menu": menu}
