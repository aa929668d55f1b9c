"""The yearly analysis report of a cycle (issue 14, point 4) and the projects' consent to be
named and quoted in it (point 5).

The report's own texts — summary, method, conclusions — are Markdown sections in Swedish and
English, rendered and sanitised by the knowledge bank's renderer. Everything else is assembled
from the cycle when the report is previewed or published (`assemble`): the cluster's projects,
per focus area the findings shared with the cluster with their quotations and figures, the
indicators and the recommendations with how they were answered.

Publishing freezes the assembled report, in both languages, as an immutable **version**: the
public page, the PDF and the Excel annex are made from that frozen content only. What a
version may hold:

- a project is named only when it has consented (`NamingConsent`); otherwise the report says
  "a project of the cluster" and quotes nothing from it, nor any passage that names it;
- only findings shared with the cluster are published, and of their excerpts only those
  quoted under the rule above;
- figures pass through disclosure control as for the public (`Protected`, not internal):
  a suppressed figure is stored as "..", never its value; so do the survey results a finding
  cites (`survey_results`, not internal: no breakdown of a wave below the threshold, no
  small count).
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.enums import FocusArea
from samskapa.evaluation.cycles import EvaluationCycle, _in_language


class NamingConsent(models.Model):
    """Whether a project may be named and quoted in published evaluation reports; stated by
    the project's lead. No row (or `may_be_named` off) means no."""

    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="naming_consent"
    )
    may_be_named = models.BooleanField(
        gettext_lazy("may be named and quoted in published evaluation reports"), default=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(gettext_lazy("decided"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("consent to be named")
        verbose_name_plural = gettext_lazy("consents to be named")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.may_be_named}"


class AnalysisReport(models.Model):
    """The draft of a cycle's yearly analysis report: its own texts in Markdown."""

    cycle = models.OneToOneField(EvaluationCycle, on_delete=models.CASCADE, related_name="report")
    summary_sv = models.TextField(gettext_lazy("summary (Swedish)"), blank=True)
    summary_en = models.TextField(gettext_lazy("summary (English)"), blank=True)
    method_sv = models.TextField(gettext_lazy("method (Swedish)"), blank=True)
    method_en = models.TextField(gettext_lazy("method (English)"), blank=True)
    conclusions_sv = models.TextField(gettext_lazy("conclusions (Swedish)"), blank=True)
    conclusions_en = models.TextField(gettext_lazy("conclusions (English)"), blank=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("analysis report")
        verbose_name_plural = gettext_lazy("analysis reports")

    def __str__(self) -> str:
        return str(self.cycle)


class ReportVersion(models.Model):
    """A published version of a report: its content frozen in both languages. Never changed
    after it is written (`save` refuses)."""

    report = models.ForeignKey(AnalysisReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(gettext_lazy("version"))
    content = models.JSONField(editable=False)
    published_at = models.DateTimeField(gettext_lazy("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-number"]
        verbose_name = gettext_lazy("published report")
        verbose_name_plural = gettext_lazy("published reports")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="evaluation_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError(_("A published report cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("evaluation:published-report", args=[self.pk])

    def in_language(self, language: str | None = None) -> dict[str, Any]:
        language = language or translation.get_language() or "sv"
        return self.content.get(language) or self.content["sv"]

    @property
    def title(self) -> str:
        return str(self.in_language()["title"])


SECTIONS = ("summary", "method", "conclusions")


def _section(report: AnalysisReport | None, name: str) -> str:
    # Imported here: models.py imports this module while the apps load.
    from samskapa.library.markdown import render_markdown

    if report is None:
        return ""
    text = _in_language(getattr(report, f"{name}_sv"), getattr(report, f"{name}_en"))
    return render_markdown(text)


def _names_a_project(text: str, hidden: list[Any]) -> bool:
    lowered = text.lower()
    return any(
        p.number.lower() in lowered or re.search(rf"\b{re.escape(p.name.lower())}\b", lowered)
        for p in hidden
    )


def _assemble_language(cycle: EvaluationCycle, report: AnalysisReport | None) -> dict[str, Any]:
    # Imported here: models.py imports this module while the apps load, and the selectors
    # need the models.
    from samskapa.evaluation import selectors
    from samskapa.evaluation.disclosure import Protected
    from samskapa.evaluation.findings import Audience, RecommendationOwner, ResponseStatus
    from samskapa.evaluation.selectors_surveys import finding_survey_figures

    projects = list(cycle.projects.select_related("naming_consent").order_by("number"))
    named = {p.pk for p in projects if getattr(_consent(p), "may_be_named", False)}
    hidden = [p for p in projects if p.pk not in named]
    findings = selectors.findings_of(cycle, drafts=False)
    ids = {i.pk for f in findings for i in f.indicators.all()}
    protected = Protected(
        selectors.aggregate(indicator_ids=ids, levels=selectors.PUBLISHED_LEVELS),
        internal=False,
    )
    level, group = selectors.cluster_group(cycle)
    survey_figures = finding_survey_figures(findings, internal=False)
    audiences = dict(Audience.choices)
    statuses = dict(ResponseStatus.choices)
    owners = dict(RecommendationOwner.choices)
    indicators: dict[int, dict[str, Any]] = {}
    areas = []
    recommendations = []
    for area in FocusArea:
        items = []
        for finding in [f for f in findings if f.focus_area == area.value]:
            quotes = [
                {"text": e.text, "project": e.project.name}
                for e in finding.excerpts.all()
                if e.project_id in named and not _names_a_project(e.text, hidden)
            ]
            figures = []
            for indicator in finding.indicators.all():
                cell = protected.cell(level, indicator.pk, group)
                row = {
                    "code": indicator.code,
                    "name": indicator.name,
                    "value": None if cell is None else cell.published_value,
                    "projects": None if cell is None else cell.projects,
                    "percentage": bool(cell is not None and cell.is_percentage),
                }
                figures.append(row)
                indicators[indicator.pk] = row
            items.append(
                {
                    "claim": finding.claim,
                    "strength": str(finding.get_strength_display()),
                    "audiences": [str(audiences[a]) for a in finding.audiences if a in audiences],
                    "quotes": quotes,
                    "figures": figures,
                    "survey_figures": survey_figures[finding.pk],
                }
            )
            for recommendation in finding.recommendations.all():
                answers = selectors.latest_responses(recommendation)
                counts: dict[str, int] = {}
                for answer in answers:
                    label = str(statuses[answer.status])
                    counts[label] = counts.get(label, 0) + 1
                recommendations.append(
                    {
                        "text": recommendation.text,
                        "owner": str(owners[recommendation.owner]),
                        "answers": sorted(counts.items()),
                    }
                )
        if items:
            areas.append({"label": str(area.label), "findings": items})
    generic = _("A project of the cluster")
    return {
        "title": cycle.title,
        "year": cycle.year,
        "language": translation.get_language(),
        "sections": {name: _section(report, name) for name in SECTIONS},
        "projects": [
            p.name if p.pk in named else f"{generic} ({index})"
            for index, p in enumerate(projects, start=1)
        ],
        "areas": areas,
        "indicators": sorted(indicators.values(), key=lambda r: r["code"]),
        "recommendations": recommendations,
        "suppressed_note": protected.footnote(),
    }


def _consent(project: Any) -> NamingConsent | None:
    try:
        return project.naming_consent
    except NamingConsent.DoesNotExist:
        return None


def assemble(cycle: EvaluationCycle) -> dict[str, Any]:
    """The report's content in Swedish and English, as it would be published now."""
    report = AnalysisReport.objects.filter(cycle=cycle).first()
    content = {}
    for language in ("sv", "en"):
        with translation.override(language):
            content[language] = _assemble_language(cycle, report)
    return content
