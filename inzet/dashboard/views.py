from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inzet.accounts.permissions import get_roles
from inzet.dashboard.next_steps import sections_for
from inzet.organisations.models import PolicySettings
from inzet.recruitment.selectors import open_pages


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        # What an outsider comes for: apply, the register (when on), the toolkit, the helpdesk.
        register_on = PolicySettings.objects.filter(pk=1, public_register=True).exists()
        return render(request, "dashboard/welcome.html", {"apply_pages": open_pages(), "register_on": register_on})
    roles = get_roles(request.user)
    return render(request, "dashboard/home.html", {"sections": sections_for(request.user, roles)})
