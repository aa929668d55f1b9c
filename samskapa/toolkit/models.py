"""The development tools of a project: one per focus area, each with its history.

Every tool model has `project` (even rows that hang off another row) so that a tool, live or as
of a date (`Model.history.as_of(when)`), is read with one query per model. Every tool model
keeps its versions with django-simple-history; the self-assessments are dated records and need
none. Links between elements are validated in services.py (same project, no cycles) because a
database constraint cannot see across rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.accounts.enums import Sector
from samskapa.accounts.models import Organisation
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Project
from samskapa.toolkit.enums import (
    CURRENT_PERIOD,
    MAX_SCALE_LEVEL,
    ActorLevel,
    ActorRole,
    CauseLevel,
    ChangeKind,
    CollaborationDepth,
    Horizon,
    HorizontalPrinciple,
    IndicatorKind,
    IndicatorUnit,
    ParticipationScale,
    PrincipleStatus,
    ProblemNodeKind,
    ProgrammePeriod,
    RelationKind,
    RelationStrength,
)

# `updated_at` is kept in the history too: an excluded field makes every historical instance
# fetch it with one query of its own.
HISTORY: dict[str, list[str]] = {}


class ToolkitSettings(models.Model):
    """The centre's choices for every project (one row, edited by admins)."""

    participation_scale = models.CharField(
        _("participation scale"),
        max_length=20,
        choices=ParticipationScale.choices,
        default=ParticipationScale.IAP2,
        help_text=_("The scale new projects use to describe the target group's participation."),
    )

    class Meta:
        verbose_name = _("toolkit settings")
        verbose_name_plural = _("toolkit settings")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="toolkit_settings_one_row")]

    def __str__(self) -> str:
        return str(_("Toolkit settings"))

    @classmethod
    def load(cls) -> ToolkitSettings:
        return cls.objects.get_or_create(id=1)[0]


# --- Problem tree (causes) ----------------------------------------------------------------


