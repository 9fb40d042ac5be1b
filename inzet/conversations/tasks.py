from django_tasks import task

from inzet.conversations import services


@task()
def send_digests() -> int:
    """The daily e-mail with unread notifications (safe to run twice at once: rows are claimed)."""
    return services.digest_send()
