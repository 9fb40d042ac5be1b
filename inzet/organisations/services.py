"""Write flows for organisations and memberships."""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.lib.mail import send_mail_later
from inzet.organisations.models import ROLES_BY_KIND, Membership, Organisation, PolicySettings


@transaction.atomic
def member_add(*, organisation: Organisation, full_name: str, email: str, role: str, added_by: User) -> Membership:
    """Add someone to an organisation; a new person gets an e-mail to choose a password."""
    if role not in ROLES_BY_KIND[Organisation.Kind(organisation.kind)]:
        raise ValidationError(_("Deze rol past niet bij deze organisatie."))
    user = User.objects.filter(email=email.lower()).first()
    is_new = user is None
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name, created_on_behalf_by=added_by)
    membership, created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    if not created and membership.is_active:
        raise ValidationError(_("Deze persoon heeft deze rol al in deze organisatie."))
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    if is_new:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        transaction.on_commit(
            lambda: send_mail_later(
                to=[user.email],
                template="organisations/email/welcome",
                context={
                    "name": user.full_name,
                    "organisation": organisation.name,
                    "path": reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}),
                },
            )
        )
    return membership


@transaction.atomic
def member_deactivate(*, membership: Membership) -> None:
    membership.is_active = False
    membership.save(update_fields=["is_active"])


@transaction.atomic
def policy_update(*, policy: PolicySettings, changes: dict, updated_by: User) -> PolicySettings:
    for field, value in changes.items():
        setattr(policy, field, value)
    policy.updated_by = updated_by
    policy.save()
    return policy
