"""The toolkit's pages: members of the project write, every staff role reads, others get 404."""

from __future__ import annotations

from typing import Any

from samskapa.core import pdf
from tests.access.matrix import STAFF, Page
from tests.access.world import World
from tests.factories import toolkit as make

READERS = STAFF | {"member"}
# The admin account is a Django superuser, for whom every permission holds.
WRITERS = frozenset({"admin", "member"})
TOOLS = (
    "problem_tree",
    "theory_of_change",
    "indicators",
    "ecosystem_map",
    "collaboration",
    "participation",
    "horizontal_principles",
    "sustainability_plan",
)


def _project(world: World) -> dict[str, Any]:
    # The member's own project; other_member must get 404.
    return {"project_pk": world.project.pk}


def _tool(tool: str) -> Any:
    return lambda world: {**_project(world), "tool": tool}


def _kind(kind: str) -> Any:
    return lambda world: {**_project(world), "kind": kind}


def _node(world: World) -> dict[str, Any]:
    # A new node for every request: a delete by one role must not leave the next one a 404.
    return {**_project(world), "kind": "problem-node", "pk": make.cause(world.project).pk}


def _assessment(world: World) -> dict[str, Any]:
    assessment = make.SelfAssessmentFactory(project=world.project)
    return {**_project(world), "pk": assessment.pk}


PAGES = [
    Page("toolkit:overview", READERS, kwargs=_project, denied=404),
    Page(
        "toolkit:overview",
        READERS,
        kwargs=_project,
        denied=404,
        query="?at=2025-06-30",
        variant="at",
    ),
    Page("toolkit:compare", READERS, kwargs=_project, denied=404),
    Page(
        "toolkit:compare",
        READERS,
        kwargs=_project,
        denied=404,
        query="?from=2025-03-01&to=2026-11-01",
        variant="dates",
    ),
    *[Page("toolkit:tool", READERS, kwargs=_tool(t), denied=404, variant=t) for t in TOOLS],
    # A diagram too wide for its page, full width.
    Page("toolkit:diagram", READERS, kwargs=_tool("theory_of_change"), denied=404),
    Page("toolkit:self-assessment", READERS, kwargs=_project, denied=404),
    Page("toolkit:self-assessment-add", WRITERS, kwargs=_project, denied=404),
    Page(
        "toolkit:self-assessment-delete", WRITERS, kwargs=_assessment, denied=404, variant="confirm"
    ),
    Page(
        "toolkit:self-assessment-delete",
        WRITERS,
        kwargs=_assessment,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
    *[
        Page("toolkit:tool-edit", WRITERS, kwargs=_kind(k), denied=404, variant=k)
        for k in ("problem-tree", "theory", "participation", "sustainability")
    ],
    *[
        Page("toolkit:element-add", WRITERS, kwargs=_kind(k), denied=404, variant=k)
        for k in (
            "problem-node",
            "problem-link",
            "change-element",
            "change-link",
            "indicator",
            "actor",
            "relation",
            "collaboration",
            "activity",
            "principle",
        )
    ],
    Page("toolkit:element-edit", WRITERS, kwargs=_node, denied=404),
    # Removing asks first: the confirmation page (GET), then the removal (POST).
    Page("toolkit:element-delete", WRITERS, kwargs=_node, denied=404, variant="confirm"),
    Page(
        "toolkit:element-delete",
        WRITERS,
        kwargs=_node,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
]

# A PDF: where pango is missing (samskapa.core.pdf) the address answers 404.
PAGES.append(
    Page(
        "toolkit:theory-pdf",
        READERS,
        kwargs=_project,
        denied=404,
        ok=frozenset({200 if pdf.available() else 404}),
        scan=False,
    )
)
