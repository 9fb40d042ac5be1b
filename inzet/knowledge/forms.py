"""Forms of the toolkit editor, the readiness checklist and the helpdesk. Writes go through services."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from inzet.knowledge import readiness
from inzet.knowledge.labels import ANSWER_CHOICES, QUESTION_TEXT
from inzet.knowledge.models import Article, MediaItem
from inzet.lib import uploads
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import Term

HONEYPOT = "website_url"  # hidden from people; bots fill it in
# Media reuse the checks of the "motivation" use (audio and video by extension and content) and
# refuse its document kinds here.
MEDIA_USE = "motivation"
MEDIA_FAMILIES = ("audio", "video")
MEDIA_ACCEPT = ",".join(
    f".{ext}"
    for kind in uploads.USES[MEDIA_USE].kinds
    if uploads.KINDS[kind].family in MEDIA_FAMILIES
    for ext in uploads.KINDS[kind].extensions
)


def _text(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek in de kennisbank"), required=False, max_length=200)
    category = forms.ChoiceField(label=_("Onderwerp"), required=False)
    audience = forms.ChoiceField(
        label=_("Voor wie"),
        required=False,
        choices=[
            ("", _("Iedereen")),
            ("asker", _("Vragers")),
            ("expert", _("Ervaringsdeskundigen")),
            ("coordinator", _("Coördinatoren")),
        ],
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Alle onderwerpen"))] + [(c.slug, c.label) for c in categories]


class ArticleForm(forms.ModelForm):
    sources_text = forms.CharField(
        label=_("Bronnen"),
        required=False,
        widget=_text(4),
        help_text=_(
            "Eén bron per regel: titel | adres. Bijvoorbeeld: Vrijwilligersvergoeding | https://www.belastingdienst.nl/…"
        ),
    )
    note = forms.CharField(label=_("Wat is er veranderd?"), required=False, max_length=200)

    class Meta:
        model = Article
        fields = [
            "title",
            "title_en",
            "slug",
            "kind",
            "category",
            "summary",
            "summary_en",
            "body",
            "body_en",
            "for_askers",
            "for_experts",
            "for_coordinators",
            "unanswered",
            "related",
            "published",
        ]
        widgets = {
            "summary": _text(3),
            "summary_en": _text(3),
            "body": _text(14),
            "body_en": _text(14),
            "related": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "slug": _("Het laatste deel van het adres van de pagina, bijvoorbeeld eerlijk-betalen."),
            "body": _(
                "Gewone taal (B1). Een lege regel begint een nieuwe alinea. Een regel met '- ' is een "
                "opsomming, '1. ' een genummerde lijst, '## ' een tussenkop. Link: [tekst](https://…)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        related = Article.objects.order_by("title")
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
            self.fields["sources_text"].initial = "\n".join(f"{s.title} | {s.url}" for s in self.instance.sources.all())
        self.fields["related"].queryset = related
        self.fields["related"].required = False

    def clean_sources_text(self) -> list[tuple[str, str]]:
        sources = []
        check = URLValidator(schemes=["https", "http"])
        for number, line in enumerate(self.cleaned_data["sources_text"].splitlines(), start=1):
            if not line.strip():
                continue
            title, _sep, url = line.rpartition("|")
            title, url = title.strip(), url.strip()
            try:
                check(url)
            except ValidationError:
                raise ValidationError(
                    _("Regel %(n)s: schrijf de bron als 'titel | https://adres'.") % {"n": number}
                ) from None
            sources.append((title or url, url))
        return sources

    def _post_clean(self):
        # The service validates and saves; the form only checks its own fields.
        pass

    def article_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields and k != "related"}


class MediaForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort"), choices=MediaItem.Kind.choices)
    url = forms.URLField(
        label=_("Link naar de video of het geluid"),
        required=False,
        assume_scheme="https",
        help_text=_("Of kies hieronder een bestand."),
    )
    file = forms.FileField(
        label=_("Bestand"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": MEDIA_ACCEPT}),
        help_text=_("Geluid (mp3, m4a, ogg, wav) of video (mp4, webm, mov), hoogstens 50 MB."),
    )
    transcript = forms.CharField(
        label=_("Uitgeschreven tekst"),
        widget=_text(8),
        help_text=_("Verplicht: schrijf op wat er gezegd en getoond wordt. Zo kan iedereen het volgen."),
        error_messages={"required": _("Schrijf uit wat er gezegd wordt. Zo kan iedereen het volgen.")},
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            verdict = uploads.check(MEDIA_USE, upload.name, upload, upload.size)
            if verdict.ok and verdict.family not in MEDIA_FAMILIES:
                raise ValidationError(_("Kies geluid (mp3, m4a, ogg, wav) of video (mp4, webm, mov)."))
            if not verdict.ok:
                if verdict.problem == uploads.TOO_LARGE:
                    raise ValidationError(_("Dit bestand is te groot. Het mag hoogstens 50 MB zijn."))
                if verdict.problem == uploads.TYPE:
                    raise ValidationError(_("Kies geluid (mp3, m4a, ogg, wav) of video (mp4, webm, mov)."))
                raise ValidationError(_("Dit bestand is niet wat de naam zegt. Kies een ander bestand."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("url")) == bool(cleaned.get("file")) and not self.errors.get("file"):
            raise ValidationError(_("Geef een link óf kies een bestand (één van de twee)."))
        return cleaned


class ReadinessForm(forms.Form):
    """One choice and one note per question, then the UN-treaty areas ("Wat moet ik doen om…")."""

    treaty_areas = forms.ModelMultipleChoiceField(
        label=_("Over welke thema's uit het VN-verdrag gaat uw vraag?"),
        queryset=Term.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zo ziet u wat u moet regelen, bijvoorbeeld een toegankelijke plek of vervoer."),
    )
    treaty_note = forms.CharField(
        label=_("Wat moet u doen om iedereen mee te laten doen?"),
        required=False,
        max_length=2000,
        widget=_text(3),
        help_text=_("Bijvoorbeeld: een rolstoeltoegankelijke zaal, een tolk gebarentaal, stukken in eenvoudige taal."),
    )

    def __init__(self, *args, checklist=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["treaty_areas"].queryset = Term.objects.of("treaty_area")
        answers = checklist.answers if checklist else {}
        fields = {}
        for code in readiness.CODES:
            label, help_text = QUESTION_TEXT[code]
            fields[f"{code}_answer"] = forms.ChoiceField(
                label=label,
                help_text=help_text,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                initial=answers.get(code, {}).get("answer"),
                error_messages={"required": _("Kies een antwoord. 'Weet ik niet' mag ook.")},
            )
            fields[f"{code}_note"] = forms.CharField(
                label=_("Toelichting (niet verplicht)"),
                required=False,
                max_length=1000,
                widget=_text(2),
                initial=answers.get(code, {}).get("note", ""),
            )
        self.fields = {**fields, **self.fields}
        if checklist is not None:
            self.fields["treaty_areas"].initial = [t.pk for t in checklist.treaty_areas.all()]
            self.fields["treaty_note"].initial = checklist.treaty_note

    def answers(self) -> dict:
        data = self.cleaned_data
        return {code: {"answer": data[f"{code}_answer"], "note": data[f"{code}_note"]} for code in readiness.CODES}


class AskForm(forms.Form):
    """The public helpdesk form: only what the person chooses to type."""

    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=5000,
        widget=_text(6),
        error_messages={"required": _("Schrijf uw vraag op.")},
        help_text=_("Schrijf geen gegevens over uw gezondheid of die van een ander op als dat niet nodig is."),
    )
    name = forms.CharField(label=_("Uw naam (niet verplicht)"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        required=False,
        help_text=_("Alleen nodig als u het antwoord per e-mail wilt krijgen."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na, of laat het leeg.")},
    )
    phone = forms.CharField(
        label=_("Uw telefoonnummer (niet verplicht)"),
        required=False,
        max_length=40,
        help_text=_("Als u liever gebeld wordt."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Aan welke organisatie (niet verplicht)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Weet ik niet"),
    )

    def __init__(self, *args, check_honeypot: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_honeypot = check_honeypot
        self.fields["organisation"].queryset = Organisation.objects.filter(kind=Organisation.Kind.DEPLOYING).order_by(
            "name"
        )

    def clean(self):
        cleaned = super().clean()
        if self.check_honeypot and self.data.get(HONEYPOT):
            raise ValidationError(_("Uw vraag is niet verstuurd. Laat het verborgen veld leeg, of bel ons."))
        return cleaned


class LogQuestionForm(AskForm):
    """A coordinator logs a question that came by phone, at the desk or by mail."""

    channel = forms.ChoiceField(label=_("Hoe kwam de vraag binnen?"), choices=[])

    def __init__(self, *args, **kwargs):
        kwargs["check_honeypot"] = False
        super().__init__(*args, **kwargs)
        from inzet.knowledge.models import HelpdeskQuestion

        self.fields["channel"].choices = [c for c in HelpdeskQuestion.Channel.choices if c[0] != "web"]
        self.fields["question"].label = _("De vraag")
        self.fields["question"].help_text = _("Schrijf de vraag op in de woorden van de persoon. Niet meer dan nodig.")
        del self.fields["organisation"]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Antwoord"), widget=_text(6), error_messages={"required": _("Schrijf een antwoord.")}
    )


class ReferForm(forms.Form):
    article = forms.ModelChoiceField(
        label=_("Pagina uit de kennisbank"), queryset=Article.objects.none(), required=False
    )
    referred_organisation = forms.ModelChoiceField(
        label=_("Organisatie die kan helpen"), queryset=Organisation.objects.none(), required=False
    )
    answer = forms.CharField(label=_("Toelichting (niet verplicht)"), widget=_text(3), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = Article.objects.filter(published=True).order_by("title")
        self.fields["referred_organisation"].queryset = Organisation.objects.exclude(
            kind=Organisation.Kind.PLATFORM
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("article") and not cleaned.get("referred_organisation"):
            raise ValidationError(_("Kies een pagina uit de kennisbank of een organisatie."))
        return cleaned


class ToRequestForm(forms.Form):
    asker_organisation = forms.ModelChoiceField(
        label=_("Voor welke vragende organisatie?"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Kies de organisatie van de vrager.")},
        help_text=_("De vrager vult de vraag daarna zelf aan en verstuurt hem."),
    )
    title = forms.CharField(label=_("Korte titel"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asker_organisation"].queryset = Organisation.objects.filter(kind=Organisation.Kind.ASKER).order_by(
            "name"
        )
