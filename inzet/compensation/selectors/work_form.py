"""What a change of work form means, in words, for one viewer; and the instruments towards paid work."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.compensation import rules
from inzet.compensation.models import WorkInstrument
from inzet.compensation.rules.work_form import Change, work_form_changes
from inzet.compensation.selectors.tables import expert_benefit, today
from inzet.experts.disclosure import SELF, can_see, log_access, viewer_level
from inzet.experts.models import ExpertProfile

PARTICIPATIEWET = "https://wetten.overheid.nl/BWBR0015703/"
DUTIES = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=9"
EARNINGS = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31"
WW = "https://wetten.overheid.nl/BWBR0004045/"
WIA = "https://wetten.overheid.nl/BWBR0019057/"
AWIR = "https://wetten.overheid.nl/BWBR0018472/"
from inzet.compensation.rules.messages import BD_VOLUNTEER as VOLUNTEER_ALLOWANCE  # noqa: E402

TEXTS = {
    Change.ALLOWANCE_CHECK_ENDS: (
        _(
            "De toets op de vrijwilligersvergoeding geldt niet meer. Wat u verdient, is loon of winst. "
            "Daarover betaalt u belasting."
        ),
        VOLUNTEER_ALLOWANCE,
    ),
    Change.ALLOWANCE_CHECK_STARTS: (
        _("U wordt weer vrijwilliger. Dan gelden de grenzen van de vrijwilligersvergoeding weer."),
        VOLUNTEER_ALLOWANCE,
    ),
    Change.REPORT_INCOME: (
        _("Geef uw nieuwe inkomen door aan wie uw uitkering betaalt. Het kan uw uitkering lager maken."),
        PARTICIPATIEWET,
    ),
    Change.BIJSTAND_EARNINGS_RELEASE: (
        _(
            "In de bijstand mag u soms een deel van wat u verdient houden (inkomstenvrijlating). "
            "De gemeente bepaalt of dat voor u geldt."
        ),
        EARNINGS,
    ),
    Change.BIJSTAND_DUTY_TO_APPLY: (
        _(
            "Met betaald werk kijkt de gemeente opnieuw naar uw plichten, zoals de plicht om te solliciteren "
            "(sollicitatieplicht)."
        ),
        DUTIES,
    ),
    Change.BIJSTAND_EXEMPTION_ENDS: (
        _(
            "Had u een ontheffing van plichten omdat u vrijwilligerswerk doet? Vraag de gemeente of die blijft "
            "als u betaald gaat werken."
        ),
        DUTIES,
    ),
    Change.WW_HOURS_DEDUCTED: (
        _("In de WW houdt UWV rekening met de uren die u betaald werkt. Uw sollicitatieplicht blijft."),
        WW,
    ),
    Change.DISABILITY_REASSESSMENT: (
        _(
            "Bij Wajong of WGA kijkt UWV naar wat u kunt verdienen. Meer werk kan uw uitkering veranderen. "
            "Na een nieuwe keuring kan er een sollicitatieplicht komen."
        ),
        WIA,
    ),
    Change.ALLOWANCES_INCOME: (
        _("Uw inkomen verandert. Geef het door bij Toeslagen, dan hoeft u later niets terug te betalen."),
        AWIR,
    ),
    Change.ZZP_OWN_BUSINESS: (
        _(
            "Als zzp'er heeft u een eigen bedrijf: inschrijven bij de KvK, zelf btw en belasting regelen "
            "en zelf een verzekering kiezen."
        ),
        "https://www.kvk.nl/starten/",
    ),
    Change.INSTRUMENTS_MAY_APPLY: (
        _("Er zijn regelingen van UWV en gemeente die de stap naar een baan makkelijker maken. Vraag ernaar."),
        PARTICIPATIEWET,
    ),
}

# Lines that do not reveal the benefit: what anyone allowed to see the work form may read.
GENERAL = {Change.ALLOWANCE_CHECK_ENDS, Change.ALLOWANCE_CHECK_STARTS, Change.ZZP_OWN_BUSINESS}


@dataclass
class ChangeLine:
    text: str
    source: str


@dataclass
class WorkFormChange:
    old: str
    new: str
    lines: list[ChangeLine] = field(default_factory=list)
    benefit_hidden: bool = False  # the viewer may not see the benefit, so benefit lines are left out


def work_form_change_view(
    *, viewer: User, profile: ExpertProfile, new: str, path: str = "", context: str = "page"
) -> WorkFormChange:
    """The benefit check again for a new work form, as this viewer may see it (benefit reads are logged)."""
    level = viewer_level(viewer, profile)
    sees_benefit = level == SELF or can_see(level, profile, "benefit")
    benefit = expert_benefit(profile) if sees_benefit else None
    codes = work_form_changes(old=profile.work_form, new=new, benefit=benefit)
    if sees_benefit and level != SELF and benefit is not rules.BenefitSituation.NONE:
        log_access(viewer=viewer, profile=profile, items=["benefit"], context=context, path=path)
    result = WorkFormChange(old=profile.work_form, new=new, benefit_hidden=not sees_benefit)
    result.lines = [ChangeLine(str(TEXTS[c][0]), TEXTS[c][1]) for c in codes if sees_benefit or c in GENERAL]
    return result


def work_instruments(on: dt.date | None = None) -> QuerySet:
    """The instruments valid on a day (today by default): one query."""
    on = on or today()
    return WorkInstrument.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), valid_from__lte=on)
