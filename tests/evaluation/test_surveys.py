"""Survey instruments of an evaluation cycle: sections and questions of every kind with their
choices, focus areas and skip rules; frozen versions that later changes copy instead of
changing; who may read and change them; both languages; the lists' query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.core.enums import FocusArea
from samskapa.evaluation import services_surveys
from samskapa.evaluation.surveys import Question, QuestionType, Survey
from tests.factories.accounts import staff
from tests.factories.evaluation import CycleFactory, SurveyFactory, with_questions
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _question_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "section_name": "",
        "name": "trust",
        "kind": QuestionType.LIKERT,
        "label_sv": "Jag litar på partnerna.",
        "label_en": "I trust the partners.",
        "required": "on",
        "focus_area": FocusArea.COLLABORATION,
        "choices_text": "1 | Instämmer inte | Disagree\n2 | Instämmer | Agree",
        "relevant_name": "",
        "relevant_value": "",
    }
    data.update(overrides)
    return data


def test_an_assigned_evaluator_builds_a_survey_with_a_section_and_a_skip_rule(
    evaluator: User, login: Any
) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(evaluator)
    response = client.post(
        reverse("evaluation:surveys", args=[cycle.pk]),
        {"title_sv": "Baslinjeenkät", "title_en": "Baseline survey"},
    )
    survey = Survey.objects.get()
    assert response.url == survey.get_absolute_url()
    client.post(
        reverse("evaluation:section-new", args=[survey.pk]),
        {"name": "samverkan", "title_sv": "Samverkan", "title_en": "Collaboration"},
    )
    new = reverse("evaluation:question-new", args=[survey.pk])
    assert client.post(new, _question_data(section_name="samverkan")).status_code == 302
    assert (
        client.post(
            new,
            _question_data(
                name="why",
                kind=QuestionType.TEXT,
                label_sv="Varför inte?",
                label_en="Why not?",
                required="",
                choices_text="",
                relevant_name="trust",
                relevant_value="1",
            ),
        ).status_code
        == 302
    )
    version = services_surveys.latest_version(survey)
    trust, why = version.questions.all()
    assert trust.section.name == "samverkan"
    assert trust.required and trust.focus_area == FocusArea.COLLABORATION
    assert [(c.value, c.label_en) for c in trust.choices.all()] == [
        ("1", "Disagree"),
        ("2", "Agree"),
    ]
    assert (why.relevant_name, why.relevant_value) == ("trust", "1")
    page = client.get(survey.get_absolute_url()).content.decode()
    assert "I trust the partners." in page
    assert "trust has the answer “1”" in page


def test_a_bad_question_keeps_what_was_typed_and_says_why(evaluator: User, login: Any) -> None:
    survey = SurveyFactory(cycle=CycleFactory(evaluators=[evaluator]))
    with_questions(survey)
    client = login(evaluator)
    response = client.post(
        reverse("evaluation:question-new", args=[survey.pk]),
        _question_data(name="extra", choices_text="only a value", label_sv="Min fråga"),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "write value | Swedish label | English label" in text
    assert "Min fråga" in text
    response = client.post(
        reverse("evaluation:question-new", args=[survey.pk]),
        _question_data(name="extra", relevant_name="trust", relevant_value="9"),
    )
    assert response.status_code == 400
    assert "is not a choice of the earlier question" in response.content.decode()
    response = client.post(
        reverse("evaluation:question-new", args=[survey.pk]), _question_data(name="trust")
    )
    assert response.status_code == 400
    assert "already has a question with this name" in response.content.decode()


def test_a_frozen_version_is_copied_not_changed(admin: User, login: Any) -> None:
    survey = SurveyFactory()
    first = with_questions(survey)
    client = login(admin)
    client.post(reverse("evaluation:survey-freeze", args=[survey.pk]))
    first.refresh_from_db()
    assert first.frozen
    trust = first.questions.get(name="trust")
    response = client.post(
        reverse("evaluation:question-edit", args=[trust.pk]),
        _question_data(label_sv="Jag litar mycket på partnerna.", section_name="samverkan"),
    )
    assert response.status_code == 302
    second = services_surveys.latest_version(survey)
    assert second.number == 2 and not second.frozen
    assert second.questions.get(name="trust").label_sv == "Jag litar mycket på partnerna."
    assert first.questions.get(name="trust").label_sv == "Jag litar på partnerna."
    assert first.questions.get(name="trust").choices.count() == 3
    assert second.questions.count() == first.questions.count()
    # An earlier version's questions are read-only.
    assert client.get(reverse("evaluation:question-edit", args=[trust.pk])).status_code == 404
    page = client.get(survey.get_absolute_url() + "?version=1").content.decode()
    assert "I trust the partners." in page


def test_a_question_others_depend_on_is_not_removed(admin: User) -> None:
    survey = SurveyFactory()
    version = with_questions(survey)
    involved = version.questions.get(name="involved")
    with pytest.raises(ValidationError):
        services_surveys.delete_question(survey=survey, question=involved, by=admin)
    meetings = version.questions.get(name="meetings")
    services_surveys.delete_question(survey=survey, question=meetings, by=admin)
    assert not version.questions.filter(name="meetings").exists()


def test_renaming_a_question_keeps_the_skip_rules_pointing_at_it(admin: User) -> None:
    survey = SurveyFactory()
    version = with_questions(survey)
    involved = version.questions.get(name="involved")
    involved.name = "took_part"
    services_surveys.save_question(
        survey=survey,
        question=involved,
        section_name="samverkan",
        choices=[("yes", "Ja", "Yes"), ("no", "Nej", "No")],
        by=admin,
    )
    assert version.questions.get(name="how").relevant_name == "took_part"


def test_a_note_cannot_be_required_and_a_choice_question_needs_choices(admin: User) -> None:
    survey = SurveyFactory()
    with pytest.raises(ValidationError):
        services_surveys.save_question(
            survey=survey,
            question=Question(name="pick", kind=QuestionType.SELECT_ONE, label_sv="Välj"),
            section_name="",
            choices=[],
            by=admin,
        )
    note = services_surveys.save_question(
        survey=survey,
        question=Question(name="hello", kind=QuestionType.NOTE, label_sv="Hej", required=True),
        section_name="",
        choices=[],
        by=admin,
    )
    assert not note.required


def test_who_reads_and_who_changes(evaluator: User, funder: User, login: Any, member: Any) -> None:
    survey = SurveyFactory()
    with_questions(survey)
    outsider = staff(StaffRole.EVALUATOR)
    detail = reverse("evaluation:survey", args=[survey.pk])
    new = reverse("evaluation:question-new", args=[survey.pk])
    assert login(outsider).get(detail).status_code == 200  # the centre team reads
    assert login(outsider).get(new).status_code == 404  # not assigned to the cycle
    assert login(funder).get(detail).status_code == 404
    assert login(member).get(detail).status_code == 404
    assert login(staff(StaffRole.COACH)).post(new, _question_data()).status_code == 404
    survey.cycle.evaluators.add(evaluator)
    assert login(evaluator).get(new).status_code == 200


def test_the_survey_page_speaks_swedish(admin: User, client_for: Any) -> None:
    survey = SurveyFactory()
    with_questions(survey)
    with translation.override("sv"):
        page = client_for(admin).get(survey.get_absolute_url()).content.decode()
    assert "Jag litar på partnerna." in page
    assert "Lägg till en fråga" in page
    assert "Likertskala" in page


def test_the_lists_cost_the_same_queries_for_one_and_three_items(admin: User, login: Any) -> None:
    cycle = CycleFactory()
    client = login(admin)
    counts = []
    for wanted in (1, 3):
        while cycle.surveys.count() < wanted:
            with_questions(SurveyFactory(cycle=cycle))
        counts.append(
            count_queries(lambda: client.get(reverse("evaluation:surveys", args=[cycle.pk])))
        )
    assert counts[0] == counts[1]
    detail = []
    for keep in (["trust"], ["trust", "involved", "meetings"]):
        survey = SurveyFactory(cycle=cycle)
        with_questions(survey).questions.exclude(name__in=keep).delete()
        url = survey.get_absolute_url()
        detail.append(count_queries(lambda url=url: client.get(url)))
    assert detail[0] == detail[1]
