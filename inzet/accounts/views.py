from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts import services
from inzet.accounts.forms import ApiTokenForm, LanguageForm, LoginForm, TokenForm
from inzet.accounts.twofactor import two_factor_required
from inzet.lib.views import posted


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # The person's own language choice wins over the browser's.
        lang = form.get_user().preferred_language
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, samesite="Lax")
        return response


def _safe_next(request: HttpRequest) -> str | None:
    """`next` only when it stays on this site (no open redirect after the code)."""
    target = request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return None


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password also lifts a lock on the account (the lock page advises a reset)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_lock_lift(user=form.user)
        return response


def _throttled_message(waits) -> str:
    until = max((w for w in waits if w), default=None)
    if until is None:
        return _("Te veel pogingen. Wacht even en probeer het dan opnieuw met de nieuwste code.")
    seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
    return ngettext(
        "Te veel pogingen. Wacht %(seconds)d seconde en probeer het dan opnieuw met de nieuwste code.",
        "Te veel pogingen. Wacht %(seconds)d seconden en probeer het dan opnieuw met de nieuwste code.",
        seconds,
    ) % {"seconds": seconds}


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        waits = []
        for device in devices_for_user(request.user, confirmed=True):
            allowed, info = device.verify_is_allowed()
            if not allowed:
                # django-otp refuses every code for a while after wrong ones: say so, not "wrong".
                waits.append((info or {}).get("locked_until"))
                continue
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request) or "dashboard:home")
        if waits:
            form.add_error("token", _throttled_message(waits))
        else:
            form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code uit uw app."))
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    if confirmed and request.method == "GET":
        return render(request, "accounts/two_factor_setup.html", {"confirmed": True})
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = services.two_factor_device_start(user=request.user)
    form = TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if services.two_factor_device_confirm(device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return redirect("dashboard:home")
        form.add_error("token", _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR-code voor uw app"))
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": two_factor_required(request.user),
        },
    )


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    language_form = LanguageForm(posted(request), initial={"preferred_language": request.user.preferred_language})
    if request.method == "POST" and language_form.is_valid():
        language = language_form.cleaned_data["preferred_language"]
        services.user_set_language(user=request.user, language=language)
        translation.activate(language)
        messages.success(request, _("Uw taal is opgeslagen."))
        response = redirect("accounts:settings")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
        return response
    has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(
        request,
        "accounts/settings.html",
        {"language_form": language_form, "has_device": has_device, "tokens": request.user.api_tokens.all()},
    )


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(posted(request))
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.api_token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            expires_at=form.cleaned_data["expires_at"],
            made_after_two_step=request.user.is_verified(),
        )
        form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "new_key": new_key, "tokens": request.user.api_tokens.all()},
    )


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if services.api_token_revoke(user=request.user, token_id=pk):
        messages.success(request, _("De API-sleutel is ingetrokken."))
    else:
        messages.error(request, _("Deze API-sleutel bestaat niet (meer)."))
    return redirect("accounts:api_tokens")
