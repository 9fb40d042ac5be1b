"""Every write of the knowledge app: one keyword-only function per use case, atomic."""

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.directory.text import build_document
from inzet.engagements import services as engagement_services
from inzet.knowledge import readiness
from inzet.knowledge.models import Article, HelpdeskQuestion, MediaItem, ReadinessChecklist, Revision, Source
from inzet.lib.mail import send_mail_later
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import Term

ARTICLE_FIELDS = {
    "slug",
    "kind",
    "category",
    "title",
    "title_en",
    "summary",
    "summary_en",
    "body",
    "body_en",
    "for_askers",
    "for_experts",
    "for_coordinators",
    "unanswered",
    "published",
}
# Addresses of the app's own pages: an article may not take them.
RESERVED_SLUGS = {"nieuw", "checklist", "vraag-stellen", "vragen", "zoeken"}


# --- the toolkit -------------------------------------------------------------------------------------


def search_text_for(article: Article) -> str:
    """The indexed words (directory.text: the same Dutch stemming as the expert search)."""
    category = article.category
    parts = [article.title, article.title_en, article.summary, article.summary_en, article.body, article.body_en]
    parts += [category.name, category.name_en]
    return build_document(parts)


@transaction.atomic
def article_save(
    *,
    article: Article | None,
    actor: User,
    data: dict,
    sources: list[tuple[str, str]] | None = None,
    related: list[Article] | None = None,
    note: str = "",
) -> Article:
    """Create or change an article; every save keeps the text as a new revision."""
    unknown = set(data) - ARTICLE_FIELDS
    if unknown:
        raise ValueError(f"Unknown article fields: {sorted(unknown)}")
    if data.get("slug") in RESERVED_SLUGS:
        raise ValidationError({"slug": _("Dit adres is al in gebruik door Inzet. Kies een ander adres.")})
    article = Article() if article is None else Article.objects.select_for_update().get(pk=article.pk)
    for field, value in data.items():
        setattr(article, field, value)
    if not (article.for_askers or article.for_experts or article.for_coordinators):
        raise ValidationError(_("Kies voor wie deze pagina is: vragers, ervaringsdeskundigen of coördinatoren."))
    article.full_clean(exclude=["related"])
    article.search_text = search_text_for(article)
    article.revision_count += 1
    article.save()
    if sources is not None:
        article.sources.all().delete()
        Source.objects.bulk_create(
            Source(article=article, title=title, url=url, position=i) for i, (title, url) in enumerate(sources)
        )
    if related is not None:
        article.related.set([other for other in related if other.pk != article.pk])
    Revision.objects.create(
        article=article,
        number=article.revision_count,
        title=article.title,
        title_en=article.title_en,
        summary=article.summary,
        summary_en=article.summary_en,
        body=article.body,
        body_en=article.body_en,
        saved_by=actor,
        note=note[:200],
    )
    return article


@transaction.atomic
def media_add(
    *,
    article: Article,
    actor: User,
    title: str,
    kind: str,
    transcript: str,
    url: str = "",
    upload: UploadedFile | None = None,
) -> MediaItem:
    """Add audio or video: a link or an uploaded file (checked by the form), always with a transcript."""
    if not transcript.strip():
        raise ValidationError({"transcript": _("Schrijf uit wat er gezegd wordt. Zo kan iedereen het volgen.")})
    if bool(url) == bool(upload):
        raise ValidationError(_("Geef een link óf kies een bestand (één van de twee)."))
    item = MediaItem(article=article, title=title, kind=kind, url=url, transcript=transcript.strip(), added_by=actor)
    if upload is not None:
        assert upload.name is not None  # an uploaded file always has a name
        item.file_name = upload.name[:200]
        item.file.save(upload.name, upload, save=False)
    item.full_clean(exclude=["file", "added_by", "article"])
    item.save()
    return item


# --- readiness ---------------------------------------------------------------------------------------


@transaction.atomic
def readiness_save(
    *, organisation: Organisation, actor: User, answers: dict, treaty_areas: Iterable[Term] = (), treaty_note: str = ""
) -> ReadinessChecklist:
    """Save the checklist on the asker's organisation (one per organisation; the last save counts)."""
    if organisation.kind != Organisation.Kind.ASKER:
        raise ValidationError(_("Alleen een vragende organisatie vult deze checklist in."))
    checklist, _created = ReadinessChecklist.objects.select_for_update().get_or_create(organisation=organisation)
    checklist.answers = readiness.clean_answers(answers)
    checklist.treaty_note = treaty_note.strip()[:2000]
    checklist.updated_by = actor
    checklist.save()
    checklist.treaty_areas.set(treaty_areas)
    return checklist


# --- the helpdesk ------------------------------------------------------------------------------------


def email_digest(email: str) -> str:
    """A keyed hash of the address, so erasure can find encrypted questions by e-mail."""
    if not email:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def _new_reference() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: people read it out on the phone
    return "".join(secrets.choice(alphabet) for _ in range(8))