class ProblemTree(models.Model):
    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="problem_tree"
    )
    focal_problem = models.TextField(_("focal problem"))
    focal_objective = models.TextField(
        _("objective"),
        blank=True,
        help_text=_("The focal problem turned into a positive statement, for the objective tree."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        verbose_name = _("problem tree")
        verbose_name_plural = _("problem trees")

    def __str__(self) -> str:
        return self.focal_problem[:80]


class ProblemNode(models.Model):
    """A cause (below the focal problem) or an effect (above it)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ProblemNodeKind.choices)
    text = models.CharField(_("description"), max_length=300)
    objective = models.CharField(
        _("positive statement"),
        max_length=300,
        blank=True,
        help_text=_("The same point turned into a means (for a cause) or an end (for an effect)."),
    )
    level = models.CharField(_("level"), max_length=20, choices=CauseLevel.choices, blank=True)
    within_influence = models.BooleanField(_("within the project's influence"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("cause or effect")
        verbose_name_plural = _("causes and effects")
        constraints = [
            # Only causes have a level: effects are consequences, not places to act.
            models.CheckConstraint(
                condition=Q(kind=ProblemNodeKind.CAUSE) | Q(level=""),
                name="problem_node_level_only_on_causes",
                violation_error_message=_(
                    'Only causes have a level. Choose "Cause", or leave the level empty for an effect.'
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class ProblemLink(models.Model):
    """`cause` leads to `effect` (either may be a cause or an effect in the tree)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    cause = models.ForeignKey(
        ProblemNode, verbose_name=_("from"), on_delete=models.CASCADE, related_name="links_out"
    )
    effect = models.ForeignKey(
        ProblemNode, verbose_name=_("leads to"), on_delete=models.CASCADE, related_name="links_in"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("link in the problem tree")
        verbose_name_plural = _("links in the problem tree")
        constraints = [
            models.UniqueConstraint(
                fields=["cause", "effect"],
                name="problem_link_unique",
                violation_error_message=_("These two are already linked. Choose another pair."),
            ),
            models.CheckConstraint(
                condition=~Q(cause=F("effect")),
                name="problem_link_not_to_itself",
                violation_error_message=_("Choose another element than the first one."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cause_id} → {self.effect_id}"


# --- Theory of change (results) -----------------------------------------------------------


class TheoryOfChange(models.Model):
    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="theory_of_change",
    )
    long_term_goal = models.TextField(_("long-term goal (impact)"))
    narrative = models.TextField(
        _("narrative"),
        blank=True,
        help_text=_("The theory of change in a few paragraphs: how and why the change happens."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        verbose_name = _("theory of change")
        verbose_name_plural = _("theories of change")

    def __str__(self) -> str:
        return self.long_term_goal[:80]


class ChangeElement(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ChangeKind.choices)
    text = models.CharField(_("description"), max_length=300)
    horizon = models.CharField(
        _("horizon"),
        max_length=10,
        choices=Horizon.choices,
        blank=True,
        help_text=_("Only for outcomes."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("element of the theory of change")
        verbose_name_plural = _("elements of the theory of change")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=ChangeKind.OUTCOME) | Q(horizon=""),
                name="change_element_horizon_only_on_outcomes",
                violation_error_message=_(
                    'Only outcomes have a horizon. Choose "Outcome", or leave the horizon empty.'
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class ChangeLink(models.Model):
    """`source` contributes to `target`: activity → output → precondition → outcome."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        ChangeElement, verbose_name=_("from"), on_delete=models.CASCADE, related_name="links_out"
    )
    target = models.ForeignKey(
        ChangeElement,
        verbose_name=_("contributes to"),
        on_delete=models.CASCADE,
        related_name="links_in",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("link in the theory of change")
        verbose_name_plural = _("links in the theory of change")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="change_link_unique",
                violation_error_message=_("These two are already linked. Choose another pair."),
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="change_link_not_to_itself",
                violation_error_message=_("Choose another element than the first one."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id}"


# --- Indicators (results) -----------------------------------------------------------------
# Their reported values live in the results app's one store (samskapa.evaluation.models.Value),
# per reporting period, reached through `catalogue`.


class Indicator(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("For example EECR01 or P1."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=IndicatorKind.choices)
    unit = models.CharField(_("unit"), max_length=20, choices=IndicatorUnit.choices)
    baseline = models.PositiveIntegerField(_("baseline"), default=0)
    target = models.PositiveIntegerField(_("target"))
    element = models.ForeignKey(
        ChangeElement,
        verbose_name=_("measures"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text=_("The outcome or output in the theory of change that the indicator measures."),
    )
    # The catalogue entry whose values this indicator shows (samskapa.evaluation): one of the
    # shared catalogue, or the project's own entry, which services.check_indicator makes.
    catalogue = models.ForeignKey(
        "evaluation.Indicator",
        verbose_name=_("catalogue indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toolkit_indicators",
        help_text=_(
            "The indicator of the results catalogue that this one is. Leave empty for an "
            "indicator of the project's own."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["code", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "code"],
                name="indicator_code_unique",
                violation_error_message=_("The project already has an indicator with this code."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


# --- Ecosystem map (ecosystem) ------------------------------------------------------------


class Actor(models.Model):
    """An organisation in the project's ecosystem; the project's own ones are added for it."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation in the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    role = models.CharField(_("role"), max_length=30, choices=ActorRole.choices)
    level = models.CharField(_("level"), max_length=10, choices=ActorLevel.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                condition=Q(organisation__isnull=False),
                name="actor_organisation_once_per_project",
                violation_error_message=_("This organisation is already on the map."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ActorRelation(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="relations_out"
    )
    target = models.ForeignKey(
        Actor, verbose_name=_("related actor"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind of relation"), max_length=20, choices=RelationKind.choices)
    strength = models.PositiveSmallIntegerField(
        _("strength"), choices=RelationStrength.choices, default=RelationStrength.MEDIUM
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="actor_relation_not_to_itself",
                violation_error_message=_("Choose another actor than the first one."),
            ),
            models.CheckConstraint(
                condition=Q(strength__gte=1, strength__lte=3),
                name="actor_relation_strength_1_3",
                violation_error_message=_("Choose a strength from the list."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} – {self.target_id}"


# --- Collaboration ------------------------------------------------------------------------


class PartnerCollaboration(models.Model):
    """How deeply the project works with one of its partner organisations (Himmelman)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(
        _("depth of collaboration"), choices=CollaborationDepth.choices
    )
    interorganisational = models.BooleanField(_("interorganisational"), default=False)
    interprofessional = models.BooleanField(_("interprofessional"), default=False)
    intersectoral = models.BooleanField(_("intersectoral"), default=False)
    contribution = models.TextField(_("what the partner contributes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("collaboration with a partner")
        verbose_name_plural = _("collaboration with partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="partner_collaboration_unique",
                violation_error_message=_(
                    "This partner is already described. Change that description instead."
                ),
            ),
            models.CheckConstraint(
                condition=Q(depth__gte=1, depth__lte=4),
                name="partner_collaboration_depth_1_4",
                violation_error_message=_("Choose a depth from the list."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.get_depth_display()}"


# --- Target-group participation -----------------------------------------------------------


def default_scale() -> str:
    return ToolkitSettings.load().participation_scale


class ParticipationProfile(models.Model):
    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="participation"
    )
    # Fixed when the profile is created, so a later change of the centre's scale does not
    # reinterpret the levels the project recorded.
    scale = models.CharField(
        _("scale"), max_length=20, choices=ParticipationScale.choices, default=default_scale
    )
    current_level = models.PositiveSmallIntegerField(_("current level"), null=True, blank=True)
    aim_level = models.PositiveSmallIntegerField(_("level we aim for"), null=True, blank=True)
    description = models.TextField(
        _("how the target group takes part"),
        blank=True,
        help_text=_("No names of participants and no health details."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        verbose_name = _("participation profile")
        verbose_name_plural = _("participation profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(current_level__isnull=True)
                | Q(current_level__gte=1, current_level__lte=MAX_SCALE_LEVEL),
                name="participation_current_level_on_scale",
                violation_error_message=_("Choose a level on the scale."),
            ),
            models.CheckConstraint(
                condition=Q(aim_level__isnull=True)
                | Q(aim_level__gte=1, aim_level__lte=MAX_SCALE_LEVEL),
                name="participation_aim_level_on_scale",
                violation_error_message=_("Choose a level on the scale."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.project_id)


class ParticipationActivity(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("activity"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level of participation"))
    participants = models.PositiveIntegerField(
        _("number of people from the target group"), null=True, blank=True
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("No names of participants and no health details.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("participation activity")
        verbose_name_plural = _("participation activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=MAX_SCALE_LEVEL),
                name="participation_activity_level_on_scale",
                violation_error_message=_("Choose a level on the scale."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


# --- Horizontal principles ----------------------------------------------------------------


class PrincipleWork(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(
        _("programme period"),
        max_length=10,
        choices=ProgrammePeriod.choices,
        default=CURRENT_PERIOD,
    )
    principle = models.CharField(_("principle"), max_length=30, choices=HorizontalPrinciple.choices)
    analysis = models.TextField(
        _("analysis"),
        blank=True,
        help_text=_("How the problem and the solution affect the principle."),
    )
    actions = models.TextField(_("actions"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PrincipleStatus.choices,
        default=PrincipleStatus.NOT_STARTED,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        ordering = ["period", "principle"]
        verbose_name = _("work with a horizontal principle")
        verbose_name_plural = _("work with the horizontal principles")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period", "principle"],
                name="principle_work_unique",
                violation_error_message=_(
                    "This principle is already described. Change that description instead."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.get_principle_display()


# --- Sustainability plan (results) --------------------------------------------------------


class SustainabilityPlan(models.Model):
    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="sustainability_plan",
    )
    takeover = models.TextField(
        _("who takes over what"),
        blank=True,
        help_text=_("Which organisation runs which part of the solution after the project."),
    )
    implementation = models.TextField(_("how the results are implemented"), blank=True)
    dissemination = models.TextField(_("how the results are spread"), blank=True)
    risks = models.TextField(_("risks and how they are handled"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(**HISTORY)

    class Meta:
        verbose_name = _("sustainability plan")
        verbose_name_plural = _("sustainability plans")

    def __str__(self) -> str:
        return str(self.project_id)


# --- Focus-area self-assessment -----------------------------------------------------------


class SelfAssessment(models.Model):
    """The project's own rating of the five focus areas on one date (repeatable)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessed_on = models.DateField(_("date"))
    context = models.CharField(
        _("occasion"),
        max_length=200,
        blank=True,
        help_text=_("For example: before the coalition meeting in March."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        indexes = [models.Index(fields=["project", "-assessed_on", "-id"])]

    def __str__(self) -> str:
        return f"{self.project_id} {self.assessed_on}"

    def get_absolute_url(self) -> str:
        return reverse("toolkit:self-assessment", args=[self.project_id])


class SelfAssessmentRating(models.Model):
    assessment = models.ForeignKey(
        SelfAssessment,
        verbose_name=_("self-assessment"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    focus_area = models.CharField(_("focus area"), max_length=20, choices=FocusArea.choices)
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assessment", "focus_area"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "focus_area"],
                name="self_assessment_rating_unique",
                violation_error_message=_("Rate every focus area once."),
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="self_assessment_rating_1_5",
                violation_error_message=_("The rating must be a whole number from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focus_area}: {self.rating}"
