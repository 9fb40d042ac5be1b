from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.lib import uploads
from inzet.recruitment.models import (
    Channel,
    Decision,
    IntroTalk,
    PreferredContact,
    RecruitmentPage,
    ShadowEvaluation,
    ShadowKind,
    ShadowOutcome,
)
from inzet.recruitment.services import DEFAULT_STAGES, PAGE_FIELDS, StageSpec, file_problem_message

HONEYPOT = "website_url"  # hidden from people; bots fill it in

FILE_HELP = _(
    "Niet verplicht. Een geluidsopname (mp3, m4a, ogg, wav) of video (mp4, webm, mov) tot 50 MB, "
    "of een document (pdf, docx, odt, txt) tot 10 MB."
)
CONSENT_HELP = _(
    "Wij bewaren uw gegevens alleen om uw aanmelding te bekijken en met u in gesprek te gaan. "
    "Alleen de coördinatoren en trainers van deze organisatie zien ze. Uw motivatie bewaren we versleuteld. "
    "Wordt u geen ervaringsdeskundige bij ons, of stopt u? Dan wissen we alles na een jaar. "
    "U kunt ons altijd vragen om uw gegevens eerder te wissen."
)


class ApplicationForm(forms.Form):
    """The public application form. Motivation in any form: text, a file, or in a talk."""

    full_name = forms.CharField(label=_("Uw naam"), max_length=200, error_messages={"required": _("Vul uw naam in.")})
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        error_messages={"required": _("Vul uw e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")},
    )
    phone = forms.CharField(label=_("Uw telefoonnummer"), max_length=30, required=False, help_text=_("Niet verplicht."))
    preferred_contact = forms.ChoiceField(
        label=_("Hoe wilt u dat wij contact met u opnemen?"),
        choices=PreferredContact.choices,
        initial=PreferredContact.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe wij contact met u opnemen.")},
    )
    channel = forms.ChoiceField(
        label=_("Hoe heeft u over ons gehoord?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u over ons hoorde.")},
    )
    channel_other = forms.CharField(
        label=_("Welke organisatie, of hoe anders?"), max_length=200, required=False, help_text=_("Niet verplicht.")
    )
    motivation_text = forms.CharField(
        label=_("Waarom wilt u ervaringsdeskundige bij ons worden?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schrijf het hier op, stuur een bestand, of vertel het liever in een gesprek. Alles mag."),
    )
    motivation_file = forms.FileField(label=_("Uw motivatie als bestand"), required=False, help_text=FILE_HELP)
    motivation_in_talk = forms.BooleanField(label=_("Ik vertel mijn motivatie liever in een gesprek"), required=False)
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn gegevens hiervoor te bewaren"),
        help_text=CONSENT_HELP,
        error_messages={"required": _("Zonder toestemming kunnen we uw aanmelding niet bewaren.")},
    )

    channel_choices = [c for c in Channel.choices if c[0] != Channel.COORDINATOR]

    def __init__(self, *args, check_honeypot: bool = True, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.check_honeypot = check_honeypot
        self.fields["channel"].choices = self.channel_choices
        # The organisation's own questions, after the motivation and before the consent.
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text,
                required=question.required,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=question.help_text or ("" if question.required else _("Niet verplicht.")),
                error_messages={"required": _("Geef antwoord op deze vraag.")},
            )
        self.order_fields([*(name for name in self.fields if name != "consent"), "consent"])

    def clean_motivation_file(self):
        upload = self.cleaned_data.get("motivation_file")
        if upload:
            verdict = uploads.check("motivation", upload.name, upload, upload.size)
            if not verdict.ok:
                raise forms.ValidationError(file_problem_message(verdict.problem, verdict.family))
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.check_honeypot and self.data.get(HONEYPOT):
            raise forms.ValidationError(
                _("Uw aanmelding is niet verstuurd. Laat het verborgen veld leeg, of neem contact met ons op.")
            )
        has_file = cleaned.get("motivation_file") or "motivation_file" in self.errors
        if not (cleaned.get("motivation_text", "").strip() or has_file or cleaned.get("motivation_in_talk")):
            self.add_error(
                "motivation_text",
                _("Vertel iets over uw motivatie: schrijf het op, stuur een bestand of kies een gesprek."),
            )
        cleaned["answers"] = {q.pk: cleaned.pop(f"question_{q.pk}", "") or "" for q in self.questions}
        return cleaned

    def ask_to_choose_file_again(self) -> None:
        """Browsers cannot keep a chosen file: say so when the rest of the form has errors."""
        if self.errors and self.cleaned_data.get("motivation_file") and "motivation_file" not in self.errors:
            self.add_error("motivation_file", _("Kies uw bestand opnieuw. Dat moet na een foutmelding."))


