"""Import of reported values from a spreadsheet (figures a project already reports to the
ESF Council), so nothing is typed twice.

One row per project × indicator × period, with breakdown columns (docs/evaluation.md,
"Import"). It reuses the project import's mechanisms (samskapa.projects.importer): the same
reading of .xlsx and .csv with its limits, header normalisation, number parsing, issue rows
and the refusal of personal identity numbers. All or nothing: every bad row is listed, and
nothing is written unless the whole file is valid. Imported values are submitted and go
through approval like any other.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.accounts.validators import looks_like_personnummer
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.evaluation import services
from samskapa.evaluation.enums import BREAKDOWN_FIELDS
from samskapa.evaluation.models import (
    Indicator,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)
from samskapa.projects.importer import (
    FileRefused,
    ImportIssue,
    ValueProblem,
    normalise_header,
    parse_count,
    read_rows,
)
from samskapa.projects.models import Project

# Column key → the headers it is recognised by (Swedish and English, normalised).
HEADERS: dict[str, tuple[str, ...]] = {
    "project": ("Projektnummer", "Project number", "Projekt", "Project", "Ärendenummer"),
    "indicator": ("Indikator", "Indicator", "Indikatorkod", "Indicator code", "Kod", "Code"),
    "period": ("Period", "Rapportperiod", "Reporting period"),
    "value": ("Värde", "Value", "Totalt", "Total", "Antal", "Count"),
    "numerator": ("Täljare", "Numerator"),
    "denominator": ("Nämnare", "Denominator"),
    "text": ("Text", "Beskrivning", "Description"),
    "women": ("Kvinnor", "Women"),
    "men": ("Män", "Men"),
    "non_binary": ("Icke-binära", "Non-binary"),
    "gender_not_stated": ("Kön ej angivet", "Gender not stated"),
    "age_under_18": ("Under 18 år", "Under 18"),
    "age_18_29": ("18–29 år", "18-29 år", "18–29", "18-29"),
    "age_30_54": ("30–54 år", "30-54 år", "30–54", "30-54"),
    "age_55_plus": ("55 år och äldre", "55 and over", "55+"),
}
ALIASES = {normalise_header(h): key for key, headers in HEADERS.items() for h in headers}
REQUIRED = ("project", "indicator", "period")
NUMBERS = ("value", "numerator", "denominator", *BREAKDOWN_FIELDS)
EXAMPLE_HEADER = [
    "Projektnummer",
    "Indikator",
    "Period",
    "Värde",
    "Täljare",
    "Nämnare",
    "Kvinnor",
    "Män",
    "Icke-binära",
    "Kön ej angivet",
    "Under 18 år",
    "18–29 år",
    "30–54 år",
    "55 år och äldre",
    "Text",
]


@dataclass
class PlannedValue:
    row: int
    project: Project
    indicator: Indicator
    period: ReportingPeriod
    data: dict[str, Any]
    update: bool


@dataclass
class ValueImport:
    rows: list[PlannedValue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def parse(data: bytes, filename: str) -> ValueImport:
    """Read and check the whole file; nothing is written."""
    result = ValueImport()
    try:
        table, _merged = read_rows(data, filename)
    except FileRefused as refused:
        result.errors.append(ImportIssue(0, "", str(refused)))
        return result
    if not table:
        result.errors.append(ImportIssue(0, "", _("The file is empty.")))
        return result
    header_row, headers = table[0]
    columns = {i: ALIASES.get(normalise_header(h)) for i, h in enumerate(headers)}
    present = set(columns.values())
    missing = [HEADERS[k][0] for k in REQUIRED if k not in present]
    if missing:
        result.errors.append(
            ImportIssue(
                header_row, "", _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        )
        return result
    body = table[1:]
    for number, cells in body:
        for index, cell in enumerate(cells):
            if looks_like_personnummer(cell):
                title = str(headers[index]) if index < len(headers) else ""
                result.errors.append(
                    ImportIssue(
                        number,
                        title,
                        _(
                            "This cell holds a Swedish personal identity number (personnummer). "
                            "Samskapa stores figures about groups, never personal identity "
                            "numbers. Remove it and import the file again."
                        ),
                    )
                )
    if result.errors:
        return result
    projects = {
        p.number: p
        for p in Project.objects.filter(number__in=[_cell(c, columns, "project") for _n, c in body])
    }
    indicators = {
        i.code.upper(): i for i in Indicator.objects.filter(active=True, project__isnull=True)
    }
    periods: dict[tuple[int | None, str], ReportingPeriod] = {
        (p.call_id, p.name.strip().lower()): p for p in ReportingPeriod.objects.all()
    }
    existing = {
        (v.project_id, v.indicator_id, v.period_id)
        for v in Value.objects.filter(project__in=projects.values())
    }
    seen: set[tuple[int, int, int]] = set()
    for number, cells in body:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        _plan_row(
            result, number, cells, columns, headers, projects, indicators, periods, existing, seen
        )
    if not result.rows and not result.errors:
        result.errors.append(ImportIssue(0, "", _("The file has no rows with values.")))
    return result


def _cell(cells: list[Any], columns: dict[int, str | None], key: str) -> str:
    for index, name in columns.items():
        if name == key and index < len(cells) and cells[index] is not None:
            return str(cells[index]).strip()
    return ""


def _plan_row(
    result: ValueImport,
    number: int,
    cells: list[Any],
    columns: dict[int, str | None],
    headers: list[Any],
    projects: dict[str, Project],
    indicators: dict[str, Indicator],
    periods: dict[tuple[int | None, str], ReportingPeriod],
    existing: set[tuple[int, int, int]],
    seen: set[tuple[int, int, int]],
) -> None:
    errors_before = len(result.errors)

    def error(key: str, message: str) -> None:
        result.errors.append(ImportIssue(number, HEADERS[key][0] if key else "", message))

    project = projects.get(_cell(cells, columns, "project"))
    if project is None:
        error("project", _("No project with this number."))
    indicator = indicators.get(_cell(cells, columns, "indicator").upper())
    if indicator is None:
        error("indicator", _("No indicator in the catalogue has this code."))
    period = None
    if project is not None:
        period = periods.get((project.call_id, _cell(cells, columns, "period").lower()))
        if period is None:
            error("period", _("The project's call has no reporting period with this name."))
    data: dict[str, Any] = {}
    for index, key in columns.items():
        if key in NUMBERS and index < len(cells):
            try:
                data[key] = parse_count(cells[index])
            except ValueProblem as problem:
                error(key, str(problem))
        elif key == "text" and index < len(cells):
            data["text"] = str(cells[index] or "").strip()
    if len(result.errors) > errors_before or project is None or indicator is None or period is None:
        return
    triple = (project.pk, indicator.pk, period.pk)
    if triple in seen:
        error("", _("The same project, indicator and period appear on an earlier row."))
        return
    seen.add(triple)
    try:
        check_value(Value(**{k: v for k, v in data.items() if k != "text"}), indicator)
    except ValidationError as problem:
        for message in problem.messages:
            error("", message)
        return
    result.rows.append(PlannedValue(number, project, indicator, period, data, triple in existing))


class ImportFailed(Exception):
    pass


@transaction.atomic
def commit(parsed: ValueImport, *, by: User) -> int:
    """Write every planned value and submit it; all or nothing."""
    if not parsed.ok:
        raise ImportFailed
    for row in parsed.rows:
        ProjectIndicator.objects.get_or_create(project=row.project, indicator=row.indicator)
        services.save_value(
            project=row.project, indicator=row.indicator, period=row.period, data=row.data, by=by
        )
    pairs = {(row.project.pk, row.period.pk): row for row in parsed.rows}
    for row in pairs.values():
        services.submit_period(project=row.project, period=row.period, by=by)
    record_event(
        action=AuditAction.IMPORT, actor=by, detail=f"evaluation values: {len(parsed.rows)} rows"
    )
    return len(parsed.rows)


def example_workbook() -> bytes:
    """The documented example file: the columns and two rows."""
    # Imported here: openpyxl takes over a second to import, and only this file needs it.
    from openpyxl import Workbook

    book = Workbook()
    sheet: Any = book.active
    sheet.title = "Värden"
    sheet.append(EXAMPLE_HEADER)
    sheet.append(
        ["23-012-S01", "EECO01", "2026 H1", 24, None, None, 12, 10, 0, 2, 0, 9, 12, 3, None]
    )
    sheet.append(
        [
            "23-012-S01",
            "SAM03",
            "2026 H1",
            None,
            6,
            9,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
