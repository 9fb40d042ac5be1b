"""The one permission layer for pages and API alike.

Rules of thumb (after healthchecks.io): helpers return 404 (Http404) for what a person may
not even know exists, and PermissionDenied (403) for what they may see but not change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.organisations.models import Membership, Organisation, Role

# Roles that see special-category data (lived experience, benefits) by virtue of the role itself;
# they need two-step login when it is enforced. Askers see only what an expert chose to share
# with the askers of their own accepted assignments.
# Roles that see other people's special-category data: coordinators, trainers and operators
# always; askers when an expert shared lived experience with the askers of an assignment.
TWO_FACTOR_ROLES = frozenset({Role.COORDINATOR, Role.TRAINER, Role.OPERATOR, Role.ASKER})


@dataclass(frozen=True)
class Roles:
    """What one person may do: the set of (organisation id, role) pairs they hold."""

    pairs: frozenset[tuple[int, str]] = field(default_factory=frozenset)

    def has(self, *roles: str, organisation_id: int | None = None) -> bool:
        return any(
            role in roles and (organisation_id is None or org_id == organisation_id) for org_id, role in self.pairs
        )

    def organisation_ids(self, *roles: str) -> set[int]:
        return {org_id for org_id, role in self.pairs if not roles or role in roles}

    @property
    def names(self) -> set[str]:
        return {role for _org, role in self.pairs}

    @property
    def is_operator(self) -> bool:
        return self.has(Role.OPERATOR)

    @property
    def is_coordinator_or_operator(self) -> bool:
        """Staff who handle people's requests (erasure, on-behalf work) — trainers do not."""
        return self.has(Role.COORDINATOR, Role.OPERATOR)

    @property
    def sees_special_data(self) -> bool:
        return bool(self.names & TWO_FACTOR_ROLES)


NO_ROLES = Roles()


def get_roles(user) -> Roles:
    """The person's active roles, read once per request and kept on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    cached = getattr(user, "_inzet_roles", None)
    if cached is None:
        pairs = Membership.objects.filter(user=user, is_active=True).values_list("organisation_id", "role")
        cached = Roles(frozenset(pairs))
        user._inzet_roles = cached
    return cached


def require_role(user, *roles: str, organisation_id: int | None = None) -> Roles:
    held = get_roles(user)
    if not held.has(*roles, organisation_id=organisation_id):
        raise PermissionDenied
    return held


def role_required(*roles: str) -> Callable:
    """View decorator: anonymous → login page, logged in without one of `roles` → 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require_role(request.user, *roles)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def visible_organisations(user) -> Iterable[Organisation]:
    roles = get_roles(user)
    if roles.is_operator:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=roles.organisation_ids())


def get_organisation_for_user(user, pk: int, *, write: bool = False) -> Organisation:
    """An organisation the person belongs to (404 otherwise); write needs coordinator or operator."""
    roles = get_roles(user)
    if not roles.is_operator and pk not in roles.organisation_ids():
        raise Http404
    try:
        organisation = Organisation.objects.get(pk=pk)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc
    if write and not (roles.is_operator or roles.has(Role.COORDINATOR, organisation_id=pk)):
        raise PermissionDenied
    return organisation


def coordinated_organisation_ids(user) -> set[int]:
    """Deploying organisations whose people this person may manage as coordinator."""
    return get_roles(user).organisation_ids(Role.COORDINATOR)