class EnterOnBehalfForm(ApplicationForm):
    """A coordinator enters an application for someone; e-mail is optional here."""

    channel_choices = Channel.choices

    motivation_transcript = forms.CharField(
        label=_("Uitgeschreven tekst of notities bij het bestand"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Niet verplicht. Bij geluid of video: schrijf op wat de persoon vertelt. Zo kan iedereen het lezen."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs["check_honeypot"] = False
        super().__init__(*args, **kwargs)
        self.fields["full_name"].label = _("Naam")
        self.fields["email"].label = _("E-mailadres")
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Niet verplicht. Nodig om later een account te maken.")
        self.fields["phone"].label = _("Telefoonnummer")
        self.fields["preferred_contact"].label = _("Hoe wil de persoon contact?")
        self.fields["preferred_contact"].initial = PreferredContact.PHONE
        self.fields["channel"].label = _("Hoe hoorde de persoon over ons?")
        self.fields["channel"].initial = Channel.COORDINATOR
        self.fields["motivation_text"].label = _("Motivatie, zoals de persoon die vertelde")
        self.fields["motivation_text"].help_text = _("Schrijf op wat de persoon vertelde, in zijn of haar woorden.")
        self.fields["motivation_file"].label = _("Motivatie als bestand")
        self.fields["motivation_in_talk"].label = _("De persoon vertelt de motivatie in een gesprek")
        self.fields["consent"].label = _("De persoon geeft toestemming om deze gegevens te bewaren")
        self.fields["consent"].help_text = _(
            "Lees dit voor: wij bewaren de gegevens alleen voor de selectie. Alleen coördinatoren en trainers "
            "zien ze. Stopt de selectie, dan wissen we alles na een jaar."
        )
        self.fields["consent"].error_messages["required"] = _("Vraag eerst toestemming aan de persoon.")
        self.order_fields([*(name for name in self.fields if name not in ("consent",)), "consent"])


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect, error_messages={"required": _("Kies een besluit.")}
    )
    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("De dag van het gesprek of de stap."),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in, zoals 15-03-2026.")},
    )
    notes = forms.CharField(
        label=_("Notities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Alleen voor coördinatoren en trainers. Bijvoorbeeld: hoe ver is iemand in het eigen herstel?"),
    )
    message = forms.CharField(
        label=_("Bericht aan de aanmelder"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht. Dit komt in de e-mail die de aanmelder krijgt."),
    )

    def __init__(self, *args, allowed: list[str], ask_email: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [(value, label) for value, label in Decision.choices if value in allowed]
        self.fields["date"].initial = timezone.localdate()
        self.ask_email = ask_email
        if ask_email:
            self.fields["email"] = forms.EmailField(
                label=_("E-mailadres van de aanmelder"),
                required=False,
                help_text=_("Nodig als de persoon deze laatste stap haalt: dan maken we een account."),
                error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
            )

    def clean(self):
        cleaned = super().clean()
        if self.ask_email and cleaned.get("decision") == Decision.PASSED and not cleaned.get("email"):
            self.add_error("email", _("Vul een e-mailadres in. Dat is nodig om een account te maken."))
        return cleaned


class TranscriptForm(forms.Form):
    transcript = forms.CharField(
        label=_("Uitgeschreven tekst of notities bij het bestand"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Schrijf op wat er in de opname gezegd wordt. Zo kan iedereen het lezen."),
    )


class RecruitmentPageForm(forms.ModelForm):
    class Meta:
        model = RecruitmentPage
        fields = list(PAGE_FIELDS)
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 3}),
            "intro": forms.Textarea(attrs={"rows": 4}),
            "activities": forms.Textarea(attrs={"rows": 4}),
            "requirements": forms.Textarea(attrs={"rows": 4}),
            "compensation": forms.Textarea(attrs={"rows": 3}),
        }


class StageForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Naam van de stap"), max_length=100, required=False)
    can_skip = forms.BooleanField(label=_("Mag overgeslagen worden"), required=False)


class BaseStageFormSet(forms.BaseFormSet):
    """The stages as one table: rename, tick, renumber to reorder, tick to remove, fill in the empty row to add."""

    def __init__(self, *args, in_use: set[int] = frozenset(), **kwargs):
        self.in_use = in_use
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Plaats")
        form.fields["ORDER"].widget.attrs.update({"min": "1", "size": "3"})
        form.fields["DELETE"].label = _("Weghalen")
        stage_id = form.initial.get("id") if form.initial else None
        if stage_id in self.in_use:
            form.fields["DELETE"].disabled = True

    def specs(self) -> list[StageSpec]:
        """The stages in their new order. A new stage without a place goes before the last one,
        so that passing the last stage still makes someone an expert."""
        specs, unplaced = [], []
        for form in self.ordered_forms:
            data = form.cleaned_data
            if not (data.get("name", "").strip() or data.get("id")):
                continue
            spec = StageSpec(name=data["name"], can_skip=data["can_skip"], pk=data["id"])
            (unplaced if data["id"] is None and data.get("ORDER") is None else specs).append(spec)
        specs[-1:-1] = unplaced
        return specs

    def clean(self):
        if any(self.errors):
            return
        kept = 0
        for form in self.forms:
            data = form.cleaned_data
            if not data or self._should_delete_form(form):
                continue
            if data.get("id") and not data.get("name", "").strip():
                form.add_error("name", _("Geef deze stap een naam."))
            if data.get("name", "").strip():
                kept += 1
        if kept == 0:
            raise forms.ValidationError(_("Houd minstens één stap over."))


