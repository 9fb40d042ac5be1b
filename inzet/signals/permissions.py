"""Who handles signals: coordinators and operators. Everyone (also without an account) may report."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.signals.models import Signal, SignalReadLog


def handlers_only(view):
    """Anonymous → login page; logged in but not a coordinator or operator → 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not get_roles(request.user).is_coordinator_or_operator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_signal(user, pk: int, *, item: str) -> Signal:
    """A signal for a handler (the decorator checked the role). Logs the read: which item, never content."""
    try:
        signal = Signal.objects.select_related("theme", "bundle", "reporter", "recorded_by").get(pk=pk)
    except Signal.DoesNotExist as exc:
        raise Http404 from exc
    SignalReadLog.objects.create(user=user, signal=signal, item=item)
    return signal
