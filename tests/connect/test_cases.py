"""The public case page's "Projects like this one" and "Peers in Europe": built from published
cases and the public catalogue only, never the case itself, every suggestion with its reasons,
and renewed in the page cache when a case is withdrawn."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.connect import selectors
from samskapa.connect import services as connect_services
from samskapa.connect.matching import TEXT
from samskapa.connect.models import Counterpart
from samskapa.core import pagecache
from samskapa.core.models import AuditEvent
from samskapa.europe import services as europe_services
from samskapa.europe.enums import Source
from samskapa.showcase import services
from samskapa.showcase.enums import VersionStatus
from tests.factories.accounts import staff
from tests.factories.europe import InitiativeFactory
from tests.factories.projects import lead_of
from tests.factories.showcase import CaseVersionFactory, published_case

pytestmark = pytest.mark.django_db

HOUSING = (
    "Bostadslösa unga vuxna får egen lägenhet direkt, med boendestöd och hyreskontrakt "
    "i första hand, i samverkan med hyresvärdar."
)
HOUSING_EN = (
    "Homeless young adults get their own flat straight away, with housing support and a "
    "tenancy first, together with landlords."
)
FILLER = "Projektet ska utveckla metoder och insatser inom ramen för projektets syfte."


def _housing(title: str, **kwargs: Any) -> Any:
    values: dict[str, Any] = {
        "title": title,
        "summary": HOUSING,
        "summary_en": HOUSING_EN,
        "target_groups": ["inactive"],
        "focus_areas": ["participation"],
    }
    values.update(kwargs)
    return published_case(**values)


def _titles(items: list[Any]) -> list[str]:
    return [item.case.public_version.title for item in items]


def test_similar_cases_are_published_others_with_reasons() -> None:
    first = _housing("Bostad först Örebro")
    second = _housing("Bostad först Västerås", nuts_region="SE12")
    _housing("Bostad först Luleå")
    withdrawn = _housing("Tillbakadraget fall")
    withdrawn.public_version = None
    withdrawn.save(update_fields=["public_version"])
    CaseVersionFactory(title="Utkast om bostad", summary=HOUSING, status=VersionStatus.REVIEW)
    published_case(
        title="Bara utfyllnad", summary=FILLER, target_groups=["older_people"], focus_areas=[]
    )
    found = selectors.similar_cases(first)
    titles = _titles(found)
    assert "Bostad först Örebro" not in titles
    assert "Bostad först Västerås" in titles
    assert "Tillbakadraget fall" not in titles
    assert "Utkast om bostad" not in titles
    assert "Bara utfyllnad" not in titles
    match = next(item for item in found if item.case == second)
    kinds = {reason.kind: reason for reason in match.reasons}
    assert kinds[selectors.TARGET_GROUP].values
    assert {"bostadslösa", "hyresvärdar"} & set(kinds[TEXT].values)
    assert all(item.reasons for item in found)


def test_a_case_that_is_not_published_has_no_suggestions() -> None:
    _housing("Bostad först Örebro")
    draft = CaseVersionFactory(summary=HOUSING, status=VersionStatus.REVIEW).case
    assert selectors.similar_cases(draft) == []
    assert selectors.european_peers(draft) == []


def test_the_case_page_shows_similar_cases_and_a_withdrawal_takes_them_off(client: Any) -> None:
    first = _housing("Bostad först Örebro")
    _housing("Bostad först Västerås")
    url = reverse("showcase:case-detail", args=[first.pk])
    page = client.get(url).content.decode()
    assert "Projects like this one" in page
    assert "Bostad först Västerås" in page
    assert "Shared target groups" in page
    assert page == client.get(url).content.decode()  # served again from the cache

    other = _housing("Bostad först Gävle")  # published_case bypasses the services
    assert "Bostad först Gävle" not in client.get(url).content.decode()  # still cached
    pagecache.touch("showcase")
    assert "Bostad först Gävle" in client.get(url).content.decode()

    services.withdraw_case(case=other, by=staff(StaffRole.ADMIN))
    page = client.get(url).content.decode()
    assert "Bostad först Gävle" not in page
    assert "Bostad först Västerås" in page


def test_european_peers_compare_the_english_texts(client: Any) -> None:
    case = _housing("Bostad först Örebro")
    housing = InitiativeFactory(
        title="Housing First for young adults",
        summary="Homeless young adults get a flat and a tenancy first, with housing support.",
        themes="Housing; Homelessness",
        is_example=True,
    )
    InitiativeFactory(
        title="Digital skills for seniors",
        summary="Older people learn to use public e-services in libraries.",
        themes="Digital inclusion",
    )
    peers = selectors.european_peers(case)
    assert [peer.initiative for peer in peers] == [housing]
    assert {"homeless", "tenancy"} <= set(peers[0].words)
    page = client.get(reverse("showcase:case-detail", args=[case.pk])).content.decode()
    assert "Peers in Europe" in page
    assert "Housing First for young adults" in page
    assert "Example data" in page
    assert "Digital skills for seniors" not in page


def test_no_english_text_no_european_peers() -> None:
    case = _housing("Bostad först Örebro", title_en="", summary_en="")
    InitiativeFactory(title="Housing First", summary="Homeless young adults get a flat first.")
    assert selectors.european_peers(case) == []


def test_the_sections_cost_the_same_for_1_and_3_cases(
    client: Any, django_assert_num_queries: Any
) -> None:
    first = _housing("Bostad först Örebro")
    _housing("Bostad först Västerås")
    InitiativeFactory(title="Housing First", summary=HOUSING_EN)
    url = reverse("showcase:case-detail", args=[first.pk])
    client.get(url)
    pagecache.touch("showcase")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).content.decode().count("suggestion-title") == 2
    _housing("Bostad först Gävle")
    _housing("Bostad först Umeå")
    InitiativeFactory(title="Housing First again", summary=HOUSING_EN)
    pagecache.touch("showcase")
    with django_assert_num_queries(len(one)):
        assert client.get(url).content.decode().count("suggestion-title") == 5


def test_reviewers_link_a_counterpart_shown_on_the_public_page(
    client: Any, client_for: Any
) -> None:
    case = _housing("Bostad först Örebro")
    initiative = InitiativeFactory(
        title="Housing First Europe Hub",
        source="sim",
        source_url="https://example.org/sim/housing-first",
    )
    page_url = reverse("showcase:case-detail", args=[case.pk])
    assert "Housing First Europe Hub" not in client.get(page_url).content.decode()
    reviewer = staff(StaffRole.PROCESS_LEADER)
    reviewer_client = client_for(reviewer)
    url = reverse("connect:counterparts", args=[case.pk])
    assert reviewer_client.get(url).status_code == 200

    unknown = reviewer_client.post(url, {"initiative": "999999"})
    assert unknown.status_code == 200
    assert "There is no initiative with this number." in unknown.content.decode()
    assert 'value="999999"' in unknown.content.decode()

    assert reviewer_client.post(url, {"initiative": str(initiative.pk)}).status_code == 302
    again = reviewer_client.post(url, {"initiative": str(initiative.pk)})
    assert "already linked" in again.content.decode()
    counterpart = Counterpart.objects.get(case=case)
    assert AuditEvent.objects.filter(
        action="create", object_type="connect.counterpart", actor=reviewer
    ).exists()

    client.logout()
    public = client.get(page_url).content.decode()  # the link touched the page cache
    assert "Counterparts in Europe" in public
    assert 'href="https://example.org/sim/housing-first"' in public
    assert "Keep the counterparts" not in public  # the staff link is not for the public

    delete = reverse("connect:counterpart-delete", args=[counterpart.pk])
    assert client_for(reviewer).post(delete).status_code == 302
    assert not Counterpart.objects.exists()
    assert AuditEvent.objects.filter(action="delete", object_type="connect.counterpart").exists()
    client.logout()
    assert "Housing First Europe Hub" not in client.get(page_url).content.decode()


def test_only_reviewers_keep_counterparts(client_for: Any) -> None:
    case = _housing("Bostad först Örebro")
    initiative = InitiativeFactory()
    url = reverse("connect:counterparts", args=[case.pk])
    lead = lead_of(case.project)
    assert client_for(lead).post(url, {"initiative": initiative.pk}).status_code == 403
    assert client_for(staff(StaffRole.COACH)).get(url).status_code == 403
    assert not Counterpart.objects.exists()


def test_a_reviewers_links_are_in_their_data_and_anonymous_after_erasure() -> None:
    reviewer = staff(StaffRole.ADMIN)
    counterpart = connect_services.link_counterpart(
        case=_housing("Bostad först Örebro"), initiative=InitiativeFactory(), by=reviewer
    )
    exported = connect_services.export_personal_data(reviewer)["counterparts_linked"]
    assert [row["initiative"] for row in exported] == [counterpart.initiative_id]
    connect_services.erase_personal_data(reviewer)
    counterpart.refresh_from_db()
    assert counterpart.created_by is None


def test_an_import_into_the_european_catalogue_renews_the_public_case_page(client: Any) -> None:
    case = _housing("Bostad först Örebro")
    url = reverse("showcase:case-detail", args=[case.pk])
    assert "Housing First Lisbon" not in client.get(url).content.decode()
    assert "Housing First Lisbon" not in client.get(url).content.decode()  # from the cache now
    europe_services.upsert_initiative(
        source=Source.KOHESIO,
        source_id="KOH-1",
        values={"title": "Housing First Lisbon", "summary": HOUSING_EN, "country": "PT"},
    )
    assert "Housing First Lisbon" in client.get(url).content.decode()
