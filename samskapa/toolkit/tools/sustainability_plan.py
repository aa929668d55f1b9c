"""Sustainability plan (focus area: results): who takes over what after the project, how the
results are implemented and spread, and the risks."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import SustainabilityPlan
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState


class SustainabilityPlanForm(ToolForm):
    class Meta:
        model = SustainabilityPlan
        fields = ["takeover", "implementation", "dissemination", "risks"]
        widgets = dict.fromkeys(fields, TEXT)


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    return {"plan": state.sustainability, "is_empty": state.sustainability is None}


TOOL = register(
    Tool(
        key="sustainability_plan",
        name=_("Sustainability plan"),
        focus_area=FocusArea.RESULTS,
        guide=_(
            "Plan for the time after the project: who takes over which part of the solution, "
            "how the results are implemented and spread, and which risks could stop that."
        ),
        order=80,
        parts=(
            Part(
                "sustainability",
                "sustainability",
                SustainabilityPlan,
                SustainabilityPlanForm,
                single=True,
            ),
        ),
        present=present,
        summary=count_rows("sustainability"),
    )
)
