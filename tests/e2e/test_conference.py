"""A visitor registers in the browser, gets a confirmation with a calendar file, cancels, and
the first person on the waiting list gets the place and an e-mail."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from icalendar import Calendar

from samskapa.conference import services
from samskapa.conference.enums import RegistrationStatus
from samskapa.conference.models import Edition, Registration
from tests.e2e.test_accessibility import AXE_OPTIONS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]


def test_register_cancel_and_the_waiting_list_moves(new_page: Any) -> None:
    edition = Edition.objects.get(year=2027)
    taken = edition.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    edition.capacity = taken + 1  # the visitor gets the last place
    edition.save()
    mail.outbox.clear()

    page, watcher = new_page(320)  # on a phone
    page.goto("/conference/")
    page.click("text=Om konferensen")
    page.click("text=Anmäl dig")
    page.click("main form button[type=submit]")  # empty form: errors first
    assert page.locator(".error-summary").count() == 1
    assert Axe().run(page, options=AXE_OPTIONS).response["violations"] == []
    page.fill("input[name=name]", "Vera Lind")
    page.fill("input[name=email]", "vera.lind@example.se")
    page.fill("input[name=organisation]", "Region Skåne")
    page.select_option("select[name=sector]", "public")
    page.select_option("select[name=country]", "SE")
    page.select_option("select[name=category]", "esf_project")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Vi har skickat ett mejl till vera.lind@example.se" in page.inner_text("main")

    [confirmation] = mail.outbox
    assert confirmation.to == ["vera.lind@example.se"]
    calendar = Calendar.from_ical(confirmation.attachments[0][1])
    assert next(str(e["summary"]) for e in calendar.walk("VEVENT")).startswith("Samskapa 2027")
    manage_path = re.search(r"https?://[^/]+(/conference/r/[^/\s]+/)", confirmation.body)
    assert manage_path is not None

    waiting = services.register_participant(
        site_url="http://testserver/",
        edition=edition,
        data={
            "name": "Wilma Väntar",
            "email": "wilma@example.org",
            "organisation": "Avise",
            "sector": "civil_society",
            "country": "FR",
            "category": "european_centre",
            "language": "en",
        },
    )
    assert waiting.status == RegistrationStatus.WAITLISTED
    mail.outbox.clear()

    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(manage_path.group(1))  # the personal link from the e-mail
    assert "du har en plats på konferensen" in page.inner_text("main")
    page.click("text=Avboka min anmälan")
    page.wait_for_load_state("networkidle")
    assert "Din anmälan är avbokad" in page.inner_text("main")

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        (
            "vera.lind@example.se",
            "Anmälan avbokad: Samskapa 2027 – Social innovation som förändrar",
        ),
        (
            "wilma@example.org",
            "You have a place: Samskapa 2027 – Social innovation that changes things",
        ),
    ]
    assert Registration.objects.get(email="vera.lind@example.se").status == "cancelled"
    assert watcher.errors == []


def test_token_pages_and_form_errors_are_accessible(new_page: Any) -> None:
    """Pages the access-matrix scan cannot reach with demo data: feedback (open only around
    the conference), a waiting-list registration, and the error states of the public forms."""
    import datetime

    from django.utils import timezone

    edition = Edition.objects.get(year=2027)
    edition.starts_on = timezone.localdate()
    edition.ends_on = timezone.localdate() + datetime.timedelta(days=1)
    edition.capacity = 1
    edition.call_closes_on = timezone.localdate()
    edition.save()
    registration = edition.registrations.filter(status=RegistrationStatus.REGISTERED).first()
    waiting = services.register_participant(
        site_url="http://testserver/",
        edition=edition,
        data={
            "name": "Wilma Väntar",
            "email": "wilma@example.org",
            "organisation": "Avise",
            "sector": "civil_society",
            "country": "FR",
            "category": "european_centre",
            "language": "en",
        },
    )
    assert registration is not None and waiting.status == RegistrationStatus.WAITLISTED
    page, watcher = new_page(320)
    problems = []
    for url, submit in [
        (f"/conference/feedback/{registration.feedback_token}/", True),
        (f"/conference/r/{waiting.token}/", False),
        ("/conference/2027/call/", True),
    ]:
        page.goto(url)
        if submit:
            page.click("main form button[type=submit]")
            page.wait_for_load_state("networkidle")
            assert page.locator(".error-summary").count() == 1, url
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        problems += [f"{url}: {v['id']}" for v in violations]
    assert problems == []
    assert watcher.errors == []
