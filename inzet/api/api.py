from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, _default_http_error
from ninja.errors import ValidationError as RequestValidationError

from inzet.api.auth import TokenAuth, TwoFactorRequired, session_auth
from inzet.api.parser import NulInText, NulRefusingParser, nul_message
from inzet.api.routers import (
    accounts,
    compensation,
    directory,
    engagements,
    experts,
    introductions,
    matching,
    recruitment,
)
from inzet.api.schemas import Error

# Answers any operation that needs a login can give, besides its own; documented on each.
_COMMON_ERRORS = {
    401: "Not logged in, or an unknown or expired API key",
    403: "Not allowed, or two-step login required",
    422: "The request does not fit: `detail` says what, `errors` lists the fields",
}


# Writes take an optional Idempotency-Key (inzet/lib/idempotency.py): a retry with the same key
# gets the first answer back instead of doing the write twice.
_IDEMPOTENCY_HEADER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Any unique string (a UUID) per intended write. Sending the same request again with the same "
        "key (a retry after a time-out) returns the first answer, marked `Idempotent-Replayed: true`, "
        "without writing twice. Keys are kept for one day."
    ),
    "schema": {"type": "string", "maxLength": 200},
}
_WRITE_METHODS = {"post", "put", "patch", "delete"}


class InzetAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        error_schema = Error.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error_schema.pop("$defs", {}))
        schemas["Error"] = error_schema
        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for methods in schema["paths"].values():
            for method, operation in methods.items():
                if method in _WRITE_METHODS:
                    operation.setdefault("parameters", []).append(dict(_IDEMPOTENCY_HEADER))
                    operation.setdefault("responses", {}).setdefault(
                        409, {"description": "The first request with this Idempotency-Key is still running", **error}
                    )
                if not operation.get("security"):
                    continue
                responses = operation.setdefault("responses", {})
                for status, description in _COMMON_ERRORS.items():
                    responses.setdefault(status, {"description": description, **error})
        return schema


api = InzetAPI(
    title="Inzet API",
    version="1",
    description=(
        "JSON API of Inzet. Authenticate with `Authorization: Bearer <API key>` or the browser session. "
        "Two-step login applies as on the pages: a session that has not entered its code, or a key that "
        "was not made after two-step login by someone who must use it, gets 403 "
        '`{"detail": "Two-step login required"}`. Every error has the shape `{"detail": "...", "errors": [...]}`.'
    ),
    auth=[TokenAuth(), session_auth],
    urls_namespace="api",
    parser=NulRefusingParser(),
)


# One error shape for the whole API: {"detail": "..."} (plus "errors" for invalid requests).
@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


@api.exception_handler(TwoFactorRequired)
def _two_factor(request, exc):
    return api.create_response(request, {"detail": "Two-step login required"}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    return api.create_response(request, {"detail": "Unauthorized"}, status=401)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    # A body with NUL text (parser.NulRefusingParser) reaches here wrapped as "cannot parse" (400):
    # it parsed fine and is refused for its content, like any other invalid field.
    cause = exc.__cause__
    if isinstance(cause, NulInText):
        errors = [{"loc": list(cause.loc), "msg": nul_message()}]
        return api.create_response(request, {"detail": str(cause), "errors": errors}, status=422)
    return _default_http_error(request, exc, api)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, {"detail": "; ".join(exc.messages)}, status=422)


@api.exception_handler(RequestValidationError)
def _invalid_request(request, exc):
    errors = [
        {
            "loc": [str(part) if not isinstance(part, int) else part for part in e.get("loc", ())],
            "msg": e.get("msg", ""),
        }
        for e in exc.errors
    ]
    detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


api.add_router("/", accounts.router)
api.add_router("/experts", experts.router)
api.add_router("/recruitment", recruitment.router)
api.add_router("/", engagements.router)
api.add_router("/", introductions.router)
api.add_router("/matching", matching.router)
api.add_router("/", compensation.router)
api.add_router("/", directory.router)
