"""E-mail goes out through a background task, so a slow mail server never slows a page."""

from django.conf import settings
from django.core.mail import send_mail
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
