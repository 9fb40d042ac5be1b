"""Who may change an expert profile: one rule for the pages and the API."""

from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role


def is_coordinator_of(user, profile: ExpertProfile) -> bool:
    return get_roles(user).has(Role.COORDINATOR, organisation_id=profile.organisation_id)


def is_keeper(user, profile: ExpertProfile) -> bool:
    """A coordinator of the organisation, for a profile kept on the person's behalf."""
    return profile.managed_by_id is not None and is_coordinator_of(user, profile)


def may_edit(user, profile: ExpertProfile) -> bool:
    """The expert themself, or the coordinator who keeps the profile on the person's behalf."""
    return profile.user_id == user.pk or is_keeper(user, profile)
