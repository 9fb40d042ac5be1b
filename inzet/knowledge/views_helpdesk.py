"""The helpdesk (vraagverheldering) and the asker's readiness checklist."""

import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.axes import client_ip
from inzet.accounts.permissions import get_roles
from inzet.knowledge import permissions, readiness, selectors, services
from inzet.knowledge.forms import (
    HONEYPOT,
    AnswerForm,
    AskForm,
    LogQuestionForm,
    ReadinessForm,
    ReferForm,
    ToRequestForm,
)
from inzet.knowledge.labels import ANSWER_LABELS, QUESTION_TEXT
from inzet.knowledge.models import HelpdeskQuestion
from inzet.lib.views import posted, save_form
from inzet.organisations.models import Role

# Spam safety without storing anything about the sender: a honeypot field, at most
# ASK_LIMIT questions per client address per hour (counted in the cache, keyed by a hash, never
# written to the database), and at most ASK_LIMIT_ALL web questions per hour over everyone.
ASK_LIMIT = 5
ASK_LIMIT_ALL = 200
ASK_WINDOW = 3600


def _throttle_key(request: HttpRequest) -> str:
    seed = f"{settings.SECRET_KEY}|{client_ip(request) or 'unknown'}"
    return "knowledge-ask:" + hashlib.sha256(seed.encode()).hexdigest()[:32]


def _too_many(request: HttpRequest) -> bool:
    if cache.get(_throttle_key(request), 0) >= ASK_LIMIT:
        return True
    since = timezone.now() - timezone.timedelta(seconds=ASK_WINDOW)
    recent = HelpdeskQuestion.objects.filter(channel=HelpdeskQuestion.Channel.WEB, created_at__gte=since)
    return recent.count() >= ASK_LIMIT_ALL


def _count_ask(request: HttpRequest) -> None:
    key = _throttle_key(request)
    if cache.add(key, 1, ASK_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, ASK_WINDOW)


# --- public ------------------------------------------------------------------------------------------


