"""Ecosystem map (focus area: ecosystem): the organisations around the innovation and how they
relate. The project's own organisations are put on the map when the page is opened."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit import diagrams, services
from samskapa.toolkit.compare import link_label
from samskapa.toolkit.forms import ToolForm
from samskapa.toolkit.models import Actor, ActorRelation
from samskapa.toolkit.registry import Part, Tool, register
from samskapa.toolkit.selectors import ToolState


class ActorForm(ToolForm):
    class Meta:
        model = Actor
        fields = ["name", "sector", "role", "level"]


class ActorRelationForm(ToolForm):
    class Meta:
        model = ActorRelation
        fields = ["source", "target", "kind", "strength"]

    different = ("source", "target", _("Choose another actor than the first one."))


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    actors, relations = state.actors, state.relations
    names = {a.pk: a for a in actors}
    reading = diagrams.read_ecosystem(actors, relations)
    return {
        "actors": [{"actor": a, "centrality": reading.centrality.get(a.pk, 0)} for a in actors],
        "relations": [
            {"relation": r, "source": names.get(r.source_id), "target": names.get(r.target_id)}
            for r in relations
        ],
        "reading": reading,
        "svg": diagrams.ecosystem_svg(uid=uid, actors=actors, relations=relations),
        "legend": diagrams.sector_legend(),
        "is_empty": not relations and all(a.organisation_id for a in actors),
    }


def summary(state: ToolState) -> int:
    # The project's own organisations are put there for it: they do not count as started.
    return len(state.relations) + sum(1 for a in state.actors if not a.organisation_id)


TOOL = register(
    Tool(
        key="ecosystem_map",
        name=_("Ecosystem map"),
        focus_area=FocusArea.ECOSYSTEM,
        guide=_(
            "Map the organisations around your innovation: who funds, supports, decides, "
            "connects, researches or represents the target group, on which level, and how they "
            "relate. The project's own organisations are already on the map. Look at which "
            "sectors are missing and who holds the network together."
        ),
        order=40,
        parts=(
            Part("actor", "actors", Actor, ActorForm),
            Part(
                "relation",
                "relations",
                ActorRelation,
                ActorRelationForm,
                label=link_label("source", "target"),
            ),
        ),
        present=present,
        summary=summary,
        on_open=lambda project: services.sync_partner_actors(project=project),
    )
)
