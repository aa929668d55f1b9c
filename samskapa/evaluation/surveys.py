"""Surveys of an evaluation cycle: instruments with sections and questions, in versions.

A survey (`Survey`) belongs to one evaluation cycle. Its questions live in numbered versions
(`InstrumentVersion`): the latest version is edited until a wave uses it; from then on it is
frozen, and the next change copies it into a new version. A wave keeps pointing at the version
it was answered with, so a changed instrument never changes how earlier answers read.

Skip logic is one rule per question: the question is shown when an earlier question's answer
equals a value (for a multiple-choice question: when that value is among the chosen ones).
`QuestionType` lists the kinds; `services_surveys` is the one place that writes these rows.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea


def _in_language(sv: str, en: str) -> str:
    return en if get_language() == "en" and en else sv


class QuestionType(models.TextChoices):
    SELECT_ONE = "select_one", _("Single choice")
    SELECT_MULTIPLE = "select_multiple", _("Multiple choice")
    LIKERT = "likert", _("Likert scale")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    DATE = "date", _("Date")
    TEXT = "text", _("Free text")
    NOTE = "note", _("Note (no answer)")


CHOICE_TYPES = (QuestionType.SELECT_ONE, QuestionType.SELECT_MULTIPLE, QuestionType.LIKERT)
SINGLE_VALUE_CHOICE_TYPES = (QuestionType.SELECT_ONE, QuestionType.LIKERT)

name_validator = RegexValidator(
    r"^[A-Za-z_][A-Za-z0-9_]{0,59}$",
    _("Use letters a–z, digits and _ only, starting with a letter (at most 60 characters)."),
)


class Survey(models.Model):
    """A questionnaire of a cycle, asked in waves."""

    cycle = models.ForeignKey(
        "evaluation.EvaluationCycle", on_delete=models.CASCADE, related_name="surveys"
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["cycle", "title_sv", "pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evaluation:survey", args=[self.pk])

    @property
    def title(self) -> str:
        return _in_language(self.title_sv, self.title_en)


class InstrumentVersion(models.Model):
    """One version of a survey's questions. Frozen (never changed again) once a wave uses it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    frozen = models.BooleanField(_("frozen"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["survey", "-number"]
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"], name="evaluation_instrument_version_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} v{self.number}"


class Section(models.Model):
    """A section (an XLSForm group) of a version."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(_("name"), max_length=60, validators=[name_validator])
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="evaluation_section_once")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _in_language(self.title_sv, self.title_en)


class Question(models.Model):
    """A question of a version, in its section (or outside any), with its skip rule."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(
        _("name"),
        max_length=60,
        validators=[name_validator],
        help_text=_("A short identifier, the same in every version, e.g. trust_partners."),
    )
    kind = models.CharField(_("type"), max_length=16, choices=QuestionType.choices)
    label_sv = models.TextField(_("question (Swedish)"))
    label_en = models.TextField(_("question (English)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    focus_area = models.CharField(
        _("focus area"), max_length=20, choices=FocusArea.choices, blank=True
    )
    choice_list = models.CharField(_("choice list"), max_length=60, blank=True)
    relevant_name = models.CharField(_("shown when the question"), max_length=60, blank=True)
    relevant_value = models.CharField(_("has the answer"), max_length=100, blank=True)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="evaluation_question_once")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self.label_sv, self.label_en)

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_TYPES

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionType.SELECT_MULTIPLE

    @property
    def is_note(self) -> bool:
        return self.kind == QuestionType.NOTE

    @property
    def is_free_text(self) -> bool:
        return self.kind == QuestionType.TEXT

    @property
    def has_condition(self) -> bool:
        return bool(self.relevant_name)

    def clean(self) -> None:
        if self.kind == QuestionType.NOTE and self.required:
            raise ValidationError({"required": _("A note has no answer and cannot be required.")})
        if bool(self.relevant_name) != bool(self.relevant_value):
            raise ValidationError(
                {"relevant_value": _("Give both the earlier question and the answer, or neither.")}
            )


class Choice(models.Model):
    """An answer option of a choice question (its value is what is stored and exported)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=0)
    value = models.CharField(_("value"), max_length=60)
    label_sv = models.CharField(_("label (Swedish)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="evaluation_choice_once")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self.label_sv, self.label_en)


# --- Waves, links and answers ----------------------------------------------------------------
#
# Anonymity by construction (docs/surveys.md, "Anonymity"): a `WaveLink` (an address and the
# hash of its token) and a `Response` with its `Answer`s share nothing: no foreign key between
# them, no common id (responses and answers have random UUID keys, so their keys carry no
# order), no time of answering (a response keeps only its wave and project). A used link is
# deleted, in a transaction of its own before the answers are written, so no row says which
# link was used, let alone when. A member's `WaveParticipant` row says only that the person
# answered the wave (one answer per person), written in its own transaction too, and holds no
# time either.


class Wave(models.Model):
    """One round of a survey (baseline, midpoint, end or any name), asking one frozen version
    between its opening and closing dates."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="waves",
    )
    name_sv = models.CharField(_("name (Swedish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    opens = models.DateField(_("opens"))
    closes = models.DateField(_("closes"))

    class Meta:
        ordering = ["survey", "opens", "pk"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gte=models.F("opens")), name="evaluation_wave_dates"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("evaluation:wave", args=[self.pk])

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    def clean(self) -> None:
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": _("The wave cannot close before it opens.")})

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens <= today <= self.closes

    def is_closed(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.closes


class WaveLink(models.Model):
    """A single-use link to answer a wave without an account, sent to an address a project
    lead or an evaluator entered. Only the hash of its token is stored. Deleted when used, and
    every remaining one when the wave closes (retention rule `evaluation-survey-links`)."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="links")
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=2, default="sv")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")
        constraints = [
            models.UniqueConstraint(fields=["wave", "email"], name="evaluation_wave_link_once")
        ]

    def __str__(self) -> str:
        return self.email


class WaveParticipant(models.Model):
    """A logged-in member answered the wave. Nothing else: not what, not when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("wave participant")
        verbose_name_plural = _("wave participants")
        constraints = [
            models.UniqueConstraint(fields=["wave", "user"], name="evaluation_answer_once")
        ]

    def __str__(self) -> str:
        return str(self.wave)


class Response(models.Model):
    """One person's answers to a wave, with nothing about the person: the wave and the
    project the answer counts for, and a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return str(self.wave)


class Answer(models.Model):
    """The answer to one question of a response: `value` holds a choice's value (one row per
    chosen value of a multiple choice), a number or an ISO date; `text` holds free text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.CharField(max_length=100, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.value or self.text[:60]

    @property
    def project(self) -> Any:
        """The project the answer counts for (an excerpt of a free-text answer is its)."""
        return self.response.project


def shown_questions(questions: list[Question], answers: Callable[[str], list[str]]) -> set[str]:
    """The names of the questions a respondent sees, given their answers (`answers(name)`: the
    values given to a question). The one place of the skip rule: a question with a condition
    is shown when the earlier question is shown and its answer is (or, for a multiple choice,
    includes) the value. The page's script (evaluation/survey.js) repeats it for comfort only;
    the server decides on submit."""
    shown: set[str] = set()
    for question in questions:
        condition = question.relevant_name
        if not condition or (
            condition in shown
            and question.relevant_value in [v.strip() for v in answers(condition)]
        ):
            shown.add(question.name)
    return shown
