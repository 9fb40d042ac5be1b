from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "inzet.neighbourhood"
    verbose_name = _("Wijkteams en trajecten")

    def ready(self):
        from inzet.accounts import twofactor

        twofactor.SEES_SPECIAL_DATA.append(_reads_residents)


def _reads_residents(user) -> bool:
    """Team members read residents' lives: two-step login applies to them as to coordinators."""
    from inzet.neighbourhood.models import TeamMember

    return TeamMember.objects.filter(user=user, is_active=True).exists()
