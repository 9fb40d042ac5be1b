"""Background work for invitations. An operator runs it daily: `manage.py inzet_invitations` from cron,
or this task through the worker (`manage.py db_worker`, started by `make run`)."""

from django_tasks import task

from inzet.engagements import services


@task()
def invitations_housekeeping() -> dict[str, int]:
    """Expire invitations that ran out, then remind experts whose invitation ends within two days."""
    return services.invitations_housekeeping()
