#!/usr/bin/env python3
"""The database side of `make load` (scripts/load.sh), on the bench data set.

    python scripts/load_db.py prepare CONFIG.json   before the run
    python scripts/load_db.py check                 after the run
    python scripts/load_db.py seeded                exit 0 if the bench data set is loaded

`prepare` leaves the bench conference a few places short of full (its capacity becomes the
registered count plus LOAD_FREE_PLACES, default 5), so that the run fills it, puts people on
the waiting list and moves them up when others cancel; gives each staff account of the demo a
new TOTP secret (staff log in with two factors under production settings); and writes what
the locust scenario needs (addresses of pages, accounts, secrets) to CONFIG.json, readable by
its owner only. It needs the SAMSKAPA_MFA_KEYS of the running processes.

`check` fails (exit 1) if any edition has more registered participants than places, or any
session more confirmed seats than it has, and prints the counts.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.settings")

import django

django.setup()

from allauth.mfa.models import Authenticator  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402

from samskapa.accounts.models import User  # noqa: E402
from samskapa.coalitions.models import CoalitionProject  # noqa: E402
from samskapa.conference.bench import YEAR  # noqa: E402
from samskapa.conference.enums import BookingStatus, RegistrationStatus  # noqa: E402
from samskapa.conference.models import Edition, Session  # noqa: E402
from samskapa.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD  # noqa: E402
from samskapa.projects.models import Call, Project  # noqa: E402

MEMBERS = ["projekt@samskapa.test", "projekt2@samskapa.test"]


def _member_pages(email: str) -> dict[str, object]:
    user = User.objects.get(email=email)
    project = Project.objects.filter(members__user=user).order_by("number").first()
    if project is None:
        raise SystemExit(f"{email} is in no project: is the bench data set loaded?")
    tools = f"/projects/{project.pk}/tools/"
    coalition = CoalitionProject.objects.filter(project=project).select_related("coalition").first()
    pages = ["/home/", f"/projects/{project.pk}/", tools, tools + "theory_of_change/"]
    pages += [tools + "indicators/", tools + "problem_tree/", tools + "ecosystem_map/"]
    if coalition is not None:
        pages.append(coalition.coalition.get_absolute_url())
    return {"pages": pages, "theory_edit": f"{tools}edit/theory/"}


def prepare(config_path: Path) -> None:
    if "bench" not in str(connection.settings_dict["NAME"]):
        raise SystemExit("Refusing to prepare a database that is not a bench database.")
    free = int(os.environ.get("LOAD_FREE_PLACES", "5"))
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(year=YEAR)
        taken = edition.registrations.filter(status=RegistrationStatus.REGISTERED).count()
        edition.capacity = taken + free
        edition.save(update_fields=["capacity"])
        staff = []
        for email, _name, role in DEMO_ACCOUNTS:
            if not role:
                continue
            user = User.objects.get(email=email)
            Authenticator.objects.filter(user=user).delete()
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            staff.append({"email": email, "secret": secret})
    call = Call.objects.filter(reference="2099/09999").first()
    staff_pages = [
        "/home/",
        "/projects/",
        f"/calls/{call.pk}/" if call else "/calls/",
        "/coalitions/",
        f"/conference/organise/{YEAR}/participants/",
        f"/conference/organise/{YEAR}/participants/?q=Deltagare+0042",
        f"/conference/organise/{YEAR}/statistics/",
        "/organisations/",
        "/library/manage/",
    ]
    for account in staff:
        # Each staff role sees its own part of the back office: the pages it may open.
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(email=account["email"]))
        account["pages"] = [url for url in staff_pages if client.get(url).status_code == 200]
    config = {
        "year": YEAR,
        "capacity": edition.capacity,
        "password": DEMO_PASSWORD,
        "members": {email: _member_pages(email) for email in MEMBERS},
        "staff": staff,
    }
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.touch(mode=0o600)
    config_path.write_text(json.dumps(config, indent=2))
    print(
        f"load: edition {YEAR} has {taken} registered and {edition.capacity} places;"
        f" {len(staff)} staff accounts have a new TOTP secret; scenario in {config_path}"
    )


def check() -> int:
    problems = []
    for edition in Edition.objects.annotate(
        registered=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        ),
        waiting=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
        cancelled=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CANCELLED)
        ),
    ).order_by("year"):
        print(
            f"load check: edition {edition.year}: {edition.registered} registered of"
            f" {edition.capacity} places, {edition.waiting} waiting, {edition.cancelled} cancelled"
        )
        if edition.registered > edition.capacity:
            problems.append(f"edition {edition.year}: {edition.registered} > {edition.capacity}")
    sessions = Session.objects.filter(seats__isnull=False).annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED))
    )
    for session in sessions:
        assert session.seats is not None
        if session.confirmed > session.seats:
            problems.append(f"session {session.pk}: {session.confirmed} > {session.seats} seats")
    full = sum(1 for session in sessions if session.seats and session.confirmed >= session.seats)
    print(f"load check: {len(sessions)} sessions with limited seats, {full} full, none over")
    if problems:
        print("load check: FAILED, above capacity: " + "; ".join(problems))
        return 1
    print("load check: passed: no edition and no session above its capacity")
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]))
        return 0
    if len(sys.argv) == 2 and sys.argv[1] == "check":
        return check()
    if len(sys.argv) == 2 and sys.argv[1] == "seeded":
        return 0 if Project.objects.filter(number__startswith="9").exists() else 1
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
