"""The tools of the toolkit: key, name, focus area and a short guide shown on each tool's page.

The keys are shared with the library (materials tagged with a tool key are shown as guides).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea


@dataclass(frozen=True)
class Tool:
    key: str
    name: str | Promise
    focus_area: FocusArea | None
    guide: str | Promise

    @property
    def url_name(self) -> str:
        return "toolkit:self-assessment" if self.key == "self_assessment" else "toolkit:tool"

    def url_kwargs(self, project_pk: int) -> dict[str, Any]:
        if self.key == "self_assessment":
            return {"project_pk": project_pk}
        return {"project_pk": project_pk, "tool": self.key}


TOOLS: list[Tool] = [
    Tool(
        "problem_tree",
        _("Problem tree"),
        FocusArea.CAUSES,
        _(
            "Start from one focal problem. Put its causes below it and its effects above it, "
            "and link what leads to what. Mark for each cause whether it is about individuals, "
            "organisations or structures, and whether the project can influence it. Then turn "
            "each point into a positive statement: the causes become means and the effects ends."
        ),
    ),
    Tool(
        "theory_of_change",
        _("Theory of change"),
        FocusArea.RESULTS,
        _(
            "Work backwards from the long-term goal: which outcomes must come first, in the "
            "long, medium and short term? Which preconditions must be in place, and which "
            "activities and outputs bring them about? Write down the assumptions you make and "
            "the external factors you cannot control, and link the elements into chains."
        ),
    ),
    Tool(
        "indicators",
        _("Indicators"),
        FocusArea.RESULTS,
        _(
            "Choose a few indicators for the outcomes and outputs in your theory of change. "
            "Give each a baseline and a target, and report values as you go. Samskapa stores "
            "counts only, never information about single participants."
        ),
    ),
    Tool(
        "ecosystem_map",
        _("Ecosystem map"),
        FocusArea.ECOSYSTEM,
        _(
            "Map the organisations around your innovation: who funds, supports, decides, "
            "connects, researches or represents the target group, on which level, and how they "
            "relate. The project's own organisations are already on the map. Look at which "
            "sectors are missing and who holds the network together."
        ),
    ),
    Tool(
        "collaboration",
        _("Collaboration"),
        FocusArea.COLLABORATION,
        _(
            "For each partner, say how deep the collaboration is: networking (exchanging "
            "information), coordinating (adjusting activities), cooperating (sharing resources) "
            "or collaborating (sharing risks, responsibility and results), and what the partner "
            "contributes."
        ),
    ),
    Tool(
        "participation",
        _("Target-group participation"),
        FocusArea.PARTICIPATION,
        _(
            "How much influence does the target group have? Place the project on the scale "
            "today and where you want to be, and log the activities where the target group "
            "takes part. Write no names of participants and no health details."
        ),
    ),
    Tool(
        "horizontal_principles",
        _("Horizontal principles"),
        None,
        _(
            "For gender equality, accessibility for persons with disabilities and "
            "non-discrimination: analyse how the problem and your solution affect the "
            "principle, decide on actions and follow up their status."
        ),
    ),
    Tool(
        "sustainability_plan",
        _("Sustainability plan"),
        FocusArea.RESULTS,
        _(
            "Plan for the time after the project: who takes over which part of the solution, "
            "how the results are implemented and spread, and which risks could stop that."
        ),
    ),
    Tool(
        "self_assessment",
        _("Focus-area self-assessment"),
        None,
        _(
            "Rate how far the project has come in each of the five focus areas, from 1 (just "
            "started) to 5 (well developed), with a comment. Do it again before each coalition "
            "meeting to see the trend."
        ),
    ),
]

TOOLS_BY_KEY = {tool.key: tool for tool in TOOLS}
# The tools with a page of their own under tools/<key>/ (the self-assessment has its own URL).
EDITABLE_TOOL_KEYS = [tool.key for tool in TOOLS if tool.key != "self_assessment"]


def guides_for(tool_key: str, language: str) -> list[Any]:
    """The library's guides for a tool, if the library offers them (it is a sibling app)."""
    try:
        from samskapa.library import selectors as library
    except ImportError:
        return []
    list_guides = getattr(library, "list_guides_for_tool", None)
    if list_guides is None:
        return []
    return list(list_guides(tool_key, language)[:5])
