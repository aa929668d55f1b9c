from typing import Any

from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import Counterpart
from tests.access.matrix import STAFF, Page
from tests.factories.connect import ContactRequestFactory
from tests.factories.europe import InitiativeFactory
from tests.factories.projects import ProjectFactory
from tests.factories.showcase import published_case

# The admin is a superuser, who may do everything (as on every project page).
MEMBER = frozenset({"admin", "member"})


def _project(world: Any) -> dict[str, int]:
    return {"pk": world.project.pk}


def _target(world: Any) -> dict[str, int]:
    return {"pk": world.project.pk, "target_pk": world.other_project.pk}


def _sent(world: Any) -> dict[str, int]:
    # From the member's project to a third one: other_member is on neither side (404).
    request = world.get(
        "sent_request",
        lambda: ContactRequestFactory(from_project=world.project, to_project=ProjectFactory()),
    )
    return {"pk": request.pk}


def _received(world: Any) -> dict[str, int]:
    # A new waiting request for each call: answering it is what the page does.
    request = ContactRequestFactory(from_project=ProjectFactory(), to_project=world.project)
    return {"pk": request.pk}


def _accepted(world: Any) -> dict[str, int]:
    request = ContactRequestFactory(
        from_project=world.project, to_project=ProjectFactory(), status=RequestStatus.ACCEPTED
    )
    return {"pk": request.pk}


REVIEWERS = frozenset({"admin", "process_leader"})


def _case(world: Any) -> dict[str, int]:
    return {"pk": world.get("connect-case", published_case).pk}


def _new_counterpart(world: Any) -> dict[str, int]:
    # The POST removes it: a new one per request.
    case = world.get("connect-case", published_case)
    return {"pk": Counterpart.objects.create(case=case, initiative=InitiativeFactory()).pk}


PAGES = [
    Page("connect:counterparts", REVIEWERS, kwargs=_case),
    Page(
        "connect:counterpart-delete",
        REVIEWERS,
        kwargs=_new_counterpart,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("connect:similar", STAFF | {"member"}, kwargs=_project, denied=404),
    Page("connect:requests", MEMBER, kwargs=_project, denied=404),
    Page("connect:request-create", MEMBER, kwargs=_target, denied=404),
    Page("connect:request-detail", MEMBER, kwargs=_sent, denied=404),
    Page(
        "connect:request-answer",
        MEMBER,
        kwargs=_received,
        method="POST",
        data=lambda: {"decision": "decline"},
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
    Page(
        "connect:request-add-to-map",
        MEMBER,
        kwargs=_accepted,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
]
