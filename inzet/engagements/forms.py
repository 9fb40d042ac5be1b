"""Forms of the intake, invitations, referrals, the agreement and sessions. The request wizard's
forms are in wizard_forms.py (re-exported here, so `engagements.forms` still offers them).

Forms validate and explain; the write itself happens in services.py.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.engagements import rules
from inzet.engagements.form_widgets import DateInput, DayAndTimes, TimeInput, textarea
from inzet.engagements.models import (
    Agreement,
    EngagementRequest,
    IntakeReview,
    InvitationNeed,
    Session,
)
from inzet.engagements.quote import VWS_GUIDELINE_RATE
from inzet.engagements.services import INTAKE_MESSAGES, NEEDS_MESSAGES
from inzet.engagements.wizard_forms import (  # noqa: F401  re-exported: the wizard is part of this module's public names
    STEP_SLUGS,
    STEPS,
    AttachmentForm,
    ExpertiseStep,
    GoalStep,
    PlaceStep,
    RewardStep,
    StepForm,
    TimeStep,
    WorkStep,
)

# --- the organisation's intake ---------------------------------------------------------------------

YES_NO = [("yes", _("Ja")), ("no", _("Nee"))]


def _yes_no(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )


def _reason(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=textarea(2),
        error_messages={"required": _("Schrijf kort waarom.")},
    )


class IntakeForm(forms.Form):
    fits_mission = _yes_no(_("1. Past de vraag bij onze missie?"))
    fits_mission_reason = _reason(_("Toelichting bij vraag 1"))
    has_expertise = _yes_no(_("2. Hebben onze ervaringsdeskundigen de juiste deskundigheid?"))
    has_expertise_reason = _reason(_("Toelichting bij vraag 2"))
    conditions_ok = _yes_no(_("3. Zijn de voorwaarden goed: een eerlijke vergoeding en psychologische veiligheid?"))
    conditions_ok_reason = _reason(_("Toelichting bij vraag 3"))
    decision = forms.ChoiceField(
        label=_("Wat is uw besluit?"),
        choices=IntakeReview.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )
    override = forms.BooleanField(
        label=_("Ik neem de vraag toch aan, als uitzondering"),
        required=False,
        help_text=_("Alleen nodig als u nee zegt op een van de drie vragen en de vraag toch aanneemt."),
    )
    override_reason = forms.CharField(
        label=_("Waarom neemt u de vraag toch aan?"),
        required=False,
        widget=textarea(2),
        help_text=_("Dit blijft zichtbaar voor de coördinatoren, in de geschiedenis van de vraag."),
    )
    message = forms.CharField(
        label=_("Bericht aan de vrager"),
        required=False,
        widget=textarea(4),
        help_text=_("Verplicht als u om een aanpassing vraagt of de vraag afwijst. De vrager krijgt dit per e-mail."),
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision and decision != IntakeReview.Decision.ACCEPT and not (cleaned.get("message") or "").strip():
            self.add_error("message", _("Schrijf de vrager kort waarom."))
        answers = tuple(cleaned.get(name) for name in ("fits_mission", "has_expertise", "conditions_ok"))
        if decision and None not in answers:
            problems = rules.intake_problems(
                answers=answers,
                reasons=tuple(
                    cleaned.get(f"{name}_reason", "x") for name in ("fits_mission", "has_expertise", "conditions_ok")
                ),
                accept=decision == IntakeReview.Decision.ACCEPT,
                override=cleaned.get("override", False),
                override_reason=cleaned.get("override_reason", ""),
            )
            for name in problems:
                if name not in self.errors:
                    self.add_error(name, INTAKE_MESSAGES[name])
        return cleaned


# --- invitations -----------------------------------------------------------------------------------


class InviteForm(forms.Form):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(label=_("Persoonlijk bericht (niet verplicht)"), required=False, widget=textarea(2))
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class PickerFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    passend = forms.BooleanField(label=_("Alleen met ervaring die bij de vraag past"), required=False)


class RespondForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("yes", _("Ja")), ("no", _("Nee"))], error_messages={"required": _("Kies ja of nee.")}
    )
    reason = forms.CharField(
        label=_("Wilt u iets kwijt? (niet verplicht)"),
        required=False,
        widget=textarea(3),
        help_text=_("U hoeft geen reden te geven. Nee zeggen telt nooit tegen u. Alleen de coördinator leest dit."),
    )


class InvitationNeedsForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Wat heeft u nodig om dit te kunnen doen?"),
        choices=InvitationNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wat u wilt. Niets nodig? Dan laat u alles leeg."),
    )
    duo_partner = forms.CharField(
        label=_("Met wie wilt u samenwerken? (niet verplicht)"), required=False, max_length=200
    )
    safety_net_person = forms.CharField(
        label=_("Wie is uw vangnet?"),
        required=False,
        max_length=200,
        help_text=_("Iemand die u kunt bellen na een zware bijeenkomst. Alleen de coördinator ziet dit."),
    )
    safety_net_when = forms.CharField(
        label=_("Wanneer wilt u dat er contact is na een zware bijeenkomst?"),
        required=False,
        widget=textarea(2),
        help_text=_("Bijvoorbeeld: dezelfde avond nog even bellen."),
    )
    other = forms.CharField(label=_("Iets anders: wat heeft u nodig?"), required=False, widget=textarea(2))
    share_with_asker = forms.BooleanField(
        label=_("De vrager mag zien wat ik nodig heb (zonder mijn vangnet)"),
        required=False,
        help_text=_(
            "Dan staat het in de afspraken, zodat de vrager er rekening mee kan houden. Uw naam staat er niet bij."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        problems = rules.needs_problems(
            kinds=cleaned.get("kinds") or [],
            safety_net_person=cleaned.get("safety_net_person", ""),
            other=cleaned.get("other", ""),
        )
        for name in problems:
            self.add_error(name, NEEDS_MESSAGES[name])
        return cleaned


class ReferralForm(forms.Form):
    question = forms.CharField(
        label=_("Uw vraag"),
        widget=textarea(5),
        help_text=_("Wat wilt u bereiken, en wat zoekt u? De organisatie neemt zelf contact met u op."),
        error_messages={"required": _("Schrijf uw vraag in een paar zinnen.")},
    )
    contact = forms.CharField(
        label=_("Hoe kan de organisatie u bereiken?"),
        max_length=200,
        help_text=_("Bijvoorbeeld uw telefoonnummer of e-mailadres."),
        error_messages={"required": _("Schrijf hoe de organisatie u kan bereiken, bijvoorbeeld een telefoonnummer.")},
    )


class ReferralAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Pakt u deze vraag op?"),
        choices=[("take_on", _("Ja, wij nemen contact op")), ("not_taken", _("Nee"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Bericht aan de vrager"),
        required=False,
        widget=textarea(2),
        help_text=_("Verplicht bij nee: waarom niet, of naar wie zij kunnen gaan."),
    )


# --- agreement and quote ---------------------------------------------------------------------------


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "communication",
            "time_and_pay",
            "tasks_and_roles",
            "expectations",
            "participation_needs",
            "safety_net_contact",
            "meeting_chair",
            "hours",
            "hourly_rate",
            "half_days",
            "half_day_rate",
            "vat_rate",
            "first_assignment_discount",
        ]
        widgets = {
            "communication": textarea(3),
            "time_and_pay": textarea(3),
            "tasks_and_roles": textarea(3),
            "expectations": textarea(3),
            "participation_needs": textarea(3),
            "hours": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "hourly_rate": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
            "vat_rate": forms.NumberInput(attrs={"step": "0.1", "min": "0", "max": "99"}),
            "half_days": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "half_day_rate": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
        }
        help_texts = {
            "communication": _(
                "Hoe houden we elkaar op de hoogte? Let op dat het niet te veel de beleidskant op gaat."
            ),
            "time_and_pay": _(
                "Hoeveel tijd kost het en wat is de vergoeding? Neem voor overleg met iedereen minstens 2 uur."
            ),
            "tasks_and_roles": _("Wie doet wat? Denken de ervaringsdeskundigen mee, of beslissen zij ook mee?"),
            "expectations": _("Wat mogen we van elkaar verwachten, en wat is ieders ruimte?"),
            "participation_needs": _("Bijvoorbeeld vervoer, een maatje, pauzes of stukken op papier."),
            "safety_net_contact": _(
                "Naam en telefoonnummer van iemand die de ervaringsdeskundigen na afloop kunnen bellen."
            ),
            "meeting_chair": _("Iemand zonder eigen belang die ervoor zorgt dat ieders stem gehoord wordt."),
            "hours": _("Alle uren samen, van alle ervaringsdeskundigen."),
            "hourly_rate": _("Uit uw tarievenlijst. De richtlijn van het ministerie van VWS is € 50 per uur."),
            "vat_rate": _(
                "Voor plekken die nog niet gevuld zijn. Voor wie ja zei, volgt de btw zijn of haar werkvorm "
                "(zzp met btw, zzp met KOR, vrijwilliger, loondienst), net als op de factuur."
            ),
            "half_days": _(
                "Niet verplicht. Naast de uren: een vast bedrag per dagdeel, bijvoorbeeld voor een trainingsdag."
            ),
            "half_day_rate": _("Het vaste bedrag per dagdeel dat de vrager betaalt."),
            "first_assignment_discount": _(
                "De vrager betaalt deze keer niets. Spreek af dat u de prijs achteraf samen bekijkt."
            ),
        }
        error_messages = {
            field: {"required": _("Vul dit in.")}
            for field in ("communication", "time_and_pay", "tasks_and_roles", "expectations", "safety_net_contact")
        } | {
            "hours": {
                "required": _("Vul het aantal uren in."),
                "invalid": _("Vul een getal in, bijvoorbeeld 12 of 7,5."),
            },
            "hourly_rate": {"required": _("Vul het tarief in."), "invalid": _("Vul een bedrag in, bijvoorbeeld 50.")},
            "vat_rate": {
                "required": _("Vul 0 in als u geen btw rekent."),
                "invalid": _("Vul een percentage in, bijvoorbeeld 21."),
            },
        }

    def __init__(self, *args, request: EngagementRequest, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("hourly_rate", VWS_GUIDELINE_RATE)
            self.initial.setdefault("vat_rate", Decimal("0"))
            if request.hours_estimate:
                self.initial.setdefault("hours", request.hours_estimate * request.experts_needed)
            self.initial.setdefault("participation_needs", request.participant_needs)
            self.initial.setdefault(
                "time_and_pay",
                _("Overleg met het hele team duurt minstens 2 uur. Reistijd en voorbereiding tellen mee."),
            )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("half_days")) != (cleaned.get("half_day_rate") is not None):
            self.add_error(
                "half_day_rate", _("Vul het aantal dagdelen én het bedrag per dagdeel in, of laat beide leeg.")
            )
        for name in ("hours", "hourly_rate", "vat_rate", "half_days", "half_day_rate"):
            value = cleaned.get(name)
            if value is not None and value < 0:
                self.add_error(name, _("Vul een getal in dat niet kleiner is dan 0."))
        return cleaned

    def _post_clean(self):
        pass  # agreement_save validates the whole agreement

    def data_for_service(self) -> dict:
        return dict(self.cleaned_data)


# --- sessions, cancelling, completing --------------------------------------------------------------


class SessionForm(DayAndTimes, forms.Form):
    title = forms.CharField(label=_("Wat"), max_length=200, error_messages={"required": _("Vul in wat er gebeurt.")})
    day = forms.DateField(
        label=_("Datum"),
        widget=DateInput(),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in, bijvoorbeeld 15-03-2026.")},
    )
    start = forms.TimeField(
        label=_("Begint om"),
        widget=TimeInput(),
        error_messages={"required": _("Vul een begintijd in."), "invalid": _("Vul een tijd in, bijvoorbeeld 13:30.")},
    )
    end = forms.TimeField(
        label=_("Eindigt om"),
        widget=TimeInput(),
        error_messages={"required": _("Vul een eindtijd in."), "invalid": _("Vul een tijd in, bijvoorbeeld 16:00.")},
    )
    location = forms.CharField(label=_("Waar"), max_length=300, required=False)
    kind = forms.ChoiceField(
        label=_("Wie zijn erbij?"),
        choices=Session.Kind.choices,
        initial=Session.Kind.WHOLE_TEAM,
        required=False,  # left out: the whole team, the kind the warnings are about
        widget=forms.RadioSelect,
    )
    chair = forms.CharField(
        label=_("Onafhankelijke gespreksleider"),
        max_length=200,
        required=False,
        help_text=_("Nodig bij een bijeenkomst met het hele team. Die duurt ook minstens 2 uur."),
    )

    def data_for_service(self) -> dict:
        c = self.cleaned_data
        return {
            "title": c["title"],
            "starts_at": c["starts_at"],
            "ends_at": c["ends_at"],
            "location": c["location"],
            "kind": c["kind"] or Session.Kind.WHOLE_TEAM,
            "chair": c["chair"].strip(),
        }


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Toelichting (niet verplicht)"), required=False, widget=textarea(3))