def ask(request: HttpRequest) -> HttpResponse:
    form = AskForm(posted(request))
    status = 200
    if request.method == "POST":
        if _too_many(request):
            form.add_error(None, _("U heeft al veel vragen gestuurd. Probeer het over een uur opnieuw, of bel ons."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                question = services.question_ask(
                    question=data["question"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    organisation=data["organisation"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                _count_ask(request)
                # The reference travels in the address, not the session: a retry of the same form
                # must keep the same idempotency scope (a new session would change it).
                return redirect(f"{reverse('knowledge:ask_thanks')}?kenmerk={question.reference}")
    return render(request, "knowledge/ask.html", {"form": form, "honeypot": HONEYPOT}, status=status)


def ask_thanks(request: HttpRequest) -> HttpResponse:
    reference = request.GET.get("kenmerk", "")
    if not re.fullmatch(r"[A-Z0-9]{8}", reference):
        reference = ""
    return render(request, "knowledge/ask_thanks.html", {"reference": reference})


# --- coordinators ------------------------------------------------------------------------------------


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    organisations = permissions.helpdesk_organisations(request.user)
    status = request.GET.get("status", "open")
    questions = permissions.visible_questions(organisations).select_related("organisation")
    if status == "open":
        questions = questions.filter(status=HelpdeskQuestion.Status.NEW)
    elif status in HelpdeskQuestion.Status.values:
        questions = questions.filter(status=status)
    return render(
        request,
        "knowledge/queue.html",
        {"questions": list(questions[:200]), "status": status, "statuses": HelpdeskQuestion.Status.choices},
    )


@login_required
def log_question(request: HttpRequest) -> HttpResponse:
    organisations = permissions.helpdesk_organisations(request.user)
    form = LogQuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = services.question_ask(
            question=data["question"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            channel=data["channel"],
            logged_by=request.user,
            organisation=organisations[0],
        )
        messages.success(request, _("De vraag is vastgelegd."))
        return redirect("knowledge:question", pk=question.pk)
    return render(request, "knowledge/log_question.html", {"form": form})


def _question_page(request, question, organisation, **forms) -> HttpResponse:
    context = {
        "question": question,
        "organisation": organisation,
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "refer_form": forms.get("refer_form") or ReferForm(),
        "request_form": forms.get("request_form") or ToRequestForm(initial={"title": question.question[:80]}),
        "open": question.status == HelpdeskQuestion.Status.NEW,
    }
    return render(request, "knowledge/question.html", context, status=400 if forms else 200)


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question, organisation = permissions.get_question(request.user, pk)
    return _question_page(request, question, organisation)


@require_POST
@login_required
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question, organisation = permissions.get_question(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, organisation, answer_form=form)
    services.question_answer(
        question=question, actor=request.user, organisation=organisation, answer=form.cleaned_data["answer"]
    )
    messages.success(request, _("Het antwoord is opgeslagen.") + _sent_note(question))
    return redirect("knowledge:question", pk=pk)


@require_POST
@login_required
def question_refer(request: HttpRequest, pk: int) -> HttpResponse:
    question, organisation = permissions.get_question(request.user, pk)
    form = ReferForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, organisation, refer_form=form)
    services.question_refer(question=question, actor=request.user, organisation=organisation, **form.cleaned_data)
    messages.success(request, _("De doorverwijzing is opgeslagen.") + _sent_note(question))
    return redirect("knowledge:question", pk=pk)


@require_POST
@login_required
def question_to_request(request: HttpRequest, pk: int) -> HttpResponse:
    question, organisation = permissions.get_question(request.user, pk)
    form = ToRequestForm(request.POST)
    if form.is_valid() and save_form(
        request,
        form,
        lambda: services.question_to_request(
            question=question,
            actor=request.user,
            organisation=organisation,
            asker_organisation=form.cleaned_data["asker_organisation"],
            title=form.cleaned_data["title"],
        ),
        success=_(
            "Er is alvast een vraag begonnen. De vrager vult die aan en verstuurt hem. Dan ziet u hem binnenkomen."
        ),
    ):
        return redirect("knowledge:question", pk=pk)
    return _question_page(request, question, organisation, request_form=form)


@require_POST
@login_required
def question_close(request: HttpRequest, pk: int) -> HttpResponse:
    question, organisation = permissions.get_question(request.user, pk)
    services.question_close(question=question, actor=request.user, organisation=organisation)
    messages.success(request, _("De vraag is afgesloten."))
    return redirect("knowledge:queue")


@require_POST
@login_required
def question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question, _organisation = permissions.get_question(request.user, pk)
    services.question_delete(question=question, actor=request.user)
    messages.success(request, _("De vraag en de gegevens van de vrager zijn verwijderd."))
    return redirect("knowledge:queue")


def _sent_note(question: HelpdeskQuestion) -> str:
    if question.email:
        return " " + _("De vrager krijgt een e-mail.")
    return " " + _("Er is geen e-mailadres: neem zelf contact op als dat kan.")


# --- askers: the readiness checklist -----------------------------------------------------------------


@login_required
def readiness_checklist(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and not get_roles(request.user).has(Role.ASKER):
        # Toolkit pages link here for everyone: others read the questions; only askers fill them in.
        questions = [QUESTION_TEXT[code] for code in readiness.CODES]
        return render(request, "knowledge/readiness_read_only.html", {"questions": questions})
    organisation = permissions.asker_organisation(request.user)
    checklist = selectors.checklist_of(organisation.pk)
    form = ReadinessForm(posted(request), checklist=checklist)
    if request.method == "POST" and form.is_valid():
        services.readiness_save(
            organisation=organisation,
            actor=request.user,
            answers=form.answers(),
            treaty_areas=form.cleaned_data["treaty_areas"],
            treaty_note=form.cleaned_data["treaty_note"],
        )
        messages.success(request, _("De checklist is opgeslagen. De organisatie die uw vraag behandelt, ziet hem."))
        back = request.POST.get("next", "")
        if back == "wizard":
            return redirect("engagements:create")
        return redirect("knowledge:readiness")
    rows = []
    for code in readiness.CODES:
        rows.append((form[f"{code}_answer"], form[f"{code}_note"]))
    return render(
        request,
        "knowledge/readiness.html",
        {
            "form": form,
            "rows": rows,
            "organisation": organisation,
            "checklist": checklist,
            "summary": readiness.summarise(checklist.answers) if checklist else None,
            "next": request.GET.get("next", "") if request.GET.get("next") == "wizard" else "",
        },
    )


def intake_panel(request: HttpRequest, engagement) -> str:
    """The asker organisation's checklist on the intake page (registered in apps.py)."""
    from django.template.loader import render_to_string

    checklist = selectors.checklist_of(engagement.asker_organisation_id)
    rows = []
    if checklist is not None:
        for code in readiness.CODES:
            item = checklist.answers.get(code, {})
            rows.append((QUESTION_TEXT[code][0], ANSWER_LABELS.get(item.get("answer"), _("Niet ingevuld")), item))
    return render_to_string(
        "knowledge/_intake_panel.html",
        {
            "checklist": checklist,
            "rows": rows,
            "summary": readiness.summarise(checklist.answers) if checklist else None,
            "organisation": engagement.asker_organisation,
            "toolkit_url": reverse("knowledge:index"),
        },
        request=request,
    )
