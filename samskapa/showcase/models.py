"""Public innovation cases (docs/showcase.md).

A `Case` belongs to one project and points at the version the public sees
(`public_version`, empty until the first publication and after a withdrawal). Every
`CaseVersion` is a full copy of the case's texts and register fields: the project lead edits a
draft, submits it with a licence, and centre staff publish it or return it. A published version
is never edited again; a later change to the project or its toolkit reaches the public only as a
new version that has been reviewed in turn.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import NutsRegion, Region
from samskapa.core.enums import FocusArea
from samskapa.projects.enums import ParticipantCategory, Phase
from samskapa.projects.models import Project
from samskapa.showcase.enums import (
    LICENCE_URLS,
    SCALING_OF,
    Instrument,
    InterventionType,
    Licence,
    Scaling,
    SpreadKind,
    SpreadLevel,
    SpreadStatus,
    VersionStatus,
)

# The case's texts: each exists in Swedish (the field) and English (`<field>_en`). The last four
# carry the EU Social Innovation Match's validation headings (see SIM_HEADINGS).
TEXT_FIELDS = (
    "title",
    "summary",
    "problem",
    "target_group",
    "approach",
    "co_creation",
    "results",
    "scaling",
)
# Register fields copied from the project, so the case can be exported to the ESF Council's
# project bank and Kohesio without retyping.
REGISTER_FIELDS = (
    "project_number",
    "owner_name",
    "owner_org_number",
    "call_reference",
    "programme_area",
    "specific_objective",
    "region",
    "nuts_region",
    "intervention_type",
    "phase",
    "start",
    "end",
    "total_budget",
    "cofinancing_rate",
)
PICTURE_FIELDS = (
    "picture",
    "picture_type",
    "picture_credit",
    "picture_alt",
    "picture_alt_en",
    "picture_rights_confirmed",
    "picture_consent_confirmed",
)
# Everything a new version copies from the version before it.
COPIED_FIELDS = (
    *TEXT_FIELDS,
    *(f"{name}_en" for name in TEXT_FIELDS),
    *REGISTER_FIELDS,
    *PICTURE_FIELDS,
    "focus_areas",
    "target_groups",
    "links",
    "licence",
)


class CaseQuerySet(models.QuerySet["Case"]):
    def public(self) -> CaseQuerySet:
        return self.filter(public_version__isnull=False)


class Case(models.Model):
    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="case"
    )
    public_version = models.OneToOneField(
        "CaseVersion",
        verbose_name=_("published version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["project__number"]
        verbose_name = _("public case")
        verbose_name_plural = _("public cases")

    def __str__(self) -> str:
        return str(self.project)

    def get_absolute_url(self) -> str:
        return reverse("showcase:case-detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.public_version_id is not None


class CaseVersion(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )

    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=600)
    summary_en = models.TextField(_("summary in English"), max_length=600, blank=True)
    problem = models.TextField(_("scope of the problem"), blank=True)
    problem_en = models.TextField(_("scope of the problem in English"), blank=True)
    target_group = models.TextField(_("who it is for"), blank=True)
    target_group_en = models.TextField(_("who it is for in English"), blank=True)
    approach = models.TextField(_("approach and methodology"), blank=True)
    approach_en = models.TextField(_("approach and methodology in English"), blank=True)
    co_creation = models.TextField(_("how it was co-created with the target group"), blank=True)
    co_creation_en = models.TextField(
        _("how it was co-created with the target group in English"), blank=True
    )
    results = models.TextField(_("key results and benefits"), blank=True)
    results_en = models.TextField(_("key results and benefits in English"), blank=True)
    scaling = models.TextField(_("potential for scaling and transfer"), blank=True)
    scaling_en = models.TextField(_("potential for scaling and transfer in English"), blank=True)

    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)

    project_number = models.CharField(_("project number (diarienummer)"), max_length=10)
    owner_name = models.CharField(_("project owner"), max_length=250)
    owner_org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    call_reference = models.CharField(_("call"), max_length=30, blank=True)
    programme_area = models.CharField(_("programme area"), max_length=2, default="E")
    specific_objective = models.CharField(_("specific objective"), max_length=10, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    nuts_region = models.CharField(
        _("NUTS-2 region"), max_length=4, choices=NutsRegion.choices, blank=True
    )
    intervention_type = models.CharField(
        _("intervention type"), max_length=20, choices=InterventionType.choices, blank=True
    )
    phase = models.CharField(_("status"), max_length=20, choices=Phase.choices, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    total_budget = models.DecimalField(
        _("total budget (SEK)"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    cofinancing_rate = models.DecimalField(
        _("EU co-financing rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )

    picture = models.FileField(_("picture"), upload_to="showcase/pictures/", blank=True)
    picture_type = models.CharField(max_length=20, blank=True, editable=False)
    picture_credit = models.CharField(_("copyright line"), max_length=200, blank=True)
    picture_alt = models.CharField(_("description of the picture"), max_length=250, blank=True)
    picture_alt_en = models.CharField(
        _("description of the picture in English"), max_length=250, blank=True
    )
    picture_rights_confirmed = models.BooleanField(_("right to publish confirmed"), default=False)
    picture_consent_confirmed = models.BooleanField(
        _("consent of the people shown confirmed"), default=False
    )

    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_4_0
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(_("note from the review"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["case", "-number"]
        verbose_name = _("case version")
        verbose_name_plural = _("case versions")
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="case_version_number_unique"),
            models.CheckConstraint(
                condition=models.Q(picture="")
                | models.Q(picture_rights_confirmed=True, picture_consent_confirmed=True),
                name="case_picture_confirmed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_number} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def is_in_review(self) -> bool:
        return self.status == VersionStatus.REVIEW

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED

    @property
    def cofinancing_number(self) -> int | Decimal | None:
        """The co-financing rate without trailing zeros (60, 62.5) for people to read."""
        rate = self.cofinancing_rate
        if rate is None:
            return None
        return int(rate) if rate == int(rate) else rate.quantize(Decimal("0.1"))

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(Licence(self.licence), "") if self.licence else ""

    def text(self, name: str, language: str | None = None) -> str:
        """The text `name` in `language` (the page's by default): English where written,
        otherwise the Swedish."""
        language = language or translation.get_language() or "sv"
        if language.startswith("en"):
            english = getattr(self, f"{name}_en", "")
            if english:
                return str(english)
        return str(getattr(self, name))

    def text_language(self, name: str) -> str:
        """The language the text `name` is shown in on the current page (for `lang`)."""
        language = translation.get_language() or "sv"
        if language.startswith("en") and str(getattr(self, f"{name}_en", "") or ""):
            return "en"
        return "sv"

    def focus_area_labels(self) -> list[str]:
        return _labels(FocusArea, self.focus_areas)

    def target_group_labels(self) -> list[str]:
        return _labels(ParticipantCategory, self.target_groups)


class SpreadRecord(models.Model):
    """One step in how a project's innovation spreads: who adopted what, at which level, with
    which instrument, and how far it has come. Kept by the project's members; a published
    record shows on the public case page and in the open data."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="spread_records"
    )
    kind = models.CharField(_("kind of spread"), max_length=20, choices=SpreadKind.choices)
    # Follows from `kind` (enums.SCALING_OF), stored so that lists and counts can group by it.
    scaling = models.CharField(
        _("way of scaling"), max_length=10, choices=Scaling.choices, editable=False
    )
    organisation = models.CharField(_("adopting organisation"), max_length=250)
    level = models.CharField(_("level"), max_length=20, choices=SpreadLevel.choices)
    instrument = models.CharField(
        _("instrument"), max_length=20, choices=Instrument.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=SpreadStatus.choices)
    date = models.DateField(_("date"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    description_en = models.TextField(_("description in English"), max_length=1000, blank=True)
    published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("spread record")
        verbose_name_plural = _("spread records")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.scaling = SCALING_OF[SpreadKind(self.kind)]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "kind" in update_fields:
            kwargs["update_fields"] = {*update_fields, "scaling"}
        super().save(*args, **kwargs)

    @property
    def is_still_applied(self) -> bool:
        return self.status == SpreadStatus.STILL_APPLIED

    def text(self, language: str | None = None) -> str:
        language = language or translation.get_language() or "sv"
        if language.startswith("en") and self.description_en:
            return self.description_en
        return self.description


def _labels(choices: Any, keys: list[str]) -> list[str]:
    wanted = set(keys or [])
    return [str(label) for value, label in choices.choices if value in wanted]
