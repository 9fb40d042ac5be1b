"""Who may do what in the knowledge app (pages only; the same helpers would serve an API).

Reading the toolkit and asking the helpdesk need no account. Coordinators and operators edit the
toolkit. Coordinators handle the helpdesk: unclaimed questions and those of their organisation
(others 404). Askers fill in their organisation's readiness checklist.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from inzet.accounts.permissions import get_roles
from inzet.knowledge.models import Article, HelpdeskQuestion
from inzet.organisations.models import Organisation, Role


def can_edit_toolkit(user) -> bool:
    return get_roles(user).is_coordinator_or_operator


def require_editor(user) -> None:
    if not can_edit_toolkit(user):
        raise PermissionDenied


def get_article(slug: str, user) -> Article:
    """Published pages for everyone; a page not yet published only for editors (others 404)."""
    queryset = Article.objects.select_related("category")
    if not can_edit_toolkit(user):
        queryset = queryset.filter(published=True)
    return get_object_or_404(queryset, slug=slug)


def helpdesk_organisations(user) -> list[Organisation]:
    """The deploying organisations for which this person handles the helpdesk; none → 403."""
    ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    organisations = list(Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.DEPLOYING).order_by("name"))
    if not organisations:
        raise PermissionDenied
    return organisations


def visible_questions(organisations: list[Organisation]):
    return HelpdeskQuestion.objects.filter(Q(organisation__isnull=True) | Q(organisation__in=organisations))


def get_question(user, pk: int) -> tuple[HelpdeskQuestion, Organisation]:
    """The question and the organisation that handles it (a new question is claimed by the first)."""
    organisations = helpdesk_organisations(user)
    question = visible_questions(organisations).filter(pk=pk).first()
    if question is None:
        raise Http404
    handler = next((o for o in organisations if o.pk == question.organisation_id), organisations[0])
    return question, handler


def asker_organisation(user) -> Organisation:
    """The asker's organisation (the first by name with several, as in the request wizard)."""
    ids = get_roles(user).organisation_ids(Role.ASKER)
    organisation = Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.ASKER).order_by("name").first()
    if organisation is None:
        raise PermissionDenied
    return organisation
