"""Excel and CSV of the aggregates, already through disclosure control for the person who
downloads them, and raw approved values (pseudonymised) for admins and evaluators. Every cell
is written through samskapa.core.exports.safe_cell, so none can start a formula."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from samskapa.coalitions.models import Coalition
from samskapa.core.exports import XLSX_TYPE, csv_response, safe_cell, xlsx_response
from samskapa.evaluation import pseudonyms, tables
from samskapa.evaluation.disclosure import MIN_PROJECTS, Cell, Protected
from samskapa.evaluation.enums import BREAKDOWN_FIELDS, ValueStatus
from samskapa.evaluation.models import Value
from samskapa.evaluation.selectors import CALL, COALITION, NO_CALL, PROGRAMME, PROJECT, TOTAL
from samskapa.projects.models import Call


def export_value(cell: Cell | None) -> Any:
    """A cell as exported: the page's number (a percentage in per cent), ".." or empty."""
    if cell is None:
        return ""
    if not cell.shown:
        return cell.published_value
    if cell.is_percentage and cell.value is not None:
        return round(float(cell.value) * 100, 1)
    return cell.value


def _header() -> list[str]:
    return [
        _("Group"),
        _("Code"),
        _("Indicator"),
        pgettext("results", "Period"),
        _("Value"),
        _("Projects"),
        _("Target"),
        *[str(tables.CATEGORY_LABELS[f]) for f in BREAKDOWN_FIELDS],
    ]


def _groups(protected: Protected) -> dict[str, list[tuple[int, str]]]:
    figures = protected.figures
    calls = [(c.pk, c.reference) for c in Call.objects.order_by("reference")]
    if any(call == NO_CALL for call in figures.project_call.values()):
        calls.append((NO_CALL, _("No call")))
    coalitions = [(c.pk, c.name) for c in Coalition.objects.order_by("name")]
    groups: dict[str, list[tuple[int, str]]] = {
        PROGRAMME: [(0, _("Whole programme"))],
        CALL: calls,
        COALITION: coalitions,
    }
    if protected.internal:
        year = timezone.localdate().year
        by_call: dict[int, list[int]] = {}
        for project, call in figures.project_call.items():
            by_call.setdefault(call, []).append(project)
        projects: list[tuple[int, str]] = []
        labels = dict(calls)
        for call, members in by_call.items():
            for pk, code in pseudonyms.pseudonyms(call, year, members).items():
                projects.append((pk, f"{labels.get(call, '')} {code}".strip()))
        groups[PROJECT] = sorted(projects, key=lambda g: g[1])
    return groups


def level_rows(
    protected: Protected, level: str, groups: list[tuple[int, str]]
) -> Iterator[list[Any]]:
    periods = protected.figures.periods
    for group, label in groups:
        for indicator in protected.figures.indicators.values():
            if protected.cell(level, indicator.pk, group, TOTAL) is None:
                continue
            for starts, name in [*periods, (TOTAL, _("All periods"))]:
                cell = protected.cell(level, indicator.pk, group, starts)
                if cell is None:
                    continue
                target = protected.target(level, indicator.pk, group, starts)
                yield [
                    label,
                    indicator.code,
                    indicator.name,
                    name,
                    export_value(cell),
                    cell.projects,
                    target if target is not None else "",
                    *[
                        export_value(protected.cell(level, indicator.pk, group, starts, f))
                        for f in BREAKDOWN_FIELDS
                    ],
                ]


def methods_lines(protected: Protected) -> list[str]:
    lines = [
        _("Only approved values are counted."),
        _(
            "Counts: per period the sum of the projects' values; over all periods the sum of the periods, or, for cumulative indicators, each project's latest value."
        ),
        _("Percentages: Σ numerators / Σ denominators, never a mean of percentages."),
        _("Projects: the number of projects an aggregate is built from."),
        str(tables.TARGETS_HOW),
    ]
    if protected.internal:
        lines.append(_("NOT FOR PUBLICATION: unsuppressed figures for admins and evaluators."))
        lines.append(_("Projects appear under pseudonyms (P-01, P-02, …) per call and year."))
    else:
        lines.append(protected.footnote())
        lines.append(
            _("Aggregates of fewer than %(n)s projects are not published.") % {"n": MIN_PROJECTS}
        )
    return lines


def aggregates_response(protected: Protected, fmt: str) -> HttpResponse:
    groups = _groups(protected)
    levels = [
        (PROGRAMME, _("Programme")),
        (CALL, _("Calls")),
        (COALITION, _("Coalitions")),
        (PROJECT, _("Projects")),
    ]
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        rows = (
            [str(title), *row]
            for level, title in levels
            if level in groups
            for row in level_rows(protected, level, groups[level])
        )
        return csv_response(f"results-{stamp}.csv", [_("Level"), *_header()], rows)
    # Imported here: openpyxl takes over a second to import, and only an export needs it.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for level, title in levels:
        if level not in groups:
            continue
        sheet = workbook.create_sheet(title=str(title)[:31])
        sheet.append([safe_cell(h) for h in _header()])
        for row in level_rows(protected, level, groups[level]):
            sheet.append([safe_cell(v) for v in row])
    methods = workbook.create_sheet(title=str(_("Methods"))[:31])
    for line in methods_lines(protected):
        methods.append([safe_cell(line)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="results-{stamp}.xlsx"'
    return response


def raw_values_response(fmt: str) -> HttpResponse:
    """Every approved value, the project under its pseudonym (admins and evaluators only)."""
    year = timezone.localdate().year
    values = list(
        Value.objects.filter(status=ValueStatus.APPROVED)
        .select_related("indicator", "period", "project__call")
        .order_by("project__call__reference", "indicator__code", "period__starts")
    )
    by_call: dict[int, set[int]] = {}
    for v in values:
        by_call.setdefault(v.project.call_id or NO_CALL, set()).add(v.project_id)
    codes = {
        call: pseudonyms.pseudonyms(call, year, sorted(members))
        for call, members in by_call.items()
    }
    header = [
        _("Call"),
        _("Project"),
        _("Code"),
        pgettext("results", "Period"),
        _("Value"),
        _("Numerator"),
        _("Denominator"),
        *[str(tables.CATEGORY_LABELS[f]) for f in BREAKDOWN_FIELDS],
        _("Version"),
    ]
    rows = [
        [
            v.project.call.reference if v.project.call else _("No call"),
            codes[v.project.call_id or NO_CALL][v.project_id],
            v.indicator.code,
            v.period.name,
            v.value,
            v.numerator,
            v.denominator,
            *[getattr(v, f) for f in BREAKDOWN_FIELDS],
            v.version,
        ]
        for v in values
    ]
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return csv_response(f"results-raw-{stamp}.csv", header, rows)
    return xlsx_response(f"results-raw-{stamp}.xlsx", header, rows, title=_("Approved values"))
