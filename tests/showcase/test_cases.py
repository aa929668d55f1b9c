"""Public cases: prepared by the project lead, reviewed by centre staff, published as a
snapshot, withdrawn off every public surface."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.core import pagecache
from samskapa.projects.models import Project
from samskapa.showcase import selectors, services
from samskapa.showcase.enums import Licence, VersionStatus
from samskapa.showcase.models import Case, CaseVersion
from samskapa.toolkit.models import ParticipationProfile, SustainabilityPlan
from tests.factories.accounts import staff
from tests.factories.projects import ProjectFactory, lead_of, member_of
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory, published_case

pytestmark = pytest.mark.django_db


def _public_surfaces(client: Any, case: Case, title: str) -> dict[str, bool]:
    """Whether `title` (or the case's id) shows on each public surface, for an anonymous
    visitor: the list, the search, the case page, the open-data files."""
    client.logout()
    listing = client.get(reverse("showcase:case-list")).content.decode()
    search = client.get(reverse("showcase:case-list") + "?q=" + title).content.decode()
    detail = client.get(reverse("showcase:case-detail", args=[case.pk]))
    contact = client.get(reverse("showcase:case-contact", args=[case.pk]))
    csv_text = client.get(reverse("showcase:open-data-file", args=["cases", "csv"])).content
    json_rows = json.loads(
        client.get(reverse("showcase:open-data-file", args=["cases", "json"])).content
    )
    ids = {int(row["id"]) for row in csv.DictReader(io.StringIO(csv_text.decode()))}
    feed = client.get(reverse("showcase:case-feed")).content.decode()
    link = f'href="{reverse("showcase:case-detail", args=[case.pk])}"'
    return {
        "list": link in listing,
        "search": link in search,
        "page": detail.status_code == 200,
        "contact": contact.status_code == 200,
        "csv": case.pk in ids,
        "json": case.pk in {row["id"] for row in json_rows},
        "feed": reverse("showcase:case-detail", args=[case.pk]) in feed,
    }


def _through_review(project: Project, lead: Any, reviewer: Any) -> CaseVersion:
    version = services.start_version(project=project, by=lead)
    services.submit_version(version=version, licence=Licence.CC_BY_4_0, by=lead)
    return services.publish_version(version=version, by=reviewer)


def test_the_draft_is_filled_from_the_profile_and_the_toolkit() -> None:
    project = ProjectFactory(
        name="Ung ingång", challenge="Unga faller mellan stolarna.", total_budget=5_000_000,
        cofinancing_rate=60,
    )  # fmt: skip
    ParticipationProfile.objects.create(project=project, description="Unga sitter i styrgruppen.")
    SustainabilityPlan.objects.create(project=project, takeover="Kommunen tar över ingången.")
    version = services.start_version(project=project, by=lead_of(project))
    assert version.number == 1 and version.is_draft
    assert version.title == "Ung ingång"
    assert version.problem == "Unga faller mellan stolarna."
    assert version.co_creation == "Unga sitter i styrgruppen."
    assert "Kommunen tar över ingången." in version.scaling
    assert version.project_number == project.number
    assert version.owner_name == project.owner.name
    assert version.nuts_region == "SE12"  # Örebro län
    assert version.total_budget == 5_000_000 and version.cofinancing_rate == 60
    assert version.licence == Licence.CC_BY_4_0


def test_invisible_until_published_and_after_withdrawal_on_every_surface(client: Any) -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    reviewer = staff(StaffRole.PROCESS_LEADER)
    version = services.start_version(project=project, by=lead)
    version.title = "Hemligt utkast"
    services.save_version(version=version, by=lead)
    case = version.case
    assert not any(_public_surfaces(client, case, "Hemligt utkast").values())

    services.submit_version(version=version, licence=Licence.CC_BY_4_0, by=lead)
    assert not any(_public_surfaces(client, case, "Hemligt utkast").values())

    services.publish_version(version=version, by=reviewer)
    assert all(_public_surfaces(client, case, "Hemligt utkast").values())

    services.withdraw_case(case=case, by=reviewer)
    assert not any(_public_surfaces(client, case, "Hemligt utkast").values())
    version.refresh_from_db()
    assert version.status == VersionStatus.WITHDRAWN


def test_a_project_edit_reaches_the_public_only_through_a_new_published_version(
    client: Any,
) -> None:
    project = ProjectFactory(name="Första namnet", challenge="Gammal utmaning.")
    lead = lead_of(project)
    reviewer = staff(StaffRole.ADMIN)
    first = _through_review(project, lead, reviewer)
    page = reverse("showcase:case-detail", args=[first.case.pk])

    project.name, project.challenge = "Nytt namn", "Ny utmaning."
    project.save()
    pagecache.touch("showcase")
    body = client.get(page).content.decode()
    assert "Första namnet" in body and "Gammal utmaning." in body and "Ny utmaning." not in body

    second = services.start_version(project=project, by=lead)
    assert second.number == 2 and second.title == "Första namnet"  # a copy of the published one
    services.refill_from_project(version=second, by=lead)
    assert second.title == "Nytt namn"
    services.submit_version(version=second, licence=Licence.CC_BY_4_0, by=lead)
    assert "Ny utmaning." not in client.get(page).content.decode()  # still in review

    services.publish_version(version=second, by=reviewer)
    body = client.get(page).content.decode()
    assert "Nytt namn" in body and "Ny utmaning." in body
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert first.title == "Första namnet"  # the snapshot is kept as it was


def test_a_version_in_review_or_published_cannot_be_edited() -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    version = services.start_version(project=project, by=lead)
    services.submit_version(version=version, licence=Licence.CC0_1_0, by=lead)
    version.title = "Ändrad"
    with pytest.raises(services.NotAllowedNow):
        services.save_version(version=version, by=lead)
    services.publish_version(version=version, by=staff(StaffRole.ADMIN))
    with pytest.raises(services.NotAllowedNow):
        services.save_version(version=version, by=lead)
    assert CaseVersion.objects.get(pk=version.pk).title != "Ändrad"


def test_lead_prepares_and_submits_through_the_pages(client_for: Any) -> None:
    project = ProjectFactory(name="Vägen in")
    client = client_for(lead_of(project))
    response = client.post(reverse("showcase:case-start", args=[project.pk]))
    assert response.status_code == 302
    edit = reverse("showcase:case-edit", args=[project.pk])
    form = client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        title="Vägen in",
        title_en="The way in",
        summary="Kort.",
        focus_areas=["participation"],
        target_groups=["young_people"],
        links_text="https://example.se/rapport Slutrapport\nhttps://example.se/film",
    )
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    version = CaseVersion.objects.get(case__project=project)
    assert version.title_en == "The way in"
    assert version.links == [
        {"url": "https://example.se/rapport", "label": "Slutrapport"},
        {"url": "https://example.se/film", "label": "https://example.se/film"},
    ]

    bad = client.post(edit, {**data, "links_text": "javascript:alert(1) x"})
    assert bad.status_code == 200
    assert "does not start with a web address" in bad.content.decode()
    assert "javascript:alert(1) x" in bad.content.decode()  # what was typed is kept

    submit = reverse("showcase:case-submit", args=[project.pk])
    refused = client.post(submit, {"licence": Licence.CC_BY_4_0})
    assert refused.status_code == 200  # the licence must be granted
    assert client.post(submit, {"licence": Licence.CC_BY_4_0, "grant": "on"}).status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.REVIEW and version.licence == Licence.CC_BY_4_0


def test_members_see_the_workspace_but_only_the_lead_prepares(client_for: Any) -> None:
    project = ProjectFactory()
    member = member_of(project)
    client = client_for(member)
    assert client.get(reverse("showcase:project-case", args=[project.pk])).status_code == 200
    assert client.post(reverse("showcase:case-start", args=[project.pk])).status_code == 404
    other = client_for(lead_of(ProjectFactory()))
    assert other.get(reverse("showcase:project-case", args=[project.pk])).status_code == 404


def test_reviewer_publishes_or_returns_with_a_note(client_for: Any) -> None:
    version = CaseVersionFactory(status=VersionStatus.REVIEW, title="Till granskning")
    coach = client_for(staff(StaffRole.COACH))
    assert coach.get(reverse("showcase:review-queue")).status_code == 403
    client = client_for(staff(StaffRole.PROCESS_LEADER))
    assert "Till granskning" in client.get(reverse("showcase:review-queue")).content.decode()
    url = reverse("showcase:review-return", args=[version.pk])
    assert client.post(url, {"note": ""}).status_code == 200  # a note is required
    assert client.post(url, {"note": "Lägg till resultat."}).status_code == 302
    version.refresh_from_db()
    assert version.is_draft and version.review_note == "Lägg till resultat."
    assert not version.case.is_public


def test_contact_form_mails_the_leads_without_showing_their_address(
    client: Any, django_capture_on_commit_callbacks: Any, mailoutbox: Any
) -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    member_of(project)
    case = published_case(project)
    page = client.get(reverse("showcase:case-detail", args=[case.pk])).content.decode()
    assert lead.email not in page
    url = reverse("showcase:case-contact", args=[case.pk])
    response = client.post(url, {"name": "Kim", "email": "not-an-address", "message": "Hej"})
    assert response.status_code == 200 and "Kim" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Kim", "email": "kim@example.se", "message": "Vi vill prova."}
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[lead.email]]
    assert mailoutbox[0].reply_to == ["kim@example.se"]
    assert "Vi vill prova." in mailoutbox[0].body


def test_contact_form_is_rate_limited(client: Any, monkeypatch: Any) -> None:
    from dataclasses import replace

    import time_machine
    from django.utils import timezone

    from samskapa.core import ratelimit

    monkeypatch.setattr(ratelimit, "PUBLIC_FORM", replace(ratelimit.PUBLIC_FORM, count=2))
    case = published_case()
    url = reverse("showcase:case-contact", args=[case.pk])
    data = {"name": "Kim", "email": "kim@example.se", "message": "Hej"}
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [client.post(url, data).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_filters_find_the_right_cases(client: Any) -> None:
    published_case(title="Ungdomsingång", focus_areas=["participation"], nuts_region="SE11")
    published_case(title="Äldrestöd", focus_areas=["ecosystem"], nuts_region="SE33",
                   target_groups=["older_people"])  # fmt: skip
    url = reverse("showcase:case-list")

    def titles(query: str) -> set[str]:
        body = client.get(url + query).content.decode()
        return {t for t in ("Ungdomsingång", "Äldrestöd") if t in body}

    assert titles("?focus_area=participation") == {"Ungdomsingång"}
    assert titles("?region=SE33") == {"Äldrestöd"}
    assert titles("?target_group=older_people") == {"Äldrestöd"}
    assert titles("?q=ungdom") == {"Ungdomsingång"}
    assert titles("?region=nonsense") == {"Ungdomsingång", "Äldrestöd"}  # ignored, not a 500


def test_english_page_shows_the_english_texts_and_falls_back_to_swedish(client: Any) -> None:
    case = published_case(title="Svensk titel", title_en="English title", problem="Bara svenska.")
    body = client.get(reverse("showcase:case-detail", args=[case.pk])).content.decode()
    assert reverse("showcase:case-detail", args=[case.pk]).startswith("/en/")
    assert "English title" in body and "Bara svenska." in body
    assert 'lang="sv"' in body  # the Swedish fallback is marked as Swedish


def test_published_spread_records_follow_the_case() -> None:
    case = published_case()
    shown = SpreadRecordFactory(project=case.project, published=True)
    SpreadRecordFactory(project=case.project, published=False)
    SpreadRecordFactory(published=True)  # a project without a public case
    assert list(selectors.published_spread_records()) == [shown]
    services.withdraw_case(case=case, by=staff(StaffRole.ADMIN))
    assert list(selectors.published_spread_records()) == []


def test_home_panels_lead_members_and_reviewers_to_their_work(client_for: Any) -> None:
    project = ProjectFactory()
    CaseVersionFactory(case=Case.objects.create(project=project), status=VersionStatus.REVIEW)
    body = client_for(lead_of(project)).get(reverse("core:dashboard")).content.decode()
    assert reverse("showcase:project-case", args=[project.pk]) in body
    assert "version 1 in review" in body
    body = client_for(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()
    assert "1 case is waiting for you to review it." in body
    body = client_for(staff(StaffRole.COACH)).get(reverse("core:dashboard")).content.decode()
    assert reverse("showcase:review-queue") not in body
