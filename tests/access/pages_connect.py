from typing import Any

from samskapa.connect.enums import RequestStatus
from tests.access.matrix import STAFF, Page
from tests.factories.connect import ContactRequestFactory
from tests.factories.projects import ProjectFactory

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


PAGES = [
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
