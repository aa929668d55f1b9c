"""Horizontal principles (every focus area): the work with gender equality, accessibility for
persons with disabilities and non-discrimination in the current programme period."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.toolkit.enums import CURRENT_PERIOD, PRINCIPLES_BY_PERIOD
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import PrincipleWork
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState


class PrincipleWorkForm(ToolForm):
    class Meta:
        model = PrincipleWork
        fields = ["principle", "status", "analysis", "actions"]
        widgets = {"analysis": TEXT, "actions": TEXT, "status": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        period = self.instance.period or CURRENT_PERIOD
        self.instance.period = period
        field: Any = self.fields["principle"]
        field.choices = [(p.value, p.label) for p in PRINCIPLES_BY_PERIOD[period]]
        if self.instance.pk:
            field.disabled = True

    def clean_principle(self) -> str:
        principle = self.cleaned_data["principle"]
        taken = PrincipleWork.objects.filter(
            project=self.project, period=self.instance.period, principle=principle
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This principle is already described. Change that description instead.")
            )
        return str(principle)


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    by_principle = {p.principle: p for p in state.principles if p.period == CURRENT_PERIOD}
    return {
        "period": CURRENT_PERIOD.label,
        "rows": [
            {"principle": principle, "work": by_principle.get(principle.value)}
            for principle in PRINCIPLES_BY_PERIOD[CURRENT_PERIOD]
        ],
        "is_empty": not by_principle,
    }


TOOL = register(
    Tool(
        key="horizontal_principles",
        name=_("Horizontal principles"),
        focus_area=None,
        guide=_(
            "For gender equality, accessibility for persons with disabilities and "
            "non-discrimination: analyse how the problem and your solution affect the "
            "principle, decide on actions and follow up their status."
        ),
        order=70,
        parts=(
            Part(
                "principle",
                "principles",
                PrincipleWork,
                PrincipleWorkForm,
                label=lambda row, names: str(row.get_principle_display()),
            ),
        ),
        present=present,
        summary=count_rows("principles"),
    )
)
