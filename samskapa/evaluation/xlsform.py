"""XLSForm in and out: the spreadsheet form standard of KoboToolbox and ODK, in the subset
docs/surveys.md documents.

`parse(data)` reads a workbook into a `ParsedInstrument` and lists every problem with its
sheet, row and reason; it writes nothing. `services_surveys.import_instrument` writes a parsed
instrument in one transaction, only when it has no problems. `export(version)` writes a
version as a workbook that `parse` reads back to the same instrument.

Supported: sheets `survey`, `choices`, `settings`; types `select_one <list>`,
`select_multiple <list>`, `integer`, `decimal`, `date`, `text`, `note`, `begin_group`,
`end_group` (one level); columns `type`, `name`, `label::Swedish (sv)`,
`label::English (en)` (a plain `label` is Swedish), `required` (yes/no, true/false, 1/0),
`relevant` (`${question} = 'value'`, or `selected(${question}, 'value')` for a multiple
choice), `appearance` (`likert` on a `select_one`: a Likert scale) and `focus_area` (one of
the focus areas' codes). Anything else is refused.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from samskapa.core.enums import FocusArea
from samskapa.core.exports import safe_cell
from samskapa.evaluation.surveys import (
    CHOICE_TYPES,
    InstrumentVersion,
    QuestionType,
)
from samskapa.projects.importer import MAX_FILE_BYTES, MAX_ROWS, FileRefused
from samskapa.projects.importer import _check_zip as check_zip

SV = "label::Swedish (sv)"
EN = "label::English (en)"
SURVEY_COLUMNS = ("type", "name", SV, EN, "required", "relevant", "appearance", "focus_area")
CHOICE_COLUMNS = ("list_name", "name", SV, EN)
SETTINGS_COLUMNS = ("form_title", "form_title::English (en)", "form_id", "version")
ALIASES = {"label": SV, "list name": "list_name"}
PLAIN_TYPES = {
    "integer": QuestionType.INTEGER,
    "decimal": QuestionType.DECIMAL,
    "date": QuestionType.DATE,
    "text": QuestionType.TEXT,
    "note": QuestionType.NOTE,
}
YES = {"yes", "true", "1", "true()"}
NO = {"", "no", "false", "0", "false()"}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}")
RELEVANT_EQUALS = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}\s*=\s*'([^']*)'$")
RELEVANT_SELECTED = re.compile(
    r"^selected\(\s*\$\{([A-Za-z_][A-Za-z0-9_]*)\}\s*,\s*'([^']*)'\s*\)$"
)


@dataclass
class Problem:
    sheet: str
    row: int  # the spreadsheet's row number; 0 for the whole file
    reason: str


@dataclass
class ParsedChoice:
    value: str
    label_sv: str
    label_en: str


@dataclass
class ParsedQuestion:
    name: str
    kind: str
    label_sv: str
    label_en: str
    required: bool = False
    focus_area: str = ""
    choice_list: str = ""
    relevant_name: str = ""
    relevant_value: str = ""
    section: str = ""  # the name of its section, "" outside any
    choices: list[ParsedChoice] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(QuestionType(self.kind).label)


@dataclass
class ParsedSection:
    name: str
    title_sv: str
    title_en: str


@dataclass
class ParsedInstrument:
    title_sv: str = ""
    title_en: str = ""
    sections: list[ParsedSection] = field(default_factory=list)
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.questions)

    def structure(self) -> dict[str, Any]:
        """Everything that makes the instrument, for comparing two of them."""
        return {
            "sections": [(s.name, s.title_sv, s.title_en) for s in self.sections],
            "questions": [
                (
                    q.name,
                    q.kind,
                    q.label_sv,
                    q.label_en,
                    q.required,
                    q.focus_area,
                    q.choice_list,
                    q.relevant_name,
                    q.relevant_value,
                    q.section,
                    [(c.value, c.label_sv, c.label_en) for c in q.choices],
                )
                for q in self.questions
            ],
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # written by the formula-safe export, not part of the text
    return text


def _sheet_rows(book: Any, name: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]] | None:
    sheet = next((s for s in book.worksheets if s.title.strip().lower() == name), None)
    if sheet is None:
        return None
    rows = list(sheet.iter_rows(values_only=True))
    if len(rows) > MAX_ROWS:
        raise FileRefused(_("The workbook has too many rows."))
    if not rows:
        return [], []
    header = [ALIASES.get(_text(h).lower(), _text(h)) for h in rows[0]]
    body = []
    for number, row in enumerate(rows[1:], start=2):
        values = {h: _text(v) for h, v in zip(header, row, strict=False) if h}
        if any(values.values()):
            body.append((number, values))
    return header, body


def _unknown_columns(
    sheet: str, header: list[str], rows: list[tuple[int, dict[str, str]]], known: tuple[str, ...]
) -> list[Problem]:
    problems = []
    for column in header:
        if not column or column in known:
            continue
        first = next((n for n, values in rows if values.get(column)), None)
        if first is not None:
            problems.append(
                Problem(
                    sheet,
                    first,
                    _("The column “%(column)s” is not supported.") % {"column": column},
                )
            )
    return problems


def parse(data: bytes) -> ParsedInstrument:
    """Read an XLSForm workbook; every problem is listed, nothing is written."""
    # Imported here: openpyxl takes over a second to import, and only an import needs it.
    from openpyxl import load_workbook

    result = ParsedInstrument()
    if len(data) > MAX_FILE_BYTES:
        result.problems.append(Problem("", 0, _("The file is larger than 5 MB.")))
        return result
    try:
        check_zip(data)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRefused as refused:
        result.problems.append(Problem("", 0, refused.message))
        return result
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        result.problems.append(
            Problem("", 0, _("The file could not be read as an Excel workbook."))
        )
        return result
    try:
        survey = _sheet_rows(book, "survey")
        choices = _sheet_rows(book, "choices")
        settings = _sheet_rows(book, "settings")
    except FileRefused as refused:
        result.problems.append(Problem("", 0, refused.message))
        return result
    finally:
        book.close()
    if survey is None:
        result.problems.append(Problem("survey", 0, _("The workbook has no sheet “survey”.")))
        return result
    lists = _read_choices(choices, result)
    _read_settings(settings, result)
    _read_survey(survey, lists, result)
    if not result.questions and not result.problems:
        result.problems.append(Problem("survey", 0, _("The form has no questions.")))
    return result


def _read_choices(
    sheet: tuple[list[str], list[tuple[int, dict[str, str]]]] | None, result: ParsedInstrument
) -> dict[str, list[ParsedChoice]]:
    lists: dict[str, list[ParsedChoice]] = {}
    if sheet is None:
        return lists
    header, rows = sheet
    result.problems += _unknown_columns("choices", header, rows, CHOICE_COLUMNS)
    for number, values in rows:
        list_name, value, label = (
            values.get("list_name", ""),
            values.get("name", ""),
            values.get(SV, ""),
        )
        if not list_name or not value:
            result.problems.append(
                Problem("choices", number, _("A choice needs a list name and a name."))
            )
            continue
        if not label:
            result.problems.append(
                Problem("choices", number, _("The choice has no Swedish label."))
            )
            continue
        entries = lists.setdefault(list_name, [])
        if any(c.value == value for c in entries):
            result.problems.append(
                Problem(
                    "choices",
                    number,
                    _("The list “%(list)s” has the choice “%(value)s” twice.")
                    % {"list": list_name, "value": value},
                )
            )
            continue
        entries.append(ParsedChoice(value, label, values.get(EN, "")))
    return lists


def _read_settings(
    sheet: tuple[list[str], list[tuple[int, dict[str, str]]]] | None, result: ParsedInstrument
) -> None:
    if sheet is None:
        return
    header, rows = sheet
    result.problems += _unknown_columns(
        "settings", header, rows, (*SETTINGS_COLUMNS, "default_language")
    )
    if rows:
        values = rows[0][1]
        result.title_sv = values.get("form_title", "")[:200]
        result.title_en = values.get("form_title::English (en)", "")[:200]


def _required(value: str) -> bool | None:
    lowered = value.lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    return None


def _read_survey(
    sheet: tuple[list[str], list[tuple[int, dict[str, str]]]],
    lists: dict[str, list[ParsedChoice]],
    result: ParsedInstrument,
) -> None:
    header, rows = sheet
    result.problems += _unknown_columns("survey", header, rows, SURVEY_COLUMNS)
    seen: dict[str, ParsedQuestion] = {}
    names: set[str] = set()
    section = ""
    for number, values in rows:
        problems_before = len(result.problems)

        def refuse(reason: str, number: int = number) -> None:
            result.problems.append(Problem("survey", number, reason))

        kind_text = " ".join(values.get("type", "").split())
        name, label = values.get("name", ""), values.get(SV, "")
        word, _space, list_name = kind_text.partition(" ")
        if word == "end_group" or kind_text == "end group":
            if not section:
                refuse(_("“end_group” without a “begin_group” before it."))
            section = ""
            continue
        if not name:
            refuse(_("The row has no name."))
            continue
        if not NAME.fullmatch(name):
            refuse(
                _(
                    "The name “%(name)s” is not allowed: use letters a–z, digits and _, "
                    "starting with a letter."
                )
                % {"name": name}
            )
            continue
        if name in names:
            refuse(_("The name “%(name)s” is used twice.") % {"name": name})
            continue
        names.add(name)
        if not label:
            refuse(_("The row has no Swedish label (column “%(column)s”).") % {"column": SV})
        if word == "begin_group" or kind_text == "begin group":
            if section:
                refuse(_("Groups inside groups are not supported."))
                continue
            section = name
            result.sections.append(ParsedSection(name, label, values.get(EN, "")))
            continue
        question = ParsedQuestion(name, "", label, values.get(EN, ""), section=section)
        appearance = values.get("appearance", "")
        if word in ("select_one", "select_multiple"):
            if not list_name:
                refuse(_("The type “%(type)s” needs the name of a choice list.") % {"type": word})
            elif " " in list_name or list_name not in lists:
                refuse(
                    _("The choice list “%(list)s” is not on the sheet “choices”.")
                    % {"list": list_name}
                )
            else:
                question.choice_list = list_name
                question.choices = list(lists[list_name])
            question.kind = word
            if appearance == "likert" and word == "select_one":
                question.kind = QuestionType.LIKERT
            elif appearance:
                refuse(
                    _("The appearance “%(appearance)s” is not supported.")
                    % {"appearance": appearance}
                )
        elif kind_text in PLAIN_TYPES:
            question.kind = PLAIN_TYPES[kind_text]
            if appearance:
                refuse(
                    _("The appearance “%(appearance)s” is not supported.")
                    % {"appearance": appearance}
                )
        else:
            refuse(_("The type “%(type)s” is not supported.") % {"type": kind_text or "–"})
            continue
        required = _required(values.get("required", ""))
        if required is None:
            refuse(_("“required” must be yes or no."))
        elif required and question.kind == QuestionType.NOTE:
            refuse(_("A note has no answer and cannot be required."))
        else:
            question.required = required
        focus = values.get("focus_area", "")
        if focus and focus not in FocusArea.values:
            refuse(
                _("The focus area “%(value)s” is not one of: %(codes)s.")
                % {"value": focus, "codes": ", ".join(FocusArea.values)}
            )
        else:
            question.focus_area = focus
        relevant = values.get("relevant", "")
        if relevant:
            reason = _relevant(relevant, question, seen)
            if reason:
                refuse(reason)
        if len(result.problems) == problems_before:
            result.questions.append(question)
        seen[name] = question
    if section:
        result.problems.append(
            Problem("survey", 0, _("The group “%(name)s” has no “end_group”.") % {"name": section})
        )


def _relevant(text: str, question: ParsedQuestion, seen: dict[str, ParsedQuestion]) -> str:
    """Set the question's skip rule from a `relevant` expression; the reason if refused."""
    text = text.strip()
    match = RELEVANT_EQUALS.match(text)
    multiple = False
    if match is None:
        match = RELEVANT_SELECTED.match(text)
        multiple = True
    if match is None:
        return _(
            "The “relevant” expression “%(text)s” is not supported: use ${question} = 'value' "
            "or selected(${question}, 'value')."
        ) % {"text": text}
    name, value = match.groups()
    earlier = seen.get(name)
    if earlier is None:
        return _("“relevant” refers to “%(name)s”, which is not an earlier question.") % {
            "name": name
        }
    if earlier.kind == QuestionType.NOTE:
        return _("“relevant” refers to a note, which has no answer.")
    if multiple != (earlier.kind == QuestionType.SELECT_MULTIPLE):
        return _(
            "Use selected(${%(name)s}, '…') for a multiple choice, and ${%(name)s} = '…' "
            "for any other question."
        ) % {"name": name}
    if earlier.kind in CHOICE_TYPES and value not in {c.value for c in earlier.choices}:
        return _("“%(value)s” is not a choice of “%(name)s”.") % {"value": value, "name": name}
    question.relevant_name, question.relevant_value = name, value
    return ""


