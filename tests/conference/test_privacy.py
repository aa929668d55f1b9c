"""Special-category data (docs/quality.md, privacy 2): dietary and accessibility needs are stored apart,
seen only by organisers, given to the caterer as counts, and deleted 30 days after."""

from __future__ import annotations

import datetime
from io import BytesIO, StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.conference import selectors, services, views
from samskapa.conference.models import ParticipantNeeds, Registration
from samskapa.core.models import AuditEvent
from tests.conference.conftest import form_data, make_registration
from tests.factories.accounts import staff
from tests.factories.conference import at
from tests.factories.projects import lead_of

pytestmark = pytest.mark.django_db


def _with_needs(edition: Any, email: str, dietary: list[str], accessibility: str = "") -> Any:
    return make_registration(
        edition, email, needs={"dietary": dietary, "accessibility": accessibility}
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (StaffRole.ADMIN, 200),
        (StaffRole.PROCESS_LEADER, 403),
        (StaffRole.COACH, 403),
        (StaffRole.EVALUATOR, 403),
        (StaffRole.FUNDER, 403),
        ("project_lead", 403),
    ],
)
def test_needs_page_is_for_organisers_only(
    role: str, status: int, client_for: Any, edition: Any
) -> None:
    _with_needs(edition, "a@example.se", ["vegan"], "Hörselslinga")
    person = lead_of() if role == "project_lead" else staff(role)
    response = client_for(person).get(reverse("conference:needs", args=[edition.year]))
    assert response.status_code == status
    if status == 200:
        assert "Hörselslinga" in response.content.decode()
    else:
        assert "Hörselslinga" not in response.content.decode()


def test_reading_the_needs_is_audited_without_values(
    client_for: Any, organiser: User, edition: Any
) -> None:
    _with_needs(edition, "a@example.se", ["vegan"], "Hörselslinga")
    client_for(organiser).get(reverse("conference:needs", args=[edition.year]))
    event = AuditEvent.objects.filter(action="sensitive_read").latest("at")
    assert event.fields == ["accessibility", "dietary", "dietary_other"]
    assert "Hörselslinga" not in f"{event.detail}{event.path}"


def test_organiser_overview_shows_counts_without_names(
    client_for: Any, organiser: User, edition: Any
) -> None:
    _with_needs(edition, "anna@example.se", ["vegan"])
    response = client_for(organiser).get(
        reverse("conference:organise-edition", args=[edition.year])
    )
    html = response.content.decode()
    assert "Till cateringen" in html
    assert "anna@example.se" not in html


def test_caterer_counts_count_each_need_of_registered_participants_only(edition: Any) -> None:
    _with_needs(edition, "a@example.se", ["vegan", "gluten_free"])
    _with_needs(edition, "b@example.se", ["vegetarian"], "Rullstol")
    _with_needs(edition, "c@example.se", ["vegan"])  # capacity 2: on the waiting list
    counts = selectors.caterer_counts(edition)
    assert counts["participants"] == 2
    dietary = {str(label): count for label, count in counts["dietary"]}
    assert dietary["Vegansk"] == 1  # "vegan" does not match "vegetarian"
    assert dietary["Vegetarisk"] == 1
    assert dietary["Glutenfri"] == 1
    assert dietary["Laktosfri"] == 0
    assert counts["accessibility"] == 1


def _ended(time_machine: Any, edition: Any, days_ago: int) -> None:
    """Travel to the day `days_ago` days after the edition's last day."""
    time_machine.move_to(at(edition.ends_on + datetime.timedelta(days=days_ago), 3))


def test_purge_deletes_needs_more_than_30_days_after_the_conference(
    edition: Any, time_machine: Any
) -> None:
    registration = _with_needs(edition, "a@example.se", ["vegan"])
    _ended(time_machine, edition, 31)
    out = StringIO()
    call_command("purge", stdout=out)
    assert not ParticipantNeeds.objects.filter(registration=registration).exists()
    registration.refresh_from_db()  # the registration itself stays
    assert "conference.needs: deleted 1" in out.getvalue()


def test_purge_keeps_needs_until_30_days_have_passed(edition: Any, time_machine: Any) -> None:
    registration = _with_needs(edition, "a@example.se", ["vegan"])
    _ended(time_machine, edition, 30)
    assert services.purge_needs() == 0
    assert ParticipantNeeds.objects.filter(registration=registration).exists()


def test_purge_dry_run_deletes_nothing(edition: Any, time_machine: Any) -> None:
    registration = _with_needs(edition, "a@example.se", ["vegan"])
    _ended(time_machine, edition, 100)
    out = StringIO()
    call_command("purge", "--dry-run", stdout=out)
    assert ParticipantNeeds.objects.filter(registration=registration).exists()
    assert "conference.needs: would delete 1" in out.getvalue()


def test_needs_are_not_in_the_participant_export(
    client_for: Any, organiser: User, edition: Any
) -> None:
    _with_needs(edition, "a@example.se", ["vegan"], "Hörselslinga")
    response = client_for(organiser).get(
        reverse("conference:participants-export", args=[edition.year])
    )
    sheet = load_workbook(BytesIO(response.content), read_only=True).active
    text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    assert "a@example.se" in text
    assert "Hörselslinga" not in text and "vegan" not in text


def test_registrations_are_anonymised_twelve_months_after(edition: Any, time_machine: Any) -> None:
    kept = make_registration(edition, "a@example.se")
    gone = make_registration(edition, "b@example.se", needs={"dietary": ["vegan"]})
    Registration.objects.filter(pk=kept.pk).update(checked_in_at=timezone.now())
    _ended(time_machine, edition, 365)
    assert services.anonymise_old_registrations() == 0
    _ended(time_machine, edition, 366)
    assert services.anonymise_old_registrations(dry_run=True) == 2
    assert Registration.objects.get(pk=gone.pk).email == "b@example.se"
    assert services.anonymise_old_registrations() == 2
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.name, kept.organisation) == ("", "")
    assert kept.email.endswith("@anonymised.invalid")
    assert kept.checked_in_at is not None and kept.category == "esf_project"
    assert not ParticipantNeeds.objects.filter(registration=gone).exists()
    assert services.anonymise_old_registrations() == 0


def test_rate_limit_stops_a_flood_of_registrations(
    client: Any, edition: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(views, "PUBLIC_POSTS_PER_HOUR", 2)
    url = reverse("conference:register", args=[edition.year])
    statuses = [client.post(url, form_data(email=f"p{i}@example.se")).status_code for i in range(3)]
    assert statuses == [200, 200, 429]
    assert edition.registrations.count() == 2
