"""Demo surveys: the demo coalition's evaluation cycle has the survey "Samverkan och
delaktighet" with a closed baseline wave (version 1) and an open midpoint wave (version 2: one
question reworded, one added), answered by the projects' teams and partners. Some midpoint
links are still unused. projekt@ (lead of 23-012-S01) has not answered the midpoint wave yet,
so the home page offers it. Rerunnable: the survey is found by cycle and title, waves by
name; the answers and links of the demo waves are written anew on every run."""

from __future__ import annotations

import hashlib
import random
import secrets

from samskapa.core.enums import FocusArea
from samskapa.demo.clock import DemoCalendar
from samskapa.evaluation import services_surveys
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.findings import Finding
from samskapa.evaluation.selectors_surveys import citable_questions
from samskapa.evaluation.surveys import (
    Choice,
    InstrumentVersion,
    Question,
    QuestionType,
    Section,
    Survey,
    Wave,
    WaveLink,
)

TITLE_SV = "Samverkan och delaktighet"
TITLE_EN = "Collaboration and participation"
COALITION = "Vägar till arbete"

AGREE = [
    ("1", "Instämmer inte alls", "Strongly disagree"),
    ("2", "Instämmer inte", "Disagree"),
    ("3", "Varken eller", "Neither"),
    ("4", "Instämmer", "Agree"),
    ("5", "Instämmer helt", "Strongly agree"),
]
SECTIONS = [
    ("samverkan", "Samverkan", "Collaboration"),
    ("delaktighet", "Målgruppens delaktighet", "Target-group participation"),
]
# name, kind, section, Swedish, English, required, focus area, choices, condition
QUESTIONS: list[tuple[str, str, str, str, str, bool, str, list[tuple[str, str, str]], tuple[str, str]]] = [
    ("intro", QuestionType.NOTE, "", "Tack för att du svarar! Enkäten tar ungefär fem minuter.",
     "Thank you for answering! The survey takes about five minutes.", False, "", [], ("", "")),
    ("role", QuestionType.SELECT_ONE, "", "Vilken är din roll i projektet?",
     "What is your role in the project?", True, "",
     [("team", "Projektteamet", "Project team"), ("partner", "Partner", "Partner"),
      ("target_group", "Representant för målgruppen", "Target-group representative")], ("", "")),
    ("trust", QuestionType.LIKERT, "samverkan",
     "Jag litar på de andra organisationerna i projektet.",
     "I trust the other organisations in the project.", True, FocusArea.COLLABORATION, AGREE,
     ("", "")),
    ("shared_goal", QuestionType.LIKERT, "samverkan", "Vi har ett gemensamt mål.",
     "We share a goal.", True, FocusArea.COLLABORATION, AGREE, ("", "")),
    ("sectors", QuestionType.SELECT_MULTIPLE, "samverkan",
     "Vilka sektorer har du samarbetat med i projektet?",
     "Which sectors have you worked with in the project?", False, FocusArea.ECOSYSTEM,
     [("public", "Offentlig sektor", "Public sector"), ("private", "Näringsliv", "Business"),
      ("civil", "Civilsamhället", "Civil society")], ("", "")),
    ("involved", QuestionType.SELECT_ONE, "delaktighet",
     "Har du varit med och fattat beslut i projektet?",
     "Have you taken part in decisions in the project?", True, FocusArea.PARTICIPATION,
     [("yes", "Ja", "Yes"), ("no", "Nej", "No")], ("", "")),
    ("involved_how", QuestionType.TEXT, "delaktighet",
     "Berätta om ett beslut du var med och fattade.",
     "Tell us about a decision you took part in.", False, FocusArea.PARTICIPATION, [],
     ("involved", "yes")),
    ("meetings", QuestionType.INTEGER, "delaktighet",
     "Hur många projektmöten har du deltagit i det senaste halvåret?",
     "How many project meetings have you attended in the last six months?", False,
     FocusArea.PARTICIPATION, [], ("", "")),
]  # fmt: skip
# Version 2 (the midpoint): "shared_goal" reworded and a question on learning added.
SHARED_GOAL_V2 = ("Vi arbetar mot ett gemensamt mål som alla parter har formulerat.",
                  "We work towards a goal all partners have formulated together.")  # fmt: skip
LEARNING = ("learning", QuestionType.LIKERT, "samverkan",
            "Vi har ändrat vårt arbetssätt utifrån det vi lärt oss i projektet.",
            "We have changed how we work from what we learned in the project.", False,
            FocusArea.RESULTS, AGREE, ("", ""))  # fmt: skip
DECISIONS = [
    "Jag var med och bestämde hur träffarna skulle läggas upp.",
    "Vi i referensgruppen valde vilka arbetsgivare som skulle bjudas in.",
    "Jag röstade om vilken utbildning projektet skulle satsa på.",
    "Deltagarna beslutade själva om schemat för praktiken.",
]


