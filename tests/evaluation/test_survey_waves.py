"""Waves of a survey: a wave asks a frozen version; single-use links without accounts and
members' answers, stored so that no answer can be linked to a link, an address or a person;
spent and closed links refused; addresses deleted when the wave closes; reminders that never
say who answered; results wave by wave with small groups suppressed; formula-safe exports."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from samskapa.accounts.models import User
from samskapa.core import retention
from samskapa.evaluation import selectors_surveys, services_surveys
from samskapa.evaluation.cycles import Excerpt, ExcerptSource
from samskapa.evaluation.surveys import (
    Answer,
    Response,
    Survey,
    Wave,
    WaveLink,
    WaveParticipant,
)
from samskapa.projects.models import Project
from tests.factories.evaluation import CycleFactory, SurveyFactory, with_questions
from tests.factories.projects import lead_of, member_of

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2026, 11, 1)  # NOW (tests/fixtures.py) is 10 November 2026
CLOSES = datetime.date(2026, 11, 30)


@pytest.fixture
def survey(project: Project, other_project: Project, evaluator: User, now: Any) -> Survey:
    cycle = CycleFactory(projects=[project, other_project], evaluators=[evaluator])
    survey = SurveyFactory(cycle=cycle)
    with_questions(survey)
    return survey


@pytest.fixture
def wave(survey: Survey, evaluator: User) -> Wave:
    return services_surveys.save_wave(
        wave=Wave(
            survey=survey, name_sv="Baslinje", name_en="Baseline", opens=OPENS, closes=CLOSES
        ),
        by=evaluator,
    )


def _links(wave: Wave, project: Project, addresses: list[str], by: User, capture: Any) -> list[str]:
    """Send links and return their paths, read from the e-mails."""
    before = len(mail.outbox)
    with capture(execute=True):
        services_surveys.invite(
            wave=wave,
            project=project,
            addresses=addresses,
            language="sv",
            by=by,
            site_url="http://testserver",
        )
    found = []
    for message in mail.outbox[before:]:
        match = re.search(r"http://testserver(/\S+/)", message.body)
        assert match is not None
        found.append(match.group(1))
    return found


ANSWERS = {"trust": "3", "involved": "no", "how": "Jag var med i styrgruppen.", "meetings": "4"}


def test_a_wave_freezes_the_version_it_asks_and_later_changes_make_a_new_one(
    survey: Survey, wave: Wave, admin: User
) -> None:
    assert wave.version.frozen and wave.version.number == 1
    trust = wave.version.questions.get(name="trust")
    trust.label_sv = "Jag litar mycket på partnerna."
    services_surveys.save_question(
        survey=survey,
        question=trust,
        section_name="samverkan",
        choices=[("1", "Nej", "No"), ("2", "Ja", "Yes")],
        by=admin,
    )
    wave.refresh_from_db()
    assert wave.version.number == 1
    assert wave.version.questions.get(name="trust").label_sv == "Jag litar på partnerna."
    assert services_surveys.latest_version(survey).number == 2


def test_a_link_answers_once_without_an_account_with_the_skip_rule_applied(
    wave: Wave,
    project: Project,
    evaluator: User,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    [path] = _links(
        wave, project, ["partner@example.se"], evaluator, django_capture_on_commit_callbacks
    )
    assert mail.outbox[-1].to == ["partner@example.se"]
    anonymous = client_for(None)
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Jag litar på partnerna." in page.content.decode()
    # "how" is shown only when "involved" is "yes": its answer is dropped, not stored.
    response = anonymous.post(path, ANSWERS)
    assert response.status_code == 200
    stored = Response.objects.get()
    assert stored.project == project
    assert {a.question.name: a.value or a.text for a in stored.answers.all()} == {
        "trust": "3",
        "involved": "no",
        "meetings": "4",
    }
    assert not WaveLink.objects.exists()  # the link is spent: its row is gone
    again = anonymous.post(path, ANSWERS)
    assert again.status_code == 410
    assert "redan använts" in again.content.decode()  # the Swedish page of a Swedish link
    assert Response.objects.count() == 1


def test_a_required_question_is_required_only_when_shown(
    wave: Wave,
    project: Project,
    evaluator: User,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    wave.version.questions.filter(name="how").update(required=True)
    [path] = _links(wave, project, ["a@example.se"], evaluator, django_capture_on_commit_callbacks)
    anonymous = client_for(None)
    missing = anonymous.post(path, {**ANSWERS, "involved": "yes", "how": ""})
    assert missing.status_code == 400
    assert "3" in missing.content.decode()  # what was chosen is kept
    assert not Response.objects.exists()
    assert WaveLink.objects.count() == 1  # a refused answer does not spend the link
    assert anonymous.post(path, {**ANSWERS, "involved": "no", "how": ""}).status_code == 200


def test_the_link_page_speaks_english_at_its_english_address(
    wave: Wave,
    project: Project,
    evaluator: User,
    client: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    [path] = _links(wave, project, ["a@example.se"], evaluator, django_capture_on_commit_callbacks)
    assert path.startswith("/survey/")  # a Swedish e-mail links to the Swedish page
    page = client.get("/en" + path)
    text = page.content.decode()
    assert page.status_code == 200
    assert "I trust the partners." in text
    assert "Send my answers" in text
    assert 'lang="en"' in text
    with translation.override("sv"):
        swedish = client.get(path).content.decode()
    assert "Skicka mina svar" in swedish


def test_a_closed_waves_link_is_refused_and_its_addresses_are_purged(
    wave: Wave,
    project: Project,
    evaluator: User,
    client_for: Any,
    time_machine: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    [path] = _links(
        wave,
        project,
        ["a@example.se", "b@example.se"],
        evaluator,
        django_capture_on_commit_callbacks,
    )[:1]
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC))
    refused = client_for(None).post(path, ANSWERS)
    assert refused.status_code == 410
    assert not Response.objects.exists()
    [rule] = [r for r in retention.rules() if r.key == "evaluation-survey-links"]
    assert rule.run(now=timezone.now(), dry_run=True) == 2
    assert rule.run(now=timezone.now(), dry_run=False) == 2
    assert not WaveLink.objects.exists()
    assert not WaveLink.objects.filter(email__in=["a@example.se", "b@example.se"]).exists()


def test_no_answer_can_be_linked_to_a_link_an_address_or_a_person(
    wave: Wave,
    project: Project,
    evaluator: User,
    client_for: Any,
    member: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    paths = _links(
        wave,
        project,
        ["a@example.se", "b@example.se"],
        evaluator,
        django_capture_on_commit_callbacks,
    )
    client_for(None).post(paths[0], ANSWERS)
    client_for(member).post(
        reverse("evaluation:wave-answer", args=[wave.pk]), {**ANSWERS, "trust": "1"}
    )
    assert Response.objects.count() == 2
    # The answer tables hold no person, link, address or time: only random keys, the wave,
    # the project and the answers themselves.
    response_fields = {f.name for f in Response._meta.concrete_fields}
    answer_fields = {f.name for f in Answer._meta.concrete_fields}
    assert response_fields == {"id", "wave", "project"}
    assert answer_fields == {"id", "response", "question", "value", "text"}
    for model in (Response, Answer, WaveParticipant):
        assert isinstance(model._meta.pk, models.UUIDField)
        for f in model._meta.concrete_fields:
            assert not isinstance(f, models.DateField | models.DateTimeField)
    for f in (*Response._meta.get_fields(), *Answer._meta.get_fields()):
        assert getattr(f, "related_model", None) not in (WaveLink, User, WaveParticipant)
    # The remaining link shares no value with any stored answer row.
    remaining = WaveLink.objects.get()
    link_values = {remaining.email, remaining.token_hash}
    for row in Response.objects.values():
        assert not link_values & {str(v) for v in row.values()}
    for row in Answer.objects.values():
        assert not link_values & {str(v) for v in row.values()}
    # The member is recorded as having answered, with nothing pointing at the answer.
    participant = WaveParticipant.objects.get()
    assert participant.user == member
    assert {f.name for f in WaveParticipant._meta.concrete_fields} == {"id", "wave", "user"}
    assert str(participant.pk) not in {str(r.pk) for r in Response.objects.all()}
    # No token is stored, only its hash.
    token = paths[1].strip("/").split("/")[-1]
    assert not WaveLink.objects.filter(token_hash=token).exists()
    assert WaveLink.objects.filter(token_hash=services_surveys.hash_token(token)).exists()


def test_a_member_answers_once_logged_in(wave: Wave, member: User, login: Any) -> None:
    client = login(member)
    home = client.get(reverse("core:dashboard"))
    assert reverse("evaluation:wave-answer", args=[wave.pk]) in home.content.decode()
    url = reverse("evaluation:wave-answer", args=[wave.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, ANSWERS).status_code == 200
    assert client.post(url, {**ANSWERS, "trust": "1"}).status_code == 200
    assert Response.objects.count() == 1
    assert "already answered" in client.get(url).content.decode()
    assert (
        reverse("evaluation:wave-answer", args=[wave.pk])
        not in client.get(reverse("core:dashboard")).content.decode()
    )


def test_only_members_of_the_cycles_projects_answer(wave: Wave, login: Any) -> None:
    outsider = lead_of()
    assert login(outsider).get(reverse("evaluation:wave-answer", args=[wave.pk])).status_code == 404


def test_a_project_lead_sends_links_for_their_own_project_only(
    wave: Wave,
    project: Project,
    other_project: Project,
    member: User,
    login: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = login(member)
    url = reverse("evaluation:wave-invite", args=[wave.pk])
    assert url in client.get(reverse("core:dashboard")).content.decode()  # offered at home
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"project": project.pk, "addresses": "a@example.se, b@example.se", "language": "en"},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.se", "b@example.se"]
    assert "/en/survey/" in mail.outbox[0].body
    refused = client.post(
        url, {"project": other_project.pk, "addresses": "c@example.se", "language": "sv"}
    )
    assert refused.status_code == 400
    bad = client.post(url, {"project": project.pk, "addresses": "not-an-address", "language": "sv"})
    assert bad.status_code == 400
    assert "not-an-address" in bad.content.decode()
    plain_member = member_of(project)
    assert login(plain_member).get(url).status_code == 404


def test_a_reminder_goes_to_unused_links_only_with_new_links(
    wave: Wave,
    project: Project,
    evaluator: User,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    paths = _links(
        wave,
        project,
        ["a@example.se", "b@example.se"],
        evaluator,
        django_capture_on_commit_callbacks,
    )
    client_for(None).post(paths[0], ANSWERS)
    before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        count = services_surveys.remind(wave=wave, by=evaluator, site_url="http://testserver")
    assert count == 1
    reminders = mail.outbox[before:]
    assert len(reminders) == 1
    # Who answered is not said: one reminder to the one unused address, with a fresh link.
    fresh = re.search(r"http://testserver(/\S+/)", reminders[0].body).group(1)
    assert fresh not in paths
    assert client_for(None).get(fresh).status_code == 200
    assert client_for(None).get(paths[1]).status_code == 410


def test_results_suppress_small_groups_and_compare_waves(
    survey: Survey,
    wave: Wave,
    project: Project,
    other_project: Project,
    admin: User,
    login: Any,
    settings: Any,
) -> None:
    settings.SAMSKAPA_DISCLOSURE_THRESHOLD = 3
    for trust in ("1", "3", "3"):
        services_surveys._write_response(wave=wave, project=project, answers={"trust": trust})
    services_surveys._write_response(wave=wave, project=other_project, answers={"trust": "2"})
    later = services_surveys.save_wave(
        wave=Wave(survey=survey, name_sv="Mitt", opens=OPENS, closes=CLOSES), by=admin
    )
    services_surveys._write_response(wave=later, project=project, answers={"trust": "3"})
    results = selectors_surveys.survey_results(survey)
    assert results.respondents == [4, 1]
    assert results.disclosed == [True, False]
    trust = results.questions[0]
    counts = {row.label: [c.value for c in row.cells] for row in trust.rows}
    # Wave 1 of the cluster: 4 respondents; each count below 3 is hidden, none is 3 or more.
    assert counts == {
        "Strongly disagree": ["..", ".."],
        "Partly agree": ["..", ".."],
        "Strongly agree": ["..", ".."],
    }
    internal = selectors_surveys.survey_results(survey, internal=True)
    counts = {row.label: [c.value for c in row.cells] for row in internal.questions[0].rows}
    assert counts["Strongly agree"] == [2, ".."]  # the second wave has 1 respondent: no breakdown
    mine = selectors_surveys.survey_results(survey, project=project, internal=True)
    assert mine.respondents == [3, 1]
    page = login(admin).get(reverse("evaluation:survey-results", args=[survey.pk]))
    assert page.status_code == 200
    assert "<svg" in page.content.decode() or "<img" in page.content.decode()


def test_the_results_export_is_formula_safe(
    survey: Survey, wave: Wave, project: Project, admin: User, login: Any
) -> None:
    version = wave.version
    version.questions.filter(name="trust").update(label_en="=HYPERLINK(1)")
    for _n in range(5):
        services_surveys._write_response(wave=wave, project=project, answers={"trust": "1"})
    csv = login(admin).get(reverse("evaluation:survey-results-export", args=[survey.pk, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert "Strongly disagree" in text
    xlsx = login(admin).get(reverse("evaluation:survey-results-export", args=[survey.pk, "xlsx"]))
    assert xlsx.status_code == 200
    assert (
        login(admin)
        .get(reverse("evaluation:survey-results-export", args=[survey.pk, "pdf"]))
        .status_code
        == 404
    )


def test_free_text_answers_are_excerpt_sources_for_the_coding_workbench(
    survey: Survey, wave: Wave, project: Project, evaluator: User, login: Any
) -> None:
    services_surveys._write_response(
        wave=wave,
        project=project,
        answers={"trust": "2", "involved": "yes", "how": "Vi bestämde schemat själva."},
    )
    answer = Answer.objects.get(question__name="how")
    client = login(evaluator)
    new = reverse("evaluation:excerpt-new", args=[survey.cycle.pk])
    chooser = client.get(new).content.decode()
    assert f'value="survey-{answer.pk}"' in chooser
    assert client.get(new + "?source=survey-not-a-key").status_code == 404
    response = client.post(
        new, {"source": f"survey-{answer.pk}", "passage": "bestämde schemat", "memo": ""}
    )
    assert response.status_code == 302
    excerpt = Excerpt.objects.get()
    assert excerpt.kind == ExcerptSource.SURVEY
    assert excerpt.answer == answer
    assert excerpt.project == project
    assert excerpt.text == "bestämde schemat"
    assert not excerpt.source_changed


def test_that_a_member_answered_is_in_their_data_and_goes_with_erasure(
    wave: Wave, member: User, project: Project
) -> None:
    from samskapa.evaluation import services

    services_surveys.answer_as_member(
        wave=wave, user=member, project=project, answers={"trust": "2"}
    )
    exported = services.export_personal_data(member)
    assert exported["survey_waves_answered"] == [f"{wave.survey.title_sv}: Baslinje"]
    services.erase_personal_data(member)
    assert not WaveParticipant.objects.exists()
    assert Response.objects.count() == 1  # the anonymous answer stays


def test_the_wave_page_costs_the_same_queries_for_one_and_three_projects(
    admin: User, login: Any, now: Any
) -> None:
    from tests.factories.projects import ProjectFactory
    from tests.queries import count_queries

    client = login(admin)
    counts = []
    for size in (1, 3):
        projects = ProjectFactory.create_batch(size)
        survey = SurveyFactory(cycle=CycleFactory(projects=projects))
        with_questions(survey)
        wave = services_surveys.save_wave(
            wave=Wave(survey=survey, name_sv="Baslinje", opens=OPENS, closes=CLOSES), by=admin
        )
        for project in projects:
            services_surveys._write_response(wave=wave, project=project, answers={"trust": "1"})
        url = reverse("evaluation:wave", args=[wave.pk])
        counts.append(count_queries(lambda url=url: client.get(url)))
    assert counts[0] == counts[1]
