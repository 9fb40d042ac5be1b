from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.support.forms import DATE, _NonceForm
from inzet.support.models import GoalKind, GoalStatus, MentorTalk, PlanTemplate
from inzet.support.rules import MAX_OFFSET_DAYS

# The fields of a plan and of a goal that the pages and the API fill from these forms.
PLAN_FIELDS = (
    "want_to_get",
    "want_to_give",
    "dreams",
    "needs",
    "next_review_on",
    "shared_with_coordinators",
    "shared_with_mentors",
)
GOAL_FIELDS = ("title", "kind", "target_on", "status", "actions", "support_wanted")

TEXT = {"rows": 3}


class PlanStartForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Begin met"),
        queryset=PlanTemplate.objects.none(),
        required=False,
        empty_label=_("Een leeg plan"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class PlanForm(forms.Form):
    want_to_get = forms.CharField(
        label=_("Wat wil ik halen?"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Wat wilt u leren of ervaren?"),
    )
    want_to_give = forms.CharField(
        label=_("Wat wil ik brengen?"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Wat wilt u anderen geven met uw ervaring?"),
    )
    dreams = forms.CharField(
        label=_("Mijn dromen"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Bijvoorbeeld: ooit betaald werk als ervaringsdeskundige."),
    )
    needs = forms.CharField(label=_("Wat heb ik nodig?"), required=False, widget=forms.Textarea(attrs=TEXT))
    next_review_on = forms.DateField(label=_("Volgende bespreking"), required=False, widget=DATE)
    shared_with_coordinators = forms.BooleanField(label=_("Coördinatoren mogen mijn groeiplan lezen"), required=False)
    shared_with_mentors = forms.BooleanField(label=_("Mentoren en trainers mogen mijn groeiplan lezen"), required=False)


class GoalForm(_NonceForm):
    title = forms.CharField(label=_("Doel"), max_length=300)
    kind = forms.ChoiceField(label=_("Soort doel"), choices=GoalKind.choices)
    target_on = forms.DateField(label=_("Klaar op (mag leeg blijven)"), required=False, widget=DATE)
    status = forms.ChoiceField(label=_("Hoe staat het ervoor?"), choices=GoalStatus.choices)
    actions = forms.CharField(label=_("Wat ga ik doen?"), required=False, widget=forms.Textarea(attrs=TEXT))
    support_wanted = forms.CharField(
        label=_("Welke steun wil ik daarbij?"), required=False, widget=forms.Textarea(attrs=TEXT)
    )


class ReviewForm(_NonceForm):
    reviewed_on = forms.DateField(label=_("Besproken op"), widget=DATE)
    talk = forms.ModelChoiceField(
        label=_("In welk mentorgesprek? (mag leeg blijven)"),
        queryset=MentorTalk.objects.none(),
        required=False,
        empty_label=_("Niet in een mentorgesprek"),
    )
    notes = forms.CharField(label=_("Wat spraken we af?"), required=False, widget=forms.Textarea(attrs=TEXT))
    next_review_on = forms.DateField(label=_("Volgende bespreking"), required=False, widget=DATE)

    def __init__(self, *args, talks, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("reviewed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["talk"].queryset = talks
        self.fields["talk"].label_from_instance = lambda t: f"{t.held_on:%d-%m-%Y} – {t.goal}"


class TemplateForm(_NonceForm):
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None)
    name = forms.CharField(label=_("Naam"), max_length=150)
    description = forms.CharField(label=_("Uitleg"), required=False, widget=forms.Textarea(attrs=TEXT))
    review_after_days = forms.IntegerField(
        label=_("Eerste bespreking na (dagen)"), min_value=7, max_value=365, initial=90
    )
    is_active = forms.BooleanField(label=_("Ervaringsdeskundigen kunnen dit sjabloon kiezen"), required=False)

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("is_active", True)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class TemplateGoalForm(forms.Form):
    title = forms.CharField(label=_("Doel"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Soort doel"), choices=GoalKind.choices, initial=GoalKind.GET)
    due_after_days = forms.IntegerField(
        label=_("Klaar na (dagen)"), min_value=0, max_value=MAX_OFFSET_DAYS, initial=90, required=False
    )


TemplateGoalFormSet = forms.formset_factory(TemplateGoalForm, extra=3, max_num=30, absolute_max=30)