def _add_question(version: InstrumentVersion, position: int, spec: tuple) -> None:
    name, kind, section, sv, en, required, area, choices, (on, value) = spec
    question = Question.objects.create(
        version=version,
        section=version.sections.filter(name=section).first() if section else None,
        position=position,
        name=name,
        kind=kind,
        label_sv=sv,
        label_en=en,
        required=required,
        focus_area=area,
        choice_list=name if choices else "",
        relevant_name=on,
        relevant_value=value,
    )
    Choice.objects.bulk_create(
        Choice(question=question, position=n, value=v, label_sv=csv, label_en=cen)
        for n, (v, csv, cen) in enumerate(choices, start=1)
    )


def _instrument(cycle: EvaluationCycle) -> Survey:
    survey, created = Survey.objects.get_or_create(
        cycle=cycle, title_sv=TITLE_SV, defaults={"title_en": TITLE_EN}
    )
    if not created and survey.versions.count() >= 2:
        return survey
    survey.versions.all().delete()
    first = InstrumentVersion.objects.create(survey=survey, number=1, frozen=True)
    for position, (name, sv, en) in enumerate(SECTIONS, start=1):
        Section.objects.create(
            version=first, position=position, name=name, title_sv=sv, title_en=en
        )
    for position, spec in enumerate(QUESTIONS, start=1):
        _add_question(first, position, spec)
    second = services_surveys.copy_version(first)
    second.questions.filter(name="shared_goal").update(
        label_sv=SHARED_GOAL_V2[0], label_en=SHARED_GOAL_V2[1]
    )
    # The new question goes into its section, after the sectors question.
    after = second.questions.get(name="sectors").position
    for question in second.questions.filter(position__gt=after).order_by("-position"):
        Question.objects.filter(pk=question.pk).update(position=question.position + 1)
    _add_question(second, after + 1, LEARNING)
    InstrumentVersion.objects.filter(pk=second.pk).update(frozen=True)
    return survey


def _answers(rng: random.Random, version: InstrumentVersion, lift: int) -> dict[str, object]:
    """One respondent's answers; `lift` moves the scales up a little (later waves)."""

    def scale(low: int) -> str:
        return str(min(5, max(1, rng.randint(low, 4) + lift)))

    involved = "yes" if rng.random() < 0.4 + 0.2 * lift else "no"
    answers: dict[str, object] = {
        "role": rng.choice(["team", "team", "partner", "partner", "target_group"]),
        "trust": scale(2),
        "shared_goal": scale(2),
        "sectors": [s for s in ("public", "private", "civil") if rng.random() < 0.6] or ["public"],
        "involved": involved,
        "meetings": rng.randint(1, 12),
    }
    if involved == "yes" and rng.random() < 0.7:
        answers["involved_how"] = rng.choice(DECISIONS)
    if version.questions.filter(name="learning").exists():
        answers["learning"] = scale(2)
    return answers


def load(calendar: DemoCalendar) -> None:
    cycle = (
        EvaluationCycle.objects.filter(coalition__name=COALITION, year=calendar.today.year)
        .order_by("-year")
        .first()
    )
    if cycle is None:
        return
    survey = _instrument(cycle)
    v1, v2 = survey.versions.order_by("number")
    waves = []
    for name_sv, name_en, version, opens, closes in (
        ("Baslinje", "Baseline", v1, -120, -90),
        ("Halvtid", "Midpoint", v2, -10, 20),
    ):
        wave, _created = Wave.objects.update_or_create(
            survey=survey,
            name_sv=name_sv,
            defaults={
                "name_en": name_en,
                "version": version,
                "opens": calendar.days(opens),
                "closes": calendar.days(closes),
            },
        )
        waves.append(wave)
    projects = list(cycle.projects.order_by("number"))
    for index, (wave, count, lift) in enumerate(zip(waves, (9, 5), (0, 1), strict=True)):
        wave.responses.all().delete()
        wave.participants.all().delete()
        wave.links.all().delete()
        rng = random.Random(f"demo-survey-{index}")
        for project in projects:
            for _n in range(count + rng.randint(0, 3)):
                services_surveys._write_response(
                    wave=wave, project=project, answers=_answers(rng, wave.version, lift)
                )
    midpoint = waves[1]
    for project in projects:
        for n in range(2):
            WaveLink.objects.create(
                wave=midpoint,
                project=project,
                email=f"partner{n + 1}.{project.number.lower()}@exempel.se",
                token_hash=hashlib.sha256(secrets.token_bytes(16)).hexdigest(),
            )
    _cite(cycle, survey)


# The finding on employers as co-creators cites the survey's trust question (issue 14,
# point 3): its results per wave show with the finding and in the yearly report.
CITING_CLAIM = "Arbetsgivare som varit med och utformat insatserna tar oftare emot deltagare."
CITED_QUESTION = "trust"


def _cite(cycle: EvaluationCycle, survey: Survey) -> None:
    finding = Finding.objects.filter(cycle=cycle, claim_sv=CITING_CLAIM).first()
    question = next(
        (
            q
            for q in citable_questions(cycle)
            if q.version.survey_id == survey.pk and q.name == CITED_QUESTION
        ),
        None,
    )
    if finding is not None and question is not None:
        finding.survey_questions.set([question])
