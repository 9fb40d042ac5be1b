"""The five steps of the profile wizard."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.experts import rules
from inzet.experts.disclosure import ITEM_FIELDS
from inzet.experts.forms.fields import NOT_SAY, _number, _term_choices, _terms
from inzet.experts.models import (
    AgeBand,
    Audience,
    BenefitSituation,
    BijstandExemption,
    ExpertProfile,
    Need,
    RewardForm,
    Weekday,
    WorkForm,
    resolve_areas,
)
from inzet.experts.selectors import ITEM_LABELS


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
        label=_("Uw kwaliteiten: persoonlijkheid"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    quality_knowledge = forms.CharField(
        label=_("Uw kwaliteiten: kennis"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    quality_attitude = forms.CharField(
        label=_("Uw kwaliteiten: houding"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    quality_skills = forms.CharField(
        label=_("Uw kwaliteiten: vaardigheden"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
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
        help_text=_(
            "Vrijlating: het deel van wat u verdient dat u mag houden naast de bijstand. Uw gemeente zegt welke vrijlating u heeft. Weet u het niet? Dan rekenen we met de gewone."
        ),
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
