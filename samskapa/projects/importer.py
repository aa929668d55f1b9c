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

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from samskapa.accounts.enums import Country, NutsRegion, Region, Sector, nuts_region_of
from samskapa.accounts.models import Organisation
from samskapa.accounts.validators import looks_like_personnummer, normalise_org_number
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.projects import services
from samskapa.projects.enums import MemberRole
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
            "projektägarens organisationsnummer",
            "owner's organisation number",
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
    Column(
        "region",
        gettext_lazy("Region"),
        ("region", "län", "county", "geografiskt område", "region/län", "län/region"),
    ),
    Column(
        "nuts_region",
        gettext_lazy("NUTS-2 region"),
        ("nuts-2", "nuts 2", "nuts-2-region", "nuts-2 region", "nuts2", "riksområde"),
    ),
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
            "planned number of participants",
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
        (
            "sammanfattning",
            "öppen sammanfattning",
            "kort beskrivning",
            "summary",
            "public summary",
            "short description",
        ),
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
# Columns of Samskapa's own export that the import leaves alone (they are set in Samskapa), so
# that an exported list imports back without questions.
IGNORED = (
    "fas", "phase", "projektägarens sektor", "owner's sector", "var projektet står i processen",
    "where the project stands in the process",
)  # fmt: skip
REQUIRED = ("number", "name")
# Fields written to Project as they are (the owner and call are resolved first).
PROJECT_FIELDS = (
    "name", "programme_area", "specific_objective", "region", "nuts_region", "start", "end",
    "granted_support", "total_budget", "cofinancing_rate", "planned_participants",
    "contact_name", "contact_email", "summary",
)  # fmt: skip


def normalise_header(value: Any) -> str:
    """Lower case without spaces, punctuation or hyphens; å, ä and ö stay what they are."""
    text = unicodedata.normalize("NFC", str(value or "")).strip().lower()
    return re.sub(r"[\W_]+", "", text)


ALIASES: dict[str, str] = {
    **{normalise_header(alias): "" for alias in IGNORED},
    **{normalise_header(alias): column.key for column in COLUMNS for alias in column.aliases},
}
UNIT = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")  # "Beviljat ESF-stöd (kr)", "Rate [%]"


def column_key(title: Any, chosen: dict[str, str] | None = None) -> str | None:
    """The field a header means: the person's choice, a known header, or a known header
    followed by its unit in parentheses; "" for a column to ignore, None when unknown."""
    norm = normalise_header(title)
    if chosen and norm in chosen:
        return chosen[norm]
    if norm in ALIASES:
        return ALIASES[norm]
    without_unit = normalise_header(UNIT.sub("", str(title or "")))
    if without_unit and without_unit != norm:
        return ALIASES.get(without_unit)
    return None


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
    keys: set[str] = field(default_factory=set)  # the fields the file's columns hold
    unreadable: bool = False  # refused as a whole: too large, damaged or not a table

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def needs_call(self) -> bool:
        """A readable file without a call column: the person has to choose the call."""
        return not self.unreadable and "call_reference" not in self.keys


