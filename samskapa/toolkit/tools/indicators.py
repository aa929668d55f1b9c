"""Indicators (focus area: results): what the project measures, with a baseline, a target and
the values reported as it goes. Counts only, never single participants."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit import charts, services
from samskapa.toolkit.compare import Names
from samskapa.toolkit.enums import ChangeKind
from samskapa.toolkit.forms import DATE, ToolForm
from samskapa.toolkit.models import Indicator, IndicatorValue
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState
from samskapa.toolkit.tools.theory_of_change import element_label


class IndicatorForm(ToolForm):
    class Meta:
        model = Indicator
        fields = ["code", "name", "kind", "unit", "baseline", "target", "element"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["element"]
        field.queryset = field.queryset.filter(kind__in=[ChangeKind.OUTCOME, ChangeKind.OUTPUT])
        field.label_from_instance = element_label

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = Indicator.objects.filter(project=self.project, code__iexact=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The project already has an indicator with this code."))
        return code


class IndicatorValueForm(ToolForm):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "reported_on", "value", "women", "men", "non_binary"]
        widgets = {"reported_on": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        total = data.get("value")
        split = sum(int(data.get(name) or 0) for name in ("women", "men", "non_binary"))
        if total is not None and split > total:
            self.add_error(
                None,
                _("Women, men and non-binary together (%(split)s) cannot be more than the total.")
                % {"split": split},
            )
        return data


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    elements = {e.pk: e for e in state.change_elements}
    values: dict[int, list[Any]] = defaultdict(list)
    for value in sorted(state.indicator_values, key=lambda v: (v.reported_on, v.pk)):
        values[value.indicator_id].append(value)
    rows = []
    for indicator in state.indicators:
        reported = values[indicator.pk]
        latest = reported[-1] if reported else None
        percent = None
        if latest is not None and indicator.target:
            percent = round(100 * latest.value / indicator.target)
        rows.append(
            {
                "indicator": indicator,
                "label": f"{indicator.code} {indicator.name}"[:48],
                "element": elements.get(indicator.element_id) if indicator.element_id else None,
                "values": reported,
                "latest": latest,
                "percent": percent,
            }
        )
    return {
        "rows": rows,
        "chart": charts.indicator_progress_chart(rows),
        "chart_message": charts.indicator_progress_message(rows),
        "is_empty": not rows,
    }


def _value_label(value: IndicatorValue, names: Names) -> str:
    """A reported value in the comparison: "Participants in work: 31 mar 2026"."""
    day = formats.date_format(value.reported_on, "SHORT_DATE_FORMAT")
    return f"{names.label(names.target(value, 'indicator'))}: {day}"


TOOL = register(
    Tool(
        key="indicators",
        name=_("Indicators"),
        focus_area=FocusArea.RESULTS,
        guide=_(
            "Choose a few indicators for the outcomes and outputs in your theory of change. "
            "Give each a baseline and a target, and report values as you go. Samskapa stores "
            "counts only, never information about single participants."
        ),
        order=30,
        parts=(
            Part(
                "indicator", "indicators", Indicator, IndicatorForm, check=services.check_indicator
            ),
            Part(
                "indicator-value",
                "indicator_values",
                IndicatorValue,
                IndicatorValueForm,
                check=services.check_indicator_value,
                label=_value_label,
                anchor="part-indicator",
            ),
        ),
        # The outcomes and outputs each indicator measures.
        reads=("change_elements",),
        present=present,
        summary=count_rows("indicators"),
    )
)
