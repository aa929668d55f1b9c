"""Import of granted projects from the ESF Council's spreadsheets (.xlsx or .csv).

Reading is pure: bytes → `ParsedFile` (rows of typed values and a list of errors, each with
the row and column the person sees in their spreadsheet). `plan_import` compares the rows with
the database (create / update / unchanged) without writing, and `commit_import` writes all rows
in one transaction or nothing. Messages are translated in the language active when parsing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.accounts.enums import Country, Region, Sector
from samskapa.accounts.models import Organisation
from samskapa.accounts.validators import looks_like_personnummer, normalise_org_number
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.projects import services
from samskapa.projects.models import Call, Project, project_field_label
from samskapa.projects.validators import PROJECT_NUMBER, normalise_project_number


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    aliases: tuple[str, ...]


# Header variants, written as people write them; they are normalised before matching.
COLUMNS: tuple[Column, ...] = (
    Column(
        "number",
        gettext_lazy("Project number"),
        (
            "ärende-id",
            "ärendeid",
            "diarienummer",
            "projektnummer",
            "projektnr",
            "ärendenummer",
            "project number",
            "project no",
            "project id",
            "case number",
            "reference",
        ),
    ),
    Column(
        "name",
        gettext_lazy("Project name"),
        (
            "projektnamn",
            "projektets namn",
            "namn",
            "projekttitel",
            "project name",
            "project title",
            "name",
            "title",
        ),
    ),
    Column(
        "owner_name",
        gettext_lazy("Project owner"),
        (
            "projektägare",
            "stödmottagare",
            "stödsökande",
            "organisation",
            "organisationsnamn",
            "project owner",
            "owner",
            "beneficiary",
            "applicant",
            "organisation name",
            "organization name",
        ),
    ),
    Column(
        "owner_org_number",
        gettext_lazy("Organisation number"),
        (
            "organisationsnummer",
            "orgnr",
            "org nr",
            "orgnummer",
            "organisation number",
            "organization number",
            "org number",
            "registration number",
        ),
    ),
    Column(
        "call_reference",
        gettext_lazy("Call"),
        (
            "utlysning",
            "utlysningens diarienummer",
            "utlysningsnummer",
            "call",
            "call reference",
            "call number",
        ),
    ),
    Column(
        "programme_area",
        gettext_lazy("Programme area"),
        ("programområde", "programme area", "program area"),
    ),
    Column(
        "specific_objective",
        gettext_lazy("Specific objective"),
        ("specifikt mål", "specific objective"),
    ),
    Column("region", gettext_lazy("Region"), ("region", "län", "county", "geografiskt område")),
    Column(
        "start",
        gettext_lazy("Start date"),
        (
            "startdatum",
            "projektstart",
            "start",
            "start date",
            "project start",
            "projektperiod start",
        ),
    ),
    Column(
        "end",
        gettext_lazy("End date"),
        (
            "slutdatum",
            "projektslut",
            "slut",
            "end",
            "end date",
            "project end",
            "projektperiod slut",
        ),
    ),
    Column(
        "granted_support",
        gettext_lazy("Granted ESF support"),
        (
            "beviljat esf-stöd",
            "beviljat stöd",
            "esf-stöd",
            "beviljat belopp",
            "granted esf support",
            "granted support",
            "esf support",
            "granted amount",
        ),
    ),
    Column(
        "total_budget",
        gettext_lazy("Total budget"),
        (
            "total budget",
            "totalbudget",
            "budget",
            "total projektbudget",
            "totala kostnader",
            "total cost",
        ),
    ),
    Column(
        "cofinancing_rate",
        gettext_lazy("EU co-financing rate"),
        (
            "medfinansieringsgrad",
            "eu:s medfinansieringsgrad",
            "stödandel",
            "co-financing rate",
            "eu co-financing rate",
            "cofinancing rate",
        ),
    ),
    Column(
        "planned_participants",
        gettext_lazy("Planned participants"),
        (
            "planerat antal deltagare",
            "antal deltagare",
            "deltagare",
            "planned participants",
            "number of participants",
            "participants",
        ),
    ),
    Column(
        "contact_name",
        gettext_lazy("Contact person"),
        ("kontaktperson", "kontakt", "contact person", "contact", "contact name"),
    ),
    Column(
        "contact_email",
        gettext_lazy("E-mail"),
        (
            "e-post",
            "epost",
            "e-postadress",
            "mejl",
            "email",
            "e-mail",
            "email address",
            "contact e-mail",
            "kontaktpersonens e-post",
        ),
    ),
    Column(
        "summary",
        gettext_lazy("Summary"),
        ("sammanfattning", "kort beskrivning", "summary", "short description"),
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED = ("number", "name")
# Fields written to Project as they are (the owner and call are resolved first).
PROJECT_FIELDS = (
    "name", "programme_area", "specific_objective", "region", "start", "end",
    "granted_support", "total_budget", "cofinancing_rate", "planned_participants",
    "contact_name", "contact_email", "summary",
)  # fmt: skip


def normalise_header(value: Any) -> str:
    """Lower case without spaces, punctuation or hyphens; å, ä and ö stay what they are."""
    text = unicodedata.normalize("NFC", str(value or "")).strip().lower()
    return re.sub(r"[\W_]+", "", text)


ALIASES: dict[str, str] = {
    normalise_header(alias): column.key for column in COLUMNS for alias in column.aliases
}


@dataclass(frozen=True)
class ImportIssue:
    row: int  # the spreadsheet's row number (1 = the first line); 0 for the whole file
    column: str  # the header as written in the file, or the field's name
    message: str


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]


@dataclass
class ParsedFile:
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # normalised header → key or ""
    unknown: list[str] = field(default_factory=list)  # headers nobody mapped yet
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFailed(Exception):
    def __init__(self, errors: list[ImportIssue]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


# --- Reading the table --------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; Windows-1252 is what older Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


Table = list[tuple[int, list[Any]]]  # (the spreadsheet's row number, the cells)


def _read_csv(data: bytes) -> tuple[Table, list[str], list[ImportIssue]]:
    text = _decode(data)
    delimiter = _delimiter(text)
    if match := re.match(r"\s*sep=(.)\s*\r?\n", text):
        # Excel's hint line: "sep=;" names the delimiter and is not part of the table.
        delimiter = match[1]
        text = "\n" + text[match.end() :]  # keep the row numbers people see in Excel
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(index, list(row)) for index, row in enumerate(reader, start=1)], [], []


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def _merged_ranges(data: bytes, sheet_path: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(sheet_path) as xml:
        return [
            element.attrib.get("ref", "")
            for _event, element in ElementTree.iterparse(xml)  # noqa: S314  (own parser, no DTDs: zip member of an upload)
            if element.tag.endswith("}mergeCell")
        ]


def _read_xlsx(data: bytes) -> tuple[Table, list[str], list[ImportIssue]]:
    # Imported here: openpyxl takes over a second to import, and only an upload needs it.
    from openpyxl import load_workbook

    try:
        values_book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formula_book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged file
        return [], [], [ImportIssue(0, "", _("The file could not be read as an Excel workbook."))]
    sheet = values_book.worksheets[0]
    formulas = formula_book.worksheets[0]
    rows = []
    for index, (values, raw) in enumerate(
        zip(sheet.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False),
        start=1,
    ):
        row = list(values)
        for col, (value, source) in enumerate(zip(row, raw, strict=False)):
            if isinstance(source, str) and source.startswith("=") and value is None:
                # A formula with no saved result: the file was never calculated by Excel.
                row[col] = source
        rows.append((index, row))
    merged = _merged_ranges(data, getattr(sheet, "_worksheet_path", "xl/worksheets/sheet1.xml"))
    values_book.close()
    formula_book.close()
    return rows, merged, []


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_rows(data: bytes, filename: str) -> tuple[Table, list[str], list[ImportIssue]]:
    """The rows with their numbers, the merged cell ranges (xlsx) and reading errors."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


