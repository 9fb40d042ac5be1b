import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.neighbourhood.models import Closure, Contact, DropInHour, Partner, Trajectory


class FirstContactForm(forms.Form):
    """One short form: under a minute at a drop-in. Only the channel is needed."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    channel = forms.ChoiceField(label=_("Hoe kwam de bewoner binnen?"), choices=Trajectory.Channel.choices)
    referrer = forms.CharField(label=_("Verwijzer (als die er is)"), required=False, max_length=200)
    question = forms.CharField(
        label=_("De vraag, in de woorden van de bewoner"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    name = forms.CharField(label=_("Naam of roepnaam (niet verplicht)"), required=False, max_length=200)
    reach = forms.CharField(
        label=_("Hoe bereiken we de bewoner? (niet verplicht)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QuestionFormForm(forms.Form):
    """Form 1 on screen: name, date, then per row *Situatie nu* and *Wens voor situatie straks*."""

    name = forms.CharField(label=_("Naam"), required=False, max_length=200)
    filled_on = forms.DateField(
        label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, rows: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for code, label in rows:
            for part, part_label in (("now", _("Situatie nu")), ("wish", _("Wens voor situatie straks"))):
                self.fields[f"{part}_{code}"] = forms.CharField(
                    label=f"{label}: {part_label}",
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def table(self):
        """(label, now field, wish field) per row, for the two-column layout of the paper form."""
        return [(label, self[f"now_{code}"], self[f"wish_{code}"]) for code, label in self.rows]

    def row_values(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {code: (data[f"now_{code}"], data[f"wish_{code}"]) for code, _label in self.rows}


class ContactForm(forms.Form):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(label=_("Telefonisch of live"), choices=Contact.Kind.choices)
    minutes = forms.IntegerField(label=_("Duur in minuten"), required=False, min_value=1, max_value=1440)
    domain = forms.ChoiceField(label=_("Leefgebied"), required=False)
    note = forms.CharField(
        label=_("Korte notitie"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, domains: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", "—"), *domains]


def _text(label, rows=3):
    return forms.CharField(label=label, required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": rows}))


class ClosureForm(forms.ModelForm):
    """Form 3. The contact counts (question 4) come from the log, so they are not typed here."""

    closed_on = forms.DateField(
        label=_("Afgesloten op"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    class Meta:
        model = Closure
        fields = [
            "age",
            "gender",
            "came_in",
            "going_on",
            "how_left",
            "different",
            "reflection",
            *Closure.OUTCOME_FIELDS,
            *Closure.DIFFERENCE_FIELDS,
        ]

    def __init__(self, *args, domains: list[tuple[str, str]], actions: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = domains
        for code, label in domains:
            self.fields[f"action_{code}"] = _text(label, rows=2)
            self.initial.setdefault(f"action_{code}", actions.get(code, ""))

    def before_actions(self):
        return [self[name] for name in ["age", "gender", "came_in", "going_on"]]

    def action_fields(self):
        return [self[f"action_{code}"] for code, _label in self.domains]

    def after_actions(self):
        return [self[name] for name in ["how_left", "different", "reflection"]]

    def difference_fields(self):
        return [self[name] for name in Closure.DIFFERENCE_FIELDS]

    def outcome_fields(self):
        return [self[name] for name in Closure.OUTCOME_FIELDS]

    def actions(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[f"action_{code}"]
            for code, _l in self.domains
            if self.cleaned_data[f"action_{code}"]
        }


class ReviewForm(forms.Form):
    """Form 2 on screen: per life domain the start (from Form 1), the situation now, a grade, why."""

    filled_on = forms.DateField(
        label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, rows: list[tuple[str, str]], wishes: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.wishes = rows, wishes
        grade_choices = [("", "—"), *[(str(g), str(g)) for g in range(1, 11)]]
        for code, label in rows:
            self.fields[f"start_{code}"] = forms.CharField(
                label=f"{label}: {_('Situatie bij de start')}",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"now_{code}"] = forms.CharField(
                label=f"{label}: {_('Situatie nu')}",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"grade_{code}"] = forms.TypedChoiceField(
                label=f"{label}: {_('Rapportcijfer vorderingen')}",
                required=False,
                choices=grade_choices,
                coerce=int,
                empty_value=None,
                error_messages={"invalid_choice": _("Kies een cijfer van 1 tot en met 10.")},
            )
            self.fields[f"explanation_{code}"] = forms.CharField(
                label=f"{label}: {_('Toelichting')}",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def table(self):
        return [
            {
                "label": label,
                "wish": self.wishes.get(code, ""),
                "start": self[f"start_{code}"],
                "now": self[f"now_{code}"],
                "grade": self[f"grade_{code}"],
                "explanation": self[f"explanation_{code}"],
            }
            for code, label in self.rows
        ]

    def row_values(self) -> dict[str, tuple[str, str, int | None, str]]:
        data = self.cleaned_data
        return {
            code: (data[f"start_{code}"], data[f"now_{code}"], data[f"grade_{code}"], data[f"explanation_{code}"])
            for code, _label in self.rows
        }


def make_read_only(form: forms.BaseForm) -> forms.BaseForm:
    """An anonymised trajectory shows its forms without inputs that could change it."""
    for field in form.fields.values():
        field.disabled = True
    return form


NO_CONSENT = _("De bewoner heeft geen toestemming gegeven om met deze partner te delen, of heeft die ingetrokken.")


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "kind", "email"]


class MapPartnerForm(forms.Form):
    """Pick a partner from the social map (the network app's list of organisations)."""

    map_entry = forms.TypedChoiceField(label=_("Kies een organisatie van de sociale kaart"), coerce=int)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["map_entry"].choices = [("", "---------"), *choices]


class ConsentForm(forms.Form):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    partner = forms.ModelChoiceField(label=_("Met wie mag het team delen?"), queryset=Partner.objects.none())
    purpose = forms.CharField(
        label=_("Waarvoor? Wat mag gedeeld worden?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    given_on = forms.DateField(
        label=_("Toestemming gegeven op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(team=team, is_active=True)


class PartnerMessageForm(forms.Form):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    partner = forms.ModelChoiceField(label=_("Aan welke partner?"), queryset=Partner.objects.none())
    text = forms.CharField(label=_("Bericht"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(team=team, is_active=True)


HONEYPOT = "website_url"  # hidden from people; bots fill it in


class ReferralForm(forms.Form):
    """The public referral form for partners: as little as possible, the resident's consent stated."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    partner_name = forms.CharField(label=_("Uw organisatie"), max_length=200)
    partner_kind = forms.ChoiceField(label=_("Soort organisatie"), choices=Partner.Kind.choices)
    referrer_contact = forms.CharField(
        label=_("Uw naam en hoe wij u kunnen bereiken"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    resident_name = forms.CharField(label=_("Naam of roepnaam van de bewoner"), required=False, max_length=200)
    resident_reach = forms.CharField(
        label=_("Hoe bereiken we de bewoner?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    question = forms.CharField(
        label=_("Waar wil de bewoner hulp bij? Kort, in de woorden van de bewoner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Geen diagnoses of medische gegevens: die hebben wij niet nodig."),
    )
    resident_consents = forms.BooleanField(
        label=_("De bewoner weet van deze verwijzing en vindt het goed dat wij deze gegevens krijgen."),
        error_messages={"required": _("Verwijs alleen als de bewoner het weet en het goed vindt.")},
    )

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT):
            raise forms.ValidationError(_("De verwijzing is niet verstuurd. Laat het verborgen veld leeg."))
        if not (cleaned.get("resident_reach", "").strip() or cleaned.get("referrer_contact", "").strip()):
            self.add_error(
                "resident_reach",
                _("Vul in hoe we de bewoner bereiken, of hoe we u bereiken: anders kunnen we niets doen."),
            )
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DropInHourForm(forms.ModelForm):
    class Meta:
        model = DropInHour
        fields = ["place", "address", "weekday", "starts", "ends", "who", "accessibility"]
        widgets = {
            "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("De eindtijd moet na de begintijd liggen."))
        return cleaned
