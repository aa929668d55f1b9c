"""The knowledge bank's pages. Public pages are open to everyone; authoring is the centre
team's; publishing is the admin's. Objects are built for each request (the kwargs run for each
role inside the rolled-back test), so one role's action does not change the next one's."""

from __future__ import annotations

from typing import Any

from samskapa.library.enums import Status
from tests.access.matrix import CENTRE_TEAM, EVERYONE, Page
from tests.access.world import World
from tests.factories.library import (
    AttachmentFactory,
    DraftFactory,
    FeedbackFactory,
    MaterialFactory,
    translation_of,
)

ADMIN = frozenset({"admin"})


def _materials(world: World) -> dict[str, Any]:
    """Lists show something: a published pair on participation with feedback, and a draft."""

    def build() -> None:
        swedish = MaterialFactory(title="Samverkan i praktiken", topics=["participation"])
        translation_of(swedish, title="Collaboration in practice", topics=["participation"])
        FeedbackFactory(material=swedish, helpful=False, comment="Fler exempel, tack.")
        DraftFactory(title="Utkast om samverkan")

    world.get("library-materials", build)
    return {}


def _published(world: World) -> dict[str, Any]:
    return {"slug": MaterialFactory().slug}


def _draft(world: World) -> dict[str, Any]:
    return {"pk": DraftFactory().pk}


def _in_review(world: World) -> dict[str, Any]:
    return {"pk": DraftFactory(status=Status.REVIEW).pk}


def _published_pk(world: World) -> dict[str, Any]:
    return {"pk": MaterialFactory().pk}


def _published_attachment(world: World) -> dict[str, Any]:
    return {"pk": AttachmentFactory().pk}


def _draft_attachment(world: World) -> dict[str, Any]:
    return {"pk": AttachmentFactory(material=DraftFactory()).pk}


PAGES = [
    Page("library:index", EVERYONE, kwargs=_materials),
    Page("library:index", EVERYONE, kwargs=_materials, query="?q=samverkan", variant="search"),
    Page(
        "library:index",
        EVERYONE,
        kwargs=_materials,
        query="?language=en&topic=participation",
        variant="english",
    ),
    Page("library:feed", EVERYONE, kwargs=_materials, scan=False),
    Page("library:material-detail", EVERYONE, kwargs=_published),
    Page("library:material-feedback", EVERYONE, kwargs=_published, variant="form"),
    Page(
        "library:material-feedback",
        EVERYONE,
        kwargs=_published,
        method="POST",
        ok=frozenset({302}),
        data=lambda: {"helpful": "yes", "comment": ""},
        scan=False,
    ),
    Page("library:attachment-download", EVERYONE, kwargs=_published_attachment, scan=False),
    Page("library:manage", CENTRE_TEAM, kwargs=_materials),
    Page("library:material-create", CENTRE_TEAM, kwargs=_materials),
    Page("library:feedback-list", CENTRE_TEAM, kwargs=_materials),
    Page("library:material-edit", CENTRE_TEAM, kwargs=_draft),
    Page("library:material-history", CENTRE_TEAM, kwargs=_draft),
    Page(
        "library:material-submit",
        CENTRE_TEAM,
        kwargs=_draft,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("library:material-publish", ADMIN, kwargs=_in_review),
    Page(
        "library:material-publish",
        ADMIN,
        kwargs=_in_review,
        method="POST",
        ok=frozenset({302}),
        scan=False,
        variant="post",
    ),
    Page(
        "library:material-return",
        ADMIN,
        kwargs=_in_review,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page(
        "library:material-withdraw",
        ADMIN,
        kwargs=_published_pk,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    # An empty upload is a form error: the edit page again, with the message.
    Page(
        "library:attachment-upload",
        CENTRE_TEAM,
        kwargs=_draft,
        method="POST",
        ok=frozenset({200}),
        scan=False,
    ),
    Page(
        "library:attachment-delete",
        CENTRE_TEAM,
        kwargs=_draft_attachment,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
]
