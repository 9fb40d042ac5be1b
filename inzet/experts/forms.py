"""Forms of the profile wizard and the profile page. Every message is Dutch and sits next to its field."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.experts import rules
from inzet.experts.disclosure import ITEM_FIELDS
from inzet.experts.models import (
    AgeBand,
    Audience,
    BenefitSituation,
    BijstandExemption,
    ExpertProfile,
    Need,
    QualificationLevel,
    RewardForm,
    TrainingKind,
    TrainingStatus,
    Weekday,
    WorkForm,
    resolve_areas,
)
from inzet.experts.selectors import ITEM_LABELS
from inzet.lib import uploads
from inzet.taxonomy import plain
from inzet.taxonomy.models import Term

REQUIRED = _("Dit veld is verplicht.")
WHOLE_NUMBER = _("Vul een heel getal in.")
DATE_INVALID = _("Vul een datum in zoals 31-12-2026.")
NOT_SAY = ("", _("Dat zeg ik liever niet"))


def _terms(vocabulary: str | list[str]):
    vocabularies = [vocabulary] if isinstance(vocabulary, str) else vocabulary
    return Term.objects.filter(vocabulary__in=vocabularies, is_active=True)


def _term_choices(vocabulary: str | list[str], label, help_text="") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=_terms(vocabulary),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        help_text=help_text,
    )


def _number(label, low: int, high: int, message, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={"required": REQUIRED, "invalid": WHOLE_NUMBER, "min_value": message, "max_value": message},
    )


class _Dates(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def _date(label, required=False, help_text="") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=_Dates(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"required": REQUIRED, "invalid": DATE_INVALID},
    )


# --- the five steps ----------------------------------------------------------------------------


class AboutForm(forms.Form):
    """Stap 1: Over u."""

    full_name = forms.CharField(label=_("Uw naam"), max_length=200, error_messages={"required": _("Vul uw naam in.")})
    phone = forms.CharField(
        label=_("Uw telefoonnummer"), max_length=30, required=False, help_text=_("Bijvoorbeeld 06 12345678.")
    )
    postcode = forms.CharField(
        label=_("Uw postcode"),
        max_length=8,
        required=False,
        help_text=_("Bijvoorbeeld 3511 AB. Alleen de 4 cijfers mag ook."),
    )
    travel_radius_km = _number(
        _("Hoe ver wilt u reizen? (in kilometers)"), 0, 500, _("Kies een afstand van 0 tot en met 500 kilometer.")
    )
    languages = _term_choices("language", _("Welke talen spreekt u?"))
    age_band = forms.ChoiceField(
        label=_("Hoe oud bent u?"),
        choices=[*AgeBand.choices, NOT_SAY],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Dit is nodig voor de regels over vergoedingen."),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not rules.valid_phone(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in met alleen cijfers, zoals 06 12345678."))
        return phone

    def clean_postcode(self):
        postcode = rules.normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError(_("Vul een postcode in zoals 3511 AB, of alleen de 4 cijfers."))
        return postcode

    @staticmethod
    def initial_for(profile: ExpertProfile | None, user) -> dict:
        if profile is None:
            return {"full_name": user.full_name, "travel_radius_km": 25}
        return {
            "full_name": profile.user.full_name,
            "phone": profile.phone,
            "postcode": profile.postcode,
            "travel_radius_km": profile.travel_radius_km,
            "languages": list(profile.languages.all()),
            "age_band": profile.age_band,
        }

    def changes(self) -> dict:
        return dict(self.cleaned_data)


class ExperienceForm(forms.Form):
    """Stap 2: Uw ervaring. Per ervaringsgebied: aanvinken, en in eigen woorden vertellen."""

    level = forms.ModelChoiceField(
        queryset=_terms("level"),
        widget=forms.RadioSelect,
        required=False,
        empty_label=None,
        label=_("Hoe ver bent u met uw ervaringsdeskundigheid?"),
        help_text=_("Weet u het niet? Laat het open. Uw coördinator helpt u."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = list(_terms("experience_area"))
        for area in self.areas:
            self.fields[f"area_{area.pk}"] = forms.BooleanField(label=area.label, required=False)
            self.fields[f"story_{area.pk}"] = forms.CharField(
                label=_("Vertel in uw eigen woorden over: %(area)s") % {"area": area.label},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=4000,
            )

    def area_rows(self):
        return [(area, self[f"area_{area.pk}"], self[f"story_{area.pk}"]) for area in self.areas]

    def clean(self):
        cleaned = super().clean()
        for area in self.areas:
            if cleaned.get(f"story_{area.pk}", "").strip() and not cleaned.get(f"area_{area.pk}"):
                self.add_error(
                    f"area_{area.pk}",
                    _("U schreef iets over dit gebied. Vink het aan, of maak het tekstvak leeg."),
                )
        return cleaned

    @staticmethod
    def initial_for(profile: ExpertProfile) -> dict:
        initial = {"level": profile.level_id}
        for experience in profile.experiences.all():
            initial[f"area_{experience.area_term_id}"] = True
            initial[f"story_{experience.area_term_id}"] = experience.description
        return initial

    def stories(self) -> dict:
        return {
            area: self.cleaned_data.get(f"story_{area.pk}", "").strip()
            for area in self.areas
            if self.cleaned_data.get(f"area_{area.pk}")
        }


class WishesForm(forms.Form):
    """Stap 3: Wat wilt u doen."""

    wanted_roles = _term_choices("role", _("Welke rollen wilt u doen?"))
    relational_roles = _term_choices("relational_role", _("Hoe stelt u zich op?"))
    wanted_settings = _term_choices("practice_setting", _("Waar wilt u werken?"))
    unwanted = _term_choices(
        ["role", "practice_setting", "sector"],
        _("Wat wilt u niet doen?"),
        help_text=_("U hoeft niet te zeggen waarom."),
    )
    does_not_want_note = forms.CharField(
        label=_("Wat wilt u niet doen? In uw eigen woorden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    work_form = forms.ChoiceField(
        label=_("Hoe wilt u werken?"),
        choices=WorkForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u wilt werken.")},
    )
    kvk_number = forms.CharField(
        label=_("Uw KvK-nummer"),
        max_length=20,
        required=False,
        help_text=_("Alleen voor zzp'ers. Een KvK-nummer heeft 8 cijfers."),
    )
    vat_kor = forms.BooleanField(
        label=_("Ik gebruik de kleineondernemersregeling (KOR) en reken geen btw"),
        required=False,
        help_text=_("Alleen voor zzp'ers. Dan staat er op de offerte en de factuur geen btw voor uw uren."),
    )
    reward_form = forms.ChoiceField(
        label=_("Hoe wilt u beloond worden?"),
        choices=RewardForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u beloond wilt worden.")},
    )
    donation_charity = forms.CharField(
        label=_("Naam van het goede doel"),
        max_length=200,
        required=False,
        help_text=_("Alleen als u kiest voor een gift aan een goed doel."),
    )

    represents = forms.CharField(
        label=_("Voor wie spreekt u, of wie vertegenwoordigt u?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Bijvoorbeeld: ik spreek vanuit mijn eigen ervaring, of namens een cliëntenraad."),
    )
    professional_background = forms.CharField(
        label=_("Wat is uw beroepsachtergrond?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Bijvoorbeeld: verpleegkundige, docent, of nog geen beroep. Niet verplicht."),
    )
    quality_personality = forms.CharField(
        label=_("Uw kwaliteiten: persoonlijkheid"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    quality_knowledge = forms.CharField(
        label=_("Uw kwaliteiten: kennis"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    quality_attitude = forms.CharField(
        label=_("Uw kwaliteiten: houding"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    quality_skills = forms.CharField(
        label=_("Uw kwaliteiten: vaardigheden"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    generic_skills = _term_choices(
        "generic_skill", _("Wat kunt u goed?"), _("Bijvoorbeeld luisteren of verslagen schrijven.")
    )

    def clean_kvk_number(self):
        return self.cleaned_data["kvk_number"].replace(" ", "")

    def clean(self):
        cleaned = super().clean()
        messages = {
            "kvk_required": _("U kiest voor zzp. Vul dan uw KvK-nummer in."),
            "kvk_format": _("Een KvK-nummer heeft 8 cijfers."),
            "charity_required": _("U kiest voor een gift. Vul dan de naam van het goede doel in."),
        }
        problems = rules.work_and_reward_problems(
            work_form=cleaned.get("work_form", ""),
            kvk_number=cleaned.get("kvk_number", ""),
            reward_form=cleaned.get("reward_form", ""),
            donation_charity=cleaned.get("donation_charity", ""),
        )
        for field, code in problems.items():
            self.add_error(field, messages[code])
        return cleaned

    @staticmethod
    def initial_for(profile: ExpertProfile) -> dict:
        return {
            "wanted_roles": list(profile.wanted_roles.all()),
            "relational_roles": list(profile.relational_roles.all()),
            "wanted_settings": list(profile.wanted_settings.all()),
            "unwanted": list(profile.unwanted.all()),
            "does_not_want_note": profile.does_not_want_note,
            "work_form": profile.work_form,
            "kvk_number": profile.kvk_number,
            "vat_kor": profile.vat_kor,
            "reward_form": profile.reward_form,
            "donation_charity": profile.donation_charity,
            "represents": profile.represents,
            "professional_background": profile.professional_background,
            "quality_personality": profile.quality_personality,
            "quality_knowledge": profile.quality_knowledge,
            "quality_attitude": profile.quality_attitude,
            "quality_skills": profile.quality_skills,
            "generic_skills": list(profile.generic_skills.all()),
        }

    def changes(self) -> dict:
        changes = dict(self.cleaned_data)
        if changes["work_form"] != WorkForm.ZZP:
            changes["kvk_number"] = ""
            changes["vat_kor"] = False
        if changes["reward_form"] != RewardForm.DONATION:
            changes["donation_charity"] = ""
        return changes


class PracticalForm(forms.Form):
    """Stap 4: Praktisch."""

    hours_per_week = _number(
        _("Hoeveel uur per week wilt u werken?"), 0, 60, _("Kies een aantal uren van 0 tot en met 60.")
    )
    available_days = forms.TypedMultipleChoiceField(
        label=_("Op welke dagen kunt u?"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat heeft u nodig om mee te doen?"),
        choices=Need.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs_note = forms.CharField(
        label=_("Wat heeft u nog meer nodig? In uw eigen woorden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    benefit_situation = forms.ChoiceField(
        label=_("Heeft u een uitkering?"),
        choices=[*BenefitSituation.choices, NOT_SAY],
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Dit vragen we zodat een vergoeding uw uitkering niet in gevaar brengt. In stap 5 kiest u wie dit ziet."
        ),
    )
    bijstand_exemption = forms.ChoiceField(
        label=_("Heeft u bijstand en bent u 27 of ouder? Welke vrijlating geldt voor u?"),
        choices=[("", _("Weet ik niet of geen bijstand")), *BijstandExemption.choices],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Uw gemeente zegt welke vrijlating u heeft. Weet u het niet? Dan rekenen we met de gewone."),
    )

    @staticmethod
    def initial_for(profile: ExpertProfile) -> dict:
        return {
            "hours_per_week": profile.hours_per_week,
            "available_days": profile.day_list,
            "needs": json.loads(profile.needs) if profile.needs else [],
            "needs_note": profile.needs_note,
            "benefit_situation": profile.benefit_situation,
            "bijstand_exemption": profile.bijstand_exemption,
        }

    def changes(self) -> dict:
        changes = dict(self.cleaned_data)
        changes["available_days"] = rules.days_to_mask(changes["available_days"])
        changes["needs"] = list(changes["needs"])
        return changes


class VisibilityForm(forms.Form):
    """Stap 5: Wie ziet wat. Per gegeven, en per ervaringsgebied apart."""

    consent_matching = forms.BooleanField(
        label=_("Ik wil voorgesteld worden voor opdrachten"),
        required=False,
        help_text=_("Uit: coördinatoren stellen u niet voor. U kunt dit altijd weer aanzetten."),
    )

    def __init__(self, *args, profile: ExpertProfile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.experiences = resolve_areas(profile.experiences.select_related("area"))
        self.item_names = []
        for item in ITEM_FIELDS:
            minimum = rules.MINIMUM_AUDIENCE.get(item, 0)
            name = f"vis_{item}"
            self.fields[name] = forms.TypedChoiceField(
                label=ITEM_LABELS[item],
                choices=[c for c in Audience.choices if c[0] >= minimum],
                coerce=int,
                error_messages={"required": _("Kies wie dit mag zien."), "invalid_choice": _("Kies wie dit mag zien.")},
            )
            self.item_names.append(name)
        self.experience_names = []
        for experience in self.experiences:
            name = f"exp_{experience.area_term_id}"
            self.fields[name] = forms.TypedChoiceField(
                label=_("Ervaring: %(area)s") % {"area": experience.area_term.label},
                choices=Audience.choices,
                coerce=int,
                error_messages={"required": _("Kies wie dit mag zien."), "invalid_choice": _("Kies wie dit mag zien.")},
            )
            self.experience_names.append(name)
        self.order_fields([*self.experience_names, *self.item_names, "consent_matching"])

    def item_fields(self):
        return [self[name] for name in self.item_names]

    def experience_fields(self):
        return [self[name] for name in self.experience_names]

    @staticmethod
    def initial_for(profile: ExpertProfile) -> dict:
        initial = {f"vis_{item}": getattr(profile, column) for item, column in ITEM_FIELDS.items()}
        initial.update({f"exp_{e.area_term_id}": e.visibility for e in profile.experiences.all()})
        initial["consent_matching"] = profile.consent_matching if profile.consent_recorded_at else True
        return initial

    def items(self) -> dict:
        return {item: self.cleaned_data[f"vis_{item}"] for item in ITEM_FIELDS}

    def experience_choices(self) -> dict:
        return {e.area_term.code: self.cleaned_data[f"exp_{e.area_term_id}"] for e in self.experiences}


# --- profile page: pause, periods, training, competences --------------------------------------


class PauseForm(forms.Form):
    until = _date(
        _("Tot wanneer? (mag leeg blijven)"),
        help_text=_("U hoeft niet te zeggen waarom. Een pauze telt nergens tegen u."),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until and until < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        return until


class UnavailableForm(forms.Form):
    start = _date(_("Van"), required=True)
    end = _date(_("Tot en met"), required=True)
    note = forms.CharField(
        label=_("Notitie (alleen voor uzelf)"), max_length=200, required=False, help_text=_("Anderen zien dit nooit.")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de begindatum."))
        return cleaned


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=TrainingKind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Naam"), max_length=200, error_messages={"required": _("Vul de naam in.")})
    provider = forms.CharField(label=_("Gegeven door"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=TrainingStatus.choices, initial=TrainingStatus.COMPLETED)
    qualification_level = forms.ChoiceField(
        label=_("Niveau"),
        choices=QualificationLevel.choices,
        required=False,
        help_text=_("Het niveau van de opleiding. EVC kiest u hierboven bij soort."),
    )
    completed_on = _date(_("Afgerond op"))
    valid_until = _date(_("Geldig tot"), help_text=_("Bijvoorbeeld voor een registratie in een beroepsregister."))
    evidence = forms.FileField(
        label=_("Bewijs (pdf, jpg of png, hoogstens 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
        error_messages={"invalid": _("Dit bestand kunnen we niet lezen. Kies een pdf, jpg of png.")},
    )

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        verdict = uploads.check("evidence", upload.name, upload, upload.size)
        messages = {
            uploads.TYPE: _("Dit soort bestand kan niet. Kies een pdf, jpg of png."),
            uploads.EMPTY: _("Dit bestand is leeg."),
            uploads.TOO_LARGE: _("Dit bestand is te groot. Het mag hoogstens 5 MB zijn."),
            uploads.CONTENT: _("Dit bestand is geen echte pdf, jpg of png. Kies een ander bestand."),
        }
        if not verdict.ok:
            raise forms.ValidationError(messages[verdict.problem])
        return upload

    def clean(self):
        cleaned = super().clean()
        done, until = cleaned.get("completed_on"), cleaned.get("valid_until")
        if done and until and until < done:
            self.add_error("valid_until", _("Deze datum ligt vóór de datum van afronden."))
        return cleaned


class CompetenceForm(forms.Form):
    competence = forms.ModelChoiceField(
        queryset=_terms("competence"),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Welke competentie heeft u, vindt u zelf?"),
        error_messages={"required": _("Kies een competentie.")},
    )

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = _terms("competence").exclude(pk__in=list(taken))
        self.fields["competence"].label_from_instance = plain.label_with_explanation


# --- assisted sign-up --------------------------------------------------------------------------


class AssistedSignupForm(forms.Form):
    full_name = forms.CharField(
        label=_("Naam van de persoon"), max_length=200, error_messages={"required": _("Vul een naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres van de persoon (mag leeg blijven)"),
        required=False,
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    invite = forms.BooleanField(
        label=_("Stuur de persoon een e-mail om zelf een wachtwoord te kiezen"),
        required=False,
        help_text=_("Zonder wachtwoord kan de persoon niet inloggen. U houdt het profiel dan bij."),
    )
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Organisatie"), empty_label=None, error_messages={"required": _("Kies een organisatie.")}
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("invite") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul een e-mailadres in als de persoon een e-mail moet krijgen."))
        return cleaned


class BankForm(forms.Form):
    """IBAN and account holder. A coordinator never sees the whole IBAN: the field starts empty for them."""

    iban = forms.CharField(
        label=_("IBAN"),
        max_length=42,
        required=False,
        help_text=_("Het nummer van uw bankrekening, bijvoorbeeld NL91 ABNA 0417 1643 00. Spaties mogen."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    account_holder = forms.CharField(
        label=_("Naam van de rekeninghouder"),
        max_length=100,
        required=False,
        help_text=_("Zoals de naam bij de bank staat."),
    )


# --- one validation path for single-field changes (the API) -----------------------------------

# The wizard step that asks for each field an API client may change on its own.
STEP_FORM_FOR_FIELD = {
    "phone": AboutForm,
    "postcode": AboutForm,
    "travel_radius_km": AboutForm,
    "work_form": WishesForm,
    "kvk_number": WishesForm,
    "vat_kor": WishesForm,
    "reward_form": WishesForm,
    "donation_charity": WishesForm,
    "hours_per_week": PracticalForm,
}


def _as_data(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return value


def validated_changes(profile: ExpertProfile, changes: dict) -> dict:
    """Check changes with the wizard form that asks for those fields, so the API accepts exactly
    what the wizard accepts (and cleans it the same way). The other fields of that step keep their
    current values; problems there are the service's to report. Raises ValidationError per field."""
    cleaned, errors = {}, {}
    for form_class in dict.fromkeys(STEP_FORM_FOR_FIELD[field] for field in changes if field in STEP_FORM_FOR_FIELD):
        fields = [field for field in changes if STEP_FORM_FOR_FIELD.get(field) is form_class]
        initial = (
            form_class.initial_for(profile, profile.user)
            if form_class is AboutForm
            else form_class.initial_for(profile)
        )
        data = QueryDict(mutable=True)
        for name, value in {**initial, **{field: changes[field] for field in fields}}.items():
            value = _as_data(value)
            if isinstance(value, list):
                data.setlist(name, [str(v) for v in value])
            else:
                data[name] = str(value) if not isinstance(value, str) else value
        form = form_class(data)
        form.is_valid()
        for field in fields:
            if field in form.errors:
                errors[field] = list(form.errors[field])
            else:
                cleaned[field] = form.cleaned_data[field]
    if errors:
        raise ValidationError(errors)
    return {**changes, **cleaned}
