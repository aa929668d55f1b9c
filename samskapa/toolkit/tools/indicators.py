"""Indicators (focus area: results): what the project measures, with a baseline, a target and
the values reported as it goes. Counts only, never single participants.

Each indicator stands for an indicator of the results catalogue (`catalogue`: a shared one, or
the project's own entry, made by services.check_indicator); its values are that indicator's
values in the results app's one store, reported per period on the results report page."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.evaluation import selectors as results
from samskapa.evaluation.enums import Measure
from samskapa.toolkit import charts, services
from samskapa.toolkit.enums import ChangeKind
from samskapa.toolkit.forms import ToolForm
from samskapa.toolkit.models import Indicator
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState
from samskapa.toolkit.tools.theory_of_change import element_label


class IndicatorForm(ToolForm):
    class Meta:
        model = Indicator
        fields = ["catalogue", "code", "name", "kind", "unit", "baseline", "target", "element"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["element"]
        field.queryset = field.queryset.filter(kind__in=[ChangeKind.OUTCOME, ChangeKind.OUTPUT])
        field.label_from_instance = element_label
        # The shared catalogue's counts and the project's own entries (values are counts).
        catalogue: Any = self.fields["catalogue"]
        catalogue.queryset = results.indicators_for_project(self.project).filter(
            measure=Measure.COUNT
        )
        catalogue.empty_label = _("None: an indicator of the project's own")

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = Indicator.objects.filter(project=self.project, code__iexact=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The project already has an indicator with this code."))
        return code


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    """The indicators with their values, read from the results app's one store through its
    selectors (live, or as of the state's date from the values' history), and the reporting
    periods still open, whose report page is where values are written."""
    elements = {e.pk: e for e in state.change_elements}
    catalogue_ids = {i.catalogue_id for i in state.indicators if i.catalogue_id}
    values: dict[int, list[Any]] = defaultdict(list)
    entries = results.indicators_by_id(catalogue_ids) if catalogue_ids else {}
    if catalogue_ids:
        for value in results.values_of(state.project, catalogue_ids, at=state.at):
            values[value.indicator_id].append(value)
    rows = []
    for indicator in state.indicators:
        reported = [v for v in values.get(indicator.catalogue_id or 0, []) if v.value is not None]
        latest = reported[-1] if reported else None
        entry = entries.get(indicator.catalogue_id or 0)
        # So far: the periods added up for a sum indicator (each period counts new
        # participants), the latest report for a cumulative one, as the results app adds them.
        summed = entry is not None and not entry.adds_latest and len(reported) > 1
        so_far = sum(v.value for v in reported) if summed else (latest.value if latest else None)
        percent = None
        if so_far is not None and indicator.target:
            percent = round(100 * so_far / indicator.target)
        rows.append(
            {
                "indicator": indicator,
                "catalogue": entry,
                "so_far": so_far,
                "summed": summed,
                "label": f"{indicator.code} {indicator.name}"[:48],
                "element": elements.get(indicator.element_id) if indicator.element_id else None,
                "values": reported,
                "latest": latest,
                "percent": percent,
            }
        )
    open_periods = []
    if live and rows and state.at is None:
        open_periods = [p for p in results.periods_for_project(state.project) if p.is_open()]
    return {
        "rows": rows,
        "open_periods": open_periods,
        "chart": charts.indicator_progress_chart(rows),
        "chart_message": charts.indicator_progress_message(rows),
        "is_empty": not rows,
    }


TOOL = register(
    Tool(
        key="indicators",
        name=_("Indicators"),
        focus_area=FocusArea.RESULTS,
        guide=_(
            "Choose a few indicators for the outcomes and outputs in your theory of change. "
            "Give each a baseline and a target, and link it to the results catalogue where it "
            "is one of its indicators. Values are reported per reporting period on the "
            "project's results page. Samskapa stores counts only, never information about "
            "single participants."
        ),
        order=30,
        parts=(
            Part(
                "indicator", "indicators", Indicator, IndicatorForm, check=services.check_indicator
            ),
        ),
        # The outcomes and outputs each indicator measures.
        reads=("change_elements",),
        present=present,
        summary=count_rows("indicators"),
    )
)
