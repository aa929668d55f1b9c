"""Import of European initiatives from Social Innovation Match (SIM) and Kohesio exports, as
CSV or JSON (docs/europe.md has the field mapping).

It reuses the project import's machinery (samskapa.projects.importer): the same reading of CSV
files with their limits and encodings, header normalisation, date parsing, issue rows and the
refusal of personal identity numbers; JSON is read here under the same limits. All or nothing:
`parse` checks the whole file and writes nothing, every bad row is listed, and `commit` writes
every row in one transaction or none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Country
from samskapa.accounts.models import User
from samskapa.accounts.validators import looks_like_personnummer
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.europe import services
from samskapa.europe.enums import Source
from samskapa.europe.models import THEME_SEPARATOR, Initiative
from samskapa.projects.importer import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    FileRefused,
    ImportIssue,
    ValueProblem,
    normalise_header,
    parse_date,
    read_rows,
)

# Field → the headers (CSV) or keys (JSON) it is recognised by, as SIM and Kohesio write them
# and as people write them. Matched after normalisation (case, spaces and punctuation ignored).
HEADERS: dict[str, tuple[str, ...]] = {
    "source_id": (
        "ID", "Identifier", "Source ID", "Project ID", "Kohesio ID", "Item", "SIM ID",
        "Practice ID", "Initiative ID", "Reference",
    ),
    "title": (
        "Title", "Name", "Project name", "Project title", "Label", "Practice name",
        "Initiative", "Initiative name",
    ),
    "summary": (
        "Summary", "Description", "Project summary", "Short description", "Abstract",
        "Practice description",
    ),
    "country": ("Country", "Country code", "Member state"),
    "organisation": (
        "Organisation", "Organization", "Beneficiary", "Beneficiaries", "Beneficiary name",
        "Lead organisation", "Lead organization", "Lead partner", "Promoter",
    ),
    "programme": (
        "Programme", "Program", "Programme name", "Program name", "Fund", "Funding",
        "Operational programme", "Programme or fund",
    ),
    "themes": (
        "Themes", "Theme", "Topics", "Topic", "Thematic objective", "Category of intervention",
        "Categories", "Keywords", "Tags",
    ),
    "starts_on": ("Start", "Start date", "Start time", "Begin"),
    "ends_on": ("End", "End date", "End time"),
    "source_url": ("URL", "Link", "Source URL", "Kohesio link", "Kohesio URL", "SIM link"),
    "is_example": ("Example", "Is example", "Example data"),
}  # fmt: skip
ALIASES = {normalise_header(h): key for key, headers in HEADERS.items() for h in headers}
REQUIRED = ("source_id", "title")
MAX_LENGTHS = {
    "source_id": 200, "title": 300, "organisation": 300, "programme": 300, "themes": 1000,
    "source_url": 500,
}  # fmt: skip
TRUE = {"1", "true", "yes", "ja", "sant", "x"}
FALSE = {"", "0", "false", "no", "nej", "falskt"}
# A JSON export is a list of records, or an object that holds the list under one of these.
JSON_LIST_KEYS = ("results", "data", "items", "initiatives", "projects", "practices")


def field_label(name: str) -> str:
    field = Initiative._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


@dataclass
class PlannedInitiative:
    row: int
    source_id: str
    title: str
    values: dict[str, Any]
    action: str  # "create", "update" or "unchanged"
    changed: list[str] = field(default_factory=list)  # the fields' labels


@dataclass
class InitiativeImport:
    source: str
    rows: list[PlannedInitiative] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # headers nobody maps: ignored

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


class ImportFailed(Exception):
    pass


Record = tuple[int, dict[str, Any]]  # (the row or record number, header → value)


def _read_json(data: bytes) -> list[Record]:
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_FILE_BYTES // 1024**2}
        )
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FileRefused(_("The file cannot be read as JSON.")) from None
    if isinstance(document, dict):
        document = next(
            (document[k] for k in JSON_LIST_KEYS if isinstance(document.get(k), list)), None
        )
    if not isinstance(document, list):
        raise FileRefused(
            _(
                "The JSON file must hold a list of initiatives (or an object with one, such as “results”)."
            )
        )
    if len(document) > MAX_ROWS:
        raise FileRefused(
            _("The file has more than %(limit)s records. Split it and import the parts one by one.")
            % {"limit": MAX_ROWS}
        )
    records: list[Record] = []
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise FileRefused(
                _("Record %(number)s is not an object with fields.") % {"number": number}
            )
        records.append((number, {str(k): v for k, v in item.items()}))
    return records


def _read_csv(data: bytes) -> tuple[list[Record], list[str]]:
    table, _merged = read_rows(data, "upload.csv")
    table = [(n, cells) for n, cells in table if any(str(c or "").strip() for c in cells)]
    if not table:
        return [], []
    _header_row, headers = table[0]
    titles = [str(h or "").strip() for h in headers]
    records = [
        (n, {titles[i]: cell for i, cell in enumerate(cells) if i < len(titles) and titles[i]})
        for n, cells in table[1:]
    ]
    return records, titles


def _is_json(data: bytes, filename: str) -> bool:
    if filename.lower().endswith(".json"):
        return True
    if filename.lower().endswith(".csv"):
        return False
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")


def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("en", "sv"):
        with translation.override(language):
            names.update({normalise_header(str(c.label)): c.value for c in Country})
    names.update({normalise_header(c.value): c.value for c in Country})
    names.update({"el": "GR", "uk": "GB", "czechrepublic": "CZ", "greatbritain": "GB"})
    names.pop(normalise_header(Country.OTHER.value), None)
    return names


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{THEME_SEPARATOR} ".join(_text(v) for v in value if _text(v))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> Any:
    text = _text(value)
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):  # Kohesio's 2023-01-01T00:00:00Z
        text = text[:10]
    return parse_date(text)


def _themes(value: Any) -> str:
    parts = value if isinstance(value, list) else re.split(r"[;|\n]", _text(value))
    themes = [_text(part) for part in parts if _text(part)]
    return f"{THEME_SEPARATOR} ".join(dict.fromkeys(themes))


_URL = URLValidator(schemes=["http", "https"])


def _url(value: Any) -> str:
    text = _text(value)
    if text:
        try:
            _URL(text)
        except ValidationError:
            raise ValueProblem(
                _("“%(value)s” is not a web address starting with https://.") % {"value": text}
            ) from None
    return text


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueProblem(_("“%(value)s” is not yes or no (true or false).") % {"value": value})


def parse(data: bytes, filename: str, *, source: str) -> InitiativeImport:
    """Read and check the whole file; nothing is written."""
    result = InitiativeImport(source=source)
    if source not in Source.values:
        result.errors.append(ImportIssue(0, "", _("Choose the source of the file.")))
        return result
    try:
        if _is_json(data, filename):
            records = _read_json(data)
            titles = list(dict.fromkeys(k for _n, record in records for k in record))
        else:
            records, titles = _read_csv(data)
    except FileRefused as refused:
        result.errors.append(ImportIssue(refused.row, "", refused.message))
        return result
    if not records:
        result.errors.append(ImportIssue(0, "", _("The file has no initiatives.")))
        return result
    columns = {title: ALIASES.get(normalise_header(title)) for title in titles}
    result.unknown = [t for t, key in columns.items() if key is None]
    seen_keys: dict[str, str] = {}
    for title, key in columns.items():
        if key is None:
            continue
        if key in seen_keys:
            result.errors.append(
                ImportIssue(
                    0,
                    title,
                    _("This column means the same as “%(other)s”. Keep one of them.")
                    % {"other": seen_keys[key]},
                )
            )
        seen_keys[key] = title
    missing = [HEADERS[k][0] for k in REQUIRED if k not in seen_keys]
    if missing:
        result.errors.append(
            ImportIssue(0, "", _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
        )
    if result.errors:
        return result
    countries = _countries()
    existing = {
        i.source_id: i
        for i in Initiative.objects.filter(
            source=source,
            source_id__in=[_text(r.get(seen_keys["source_id"])) for _n, r in records],
        )
    }
    first_row: dict[str, int] = {}
    for number, record in records:
        _plan_row(result, number, record, columns, countries, existing, first_row)
    if not result.rows and not result.errors:
        result.errors.append(ImportIssue(0, "", _("The file has no initiatives.")))
    return result


def _plan_row(
    result: InitiativeImport,
    number: int,
    record: dict[str, Any],
    columns: dict[str, str | None],
    countries: dict[str, str],
    existing: dict[str, Initiative],
    first_row: dict[str, int],
) -> None:
    errors_before = len(result.errors)

    def error(title: str, message: str) -> None:
        result.errors.append(ImportIssue(number, title, message))

    values: dict[str, Any] = {}
    titles: dict[str, str] = {}
    failed: set[str] = set()  # fields whose value could not be read (already an error)
    for title, value in record.items():
        key = columns.get(title)
        if isinstance(value, dict):
            failed.add(key or "")
            error(title, _("This value is a group of fields; Samskapa needs text here."))
            continue
        if any(looks_like_personnummer(v) for v in (value if isinstance(value, list) else [value])):
            failed.add(key or "")
            error(
                title,
                _(
                    "This cell holds a Swedish personal identity number (personnummer). Samskapa "
                    "stores no personal identity numbers. Remove it and import the file again."
                ),
            )
            continue
        if key is None:
            continue
        titles[key] = title
        try:
            if key in ("starts_on", "ends_on"):
                values[key] = _date(value)
            elif key == "themes":
                values[key] = _themes(value)
            elif key == "source_url":
                values[key] = _url(value)
            elif key == "is_example":
                values[key] = _flag(value)
            elif key == "country":
                text = _text(value)
                code = countries.get(normalise_header(text)) if text else ""
                if code is None:
                    raise ValueProblem(
                        _(
                            "“%(value)s” is not a country Samskapa knows. Write its two-letter code (ISO 3166), for example BE."
                        )
                        % {"value": text}
                    )
                values[key] = code
            else:
                values[key] = _text(value)
        except ValueProblem as problem:
            failed.add(key)
            error(title, str(problem))
    for key in REQUIRED:
        if key not in failed and not values.get(key):
            error(titles.get(key, HEADERS[key][0]), _("This value is required."))
    for key, limit in MAX_LENGTHS.items():
        if len(str(values.get(key) or "")) > limit:
            error(
                titles.get(key, HEADERS[key][0]),
                _("This value is longer than %(limit)s characters.") % {"limit": limit},
            )
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        error(titles.get("ends_on", ""), _("The end is before the start."))
    source_id = values.get("source_id") or ""
    if source_id:
        if source_id in first_row:
            error(
                titles["source_id"],
                _("The identifier %(id)s also appears on row %(row)s.")
                % {"id": source_id, "row": first_row[source_id]},
            )
        else:
            first_row[source_id] = number
    if len(result.errors) > errors_before:
        return
    fields = {k: v for k, v in values.items() if k != "source_id"}
    initiative = existing.get(source_id)
    if initiative is None:
        action, changed = "create", []
    else:
        names = services.changed_fields(initiative, fields)
        action = "update" if names else "unchanged"
        changed = [field_label(n) for n in names]
    result.rows.append(
        PlannedInitiative(number, source_id, values["title"], fields, action, changed)
    )


@transaction.atomic
def commit(parsed: InitiativeImport, *, by: User) -> dict[str, int]:
    """Write every planned initiative; all or nothing. Returns the count per action."""
    if not parsed.ok:
        raise ImportFailed
    counts = {"create": 0, "update": 0, "unchanged": 0}
    for row in parsed.rows:
        _initiative, action = services.upsert_initiative(
            source=parsed.source, source_id=row.source_id, values=row.values
        )
        counts[action] += 1
    record_event(
        action=AuditAction.IMPORT,
        actor=by,
        detail=(
            f"european initiatives ({parsed.source}): {counts['create']} created, "
            f"{counts['update']} updated"
        ),
    )
    return counts
