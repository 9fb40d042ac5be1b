"""E-mail goes out through a background task, so a slow mail server never slows a page."""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_templated_mail(*, to: list[str], template: str, context: dict) -> int:
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def send_mail_later(*, to: list[str], template: str, context: dict) -> None:
    send_templated_mail.enqueue(to=to, template=template, context=context)


_QUIET: ContextVar[bool] = ContextVar("inzet_mail_quiet", default=False)


@contextmanager
def notifications_off():
    """Build data (the demo) without sending anyone an e-mail."""
    token = _QUIET.set(True)
    try:
        yield
    finally:
        _QUIET.reset(token)


def notify(users: Iterable, template: str, context: dict) -> None:
    """Mail active people with an address, once the transaction commits (a rolled-back write
    sends nothing)."""
    if _QUIET.get():
        return
    emails = sorted({u.email for u in users if u.email and u.is_active})
    if emails:
        transaction.on_commit(lambda: send_mail_later(to=emails, template=template, context=context))