@transaction.atomic
def question_ask(
    *,
    question: str,
    name: str = "",
    email: str = "",
    phone: str = "",
    channel: str = HelpdeskQuestion.Channel.WEB,
    logged_by: User | None = None,
    organisation: Organisation | None = None,
) -> HelpdeskQuestion:
    """A new question: from the web form (anyone) or logged by a coordinator (phone, walk-in, mail)."""
    if not question.strip():
        raise ValidationError({"question": _("Schrijf uw vraag op.")})
    if organisation is not None and organisation.kind != Organisation.Kind.DEPLOYING:
        raise ValidationError(_("Kies een organisatie die ervaringsdeskundigen inzet."))
    return HelpdeskQuestion.objects.create(
        reference=_new_reference(),
        question=question.strip()[:5000],
        name=name.strip()[:200],
        email=email.strip()[:254],
        email_digest=email_digest(email),
        phone=phone.strip()[:40],
        channel=channel,
        logged_by=logged_by,
        organisation=organisation,
    )


def _locked(question: HelpdeskQuestion) -> HelpdeskQuestion:
    return HelpdeskQuestion.objects.select_for_update().get(pk=question.pk)


def _handled(question: HelpdeskQuestion, actor: User, organisation: Organisation, status: str) -> None:
    question.status = status
    question.handled_by = actor
    question.handled_at = timezone.now()
    question.organisation = question.organisation or organisation


def _mail(question: HelpdeskQuestion, context: dict) -> None:
    if not question.email:
        return
    to = [question.email]
    context = {"reference": question.reference, "name": question.name, **context}
    transaction.on_commit(lambda: send_mail_later(to=to, template="knowledge/email/helpdesk_reply", context=context))


@transaction.atomic
def question_answer(
    *, question: HelpdeskQuestion, actor: User, organisation: Organisation, answer: str
) -> HelpdeskQuestion:
    """Answer the question; the person gets it by e-mail if they left an address."""
    if not answer.strip():
        raise ValidationError({"answer": _("Schrijf een antwoord.")})
    question = _locked(question)
    question.answer = answer.strip()
    _handled(question, actor, organisation, HelpdeskQuestion.Status.ANSWERED)
    question.save()
    _mail(question, {"answer": question.answer})
    return question


@transaction.atomic
def question_refer(
    *,
    question: HelpdeskQuestion,
    actor: User,
    organisation: Organisation,
    article: Article | None = None,
    referred_organisation: Organisation | None = None,
    answer: str = "",
) -> HelpdeskQuestion:
    """Refer to a toolkit page and/or an organisation that can help. Inzet does not broker."""
    if article is None and referred_organisation is None:
        raise ValidationError(_("Kies een pagina uit de kennisbank of een organisatie."))
    question = _locked(question)
    question.referred_article = article
    question.referred_organisation = referred_organisation
    if answer.strip():
        question.answer = answer.strip()
    _handled(question, actor, organisation, HelpdeskQuestion.Status.REFERRED)
    question.save()
    context = {"answer": question.answer}
    if article is not None:
        context |= {
            "article_title": article.title,
            "article_url": settings.SITE_URL + reverse("knowledge:article", args=[article.slug]),
        }
    if referred_organisation is not None:
        context |= {
            "organisation_name": referred_organisation.name,
            "organisation_email": referred_organisation.email,
            "organisation_city": referred_organisation.city,
        }
    _mail(question, context)
    return question


@transaction.atomic
def question_to_request(
    *,
    question: HelpdeskQuestion,
    actor: User,
    organisation: Organisation,
    asker_organisation: Organisation,
    title: str,
) -> HelpdeskQuestion:
    """Turn the question into a draft request of the asker organisation (through the engagements
    service). The asker completes and submits it; a second click returns the same draft."""
    question = _locked(question)
    if question.engagement_request_id:
        return question
    draft = engagement_services.request_create(
        asker_organisation=asker_organisation,
        actor=actor,
        data={"title": title.strip()[:200], "goal": question.question, "deploying_organisation": organisation},
    )
    question.engagement_request = draft
    _handled(question, actor, organisation, HelpdeskQuestion.Status.REQUEST)
    question.save()
    _mail(question, {"request_made": True, "asker_organisation_name": asker_organisation.name})
    return question


@transaction.atomic
def question_close(*, question: HelpdeskQuestion, actor: User, organisation: Organisation) -> HelpdeskQuestion:
    question = _locked(question)
    _handled(question, actor, organisation, HelpdeskQuestion.Status.CLOSED)
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: HelpdeskQuestion, actor: User) -> bool:
    """Erasure on request of someone without an account (they call or write): delete at once.
    A draft request made from it stays with the asker organisation."""
    return HelpdeskQuestion.objects.filter(pk=question.pk).delete()[0] > 0


def questions_erase_for(*, email: str) -> int:
    """Erasure (AVG art. 17): delete the helpdesk questions left with this e-mail address."""
    digest = email_digest(email)
    if not digest:
        return 0
    return HelpdeskQuestion.objects.filter(email_digest=digest).delete()[0]
