"""Forms of the request wizard, the intake, invitations, the agreement and sessions.

Forms validate and explain; the write itself happens in services.py.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.engagements import rules
from inzet.engagements.models import (
    OFFERED_REWARD_LABELS,
    Agreement,
    EngagementRequest,
    IntakeReview,
    InvitationNeed,
    Session,
)
from inzet.engagements.quote import VWS_GUIDELINE_RATE
from inzet.engagements.services import INTAKE_MESSAGES, NEEDS_MESSAGES
from inzet.experts.models import postcode_validator
from inzet.lib import uploads
from inzet.organisations.models import Organisation
from inzet.taxonomy import plain
from inzet.taxonomy.models import Term


def _terms(vocabulary: str):
    return Term.objects.of(vocabulary)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def _text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


# --- the asker's wizard ----------------------------------------------------------------------------


class StepForm(forms.ModelForm):
    """One step of the wizard. `m2m_fields` are passed to the service separately."""

    m2m_fields: tuple[str, ...] = ()

    def data_for_service(self) -> tuple[dict, dict]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.m2m_fields}
        m2m = {k: v for k, v in self.cleaned_data.items() if k in self.m2m_fields}
        return data, m2m

    def _post_clean(self):
        # The service validates the whole request; a step only checks its own fields.
        pass


class GoalStep(StepForm):
    class Meta:
        model = EngagementRequest
        fields = ["title", "goal", "deploying_organisation"]
        widgets = {"goal": _text(5)}
        help_texts = {
            "title": _("Bijvoorbeeld: Meedenken over het armoedebeleid."),
            "goal": _(
                "Wat wilt u bereiken? Wat moet er anders of beter worden? Schrijf het doel op, niet wie u zoekt."
            ),
            "deploying_organisation": _("De organisatie die ervaringsdeskundigen voor u zoekt."),
        }
        error_messages = {
            "title": {"required": _("Geef de vraag een korte titel.")},
            "goal": {"required": _("Schrijf op wat het doel is.")},
            "deploying_organisation": {"required": _("Kies een organisatie.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deploying_organisation"].queryset = Organisation.objects.filter(kind=Organisation.Kind.DEPLOYING)
        self.fields["deploying_organisation"].empty_label = _("Kies een organisatie")


class WorkStep(StepForm):
    class Meta:
        model = EngagementRequest
        fields = [
            "role",
            "practice_setting",
            "structural",
            "activities",
            "requirements",
            "represented_group",
            "expected_result",
            "policy_phase",
            "research_rung",
            "influence",
            "decision_role",
            "who_decides",
        ]
        widgets = {
            "activities": _text(4),
            "requirements": _text(3),
            "expected_result": _text(3),
            "decision_role": forms.RadioSelect,
        }
        help_texts = {
            "represented_group": _("Voor wie spreken de ervaringsdeskundigen? Bijvoorbeeld: jongeren in de jeugdzorg."),
            "expected_result": _("Wat ligt er aan het eind? Bijvoorbeeld: een advies van twee bladzijden."),
            "policy_phase": _("Alleen bij beleid: in welke fase zit u?"),
            "research_rung": _("Alleen bij onderzoek: welke rol krijgen de ervaringsdeskundigen?"),
            "influence": _("Hoeveel invloed hebben de ervaringsdeskundigen op de uitkomst?"),
            "who_decides": _("Bijvoorbeeld: de wethouder, na advies van de werkgroep."),
            "role": _("Welke rol krijgen de ervaringsdeskundigen? Bijvoorbeeld meedenken over beleid of lesgeven."),
            "practice_setting": _("Waar gebeurt het werk?"),
            "structural": _("Kies dit als het om meer dan één keer gaat, bijvoorbeeld een jaar lang elke maand."),
            "activities": _(
                "Wat gaan de ervaringsdeskundigen precies doen? Bijvoorbeeld: twee keer meepraten in een werkgroep."
            ),
            "requirements": _("Wat moeten zij kunnen of weten? Vraag naar wat iemand kan, niet naar wie iemand is."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = _terms("role")
        self.fields["role"].empty_label = _("Weet ik nog niet")
        self.fields["practice_setting"].queryset = _terms("practice_setting")
        self.fields["practice_setting"].empty_label = _("Weet ik nog niet")
        for name in ("policy_phase", "research_rung", "influence"):
            self.fields[name].queryset = _terms(name)
            self.fields[name].empty_label = _("Niet van toepassing of weet ik nog niet")
        self.fields["decision_role"].choices = [
            ("", _("Weet ik nog niet")),
            *EngagementRequest._meta.get_field("decision_role").choices,
        ]


class ExpertiseStep(StepForm):
    m2m_fields = ("experience_areas", "competences", "languages")

    class Meta:
        model = EngagementRequest
        fields = ["experience_areas", "competences", "min_level", "languages", "experts_needed"]
        widgets = {
            "experience_areas": forms.CheckboxSelectMultiple,
            "competences": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "experience_areas": _("Over welke ervaringen gaat het? Kies er geen als het niet uitmaakt."),
            "competences": _("Wat moeten de ervaringsdeskundigen kunnen?"),
            "min_level": _("Hoe ver moet iemand zijn met het inzetten van de eigen ervaring?"),
            "experts_needed": _("Wij raden twee mensen aan: samen staan zij sterker."),
        }
        error_messages = {
            "experts_needed": {
                "required": _("Vul in hoeveel mensen u zoekt."),
                "min_value": _("Vul minstens 1 in."),
                "max_value": _("Vul hoogstens 20 in."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experience_areas"].queryset = _terms("experience_area")
        self.fields["competences"].queryset = _terms("competence")
        self.fields["competences"].label_from_instance = plain.label_with_explanation
        self.fields["languages"].queryset = _terms("language")
        self.fields["min_level"].queryset = _terms("level")
        self.fields["min_level"].empty_label = _("Maakt niet uit")


class TimeStep(StepForm):
    class Meta:
        model = EngagementRequest
        fields = [
            "start_date",
            "end_date",
            "hours_estimate",
            "preparation_hours",
            "travel_hours",
            "time_investment",
            "getting_to_know",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "hours_estimate": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "preparation_hours": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "travel_hours": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "time_investment": _text(3),
        }
        help_texts = {
            "hours_estimate": _("Hoeveel uur kost het werk zelf één persoon in totaal?"),
            "preparation_hours": _("Hoeveel uur voorbereiding per persoon, bijvoorbeeld stukken lezen?"),
            "travel_hours": _("Hoeveel uur reistijd per persoon, heen en terug samen?"),
            "time_investment": _("Wanneer en hoe vaak? Bijvoorbeeld: drie dinsdagmiddagen van 13.00 tot 16.00 uur."),
        }
        error_messages = {
            "start_date": {"invalid": _("Vul een datum in, bijvoorbeeld 15-03-2026.")},
            "end_date": {"invalid": _("Vul een datum in, bijvoorbeeld 15-03-2026.")},
            "hours_estimate": {"invalid": _("Vul een aantal uren in, bijvoorbeeld 6 of 4,5.")},
            "preparation_hours": {"invalid": _("Vul een aantal uren in, bijvoorbeeld 2 of 1,5.")},
            "travel_hours": {"invalid": _("Vul een aantal uren in, bijvoorbeeld 2 of 1,5.")},
        }

    def _not_negative(self, name: str):
        hours = self.cleaned_data.get(name)
        if hours is not None and hours < 0:
            raise forms.ValidationError(_("Vul 0 of meer uren in."))
        return hours

    def clean_preparation_hours(self):
        return self._not_negative("preparation_hours")

    def clean_travel_hours(self):
        return self._not_negative("travel_hours")

    def clean_hours_estimate(self):
        hours = self.cleaned_data.get("hours_estimate")
        if hours is not None and hours <= 0:
            raise forms.ValidationError(_("Vul een aantal uren in dat groter is dan 0."))
        return hours

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        return cleaned


class PlaceStep(StepForm):
    class Meta:
        model = EngagementRequest
        fields = ["online", "location", "postcode", "accessibility", "participant_needs", "is_heavy"]
        widgets = {"accessibility": _text(3), "participant_needs": _text(3)}
        labels = {"online": _("Het werk is online")}
        help_texts = {
            "location": _("Waar is het? Laat leeg als het helemaal online is."),
            "postcode": _("Zo kunnen wij mensen uit de buurt vragen."),
            "accessibility": _(
                "Is de plek goed bereikbaar, met een lift en een toegankelijk toilet? Is er een rustige ruimte?"
            ),
            "participant_needs": _(
                "Wat regelt u voor de deelnemers? Bijvoorbeeld vervoer, een maatje, een tolk of stukken op papier."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].validators.append(postcode_validator)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("online") and not (cleaned.get("location") or "").strip():
            self.add_error("location", _("Vul in waar het is, of kies dat het online is."))
        return cleaned


class RewardStep(StepForm):
    class Meta:
        model = EngagementRequest
        fields = ["reward_form", "amount_offered"]
        widgets = {
            "reward_form": forms.RadioSelect,
            "amount_offered": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
        }
        labels = {"reward_form": _("Hoe beloont u de ervaringsdeskundigen?")}
        help_texts = {
            "amount_offered": _(
                "Het ministerie van VWS adviseert € 50 per uur bij structurele inzet. Een eerlijke vergoeding is de regel."
            ),
        }
        error_messages = {"amount_offered": {"invalid": _("Vul een bedrag in, bijvoorbeeld 50 of 37,50.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reward_form"]
        field.choices = [(code, OFFERED_REWARD_LABELS.get(code, label)) for code, label in field.choices]

    def clean(self):
        cleaned = super().clean()
        amount = cleaned.get("amount_offered")
        if amount is not None and amount < 0:
            self.add_error("amount_offered", _("Een bedrag kan niet kleiner zijn dan 0."))
        if cleaned.get("reward_form") not in (None, "none") and amount is None and not self.errors:
            self.add_error("amount_offered", _("Vul het bedrag per uur in."))
        return cleaned


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Bijlage"),
        help_text=_("Een pdf, Word-bestand (docx), OpenDocument (odt) of foto (jpg, png). Hoogstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.USES["attachment"].accept}),
        error_messages={"required": _("Kies een bestand."), "empty": _("Dit bestand is leeg.")},
    )

    MESSAGES = {
        uploads.TYPE: _("Dit soort bestand kan niet. Kies een pdf, docx, odt, jpg of png."),
        uploads.CONTENT: _(
            "Dit bestand is niet wat de naam zegt. Kies een echt pdf-, docx-, odt-, jpg- of png-bestand."
        ),
        uploads.TOO_LARGE: _("Dit bestand is groter dan 10 MB. Kies een kleiner bestand."),
        uploads.EMPTY: _("Dit bestand is leeg."),
    }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        verdict = uploads.check("attachment", upload.name, upload, upload.size)
        if not verdict.ok:
            raise forms.ValidationError(self.MESSAGES[verdict.problem])
        return upload


# Wizard steps in order: (slug, title, form). The last two steps have no model form.
STEPS = [
    ("doel", _("Doel"), GoalStep),
    ("werk", _("Soort werk"), WorkStep),
    ("deskundigheid", _("Wie zoekt u"), ExpertiseStep),
    ("tijd", _("Tijd"), TimeStep),
    ("plaats", _("Plaats"), PlaceStep),
    ("vergoeding", _("Vergoeding"), RewardStep),
    ("bijlagen", _("Bijlagen"), None),
    ("controleren", _("Controleren"), None),
]
STEP_SLUGS = [slug for slug, _title, _form in STEPS]


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
        widget=_text(2),
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
        widget=_text(2),
        help_text=_("Dit blijft zichtbaar voor de coördinatoren, in de geschiedenis van de vraag."),
    )
    message = forms.CharField(
        label=_("Bericht aan de vrager"),
        required=False,
        widget=_text(4),
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
    message = forms.CharField(label=_("Persoonlijk bericht (niet verplicht)"), required=False, widget=_text(2))
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
        widget=_text(3),
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
        widget=_text(2),
        help_text=_("Bijvoorbeeld: dezelfde avond nog even bellen."),
    )
    other = forms.CharField(label=_("Iets anders: wat heeft u nodig?"), required=False, widget=_text(2))
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
        widget=_text(5),
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
        widget=_text(2),
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
            "communication": _text(3),
            "time_and_pay": _text(3),
            "tasks_and_roles": _text(3),
            "expectations": _text(3),
            "participation_needs": _text(3),
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


class SessionForm(forms.Form):
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

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start"), cleaned.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("De eindtijd ligt na de begintijd."))
            else:
                tz = timezone.get_current_timezone()
                cleaned["starts_at"] = dt.datetime.combine(day, start, tzinfo=tz)
                cleaned["ends_at"] = dt.datetime.combine(day, end, tzinfo=tz)
        return cleaned

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
    note = forms.CharField(label=_("Toelichting (niet verplicht)"), required=False, widget=_text(3))
