"""Pages of the network app. Thin: permissions.py decides who, services.py writes, selectors.py reads."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from inzet.lib.views import posted
from inzet.network import marks, selectors, services
from inzet.network.forms import PartnerForm, PartnerSearchForm
from inzet.network.models import Partner
from inzet.network.permissions import editors_only, is_editor

MAP_SIZE = 600


def partner_map(request: HttpRequest) -> HttpResponse:
    """The social map: a list grouped by area (the main, accessible view) and a drawn map beside it."""
    form = PartnerSearchForm(request.GET or None)
    q = kind = ""
    if form.is_valid():
        q, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
    found = list(selectors.partners(q=q, kind=kind)[: selectors.MAX_PARTNERS])
    dots, unplaced = selectors.map_dots(found, width=MAP_SIZE, height=MAP_SIZE)
    for number, (_dot, partner) in enumerate(dots, start=1):
        partner.map_number = number
    context = {
        "form": form,
        "groups": selectors.by_area(found),
        "count": len(found),
        "dots": [(number, dot, partner) for number, (dot, partner) in enumerate(dots, start=1)],
        "unplaced": unplaced,
        "size": MAP_SIZE,
        "editor": is_editor(request.user),
    }
    return render(request, "network/map.html", context)


def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    editor = is_editor(request.user)
    found = get_object_or_404(Partner.objects.all() if editor else Partner.objects.filter(is_active=True), pk=pk)
    current = marks.current().filter(partner=found).select_related("scheme")
    return render(request, "network/partner.html", {"partner": found, "editor": editor, "marks": current})


@editors_only
def partner_new(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        partner = services.partner_save(by=request.user, fields=form.cleaned_data)
        messages.success(request, _("De organisatie staat op de sociale kaart."))
        return redirect("network:partner", pk=partner.pk)
    return render(request, "network/partner_form.html", {"form": form, "partner": None})


@editors_only
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=pk)
    form = PartnerForm(posted(request), instance=partner)
    if request.method == "POST" and form.is_valid():
        services.partner_save(by=request.user, partner=partner, fields=form.cleaned_data)
        messages.success(request, _("De gegevens zijn opgeslagen."))
        return redirect("network:partner", pk=partner.pk)
    return render(request, "network/partner_form.html", {"form": form, "partner": partner})
