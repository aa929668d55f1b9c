"""The demo's contact requests and matches, as the demo project leads see them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.connect import selectors
from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest
from samskapa.projects.models import Project
from samskapa.showcase.selectors import published_cases

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def test_one_accepted_and_one_waiting_request_between_demo_projects(client_as: Any) -> None:
    requests = {
        (r.from_project.number, r.to_project.number): r
        for r in ContactRequest.objects.select_related("from_project", "to_project")
    }
    accepted = requests[("23-019-S01", "23-012-S01")]
    waiting = requests[("23-012-S01", "23-027-S01")]
    assert (accepted.status, waiting.status) == (RequestStatus.ACCEPTED, RequestStatus.PENDING)
    page = client_as("member").get(accepted.get_absolute_url()).content.decode()
    assert "projekt2@samskapa.test" in page  # the other lead's address, after acceptance


def test_the_demo_lead_gets_explained_suggestions(client_as: Any) -> None:
    project = Project.objects.get(number="23-012-S01")
    response = client_as("member").get(reverse("connect:similar", args=[project.pk]))
    suggestions = response.context["suggestions"]
    assert suggestions
    assert all(s.reasons and s.project != project for s in suggestions)


def test_every_demo_case_has_peers_in_europe_and_one_a_counterpart(client: Any) -> None:
    cases = list(published_cases())
    assert cases
    for case in cases:
        peers = selectors.european_peers(case)
        assert peers, case
        assert all(peer.words and peer.initiative.is_example for peer in peers)
        assert all(item.case != case for item in selectors.similar_cases(case))
    women = next(c for c in cases if c.project.number == "23-019-S01")
    page = client.get(women.get_absolute_url()).content.decode()
    assert "Social enterprise kitchen for newly arrived women" in page
    assert "Counterparts in Europe" in page
