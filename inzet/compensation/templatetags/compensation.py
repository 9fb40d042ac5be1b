"""Money and numbers in the reader's language, and the warning before an expert says yes.

Use on the expert's decision page:

    {% include "compensation/_invitation_warning.html" %}     (needs `invitation` in the context)
or  {% load compensation %}{% invitation_warning invitation %}
"""

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from inzet.accounts.permissions import get_roles
from inzet.compensation import explain as explanations
from inzet.compensation import rules, selectors
from inzet.compensation.forms import RewardChoiceForm
from inzet.engagements.models import Invitation
from inzet.experts.models import reward_form_label
from inzet.lib import money
from inzet.organisations.models import Role

register = template.Library()


@register.filter
def euro(value) -> str:
    """€ 1.234,50 in Dutch, €1,234.50 in English, on one line (Utrecht currency data), always with cents."""
    if value is None or value == "":
        return ""
    if not explanations.is_english():
        return mark_safe(money.euro_html(value, empty=""))  # noqa: S308 - built from a Decimal, no user text
    amount = money.cents(Decimal(value))
    shown = money.format_euro_en(amount, always_cents=True)
    return mark_safe(f'<data class="utrecht-currency-data" value="{amount}">{shown}</data>')  # noqa: S308 - a Decimal


@register.filter
def reward_label(value) -> str:
    """A reward form without "mijn": the payouts and exports are read by coordinators too."""
    return str(reward_form_label(value))


@register.filter
def explain(line) -> str:
    """A rule explanation line in the reader's language."""
    if isinstance(line, rules.ExplanationLine):
        return explanations.text(line)
    return str(line)


@register.filter
def source_links(value) -> SafeString | str:
    """Public sources as links; any other text as it is (a source is never a file of ours)."""
    parts = value.split() if isinstance(value, str) else list(value or ())
    links = [p for p in parts if p.startswith(("https://", "http://"))]
    if not links:
        return value if isinstance(value, str) else ""
    return format_html_join(", ", '<a href="{}" rel="noopener noreferrer">{}</a>', ((url, _host(url)) for url in links))


def _host(url: str) -> str:
    return url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.")


@register.filter
def number(value) -> str:
    """2,5 in Dutch, 2.5 in English, 12 in both (no trailing zeros)."""
    if value is None or value == "":
        return ""
    return explanations.number(Decimal(value))


@register.filter
def percentage(value) -> str:
    if value is None:
        return ""
    return number(value) + "%"


@register.inclusion_tag("compensation/_invitation_check.html", takes_context=True)
def invitation_warning(context, invitation: Invitation, with_form: bool = True) -> dict:
    """The rule check for this invitation, as the person looking at it may see it, with the choice form.

    with_form=False: the page puts the reward choice in its own yes/no form (the invitation page)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    show = invitation is not None and user is not None and user.is_authenticated
    cv = None
    is_coordinator = False
    if show:
        is_coordinator = get_roles(user).has(
            Role.COORDINATOR, organisation_id=invitation.request.deploying_organisation_id
        )
        show = invitation.expert.user_id == user.pk or is_coordinator
    if show:
        cv = selectors.invitation_check(user, invitation, path=request.path if request else "")
    reward = cv.reward if cv else None
    form = None
    if with_form and show and invitation.state in (Invitation.State.PENDING, Invitation.State.ACCEPTED):
        form = RewardChoiceForm(
            initial={"reward_form": reward.reward_form, "charity": reward.charity, "details": reward.details}
            if reward
            else None,
            auto_id="id_keuze_%s",
        )
    action = reverse("compensation:assignment_reward", args=[invitation.pk]) if show else ""
    return {
        "show": show,
        "cv": cv,
        "invitation": invitation,
        "form": form,
        "action": action,
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.inclusion_tag("compensation/_reward_fields.html")
def reward_fields(invitation: Invitation) -> dict:
    """The reward form's fields for the invitation page's yes/no form (which posts to invitation_answer)."""
    current = selectors.effective_reward(invitation)
    form = RewardChoiceForm(
        initial={"reward_form": current.reward_form, "charity": current.charity, "details": current.details}
    )
    return {"reward": form}


@register.simple_tag
def reward_choice(invitation: Invitation) -> str:
    """'Een cadeaubon (Cursus …)': the reward form that counts for this invitation, to show it back."""
    current = selectors.effective_reward(invitation)
    extra = current.charity or current.details
    return f"{current.label} ({extra})" if extra else str(current.label)
