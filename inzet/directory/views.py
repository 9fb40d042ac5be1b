from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inzet.accounts.permissions import role_required
from inzet.directory import exports, selectors
from inzet.directory.forms import ExpertFilterForm, OrganisationRegisterForm, PoolForm, RegisterFilterForm
from inzet.directory.reference import load_reference
from inzet.organisations.models import Organisation, PolicySettings, Role


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


def _filter_form(request: HttpRequest) -> ExpertFilterForm:
    org_ids = selectors.staff_organisation_ids(request.user)
    # Only people in several organisations get the organisation filter (and its one query).
    organisations = Organisation.objects.filter(pk__in=org_ids) if len(org_ids) > 1 else ()
    data = request.GET.copy()
    data.pop("pagina", None)
    form = ExpertFilterForm(data or None, organisations=organisations)
    if form.is_bound:
        form.is_valid()
    return form


@role_required(Role.COORDINATOR, Role.TRAINER)
def expert_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    page = selectors.expert_page(request.user, form.to_filters(), _page_number(request))
    form.set_reference(page.reference)
    selectors.log_list_access(viewer=request.user, rows=page.rows, context="search", path=request.get_full_path())
    return render(request, "directory/expert_list.html", {"form": form, "page": page})


@role_required(Role.COORDINATOR)
def expert_export(request: HttpRequest, fmt: str) -> HttpResponse:
    form = _filter_form(request)
    rows, _reference = selectors.export_rows(request.user, form.to_filters())
    selectors.log_list_access(viewer=request.user, rows=rows, context="export", path=request.get_full_path())
    name = f"ervaringsdeskundigen-{timezone.localdate():%Y-%m-%d}"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(exports.to_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@role_required(Role.COORDINATOR)
def pool(request: HttpRequest) -> HttpResponse:
    form = PoolForm(request.GET or None)
    who = form.cleaned_data.get("who") if form.is_valid() else ""
    statuses = selectors.POOL_STATUSES.get(who or "active")
    overview = selectors.pool_overview(request.user, statuses=statuses)
    return render(request, "directory/pool.html", {"form": form, "pool": overview, "small": selectors.SMALL_COUNT})


def _register_policy() -> PolicySettings:
    policy = PolicySettings.current()
    if not policy.public_register:
        raise Http404
    return policy


def register(request: HttpRequest) -> HttpResponse:
    policy = _register_policy()
    data = request.GET.copy()
    data.pop("pagina", None)
    form = RegisterFilterForm(data or None)
    if form.is_bound:
        form.is_valid()
    page = selectors.register_page(form.to_filters(), policy, _page_number(request))
    form.set_reference(page.reference)
    return render(request, "directory/register.html", {"form": form, "page": page, "policy": policy})


def register_organisations(request: HttpRequest) -> HttpResponse:
    policy = _register_policy()
    form = OrganisationRegisterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    organisations = list(selectors.register_organisations(form.to_filters(), policy))
    form.set_reference(load_reference(), selectors.register_cities())
    return render(request, "directory/register_organisations.html", {"form": form, "organisations": organisations})
