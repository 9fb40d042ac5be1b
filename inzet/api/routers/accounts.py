from ninja import Router

from inzet.accounts.permissions import get_organisation_for_user, visible_organisations
from inzet.api.schemas import Error, Id, MembershipOut, MeOut, OrganisationOut
from inzet.organisations.models import Membership

router = Router(tags=["accounts"])


@router.get("/me", response={200: MeOut, 401: Error})
def me(request):
    user = request.auth
    memberships = Membership.objects.filter(user=user, is_active=True).select_related("organisation")
    return MeOut(
        id=user.pk,
        email=user.email,
        full_name=user.full_name,
        preferred_language=user.preferred_language,
        roles=[
            MembershipOut(organisation_id=m.organisation_id, organisation_name=m.organisation.name, role=m.role)
            for m in memberships
        ],
    )


@router.get("/organisations", response=list[OrganisationOut])
def organisations(request):
    return list(visible_organisations(request.auth))


@router.get("/organisations/{pk}", response={200: OrganisationOut, 404: Error})
def organisation(request, pk: Id):
    return get_organisation_for_user(request.auth, pk)
