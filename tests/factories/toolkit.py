"""Small builders for a project's tools with unsurprising defaults."""

from __future__ import annotations

from typing import Any

from samskapa.projects.models import Project
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    ProblemLink,
    ProblemNode,
)


def cause(project: Project, text: str = "En orsak", **kwargs: Any) -> ProblemNode:
    values = {"level": "organisational", "within_influence": True, **kwargs}
    return ProblemNode.objects.create(project=project, kind="cause", text=text, **values)


def effect(project: Project, text: str = "En effekt", **kwargs: Any) -> ProblemNode:
    return ProblemNode.objects.create(project=project, kind="effect", text=text, **kwargs)


def problem_link(source: ProblemNode, target: ProblemNode) -> ProblemLink:
    return ProblemLink.objects.create(project=source.project, cause=source, effect=target)


def element(
    project: Project, kind: str = "outcome", text: str = "Ett resultat", **kwargs: Any
) -> ChangeElement:
    if kind == "outcome":
        kwargs.setdefault("horizon", "short")
    return ChangeElement.objects.create(project=project, kind=kind, text=text, **kwargs)


def change_link(source: ChangeElement, target: ChangeElement) -> ChangeLink:
    return ChangeLink.objects.create(project=source.project, source=source, target=target)


def indicator(project: Project, code: str = "T1", **kwargs: Any) -> Indicator:
    values = {"name": "Deltagare", "kind": "output", "unit": "participant", "target": 10, **kwargs}
    return Indicator.objects.create(project=project, code=code, **values)


def actor(project: Project, name: str = "En aktör", **kwargs: Any) -> Actor:
    values = {"sector": "public", "role": "funder", "level": "local", **kwargs}
    return Actor.objects.create(project=project, name=name, **values)


def relation(source: Actor, target: Actor, **kwargs: Any) -> ActorRelation:
    values = {"kind": "collaboration", "strength": 2, **kwargs}
    return ActorRelation.objects.create(
        project=source.project, source=source, target=target, **values
    )