# --- Values -------------------------------------------------------------------------------

SWEDISH_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
    "mar": 3, "mars": 3, "march": 3, "apr": 4, "april": 4, "maj": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "augusti": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip


class ValueProblem(Exception):
    pass


def parse_date(value: Any) -> date | None:
    """ISO (2024-02-01, 20240201), day first (1/2/2024, 1.2.2024) or words (1 feb 2024)."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().lower().rstrip(".")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./ ]\s*(\d{4})", text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})", text):
            month = SWEDISH_MONTHS.get(m[2])
            if month:
                return date(int(m[3]), month, int(m[1]))
    except ValueError:
        pass
    raise ValueProblem(
        _("“%(value)s” is not a date. Write it as YYYY-MM-DD, for example 2024-02-01.")
        % {"value": value}
    )


def parse_amount(value: Any) -> Decimal | None:
    """SEK amounts: 1 234 567,50 kr · 1234567.5 · SEK 1,234,567 · 7 450 000:-"""
    if _blank(value):
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = str(value).strip().lower()
        text = re.sub(r"(kr|sek|kronor|:-)", "", text)
        text = re.sub(r"[\s\u00a0\u202f']", "", text)
        if "," in text and "." in text:
            thousands = "." if text.rfind(",") > text.rfind(".") else ","
            text = text.replace(thousands, "").replace(",", ".")
        elif text.count(",") == 1 and re.search(r",\d{1,2}$", text):
            text = text.replace(",", ".")
        else:
            text = text.replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueProblem(
                _("“%(value)s” is not an amount. Write it in kronor, for example 1 234 567,50.")
                % {"value": value}
            ) from None
    if amount < 0:
        raise ValueProblem(_("The amount cannot be negative."))
    return amount.quantize(Decimal("0.01"))


def parse_rate(value: Any) -> Decimal | None:
    if _blank(value):
        return None
    text = str(value).replace("%", "").strip()
    try:
        rate = parse_amount(text)
    except ValueProblem:
        raise ValueProblem(
            _("“%(value)s” is not a percentage. Write it as 95 or 95 %%.") % {"value": value}
        ) from None
    assert rate is not None
    if rate <= 1 and "%" not in str(value) and isinstance(value, float | Decimal):
        rate *= 100  # Excel stores 95 % as 0.95
    if not 0 <= rate <= 100:
        raise ValueProblem(_("A co-financing rate lies between 0 and 100 %."))
    return rate.quantize(Decimal("0.01"))


def parse_count(value: Any) -> int | None:
    if _blank(value):
        return None
    text = re.sub(r"[\s\u00a0]", "", str(value))
    if re.fullmatch(r"\d+(\.0+)?", text):
        return int(float(text))
    raise ValueProblem(_("“%(value)s” is not a whole number.") % {"value": value})


def _region_keys() -> dict[str, str]:
    keys = {}
    for region in Region:
        keys[normalise_header(region.value)] = region.value
        keys[normalise_header(region.label)] = region.value
    keys.update({"västragötaland": "vastra_gotaland", "jämtland": "jamtland",
                 "jämtlandhärjedalen": "jamtland", "sörmland": "sodermanland"})  # fmt: skip
    return keys


NATIONAL = {"nationell", "national", "helalandet", "sverige", "sweden", "nationellt"}


def parse_region(value: Any) -> str:
    if _blank(value):
        return ""
    key = normalise_header(value)
    if key in NATIONAL:
        return ""
    key = re.sub(r"^region", "", key)
    key = re.sub(r"(s)?län$", "", key)
    keys = _region_keys()
    for candidate in (key, key.rstrip("s"), key + "s"):
        if candidate in keys:
            return keys[candidate]
    raise ValueProblem(_("“%(value)s” is not a Swedish region.") % {"value": value})


def sector_from_org_number(org_number: str) -> str:
    """The first digit tells the legal form (Bolagsverket's group numbers): 2 public bodies,
    8 non-profit associations and foundations, others mostly businesses. Staff can correct it."""
    return {"2": Sector.PUBLIC, "8": Sector.CIVIL_SOCIETY}.get(org_number[:1], Sector.PRIVATE)


# --- Parsing ------------------------------------------------------------------------------


def parse_file(data: bytes, filename: str, *, mapping: dict[str, str] | None = None) -> ParsedFile:
    """Read, map the headers and type every value. `mapping` is the person's choice for headers
    the importer did not recognise: normalised header → field key, or "" to ignore it."""
    parsed = ParsedFile()
    table, merged, parsed.errors = read_rows(data, filename)
    table = [(n, r) for n, r in table if not all(_blank(v) for v in r)]
    if not table:
        if parsed.errors:
            return parsed
        parsed.errors.append(ImportIssue(0, "", _("The file has no rows.")))
        return parsed
    chosen = mapping or {}
    start = _header_index(table, chosen)
    header_number, header = table[start]
    body = table[start + 1 :]
    in_header = [ref for ref in merged if re.fullmatch(rf"[A-Z]+{header_number}:[A-Z]+\d+", ref)]
    if in_header:
        parsed.errors.append(
            ImportIssue(
                header_number,
                ", ".join(in_header),
                _(
                    "The header row has merged cells (%(cells)s). Give every column its own "
                    "header cell and import again."
                )
                % {"cells": ", ".join(in_header)},
            )
        )
        return parsed
    parsed.headers = [str(h).strip() if not _blank(h) else "" for h in header]
    columns: dict[int, str] = {}
    for index, title in enumerate(parsed.headers):
        norm = normalise_header(title)
        if not norm:
            continue
        key = chosen.get(norm, ALIASES.get(norm))
        if norm in chosen:
            parsed.mapping[norm] = chosen[norm]
        if key is None:
            parsed.unknown.append(title)
        elif key:
            columns[index] = key
    _check_personnummer(parsed, body)
    if parsed.errors:
        return parsed
    _check_columns(parsed, columns, header_number)
    if parsed.errors:
        return parsed
    for number, cells in body:
        parsed.rows.append(_parse_row(parsed, columns, number, cells))
    _check_duplicates(parsed, columns)
    return parsed


def _header_index(table: Table, mapping: dict[str, str]) -> int:
    """The header is the first row (of the first ten) with two or more known column names, so
    a title row above the table is skipped; without one, the first row."""
    for index, (_number, cells) in enumerate(table[:10]):
        known = sum(
            1
            for cell in cells
            if (norm := normalise_header(cell)) and (norm in ALIASES or mapping.get(norm))
        )
        if known >= 2:
            return index
    return 0


def _check_personnummer(parsed: ParsedFile, body: list[tuple[int, list[Any]]]) -> None:
    for index, title in enumerate(parsed.headers):
        for number, cells in body:
            if index < len(cells) and looks_like_personnummer(cells[index]):
                parsed.errors.append(
                    ImportIssue(
                        number,
                        title or _cell_name(number, index + 1),
                        _(
                            "This column holds Swedish personal identity numbers "
                            "(personnummer). Samskapa stores no personal identity numbers "
                            "(GDPR: only the data that is needed). Remove the column and "
                            "import the file again. Nothing has been imported."
                        ),
                    )
                )
                break


def _check_columns(parsed: ParsedFile, columns: dict[int, str], header_row: int) -> None:
    present = Counter(columns.values())
    missing = [str(COLUMN_BY_KEY[key].label) for key in REQUIRED if key not in present]
    if "owner_org_number" not in present and "owner_name" not in present:
        missing.append(
            _("%(number)s or %(name)s")
            % {
                "number": COLUMN_BY_KEY["owner_org_number"].label,
                "name": COLUMN_BY_KEY["owner_name"].label,
            }
        )
    if missing:
        parsed.errors.append(
            ImportIssue(
                header_row,
                ", ".join(missing),
                _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)},
            )
        )
    for key, count in present.items():
        if count > 1:
            titles = [parsed.headers[i] for i, k in columns.items() if k == key]
            parsed.errors.append(
                ImportIssue(
                    header_row,
                    ", ".join(titles),
                    _("Several columns mean %(field)s. Keep one of them or ignore the others.")
                    % {"field": COLUMN_BY_KEY[key].label},
                )
            )


PARSERS: dict[str, Callable[[Any], Any]] = {
    "start": parse_date,
    "end": parse_date,
    "granted_support": parse_amount,
    "total_budget": parse_amount,
    "cofinancing_rate": parse_rate,
    "planned_participants": parse_count,
    "region": parse_region,
}


def _text(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse_row(
    parsed: ParsedFile, columns: dict[int, str], number: int, cells: list[Any]
) -> ParsedRow:
    values: dict[str, Any] = {}
    titles = {key: parsed.headers[index] for index, key in columns.items()}

    def error(key: str, message: str) -> None:
        parsed.errors.append(ImportIssue(number, titles.get(key, key), message))

    for index, key in columns.items():
        raw = cells[index] if index < len(cells) else None
        if isinstance(raw, str) and raw.strip().startswith("="):
            error(key, _("The cell holds a formula. Replace it with its value."))
            continue
        try:
            values[key] = PARSERS[key](raw) if key in PARSERS else _text(raw)
        except ValueProblem as problem:
            error(key, str(problem))
    if "number" in values:
        values["number"] = normalise_project_number(values["number"])
        if not values["number"]:
            error("number", _("The project number is missing."))
        elif not PROJECT_NUMBER.match(values["number"]):
            error(
                "number",
                _(
                    "“%(value)s” is not a project number. Write it as YY-NNN-Sxx, "
                    "for example 23-012-S01."
                )
                % {"value": values["number"]},
            )
    if "name" in values and not values["name"]:
        error("name", _("The project name is missing."))
    if values.get("owner_org_number"):
        try:
            values["owner_org_number"] = normalise_org_number(values["owner_org_number"])
        except ValidationError as problem:
            error("owner_org_number", " ".join(str(m) for m in problem.messages))
    if not values.get("owner_org_number") and not values.get("owner_name"):
        error(
            "owner_org_number" if "owner_org_number" in titles else "owner_name",
            _("The project owner is missing: give the organisation number."),
        )
    if values.get("contact_email"):
        try:
            validate_email(values["contact_email"])
        except ValidationError:
            error(
                "contact_email",
                _("“%(value)s” is not an e-mail address.") % {"value": values["contact_email"]},
            )
    start, end = values.get("start"), values.get("end")
    if start and end and end < start:
        error("end", _("The project ends before it starts."))
    for key, limit in (("name", 250), ("contact_name", 150), ("specific_objective", 10),
                       ("programme_area", 2)):  # fmt: skip
        if len(values.get(key) or "") > limit:
            error(key, _("At most %(limit)d characters.") % {"limit": limit})
    return ParsedRow(number, values)


def _check_duplicates(parsed: ParsedFile, columns: dict[int, str]) -> None:
    counts = Counter(r.values.get("number") for r in parsed.rows if r.values.get("number"))
    title = next((parsed.headers[i] for i, k in columns.items() if k == "number"), "")
    for row in parsed.rows:
        value = row.values.get("number")
        if value and counts[value] > 1:
            parsed.errors.append(
                ImportIssue(
                    row.row,
                    title,
                    _("The project number %(number)s appears on more than one row.")
                    % {"number": value},
                )
            )


# --- Planning and committing --------------------------------------------------------------


@dataclass
class PlannedRow:
    row: int
    number: str
    name: str
    action: str  # create, update or unchanged
    changed: list[str]  # verbose field names


@dataclass
class ImportPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def _resolve(
    parsed: ParsedFile, default_call: Call | None
) -> tuple[dict[int, dict[str, Any]], list[ImportIssue]]:
    """Each row's Project field values with owner and call resolved (new owners unsaved)."""
    errors: list[ImportIssue] = []
    numbers = {
        r.values["owner_org_number"] for r in parsed.rows if r.values.get("owner_org_number")
    }
    by_number = {o.org_number: o for o in Organisation.objects.filter(org_number__in=numbers)}
    references = {r.values["call_reference"] for r in parsed.rows if r.values.get("call_reference")}
    calls = {c.reference: c for c in Call.objects.filter(reference__in=references)}
    names = {r.values["owner_name"].lower() for r in parsed.rows if r.values.get("owner_name")}
    by_name: dict[str, list[Organisation]] = {}
    for organisation in Organisation.objects.all().only("pk", "name", "org_number", "sector"):
        if organisation.name.lower() in names:
            by_name.setdefault(organisation.name.lower(), []).append(organisation)
    resolved: dict[int, dict[str, Any]] = {}
    for row in parsed.rows:
        values = {k: v for k, v in row.values.items() if k in PROJECT_FIELDS}
        org_number = row.values.get("owner_org_number", "")
        owner_name = row.values.get("owner_name", "")
        title = _header_of(parsed, "owner_org_number") or _header_of(parsed, "owner_name")
        if org_number:
            owner = by_number.get(org_number)
            if owner is None:
                if not owner_name:
                    errors.append(
                        ImportIssue(
                            row.row,
                            title,
                            _(
                                "The organisation %(number)s is not in the register. Add a column with "
                                "the project owner's name so that it can be created."
                            )
                            % {"number": org_number},
                        )
                    )
                    continue
                owner = Organisation(
                    name=owner_name,
                    org_number=org_number,
                    country=Country.SE,
                    sector=sector_from_org_number(org_number),
                    region=values.get("region", ""),
                )
                by_number[org_number] = owner
        else:
            matches = by_name.get(owner_name.lower(), [])
            if len(matches) != 1:
                errors.append(
                    ImportIssue(
                        row.row,
                        title,
                        _(
                            "“%(name)s” is not one organisation in the register. Add the "
                            "organisation number so that the right one is used or created."
                        )
                        % {"name": owner_name},
                    )
                )
                continue
            owner = matches[0]
        values["owner"] = owner
        reference = row.values.get("call_reference", "")
        if reference:
            if reference not in calls:
                errors.append(
                    ImportIssue(
                        row.row,
                        _header_of(parsed, "call_reference"),
                        _(
                            "There is no call with the reference number %(reference)s. Add the call "
                            "first."
                        )
                        % {"reference": reference},
                    )
                )
                continue
            values["call"] = calls[reference]
        elif default_call is not None:
            values["call"] = default_call
        resolved[row.row] = values
    return resolved, errors


def _header_of(parsed: ParsedFile, key: str) -> str:
    for title in parsed.headers:
        norm = normalise_header(title)
        if parsed.mapping.get(norm, ALIASES.get(norm)) == key:
            return title
    return str(COLUMN_BY_KEY[key].label)


def plan_import(parsed: ParsedFile, *, call: Call | None = None) -> ImportPlan:
    """What committing would do, row by row; writes nothing."""
    plan = ImportPlan(errors=list(parsed.errors))
    if parsed.errors:
        return plan
    resolved, plan.errors = _resolve(parsed, call)
    existing = {
        p.number: p
        for p in Project.objects.filter(number__in=[r.values["number"] for r in parsed.rows])
    }
    for row in parsed.rows:
        if row.row not in resolved:
            continue
        number = row.values["number"]
        values = resolved[row.row]
        project = existing.get(number)
        if project is None:
            plan.rows.append(PlannedRow(row.row, number, values["name"], "create", []))
            continue
        if values["owner"].pk is None:
            changed = ["owner", *services.apply_changes(project, _without(values, "owner"))]
        else:
            changed = services.apply_changes(project, values)
        labels = [project_field_label(name) for name in changed]
        plan.rows.append(
            PlannedRow(
                row.row, number, values["name"], "update" if changed else "unchanged", labels
            )
        )
    return plan


def _without(values: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != key}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def commit_import(
    parsed: ParsedFile,
    *,
    call: Call | None = None,
    by: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write every row or none: any error raises ImportFailed and the transaction rolls back."""
    with transaction.atomic():
        plan = plan_import(parsed, call=call)
        if plan.errors:
            raise ImportFailed(plan.errors)
        resolved, _errors = _resolve(parsed, call)
        result = ImportResult()
        total = len(parsed.rows)
        for done, row in enumerate(parsed.rows, start=1):
            values = resolved[row.row]
            if values["owner"].pk is None:
                values["owner"].full_clean()
                values["owner"].save()
            _project, action, _changed = services.upsert_project(
                number=row.values["number"], values=values, by=by
            )
            attribute = {"create": "created", "update": "updated"}.get(action, "unchanged")
            setattr(result, attribute, getattr(result, attribute) + 1)
            if progress:
                progress(done, total)
        record_event(
            action=AuditAction.IMPORT,
            actor=by,
            detail=f"projects: {result.created} created, {result.updated} updated",
        )
    return result


def issues_as_text(issues: Iterable[ImportIssue]) -> list[str]:
    return [
        _("Row %(row)s, %(column)s: %(message)s")
        % {"row": issue.row or "–", "column": issue.column or "–", "message": issue.message}
        for issue in issues
    ]