# --- Out ----------------------------------------------------------------------------------------


def relevant_expression(kind: str, name: str, value: str) -> str:
    if kind == QuestionType.SELECT_MULTIPLE:
        return f"selected(${{{name}}}, '{value}')"
    return f"${{{name}}} = '{value}'"


def from_version(version: InstrumentVersion) -> ParsedInstrument:
    """A stored version as a parsed instrument (what export writes and import compares)."""
    survey = version.survey
    result = ParsedInstrument(title_sv=survey.title_sv, title_en=survey.title_en)
    sections = {s.pk: s.name for s in version.sections.all()}
    result.sections = [
        ParsedSection(s.name, s.title_sv, s.title_en) for s in version.sections.all()
    ]
    for q in version.questions.prefetch_related("choices"):
        result.questions.append(
            ParsedQuestion(
                q.name,
                q.kind,
                q.label_sv,
                q.label_en,
                required=q.required,
                focus_area=q.focus_area,
                choice_list=q.choice_list or (q.name if q.has_choices else ""),
                relevant_name=q.relevant_name,
                relevant_value=q.relevant_value,
                section=sections.get(q.section_id, "") if q.section_id else "",
                choices=[ParsedChoice(c.value, c.label_sv, c.label_en) for c in q.choices.all()],
            )
        )
    return result


