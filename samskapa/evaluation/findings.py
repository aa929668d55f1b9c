"""Themes, findings and recommendations of an evaluation cycle (issue 14, point 3).

A **theme** groups codes of the cycle's codebook; the excerpts coded with them (or with their
sub-codes) are its evidence, and how many distinct projects and kinds of source they come from
is its cross-confirmation. A **finding** states a claim with its evidence (excerpts and the
cluster's indicator aggregates), a strength of evidence and its audiences; it may be linked to
the conference session where it is presented. A finding shared with the cluster is read by
the cluster's projects and by the process leaders and coaches of its coalitions. A
**recommendation** of a finding has an owner (the cluster's projects or the centre), who
answer it with a response status: the learning loop. Every answer is kept; the latest answer
of each project (or of the centre) is its current status.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.evaluation.cycles import Code, EvaluationCycle, Excerpt, _in_language


class EvidenceStrength(models.TextChoices):
    STRONG = "strong", _("Strong")
    MODERATE = "moderate", _("Moderate")
    EMERGING = "emerging", _("Emerging")


class Audience(models.TextChoices):
    PROJECTS = "projects", _("The projects")
    CENTRE = "centre", _("The centre")
    COUNCIL = "council", _("The ESF Council")
    POLICY = "policy", _("Policy makers")


class RecommendationOwner(models.TextChoices):
    PROJECTS = "projects", _("The cluster's projects")
    CENTRE = "centre", _("The centre")


class ResponseStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class Theme(models.Model):
    """A common thread of the cycle: a group of its codes."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="themes")
    name_sv = models.CharField(_("name (Swedish)"), max_length=160)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    codes = models.ManyToManyField(Code, verbose_name=_("codes"), related_name="themes")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["cycle", "name_sv"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "name_sv"], name="evaluation_theme_name_once")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    @property
    def description(self) -> str:
        return _in_language(self.description_sv, self.description_en)


class Finding(models.Model):
    """A claim of the cycle with its evidence, strength of evidence and audiences."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.CASCADE, related_name="findings")
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
    )
    focus_area = models.CharField(_("focus area"), max_length=20, choices=FocusArea.choices)
    claim_sv = models.TextField(_("finding (Swedish)"))
    claim_en = models.TextField(_("finding (English)"), blank=True)
    strength = models.CharField(
        _("strength of evidence"), max_length=10, choices=EvidenceStrength.choices
    )
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    excerpts = models.ManyToManyField(
        Excerpt, verbose_name=_("excerpts"), blank=True, related_name="findings"
    )
    indicators = models.ManyToManyField(
        "evaluation.Indicator",
        verbose_name=_("indicators"),
        blank=True,
        related_name="evaluation_findings",
    )
    survey_questions = models.ManyToManyField(
        "evaluation.Question",
        verbose_name=_("survey results"),
        blank=True,
        related_name="findings",
        help_text=_(
            "Questions of the cycle's surveys whose results support the finding. A question "
            "is cited by its name, so its results are compared across every wave, whatever "
            "the version of the instrument."
        ),
    )
    session = models.ForeignKey(
        "conference.Session",
        verbose_name=_("presented at the conference session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluation_findings",
    )
    shared = models.BooleanField(
        _("shared with the cluster"),
        default=False,
        help_text=_(
            "The cluster's projects and the process leaders and coaches of its coalitions "
            "read shared findings and their recommendations (never the excerpts)."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["cycle", "focus_area", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.claim[:80]

    def get_absolute_url(self) -> str:
        return reverse("evaluation:findings", args=[self.cycle_id]) + f"#finding-{self.pk}"

    @property
    def claim(self) -> str:
        return _in_language(self.claim_sv, self.claim_en)

    @property
    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[a]) for a in Audience.values if a in (self.audiences or [])]


class Recommendation(models.Model):
    """What a finding recommends, and who owns it: the cluster's projects or the centre."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recommendations")
    text_sv = models.TextField(_("recommendation (Swedish)"))
    text_en = models.TextField(_("recommendation (English)"), blank=True)
    owner = models.CharField(_("owner"), max_length=10, choices=RecommendationOwner.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["finding", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return _in_language(self.text_sv, self.text_en)

    @property
    def for_projects(self) -> bool:
        return self.owner == RecommendationOwner.PROJECTS


class RecommendationResponse(models.Model):
    """One answer to a recommendation: by a project of the cluster, or by the centre
    (`project` empty). The latest answer of each is its current status; earlier ones stay."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responses"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendation_responses",
    )
    status = models.CharField(_("status"), max_length=12, choices=ResponseStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "-created_at", "-pk"]
        verbose_name = _("response to a recommendation")
        verbose_name_plural = _("responses to recommendations")

    def __str__(self) -> str:
        return f"{self.get_status_display()}"
