"""Forms of the asker's request wizard, one per step, and the attachment step.

Forms validate and explain; the write itself happens in services.py.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.engagements.form_widgets import DateInput, terms_of, textarea
from inzet.engagements.models import (
    OFFERED_REWARD_LABELS,
    EngagementRequest,
)
from inzet.experts.models import postcode_validator
from inzet.lib import uploads
from inzet.organisations.models import Organisation
from inzet.taxonomy import plain

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
        widgets = {"goal": textarea(5)}
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
            "activities": textarea(4),
            "requirements": textarea(3),
            "expected_result": textarea(3),
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
        self.fields["role"].queryset = terms_of("role")
        self.fields["role"].empty_label = _("Weet ik nog niet")
        self.fields["practice_setting"].queryset = terms_of("practice_setting")
        self.fields["practice_setting"].empty_label = _("Weet ik nog niet")
        for name in ("policy_phase", "research_rung", "influence"):
            self.fields[name].queryset = terms_of(name)
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
        self.fields["experience_areas"].queryset = terms_of("experience_area")
        self.fields["competences"].queryset = terms_of("competence")
        self.fields["competences"].label_from_instance = plain.label_with_explanation
        self.fields["languages"].queryset = terms_of("language")
        self.fields["min_level"].queryset = terms_of("level")
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
            "time_investment": textarea(3),
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
        widgets = {"accessibility": textarea(3), "participant_needs": textarea(3)}
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
                "Het ministerie van VWS adviseert € 50 per uur bij werk voor langere tijd. Een eerlijke vergoeding is de regel."
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
