"""Several app nodes on one PostgreSQL (README, "Past one machine"): real OS processes, each with
its own database connection, race the same service calls. Reminders are queued once and mailed
once by two task workers; the last seat goes to one expert only.

Runs only when the suite runs on PostgreSQL (INZET_DATABASE_URL=postgres://…, as the CI's second
run does): SQLite is one file on one machine, where several nodes do not apply.
"""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from conftest import make_person
from inzet.engagements import services
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("INZET_DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="several nodes share one PostgreSQL: runs in the PostgreSQL run of the suite",
    ),
    pytest.mark.django_db(transaction=True),
]

# Each node waits for the start file, so both act at the same moment; a node that reads the due
# reminders waits until the other has read them too (the worst order: both read before either writes).
NODE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    import django
    django.setup()
    from inzet.engagements import services
    from inzet.engagements.models import Invitation
    from inzet.accounts.models import User
    sync = Path(os.environ["SYNC_DIR"]); me = os.environ["NODE"]

    def wait_for(*names):
        deadline = time.monotonic() + 60
        while not all((sync / n).exists() for n in names):
            if time.monotonic() > deadline:
                sys.exit("timed out waiting for " + ", ".join(names))
            time.sleep(0.01)

    read = services._due_reminders
    def read_then_wait(**kwargs):
        rows = read(**kwargs)
        (sync / f"read-{me}").touch()
        wait_for("read-a", "read-b")
        return rows
    services._due_reminders = read_then_wait

    (sync / f"ready-{me}").touch()
    wait_for("go")
    if sys.argv[1] == "remind":
        print("reminded", services.invitations_remind())
    else:
        invitation = Invitation.objects.select_related("expert__user").get(pk=int(sys.argv[2]))
        try:
            services.invitation_respond(invitation=invitation, actor=invitation.expert.user, accept=True)
            print("seat taken")
        except services.SeatsFull:
            print("seats full")
    """
)


def _env(**extra) -> dict:
    """The test database of this run, as the other nodes see it (same server, same database)."""
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    return {
        **os.environ,
        "INZET_DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "inzet.settings",
        "INZET_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "INZET_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        **extra,
    }


def _race(tmp_path, args_per_node: dict[str, list[str]]) -> dict[str, str]:
    """Start one process per node, let them go at once, return each one's output."""
    nodes = {
        name: subprocess.Popen(
            [sys.executable, "-c", NODE, *args],
            cwd=ROOT,
            env=_env(SYNC_DIR=str(tmp_path), NODE=name),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in args_per_node.items()
    }
    deadline = time.monotonic() + 120
    for name in nodes:
        while not (tmp_path / f"ready-{name}").exists() and nodes[name].poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    (tmp_path / "go").touch()
    outputs = {}
    for name, process in nodes.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs[name] = out
    return outputs


def _experts(orgs, count: int) -> list[ExpertProfile]:
    profiles = []
    for i in range(count):
        user = make_person(f"node{i}@test.nl", f"Node {i}", [(orgs.deploying, Role.EXPERT)])
        profiles.append(ExpertProfile.objects.create(user=user, organisation=orgs.deploying))
    return profiles


def _request(orgs, asker, experts_needed: int) -> EngagementRequest:
    return EngagementRequest.objects.create(
        asker_organisation=orgs.asker,
        deploying_organisation=orgs.deploying,
        created_by=asker,
        title="Twee nodes",
        goal="Meedenken",
        experts_needed=experts_needed,
        status=RequestStatus.MATCHING,
    )


def test_two_nodes_queue_one_reminder_and_two_workers_mail_it_once(orgs, asker, coordinator, tmp_path):
    request = _request(orgs, asker, experts_needed=2)
    due = [
        services.invitation_create(engagement=request, expert=p, actor=coordinator, days=1) for p in _experts(orgs, 2)
    ]
    DBTaskResult.objects.all().delete()  # the invitations' own mails are not what this test counts

    outputs = _race(tmp_path, {"a": ["remind"], "b": ["remind"]})

    assert sorted(int(out.split()[-1]) for out in outputs.values()) in ([0, 2], [1, 1]), outputs
    queued = DBTaskResult.objects.filter(task_path__endswith="send_templated_mail")
    reminders = [t for t in queued if t.args_kwargs["kwargs"]["template"].endswith("invitation_reminder")]
    assert sorted(t.args_kwargs["kwargs"]["to"][0] for t in reminders) == sorted(i.expert.user.email for i in due)
    assert Invitation.objects.filter(request=request, reminded_at__isnull=True).count() == 0

    # Two task workers on the same database (two nodes each running one): every mail goes out once.
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    mailed = "".join(worker.communicate(timeout=120)[0] for worker in workers)
    for due_invitation in due:
        assert mailed.count(f"To: {due_invitation.expert.user.email}") == 1, mailed
    assert DBTaskResult.objects.filter(pk__in=[t.pk for t in reminders], status="SUCCESSFUL").count() == 2


def test_two_nodes_never_give_away_the_last_seat_twice(orgs, asker, coordinator, tmp_path):
    request = _request(orgs, asker, experts_needed=2)
    first, *racing = [
        services.invitation_create(engagement=request, expert=p, actor=coordinator) for p in _experts(orgs, 3)
    ]
    services.invitation_respond(invitation=first, actor=first.expert.user, accept=True)  # one seat left

    outputs = _race(tmp_path, {"a": ["accept", str(racing[0].pk)], "b": ["accept", str(racing[1].pk)]})

    assert sorted(out.strip() for out in outputs.values()) == ["seat taken", "seats full"], outputs
    assert request.invitations.filter(state=Invitation.State.ACCEPTED).count() == 2
