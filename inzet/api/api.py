from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI

from inzet.api.auth import TokenAuth, TwoFactorRequired, session_auth
from inzet.api.routers import accounts, compensation, directory, engagements, experts, matching, recruitment

api = NinjaAPI(
    title="Inzet API",
    version="1",
    description=(
        "JSON API of Inzet. Authenticate with `Authorization: Bearer <API key>` or the browser session. "
        "Two-step login applies as on the pages: a session that has not entered its code, or a key that "
        "was not made after two-step login by someone who must use it, gets 403 "
        '`{"detail": "Two-step login required"}`.'
    ),
    auth=[TokenAuth(), session_auth],
    urls_namespace="api",
)


# One error shape for the whole API: {"detail": "..."}.
@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


@api.exception_handler(TwoFactorRequired)
def _two_factor(request, exc):
    return api.create_response(request, {"detail": "Two-step login required"}, status=403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, {"detail": "; ".join(exc.messages)}, status=422)


api.add_router("/", accounts.router)
api.add_router("/experts", experts.router)
api.add_router("/recruitment", recruitment.router)
api.add_router("/", engagements.router)
api.add_router("/matching", matching.router)
api.add_router("/", compensation.router)
api.add_router("/", directory.router)
