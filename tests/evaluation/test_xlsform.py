"""XLSForm in and out: an exported instrument imports back equal; the hand-made example file
(groups, shared choice lists, a Likert scale, both languages, a `relevant` rule) imports;
files outside the supported subset are refused with the sheet, the row and the reason, and
nothing is written."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from samskapa.accounts.models import User
from samskapa.evaluation import services_surveys, xlsform
from samskapa.evaluation.surveys import Question, QuestionType, Survey
from tests.factories.evaluation import CycleFactory, SurveyFactory, with_questions

pytestmark = pytest.mark.django_db

EXAMPLE = Path(settings.BASE_DIR) / "docs" / "examples" / "survey-xlsform-example.xlsx"
HEADER = ["type", "name", "label::Swedish (sv)", "label::English (en)", "required", "relevant"]


def _workbook(survey: list[list[Any]], choices: list[list[Any]] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in [HEADER, *survey]:
        sheet.append(row)
    if choices is not None:
        sheet = book.create_sheet("choices")
        for row in [["list_name", "name", "label::Swedish (sv)", "label::English (en)"], *choices]:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_exported_instrument_imports_back_equal(admin: User) -> None:
    survey = SurveyFactory()
    version = with_questions(survey)
    exported = xlsform.export(version)
    parsed = xlsform.parse(exported)
    assert parsed.problems == []
    assert parsed.structure() == xlsform.from_version(version).structure()
    copy = services_surveys.import_instrument(cycle=survey.cycle, parsed=parsed, by=admin)
    again = xlsform.from_version(services_surveys.latest_version(copy))
    assert again.structure() == xlsform.from_version(version).structure()
    assert (copy.title_sv, copy.title_en) == (survey.title_sv, survey.title_en)


def test_a_label_that_looks_like_a_formula_is_exported_safely_and_reads_back() -> None:
    survey = SurveyFactory()
    version = with_questions(survey)
    version.questions.filter(name="meetings").update(label_sv="=1+1 möten")
    sheet_values = []
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsform.export(version)))
    for row in book["survey"].iter_rows(values_only=True):
        sheet_values.extend(v for v in row if isinstance(v, str))
    assert "'=1+1 möten" in sheet_values
    [meetings] = [
        q for q in xlsform.parse(xlsform.export(version)).questions if q.name == "meetings"
    ]
    assert meetings.label_sv == "=1+1 möten"


def test_the_hand_made_example_imports(admin: User) -> None:
    parsed = xlsform.parse(EXAMPLE.read_bytes())
    assert parsed.problems == []
    cycle = CycleFactory()
    survey = services_surveys.import_instrument(cycle=cycle, parsed=parsed, by=admin)
    assert survey.title_sv == "Samverkan och delaktighet"
    assert survey.title_en == "Collaboration and participation"
    version = services_surveys.latest_version(survey)
    assert [s.name for s in version.sections.all()] == ["collaboration", "participation"]
    trust = version.questions.get(name="trust")
    assert trust.kind == QuestionType.LIKERT
    assert trust.section.name == "collaboration"
    assert trust.required
    assert trust.focus_area == "collaboration"
    assert [c.value for c in trust.choices.all()] == ["1", "2", "3", "4", "5"]
    assert trust.choices.get(value="5").label_en == "Strongly agree"
    # The shared list is copied to both questions that use it.
    assert version.questions.get(name="shared_goal").choices.count() == 5
    how = version.questions.get(name="involved_how")
    assert (how.relevant_name, how.relevant_value) == ("involved", "yes")
    assert version.questions.get(name="sectors").kind == QuestionType.SELECT_MULTIPLE
    assert version.questions.get(name="intro").kind == QuestionType.NOTE
    assert version.questions.get(name="comments").section is None
    assert version.questions.count() == 11


@pytest.mark.parametrize(
    ("rows", "choices", "row", "reason"),
    [
        ([["geopoint", "where", "Var?", "", "", ""]], None, 2, "geopoint"),
        ([["select_one colours", "colour", "Färg?", "", "", ""]], [], 2, "colours"),
        (
            [
                ["select_one yesno", "a", "A?", "", "", ""],
                ["text", "b", "B?", "", "", "${a} > 'yes'"],
            ],
            [["yesno", "yes", "Ja", "Yes"]],
            3,
            "not supported",
        ),
        (
            [["text", "b", "B?", "", "", "${later} = 'x'"], ["text", "later", "L?", "", "", ""]],
            None,
            2,
            "later",
        ),
        (
            [
                ["select_one yesno", "a", "A?", "", "", ""],
                ["text", "b", "B?", "", "", "${a} = 'maybe'"],
            ],
            [["yesno", "yes", "Ja", "Yes"]],
            3,
            "maybe",
        ),
        ([["text", "a", "A?", "", "perhaps", ""]], None, 2, "required"),
        ([["text", "a", "", "", "", ""]], None, 2, "Swedish"),
        ([["text", "a", "A?", "", "", ""], ["integer", "a", "B?", "", "", ""]], None, 3, "twice"),
        (
            [["begin_group", "g", "G", "", "", ""], ["text", "a", "A?", "", "", ""]],
            None,
            0,
            "end_group",
        ),
        ([["end_group", "", "", "", "", ""]], None, 2, "begin_group"),
    ],
)
def test_bad_files_are_refused_with_row_and_reason_and_write_nothing(
    admin: User, rows: list[list[Any]], choices: Any, row: int, reason: str
) -> None:
    parsed = xlsform.parse(_workbook(rows, choices))
    assert not parsed.ok
    assert any(p.row == row and reason in p.reason for p in parsed.problems), parsed.problems
    with pytest.raises(ValidationError):
        services_surveys.import_instrument(cycle=CycleFactory(), parsed=parsed, by=admin)
    assert not Survey.objects.exists()
    assert not Question.objects.exists()


def test_an_unsupported_column_is_refused_and_every_problem_is_listed() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label::Swedish (sv)", "constraint"])
    sheet.append(["integer", "age", "Ålder", ". < 120"])
    sheet.append(["range", "score", "Poäng", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = xlsform.parse(buffer.getvalue())
    reasons = {(p.row, p.reason) for p in parsed.problems}
    assert (2, "The column “constraint” is not supported.") in reasons
    assert (3, "The type “range” is not supported.") in reasons


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    parsed = xlsform.parse(b"type,name\ntext,a\n")
    assert [p.row for p in parsed.problems] == [0]
    assert not parsed.ok


def test_reasons_are_given_in_swedish() -> None:
    with translation.override("sv"):
        parsed = xlsform.parse(_workbook([["geopoint", "where", "Var?", "", "", ""]]))
    assert "stöds inte" in parsed.problems[0].reason


def test_the_import_pages_preview_then_write_everything_at_once(
    evaluator: User, login: Any
) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(evaluator)
    with EXAMPLE.open("rb") as handle:
        response = client.post(
            reverse("evaluation:survey-import", args=[cycle.pk]), {"file": handle, "survey": ""}
        )
    assert response.status_code == 302
    preview = client.get(reverse("evaluation:survey-import-preview", args=[cycle.pk]))
    assert preview.status_code == 200
    assert "Jag litar på de andra organisationerna i projektet." in preview.content.decode()
    assert not Survey.objects.exists()  # the preview writes nothing
    response = client.post(reverse("evaluation:survey-import-confirm", args=[cycle.pk]))
    survey = Survey.objects.get()
    assert response.url == survey.get_absolute_url()
    assert services_surveys.latest_version(survey).questions.count() == 11


def test_a_bad_file_shows_its_problems_and_cannot_be_confirmed(evaluator: User, login: Any) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(evaluator)
    upload = io.BytesIO(_workbook([["geopoint", "where", "Var?", "", "", ""]]))
    upload.name = "form.xlsx"
    client.post(reverse("evaluation:survey-import", args=[cycle.pk]), {"file": upload})
    preview = client.get(reverse("evaluation:survey-import-preview", args=[cycle.pk]))
    assert preview.status_code == 400
    assert "geopoint" in preview.content.decode()
    response = client.post(reverse("evaluation:survey-import-confirm", args=[cycle.pk]))
    assert response.status_code == 302
    assert not Survey.objects.exists()


def test_importing_into_a_survey_with_a_frozen_version_adds_a_version(admin: User) -> None:
    survey = SurveyFactory()
    with_questions(survey, frozen=True)
    parsed = xlsform.parse(EXAMPLE.read_bytes())
    services_surveys.import_instrument(cycle=survey.cycle, parsed=parsed, survey=survey, by=admin)
    assert list(survey.versions.values_list("number", flat=True)) == [2, 1]
    assert survey.versions.get(number=1).questions.count() == 4  # the frozen one is untouched
