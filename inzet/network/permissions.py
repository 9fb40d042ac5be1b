"""Who edits the network: coordinators and operators. The social map itself is public."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from inzet.accounts.permissions import get_roles


def is_editor(user) -> bool:
    return get_roles(user).is_coordinator_or_operator


def editors_only(view):
    """Anonymous → login page; logged in but not a coordinator or operator → 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
