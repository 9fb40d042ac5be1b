from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inzet.accounts.permissions import get_roles
from inzet.dashboard.next_steps import sections_for


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/welcome.html")
    roles = get_roles(request.user)
    return render(request, "dashboard/home.html", {"sections": sections_for(request.user, roles)})
