"""Locust users for `make load`: coordinators, experts and askers as they use Inzet, plus a bare view.

Run by inzet.loadtest.run (headless, bounded in users and time, against 127.0.0.1 only). The
accounts come from prepare.py, passed in the file named by INZET_LOAD_ACCOUNTS. Coordinators pass
two-step login with a TOTP code computed from their device's key, as their phone app would; each
simulated coordinator has its own device, because a code is accepted only once per device.
"""

import itertools
import json
import os
import re
import time
from datetime import date

from locust import HttpUser, between, constant, task

from inzet.loadtest.codes import totp

ACCOUNTS = json.loads(open(os.environ["INZET_LOAD_ACCOUNTS"]).read())  # noqa: SIM115
OFFSET = int(os.environ.get("INZET_LOAD_OFFSET", "0"))  # each run takes fresh devices and people
_next = {kind: itertools.count(OFFSET) for kind in ("coordinators", "experts", "askers")}
_FIELD = re.compile(r'name="(csrfmiddlewaretoken|idempotency_token)" value="([^"]+)"')


def _take(kind: str) -> dict | str:
    people = ACCOUNTS[kind]
    return people[next(_next[kind]) % len(people)]


class Person(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)

    def form_fields(self, url: str, *, name: str) -> dict:
        """The hidden fields (CSRF and idempotency token) of the form on `url`."""
        with self.client.get(url, name=name, catch_response=True) as response:
            fields = dict(_FIELD.findall(response.text))
            if response.status_code != 200 or "csrfmiddlewaretoken" not in fields:
                response.failure(f"no form on {url}: {response.status_code}")
            return fields

    def post_form(self, url: str, data: dict, *, name: str, expect: str) -> None:
        """Post a form as a browser does and count it as failed unless it redirects to `expect`."""
        fields = self.form_fields(url, name=f"{name} (form)")
        with self.client.post(
            url, data={**fields, **data}, name=name, allow_redirects=False, catch_response=True
        ) as response:
            target = response.headers.get("Location", "")
            if response.status_code != 302 or expect not in target:
                response.failure(f"{name}: {response.status_code} → {target!r}")

    def log_in(self, person: dict) -> None:
        """Password, then (for people with a device) the code from their app."""
        self.post_form(
            "/account/inloggen/",
            {"username": person["email"], "password": ACCOUNTS["password"]},
            name="login",
            expect="/",
        )
        if "key" not in person:
            return
        for _attempt in range(2):
            fields = self.form_fields("/account/tweestaps/", name="two-step (form)")
            response = self.client.post(
                "/account/tweestaps/",
                data={**fields, "token": totp(person["key"])},
                name="two-step",
                allow_redirects=False,
            )
            if response.status_code == 302:
                return
            # This code was used on this device already (an earlier run, same 30 s): wait for the next.
            time.sleep(30 - time.time() % 30 + 1)
        raise RuntimeError(f"two-step login failed for {person['email']}")

    def page(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{name}: {response.status_code} {response.headers.get('Location', '')}")


class Coordinator(Person):
    weight = 2

    def on_start(self):
        self.log_in(_take("coordinators"))

    @task(3)
    def expert_list(self):
        self.page("/zoeken/?q=utrecht", "coordinator: expert list")

    @task(1)
    def expert_list_page_5(self):
        self.page("/zoeken/?page=5", "coordinator: expert list")

    @task(2)
    def matching(self):
        self.page(f"/koppelen/{ACCOUNTS['matching_request']}/", "coordinator: matching")

    @task(2)
    def approvals(self):
        self.page("/vergoedingen/goedkeuren/", "coordinator: approvals")


class Expert(Person):
    weight = 2

    def on_start(self):
        person = _take("experts")
        self.invitation = person["invitation"]
        self.log_in(person)

    @task(3)
    def home(self):
        self.page("/", "expert: home")

    @task(2)
    def invitations(self):
        self.page("/vragen/uitnodigingen/", "expert: invitations")

    @task(1)
    def log_hours(self):
        url = f"/vergoedingen/opdrachten/{self.invitation}/uren/"
        self.post_form(
            url,
            {"date": date.today().isoformat(), "hours": "2", "description": "Load test", "confirm": "on"},
            name="expert: log hours",
            expect=f"/vergoedingen/opdrachten/{self.invitation}/",
        )


class Asker(Person):
    weight = 1

    def on_start(self):
        self.log_in(_take("askers"))

    @task(1)
    def my_requests(self):
        self.page("/vragen/", "asker: my requests")

    @task(2)
    def request_detail(self):
        self.page(f"/vragen/{ACCOUNTS['running_request']}/", "asker: request")


class Bare(Person):
    """The bare view through the same middleware, anonymous (logging in would measure argon2).
    Run on its own (run.py names the classes of each phase)."""

    wait_time = constant(0)  # as fast as it answers: the ceiling of this server

    @task
    def bare(self):
        self.page("/_load/bare/", "bare view")
