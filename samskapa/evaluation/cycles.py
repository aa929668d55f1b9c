"""Evaluation cycles: a year's cluster evaluation of a group of projects, its evaluation
questions per focus area, the evaluators assigned to it, its status and its timeline.

The status moves through `TRANSITIONS` only (planning → collecting → analysing → reporting →
published, one step back allowed before publication); `services.change_cycle_status` is the
one place that changes it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea


def _in_language(sv: str, en: str) -> str:
    return en if get_language() == "en" and en else sv


class CycleStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    COLLECTING = "collecting", _("Collecting")
    ANALYSING = "analysing", _("Analysing")
    REPORTING = "reporting", _("Reporting")
    PUBLISHED = "published", _("Published")


# The allowed status changes, in one place: forward one step, or back one step to correct a
# mistake, until the cycle is published (which is final).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    CycleStatus.PLANNING: (CycleStatus.COLLECTING,),
    CycleStatus.COLLECTING: (CycleStatus.ANALYSING, CycleStatus.PLANNING),
    CycleStatus.ANALYSING: (CycleStatus.REPORTING, CycleStatus.COLLECTING),
    CycleStatus.REPORTING: (CycleStatus.PUBLISHED, CycleStatus.ANALYSING),
    CycleStatus.PUBLISHED: (),
}


class ClusterSource(models.TextChoices):
    CALL = "call", _("All projects of a call")
    COALITION = "coalition", _("All projects of a coalition")
    MANUAL = "manual", _("Projects chosen by hand")


class EvaluationCycle(models.Model):
    """One cluster evaluation: its year, title, cluster of projects and evaluators."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    source = models.CharField(
        _("cluster"), max_length=10, choices=ClusterSource.choices, default=ClusterSource.COALITION
    )
    call = models.ForeignKey(
        "projects.Call",
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_cycles",
    )
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("coalition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_cycles",
    )
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("projects"),
        blank=True,
        related_name="evaluation_cycles",
    )
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluators"),
        blank=True,
        related_name="evaluation_cycles",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CycleStatus.choices, default=CycleStatus.PLANNING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-year", "title_sv"]
        verbose_name = _("evaluation cycle")
        verbose_name_plural = _("evaluation cycles")

    def __str__(self) -> str:
        return f"{self.year} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("evaluation:cycle", args=[self.pk])

    @property
    def title(self) -> str:
        return _in_language(self.title_sv, self.title_en)

    def clean(self) -> None:
        if self.source == ClusterSource.CALL and self.call_id is None:
            raise ValidationError({"call": _("Choose the call whose projects are evaluated.")})
        if self.source == ClusterSource.COALITION and self.coalition_id is None:
            raise ValidationError(
                {"coalition": _("Choose the coalition whose projects are evaluated.")}
            )

    @property
    def is_published(self) -> bool:
        return self.status == CycleStatus.PUBLISHED

    @property
    def next_statuses(self) -> list[CycleStatus]:
        return [CycleStatus(s) for s in TRANSITIONS[self.status]]


class EvaluationQuestion(models.Model):
    """A question the cycle sets out to answer, under one of the five focus areas."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="questions")
    focus_area = models.CharField(_("focus area"), max_length=20, choices=FocusArea.choices)
    text_sv = models.TextField(_("question (Swedish)"))
    text_en = models.TextField(_("question (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["cycle", "order", "pk"]
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return _in_language(self.text_sv, self.text_en)


class CycleDate(models.Model):
    """A key date of the cycle's timeline (data collection closes, report draft, …)."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="dates")
    date = models.DateField(_("date"))
    label_sv = models.CharField(_("what (Swedish)"), max_length=200)
    label_en = models.CharField(_("what (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["cycle", "date", "pk"]
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")

    def __str__(self) -> str:
        return f"{self.date} {self.label}"

    @property
    def label(self) -> str:
        return _in_language(self.label_sv, self.label_en)


class Code(models.Model):
    """A code of a cycle's codebook, under a focus area, with its definition. Codes nest one
    level: a code may have sub-codes (of the same focus area), which have none."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="codes")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("under the code"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    focus_area = models.CharField(_("focus area"), max_length=20, choices=FocusArea.choices)
    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    definition_sv = models.TextField(_("definition (Swedish)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)

    class Meta:
        ordering = ["cycle", "focus_area", "name_sv"]
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "parent", "name_sv"], name="evaluation_code_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    @property
    def definition(self) -> str:
        return _in_language(self.definition_sv, self.definition_en)

    def clean(self) -> None:
        parent = self.parent
        if parent is None:
            return
        if parent.cycle_id != self.cycle_id:
            raise ValidationError({"parent": _("The code above belongs to another cycle.")})
        if parent.parent_id is not None or (self.pk and self.children.exists()):
            raise ValidationError({"parent": _("Codes nest one level only.")})
        if parent.pk == self.pk:
            raise ValidationError({"parent": _("A code cannot be under itself.")})
        self.focus_area = parent.focus_area


class ExcerptSource(models.TextChoices):
    LESSON = "lesson", _("Lesson learned")
    REFLECTION = "reflection", _("Reflection")
    COACHING_NOTE = "note", _("Shared coaching note")
    SURVEY = "survey", _("Free-text survey answer")


def digest(text: str) -> str:
    """A fingerprint of a source's text, to tell when the source has changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Excerpt(models.Model):
    """A passage drawn from one of the cluster's projects' material, coded by an evaluator.

    The excerpt keeps a copy of the passage and its position in the source: when the source
    is edited later the excerpt keeps its text and says the source changed (the fingerprint
    differs); when the source is deleted the excerpt stays, without its link. No person's
    name is copied: who wrote the source is read from the source, where erasure removes it.
    Private coaching notes are never a source: only notes shared with the project are offered,
    and a note's visibility is fixed when it is written."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="excerpts")
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="evaluation_excerpts",
    )
    kind = models.CharField(_("kind of source"), max_length=12, choices=ExcerptSource.choices)
    lesson = models.ForeignKey(
        "coalitions.Lesson", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reflection = models.ForeignKey(
        "coalitions.Reflection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.ForeignKey(
        "coaching.Note", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A free-text answer of a survey wave (issue 15): the answer holds no person.
    answer = models.ForeignKey(
        "evaluation.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start = models.PositiveIntegerField(_("starts at character"))
    end = models.PositiveIntegerField(_("ends at character"))
    text = models.TextField(_("passage"))
    source_digest = models.CharField(max_length=64, editable=False)
    codes = models.ManyToManyField(
        Code, verbose_name=_("codes"), blank=True, related_name="excerpts"
    )
    memo = models.TextField(_("memo"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["cycle", "project__number", "created_at", "pk"]
        verbose_name = _("excerpt")
        verbose_name_plural = _("excerpts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="evaluation_excerpt_span"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def source(self) -> Any:
        sources: dict[str, Any] = {
            ExcerptSource.LESSON: self.lesson,
            ExcerptSource.REFLECTION: self.reflection,
            ExcerptSource.COACHING_NOTE: self.note,
            ExcerptSource.SURVEY: self.answer,
        }
        return sources.get(self.kind)

    @property
    def source_changed(self) -> bool:
        """The source was edited or deleted after the passage was drawn from it."""
        source = self.source
        return source is None or digest(source.text) != self.source_digest
