"""Drop-in hours: a public page and .ics for residents and partners; team members add hours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from inzet.lib.views import posted
from inzet.neighbourhood import dropin, permissions, services
from inzet.neighbourhood.forms import DropInHourForm
from inzet.neighbourhood.models import Team


def _public_team(pk: int) -> Team:
    return get_object_or_404(Team.objects.select_related("organisation"), pk=pk)


def drop_in(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: where and when to walk in, who is there, how accessible; nothing about residents."""
    team = _public_team(pk)
    hours = list(team.drop_in_hours.filter(is_active=True)[:100])
    return render(request, "neighbourhood/drop_in.html", {"team": team, "hours": hours})


def drop_in_ics(request: HttpRequest, pk: int) -> HttpResponse:
    team = _public_team(pk)
    hours = list(team.drop_in_hours.filter(is_active=True)[:100])
    response = HttpResponse(dropin.to_ics(team, hours), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inloop-{team.pk}.ics"'
    return response


@login_required
def drop_in_manage(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    form = DropInHourForm(posted(request))
    if request.method == "POST" and form.is_valid():
        _hour, created = services.drop_in_add(team=team, **form.cleaned_data)
        if created:
            messages.success(request, _("Het inloopspreekuur is toegevoegd."))
        return redirect("neighbourhood:drop_in_manage", pk=team.pk)
    hours = list(team.drop_in_hours.all()[:100])
    return render(request, "neighbourhood/drop_in_manage.html", {"team": team, "form": form, "hours": hours})
