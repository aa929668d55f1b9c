"""The `make load` scenario (scripts/load.sh; docs/operating.md, Load proof).

Four kinds of people use Samskapa at once, on the bench data set:

- anonymous visitors read the home page, the knowledge bank (list, a search, a material) and
  the conference (its page, the programme), in Swedish and English;
- conference participants fetch the registration form, register with an address of their
  own, wait for the e-mail with their personal link (the worker sends it; it is read from the
  process set's log, where the console mail backend writes it), open the link, and one in three
  cancels, giving their place to the waiting list;
- project members log in and work in their project: their overview, the project page, the
  toolkit's tools, their coalition, and now and then save the theory of change;
- staff log in with two factors (a TOTP code from the secret `scripts/load_db.py prepare`
  gave them) and use the back office: projects, a call, coalitions, conference participants
  and statistics, organisations, the knowledge bank's management.

Every visitor connects from an address of its own in 127.0.0.0/8, as people do from their
own machines, so the per-address limits of public forms count each one apart; the target is
always 127.0.0.1 (checked at the start). A response counts as a failure unless it is the page
expected (status and a marker); 5xx answers are counted apart. The settings come from the
environment: LOAD_SCENARIO (the JSON written by load_db.py) and LOAD_LOG (the log of the
process set).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
import time
from html import unescape
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, between, events, task
from urllib3 import PoolManager

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from loadtest.helpers import post_form, totp

SCENARIO: dict[str, Any] = json.loads(
    Path(os.environ.get("LOAD_SCENARIO", "var/load/scenario.json")).read_text()
)
LOG = Path(os.environ.get("LOAD_LOG", "var/load/serve-prod.log"))
RUN = f"{int(time.time()) % 1_000_000:06d}"
YEAR = SCENARIO["year"]
_addresses = itertools.count(2)
_registrations = itertools.count(1)
_staff_accounts = list(SCENARIO["staff"])
STATUS_5XX: dict[str, int] = {}
_rng = random.Random()  # noqa: S311 (the scenario's choices, not security)


def _next_address() -> str:
    n = next(_addresses)
    return f"127.0.{n // 250 % 250}.{n % 250 + 2}"


# --- The personal links, read from the e-mails the worker writes to the log ---------------

LINKS: dict[str, str] = {}
_TO = re.compile(r"^worker\s*\| To: (\S+)")
_LINK = re.compile(r"(/(?:en/)?conference/r/[A-Za-z0-9_-]{20,}/)")


def _read_mail() -> None:
    position = 0
    recipient = ""
    while True:
        try:
            with LOG.open(encoding="utf-8", errors="replace") as log:
                log.seek(position)
                for line in log:
                    if not line.endswith("\n"):
                        break  # half written: read it again next time
                    position += len(line.encode("utf-8", errors="replace"))
                    if not line.startswith("worker"):
                        continue
                    to = _TO.match(line)
                    if to:
                        recipient = to.group(1).lower()
                        continue
                    link = _LINK.search(line)
                    if link and recipient and recipient not in LINKS:
                        LINKS[recipient] = link.group(1)
        except FileNotFoundError:
            pass
        gevent.sleep(0.5)


@events.test_start.add_listener
def _start(environment: Any, **kwargs: Any) -> None:
    host = environment.host or ""
    if not host.startswith("http://127.0.0.1:"):
        raise SystemExit(f"The load scenario targets 127.0.0.1 only, not {host!r}.")
    gevent.spawn(_read_mail)


@events.request.add_listener
def _count_5xx(name: str, response: Any, **kwargs: Any) -> None:
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        STATUS_5XX[name] = STATUS_5XX.get(name, 0) + 1


@events.quitting.add_listener
def _report(environment: Any, **kwargs: Any) -> None:
    total = sum(STATUS_5XX.values())
    print(f"load: 5xx responses: {total}" + (f" {STATUS_5XX}" if total else ""))
    if total:
        environment.process_exit_code = 1


# --- People ------------------------------------------------------------------------------


class Visitor(HttpUser):
    abstract = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Each visitor from an address of its own (127.0.0.0/8 is all this machine).
        self.pool_manager = PoolManager(source_address=(_next_address(), 0), maxsize=2)
        super().__init__(*args, **kwargs)

    def page(self, url: str, *, name: str | None = None, expect: str = "</html>") -> str:
        """GET a page; anything but a 200 with the expected marker is a failure."""
        with self.client.get(url, name=name or url, catch_response=True) as response:
            if response.status_code != 200 or expect not in response.text:
                response.failure(f"{response.status_code}, {len(response.text)} bytes")
                return ""
            return response.text

    def submit(
        self, url: str, form: dict[str, Any], data: list[tuple[str, str]], *, name: str, expect: str
    ) -> str:
        with self.client.post(
            url, data=data, name=name, headers={"Referer": self.host + url}, catch_response=True
        ) as response:
            if response.status_code != 200 or expect not in response.text:
                response.failure(f"{response.status_code}, {len(response.text)} bytes")
                return ""
            return response.text

    def log_in(self, email: str, password: str, secret: str | None = None) -> bool:
        html = self.page("/accounts/login/", name="login form")
        form = post_form(html, field="login")
        if form is None:
            return False
        data = [(k, v) for k, v in form["fields"] if k == "csrfmiddlewaretoken"]
        data += [("login", email), ("password", password)]
        with self.client.post(
            "/accounts/login/", data=data, name="log in", catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 302:
                response.failure(f"log in answered {response.status_code}")
                return False
            location = response.headers.get("Location", "")
        if secret is not None:
            if "2fa/authenticate" not in location:
                return False
            html = self.page(location, name="two-factor form")
            form = post_form(html, field="code")
            if form is None:
                return False
            data = [(k, v) for k, v in form["fields"] if k == "csrfmiddlewaretoken"]
            # A code lasts 30 seconds and a slow answer may reach the server in the next
            # step: like a person, wait for a fresh code when this one is about to change.
            remaining = 30 - time.time() % 30
            if remaining < 20:
                gevent.sleep(remaining + 0.5)
            data.append(("code", totp(secret)))
            with self.client.post(
                location,
                data=data,
                name="two-factor code",
                catch_response=True,
                allow_redirects=False,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"two-factor code answered {response.status_code}")
                    return False
        return True


class AnonymousVisitor(Visitor):
    weight = 15
    wait_time = between(1, 3)

    @task(4)
    def home(self) -> None:
        self.page(_rng.choice(["/", "/en/"]), name="home")

    @task(3)
    def knowledge_bank(self) -> None:
        self.page(_rng.choice(["/library/", "/en/library/"]), name="knowledge bank")

    @task(2)
    def search(self) -> None:
        query = _rng.choice(["förändringsteori", "samverkan", "innovation", "unga", "utvärdering"])
        self.page(f"/library/?q={query}", name="knowledge bank search")

    @task(2)
    def material(self) -> None:
        self.page("/library/material/vad-ar-social-innovation/", name="knowledge bank material")

    @task(2)
    def conference(self) -> None:
        self.page(f"/conference/{YEAR}/", name="conference page")

    @task(3)
    def programme(self) -> None:
        self.page(
            _rng.choice([f"/conference/{YEAR}/programme/", f"/en/conference/{YEAR}/programme/"]),
            name="programme",
        )


class Participant(Visitor):
    weight = 4
    wait_time = between(2, 5)

    @task
    def register_and_maybe_cancel(self) -> None:
        url = f"/conference/{YEAR}/register/"
        html = self.page(url, name="registration form")
        form = post_form(html, field="email") if html else None
        if form is None:
            return
        email = f"load-{RUN}-{next(_registrations):05d}@example.org"
        fields = dict(form["fields"])
        options = form["options"]
        data = [("csrfmiddlewaretoken", fields.get("csrfmiddlewaretoken", ""))]
        data += [
            ("name", f"Lastprov {email[:-12]}"),
            ("email", email),
            ("organisation", "Lastprov AB"),
        ]
        for name in ("sector", "country", "category", "language"):
            choices = [value for value in options.get(name, []) if value]
            data.append((name, fields.get(name) or (choices[0] if choices else "")))
        sessions = options.get("sessions", [])
        data += [("sessions", value) for value in _rng.sample(sessions, min(2, len(sessions)))]
        if not self.submit(url, form, data, name="register", expect="</html>"):
            return
        link = ""
        for _ in range(60):  # the worker sends the e-mail: wait for it
            link = LINKS.get(email, "")
            if link:
                break
            gevent.sleep(1)
        if not link:
            events.request.fire(
                request_type="MAIL",
                name="registration e-mail",
                response_time=60_000,
                response_length=0,
                exception=RuntimeError("no e-mail within 60 s"),
                context={},
            )
            return
        html = self.page(link, name="my registration (personal link)")
        if not html or _rng.random() < 2 / 3:
            return
        form = post_form(html, action="/cancel/")
        if form is None:
            return
        token = [(k, v) for k, v in form["fields"] if k == "csrfmiddlewaretoken"]
        self.submit(
            unescape(form["action"]), form, token, name="cancel registration", expect="</html>"
        )


class ProjectMember(Visitor):
    weight = 4
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.email = _rng.choice(list(SCENARIO["members"]))
        self.work = SCENARIO["members"][self.email]
        self.logged_in = self.log_in(self.email, SCENARIO["password"])

    @task(6)
    def read(self) -> None:
        if self.logged_in:
            url = _rng.choice(self.work["pages"])
            self.page(url, name="member: " + re.sub(r"/\d+/", "/<id>/", url))

    @task(1)
    def save_theory_of_change(self) -> None:
        if not self.logged_in:
            return
        url = self.work["theory_edit"]
        html = self.page(url, name="member: edit theory of change")
        form = post_form(html, field="long_term_goal") if html else None
        if form is None:
            return
        data = [(k, v) for k, v in form["fields"] if k]
        with self.client.post(
            url,
            data=data,
            name="member: save theory of change",
            headers={"Referer": self.host + url},
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")


class Staff(Visitor):
    fixed_count = 4  # one per staff account: a TOTP code is accepted once per account
    wait_time = between(2, 5)

    def on_start(self) -> None:
        account = _staff_accounts.pop(0) if _staff_accounts else None
        self.pages = account["pages"] if account else []
        self.logged_in = bool(account) and self.log_in(
            account["email"], SCENARIO["password"], account["secret"]
        )

    @task
    def back_office(self) -> None:
        if self.logged_in:
            url = _rng.choice(self.pages)
            self.page(
                url,
                name="staff: "
                + re.sub(r"/\d+/", "/<id>/", url.split("?")[0])
                + ("?q" if "?" in url else ""),
            )