class ImportFailed(Exception):
    def __init__(self, errors: list[ImportIssue]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


# --- Reading the table --------------------------------------------------------------------

# Limits, checked before anything is parsed (docs/importing-projects.md, "Limits"). The ESF
# Council's largest list, every project of a programme period, has a few thousand rows; a
# call's list has tens or hundreds. 5,000 rows and 5 MB leave room for that and keep a preview
# within a few tens of megabytes of memory and a couple of seconds of work.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000  # rows with content, the header and any title rows included
MAX_UNPACKED_BYTES = 25 * 1024 * 1024  # all parts of an .xlsx together, once unzipped
MAX_ZIP_MEMBERS = 200


class FileRefused(Exception):
    """The whole file cannot be read; the message says why, in the person's language."""

    def __init__(self, message: str, row: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.row = row


def _too_many_rows() -> FileRefused:
    return FileRefused(
        _(
            "The file has more than %(limit)s rows. Split it into files of at most "
            "%(limit)s rows and import them one by one."
        )
        % {"limit": f"{MAX_ROWS:,}".replace(",", "\u00a0")}
    )


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; Windows-1252 is what older Excel writes; UTF-16 when
    the file says so ("Unicode text" from Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileRefused(_("The file is not a text file that can be read.")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


Table = list[tuple[int, list[Any]]]  # (the spreadsheet's row number, the cells)


def _read_csv(data: bytes) -> tuple[Table, list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise FileRefused(_("This is not a text (.csv) file."))
    delimiter = _delimiter(text)
    if match := re.match(r"\s*sep=(.)\s*\r?\n", text):
        # Excel's hint line: "sep=;" names the delimiter and is not part of the table.
        delimiter = match[1]
        text = "\n" + text[match.end() :]  # keep the row numbers people see in Excel
    if delimiter in '"\r\n' or delimiter.isalnum():
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Table = []
    filled = 0
    try:
        # reader.line_num is the last physical line read: row numbers as a text editor shows
        # them (a quoted value over several lines counts its lines).
        for row in reader:
            rows.append((reader.line_num, row))
            filled += any(value.strip() for value in row)
            if filled > MAX_ROWS:
                raise _too_many_rows()
    except csv.Error as problem:
        # Python's csv module stops at a value over csv.field_size_limit() (131,072
        # characters) and at malformed quoting; the row is named and nothing is imported.
        row_number = reader.line_num
        if "field larger than field limit" in str(problem):
            message = _(
                "A value on this row is longer than %(limit)s characters. Shorten it and import "
                "again."
            ) % {"limit": f"{csv.field_size_limit():,}".replace(",", "\u00a0")}
        else:
            message = _("This row cannot be read as CSV (check the quotation marks).")
        raise FileRefused(message, row_number) from None
    return rows, []


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def _check_zip(data: bytes) -> None:
    """Refuse a workbook whose parts would unpack to more than the limit (a zip bomb) before
    any of it is unpacked. The sizes come from the zip's directory; zipfile stops reading a
    part at its stated size, so they cannot lie."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise FileRefused(_("The file could not be read as an Excel workbook.")) from None
    if (
        len(members) > MAX_ZIP_MEMBERS
        or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES
    ):
        raise FileRefused(
            _(
                "The workbook is too large once unpacked (more than %(limit)s MB). Save only the "
                "sheet with the projects, or save it as CSV."
            )
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _merged_ranges(data: bytes, sheet_path: str) -> list[str]:
    """The merged cell ranges of a sheet, read as a stream: each row is dropped once read."""
    ranges = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(sheet_path) as xml:
        for _event, element in iterparse(xml, forbid_dtd=True):
            if element.tag.endswith("}mergeCell"):
                ranges.append(element.attrib.get("ref", ""))
            elif element.tag.endswith("}row"):
                element.clear()
    return ranges


def _read_xlsx(data: bytes) -> tuple[Table, list[str]]:
    _check_zip(data)
    # openpyxl in read-only mode streams the sheet; with defusedxml installed it parses every
    # part through it (openpyxl.DEFUSEDXML), so entities and DTDs are refused.
    values_book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    formula_book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = values_book.worksheets[0]
        formulas = formula_book.worksheets[0]
        rows: Table = []
        filled = 0
        pairs = zip(
            sheet.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False
        )
        for index, (values, raw) in enumerate(pairs, start=1):
            row = list(values)
            for col, (value, source) in enumerate(zip(row, raw, strict=False)):
                if isinstance(source, str) and source.startswith("=") and value is None:
                    # A formula with no saved result: the file was never calculated by Excel.
                    row[col] = source
            if any(not _blank(value) for value in row):
                filled += 1
                if filled > MAX_ROWS:
                    raise _too_many_rows()
            rows.append((index, row))
        path = getattr(sheet, "_worksheet_path", "xl/worksheets/sheet1.xml")
    finally:
        values_book.close()
        formula_book.close()
    return rows, _merged_ranges(data, path)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_rows(data: bytes, filename: str) -> tuple[Table, list[str]]:
    """The rows with their numbers and the merged cell ranges (xlsx). Raises FileRefused with
    a message for the person when the file cannot be read, whatever is wrong with it."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_FILE_BYTES // 1024**2}
        )
    if not filename.lower().endswith(".xlsx"):
        return _read_csv(data)
    try:
        return _read_xlsx(data)
    except FileRefused:
        raise
    # A damaged workbook makes openpyxl, zipfile and the XML parser raise almost any kind.
    except Exception as problem:
        raise _refusal(problem) from None


def _refusal(problem: BaseException) -> FileRefused:
    """The message for an unreadable workbook. openpyxl wraps the XML parser's exception in a
    ValueError of its own, so defusedxml's refusal is looked for along the chain."""
    cause: BaseException | None = problem
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return FileRefused(
                _(
                    "The workbook holds XML that Samskapa does not read (entity or document type "
                    "declarations). Open it in Excel, save it again and import it."
                )
            )
        cause = cause.__cause__ or cause.__context__
    return FileRefused(_("The file could not be read as an Excel workbook."))


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
            amount = Decimal("NaN")
    if not amount.is_finite():
        raise ValueProblem(
            _("“%(value)s” is not an amount. Write it in kronor, for example 1 234 567,50.")
            % {"value": value}
        )
    if amount < 0:
        raise ValueProblem(_("The amount cannot be negative."))
    if amount >= MAX_AMOUNT:
        raise ValueProblem(_("The amount is too large to be an amount in kronor."))
    return amount.quantize(Decimal("0.01"))


MAX_AMOUNT = Decimal(10) ** 12  # the amount fields hold 14 digits, two of them decimals


def parse_rate(value: Any) -> Decimal | None:
    if _blank(value):
        return None
    text = str(value).replace("%", "").strip()
    not_a_rate = ValueProblem(
        _("“%(value)s” is not a percentage. Write it as 95 or 95 %%.") % {"value": value}
    )
    try:
        rate = parse_amount(text)
    except ValueProblem:
        raise not_a_rate from None
    if rate is None:  # only a per cent sign
        raise not_a_rate
    if rate <= 1 and "%" not in str(value) and isinstance(value, float | Decimal):
        rate *= 100  # Excel stores 95 % as 0.95
    if not 0 <= rate <= 100:
        raise ValueProblem(_("A co-financing rate lies between 0 and 100 %."))
    return rate.quantize(Decimal("0.01"))


def parse_count(value: Any) -> int | None:
    if _blank(value):
        return None
    text = re.sub(r"[\s\u00a0]", "", str(value))
    if re.fullmatch(r"\d{1,9}(\.0+)?", text):
        return int(text.split(".")[0])
    raise ValueProblem(_("“%(value)s” is not a whole number.") % {"value": value})


NATIONAL = {
    "nationell", "nationellt", "national", "helasverige", "helalandet", "heleriket", "sverige",
    "sweden", "wholeofsweden", "se", "riksomfattande",
}  # fmt: skip


def _region_keys() -> tuple[dict[str, str], dict[str, str]]:
    """Normalised names → county (Region) and → NUTS-2 region, in the active language too."""
    counties = {}
    for region in Region:
        counties[normalise_header(region.value)] = region.value
        counties[normalise_header(region.label)] = region.value
    counties.update({"västragötaland": "vastra_gotaland", "jämtland": "jamtland",
                     "jämtlandhärjedalen": "jamtland", "sörmland": "sodermanland"})  # fmt: skip
    nuts = {}
    for area in NutsRegion:
        nuts[normalise_header(area.value)] = area.value
        nuts[normalise_header(area.label)] = area.value  # "Sydsverige (SE22)", as exported
        nuts[normalise_header(UNIT.sub("", str(area.label)))] = area.value  # "Sydsverige"
    nuts.update(dict.fromkeys(NATIONAL, NutsRegion.NATIONAL.value))
    return counties, nuts


def parse_region(value: Any) -> tuple[str, str]:
    """(county, NUTS-2 region): a county by name, with or without "län" or "Region"; a NUTS-2
    region (riksområde) by name or code (SE11 … SE33); or a national project ("Nationell",
    "Hela Sverige"). A county gives its NUTS-2 region too; blank gives ("", "")."""
    if _blank(value):
        return "", ""
    counties, nuts = _region_keys()
    key = normalise_header(value)
    # Counties first: "Stockholm" is both, and the county says more.
    county_key = re.sub(r"(s)?län$", "", re.sub(r"^region", "", key))
    for candidate in (key, county_key, county_key.rstrip("s"), county_key + "s"):
        if candidate in counties:
            county = counties[candidate]
            return county, nuts_region_of(county)
    for candidate in (key, re.sub(r"^(riksområde|nuts2?)", "", key)):
        if candidate in nuts:
            return "", nuts[candidate]
    raise ValueProblem(
        _("“%(value)s” is not a Swedish county, NUTS-2 region (SE11 … SE33) or “Nationell”.")
        % {"value": value}
    )


def sector_from_org_number(org_number: str) -> str:
    """The first digit tells the legal form (Bolagsverket's group numbers): 2 public bodies,
    8 non-profit associations and foundations, others mostly businesses. Staff can correct it."""
    return {"2": Sector.PUBLIC, "8": Sector.CIVIL_SOCIETY}.get(org_number[:1], Sector.PRIVATE)


# --- Parsing ------------------------------------------------------------------------------


def parse_file(data: bytes, filename: str, *, mapping: dict[str, str] | None = None) -> ParsedFile:
    """Read, map the headers and type every value. `mapping` is the person's choice for headers
    the importer did not recognise: normalised header → field key, or "" to ignore it."""
    parsed = ParsedFile()
    try:
        table, merged = read_rows(data, filename)
    except FileRefused as refused:
        parsed.unreadable = True
        parsed.errors.append(ImportIssue(refused.row, "", refused.message))
        return parsed
    table = [(n, r) for n, r in table if not all(_blank(v) for v in r)]
    if not table:
        parsed.unreadable = True
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
        key = column_key(title, chosen)
        if norm in chosen:
            parsed.mapping[norm] = chosen[norm]
        if key is None:
            parsed.unknown.append(title)
        elif key:
            columns[index] = key
    parsed.keys = set(columns.values())
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
        known = sum(1 for cell in cells if column_key(cell, mapping))
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
    "nuts_region": parse_region,
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
    _settle_geography(values, error)
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


def _settle_geography(values: dict[str, Any], error: Callable[[str, str], None]) -> None:
    """The region and NUTS-2 columns each give (county, NUTS-2 region); the project stores the
    county, where given, and the NUTS-2 region, which a county implies."""
    given = {key: values.pop(key) for key in ("region", "nuts_region") if key in values}
    if not given:
        return
    county = next((c for c, _nuts in given.values() if c), "")
    nuts = nuts_region_of(county) if county else next((n for _c, n in given.values() if n), "")
    for key, (_county, stated) in given.items():
        if county and stated and stated != nuts:
            error(
                key,
                _("%(county)s lies in %(nuts)s, not in %(stated)s.")
                % {
                    "county": Region(county).label,
                    "nuts": NutsRegion(nuts).label,
                    "stated": NutsRegion(stated).label,
                },
            )
    values["region"], values["nuts_region"] = county, nuts


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
        if column_key(title, parsed.mapping) == key:
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
    invited: int = 0  # new projects whose lead (the contact e-mail) was sent an invitation


def commit_import(
    parsed: ParsedFile,
    *,
    call: Call | None = None,
    by: Any = None,
    site_url: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write every row or none: any error raises ImportFailed and the transaction rolls back.

    Each new project's contact e-mail is invited as its project lead (the support page's
    promise) when `site_url`, the scheme and host the invitation links start with, is given;
    the invitation service sends the mail once the transaction has committed."""
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
            project, action, _changed = services.upsert_project(
                number=row.values["number"], values=values, by=by
            )
            if action == "create" and project.contact_email and site_url:
                services.invite_member(
                    project=project,
                    email=project.contact_email,
                    role=MemberRole.LEAD,
                    by=by,
                    site_url=site_url,
                )
                result.invited += 1
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