def export(version: InstrumentVersion) -> bytes:
    """The version as an XLSForm workbook; every text cell through the formula-safe helper."""
    # Imported here: openpyxl takes over a second to import, and only an export needs it.
    from openpyxl import Workbook

    instrument = from_version(version)
    kinds = {q.name: q.kind for q in instrument.questions}
    book = Workbook()
    survey: Any = book.active
    survey.title = "survey"
    survey.append(list(SURVEY_COLUMNS))
    choices = book.create_sheet("choices")
    choices.append(list(CHOICE_COLUMNS))
    written_lists: set[str] = set()
    titles = {s.name: s for s in instrument.sections}
    section = ""

    def row(*values: Any) -> list[Any]:
        return [safe_cell(v) for v in values]

    for question in instrument.questions:
        if question.section != section:
            if section:
                survey.append(row("end_group", "", "", "", "", "", "", ""))
            section = question.section
            if section:
                s = titles[section]
                survey.append(row("begin_group", s.name, s.title_sv, s.title_en, "", "", "", ""))
        if question.kind in CHOICE_TYPES:
            word = (
                "select_multiple" if question.kind == QuestionType.SELECT_MULTIPLE else "select_one"
            )
            kind = f"{word} {question.choice_list}"
            if question.choice_list not in written_lists:
                written_lists.add(question.choice_list)
                for choice in question.choices:
                    choices.append(
                        row(question.choice_list, choice.value, choice.label_sv, choice.label_en)
                    )
        else:
            kind = question.kind
        relevant = (
            relevant_expression(
                kinds.get(question.relevant_name, ""),
                question.relevant_name,
                question.relevant_value,
            )
            if question.relevant_name
            else ""
        )
        survey.append(
            row(
                kind,
                question.name,
                question.label_sv,
                question.label_en,
                "yes" if question.required else "",
                relevant,
                "likert" if question.kind == QuestionType.LIKERT else "",
                question.focus_area,
            )
        )
    if section:
        survey.append(row("end_group", "", "", "", "", "", "", ""))
    settings = book.create_sheet("settings")
    settings.append(list(SETTINGS_COLUMNS))
    settings.append(
        row(
            instrument.title_sv,
            instrument.title_en,
            f"samskapa_survey_{version.survey_id}",
            str(version.number),
        )
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
