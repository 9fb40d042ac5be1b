"""What the money pages share: the roles that see the overview, a safe `next` target, the assignment URL."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from inzet.organisations.models import Role

ANY_ROLE = (Role.OPERATOR, Role.COORDINATOR, Role.TRAINER, Role.EXPERT, Role.ASKER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _next_or(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _assignment_url(pk: int) -> str:
    return reverse("compensation:assignment", args=[pk])