def stage_initial(stages) -> list[dict]:
    """The current stages for the form, or the default set when the organisation has none yet."""
    if stages:
        return [{"id": s.pk, "name": s.name, "can_skip": s.can_skip, "ORDER": i + 1} for i, s in enumerate(stages)]
    return [
        {"name": str(name), "can_skip": can_skip, "ORDER": i + 1}
        for i, (_code, name, can_skip) in enumerate(DEFAULT_STAGES)
    ]


StageFormSet = formset_factory(StageForm, formset=BaseStageFormSet, extra=1, can_order=True, can_delete=True)


# --- the organisation's own questions, the intro talk, shadowing -----------------------------------

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"required": _("Vul een datum in."), "invalid": _("Vul een datum in, zoals 15-03-2026.")}


class QuestionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Vraag"), max_length=300, required=False)
    help_text = forms.CharField(label=_("Uitleg bij de vraag"), max_length=300, required=False)
    required = forms.BooleanField(label=_("Verplicht"), required=False)
    is_active = forms.BooleanField(label=_("Op het formulier"), required=False, initial=True)


class BaseQuestionFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Plaats")
        form.fields["ORDER"].widget.attrs.update({"min": "1", "size": "3"})

    def clean(self):
        if any(self.errors):
            return
        for form in self.forms:
            data = form.cleaned_data
            if data.get("id") and not data.get("text", "").strip():
                form.add_error("text", _("Schrijf de vraag op, of haal het vinkje bij “Op het formulier” weg."))

    def specs(self):
        from inzet.recruitment.selection import QuestionSpec

        return [
            QuestionSpec(
                text=form.cleaned_data["text"],
                help_text=form.cleaned_data["help_text"],
                required=form.cleaned_data["required"],
                is_active=form.cleaned_data["is_active"],
                pk=form.cleaned_data["id"],
            )
            for form in self.ordered_forms
            if form.cleaned_data.get("text", "").strip() or form.cleaned_data.get("id")
        ]


QuestionFormSet = formset_factory(QuestionForm, formset=BaseQuestionFormSet, extra=2, can_order=True)


def question_initial(questions) -> list[dict]:
    return [
        {
            "id": q.pk,
            "text": q.text,
            "help_text": q.help_text,
            "required": q.required,
            "is_active": q.is_active,
            "ORDER": i + 1,
        }
        for i, q in enumerate(questions)
    ]


class IntroTalkForm(forms.ModelForm):
    class Meta:
        model = IntroTalk
        fields = ["date", "recovery", "distance", "self_insight", "learning_goals"]
        widgets = {
            "date": DATE_WIDGET,
            "recovery": forms.Textarea(attrs={"rows": 3}),
            "distance": forms.Textarea(attrs={"rows": 3}),
            "self_insight": forms.Textarea(attrs={"rows": 3}),
            "learning_goals": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "recovery": _("Hoe gaat het nu met de persoon? Is er genoeg ruimte voor dit werk?"),
            "distance": _("Kan de persoon over de eigen ervaring vertellen zonder er weer middenin te zitten?"),
            "self_insight": _("Wat weet de persoon over zichzelf? Waar liggen de grenzen?"),
            "learning_goals": _("Wat wil de persoon leren, en wat willen wij leren? Dat helpt bij verwachtingen."),
        }
        error_messages = {"date": DATE_ERRORS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("date"):
            # Not fields["date"].initial: the unsaved instance's empty date sits in self.initial and wins,
            # which left the date box empty and refused the first save with "Vul een datum in.".
            self.initial["date"] = timezone.localdate()


class ShadowDayForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    kind = forms.ChoiceField(
        label=_("Soort"), choices=ShadowKind.choices, initial=ShadowKind.DAY, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label=_("Notities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Niet verplicht. Alleen voor coördinatoren en trainers."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class ShadowEvaluationForm(forms.ModelForm):
    class Meta:
        model = ShadowEvaluation
        fields = ["date", "applicant_view", "organisation_view", "outcome"]
        widgets = {
            "date": DATE_WIDGET,
            "applicant_view": forms.Textarea(attrs={"rows": 3}),
            "organisation_view": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.RadioSelect,
        }
        error_messages = {"date": DATE_ERRORS, "outcome": {"required": _("Kies wat u samen besluit.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = ShadowOutcome.choices
        if not self.instance.pk and not self.initial.get("date"):
            # Not fields["date"].initial: the unsaved instance's empty date sits in self.initial and wins,
            # which left the date box empty and refused the first save with "Vul een datum in.".
            self.initial["date"] = timezone.localdate()
