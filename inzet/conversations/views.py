"""Pages for conversations: my conversations, the shared thread of a request, the private thread of
an invitation, attachments, and the notification list with the e-mail switch.

Every view authorises first (permissions.py, shared with the API), then validates, calls one
service and redirects.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.conversations import selectors, services
from inzet.conversations.forms import DigestForm, MessageForm
from inzet.conversations.models import MessageAttachment
from inzet.conversations.permissions import ConversationAccess, invitation_access, shared_access
from inzet.engagements.selectors import invitation_rows
from inzet.lib import uploads
from inzet.lib.views import posted, posted_files, save_form


@login_required
def unread(request: HttpRequest) -> JsonResponse:
    """Unread messages and notifications, for the header (fetched by inzet.js)."""
    return JsonResponse(selectors.unread_counts(request.user))


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "conversations/inbox.html", {"threads": selectors.threads_of(request.user)})


def _thread_page(request: HttpRequest, access: ConversationAccess, here: str) -> HttpResponse:
    form = MessageForm(posted(request), posted_files(request)) if request.method == "POST" else MessageForm()
    if request.method == "POST":
        if not access.can_write:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            if save_form(
                request,
                form,
                lambda: services.message_post(
                    access=access,
                    actor=request.user,
                    body=data["body"],
                    nonce=data["nonce"],
                    files=[data["file"]] if data.get("file") else [],
                ),
                success=_("Uw bericht is verstuurd."),
            ):
                return redirect(here)
    thread = selectors.thread_of(access)
    rows = selectors.message_rows(request.user, access, thread)
    services.thread_mark_read(access=access, user=request.user)
    context = {
        "access": access,
        "engagement": access.request,
        "rows": rows,
        "form": form,
        "private_threads": invitation_rows(request.user, access.request)
        if access.is_staff and access.is_shared
        else [],
        "own_invitation": _own_invitation(request.user, access),
    }
    return render(request, "conversations/thread.html", context)


def _own_invitation(user, access: ConversationAccess):
    if access.invitation is not None:
        return None
    return access.request.invitations.filter(expert__user=user).exclude(state="withdrawn").first()


@uploads.accepts_uploads("attachment")
@login_required
def request_thread(request: HttpRequest, pk: int) -> HttpResponse:
    access = shared_access(request.user, pk)
    return _thread_page(request, access, request.path)


@uploads.accepts_uploads("attachment")
@login_required
def invitation_thread(request: HttpRequest, pk: int) -> HttpResponse:
    access = invitation_access(request.user, pk)
    return _thread_page(request, access, request.path)


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    try:
        found = MessageAttachment.objects.select_related("message__thread").get(pk=pk)
    except MessageAttachment.DoesNotExist as exc:
        raise Http404 from exc
    thread = found.message.thread
    if thread.invitation_id:
        invitation_access(request.user, thread.invitation_id)
    else:
        shared_access(request.user, thread.request_id)
    kind = uploads.USES["attachment"].kind_of(found.file.name) or ""
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=uploads.KINDS[kind].content_type if kind else "application/octet-stream",
    )


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        messages.success(request, _("Alle meldingen staan op gelezen."))
        return redirect("conversations:notifications")
    context = {
        "notifications": selectors.notifications_of(request.user),
        "digest_form": DigestForm(initial={"email_digest": selectors.digest_on(request.user)}),
    }
    return render(request, "conversations/notifications.html", context)


@login_required
@require_POST
def digest_setting(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST)
    form.is_valid()  # a missing checkbox is simply "off"
    on = form.cleaned_data.get("email_digest", False)
    services.notification_setting_save(user=request.user, email_digest=on)
    messages.success(
        request,
        _("U krijgt een dagelijkse e-mail met nieuwe meldingen.")
        if on
        else _("U krijgt geen e-mail meer met meldingen."),
    )
    return redirect("conversations:notifications")
