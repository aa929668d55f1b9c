from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.accounts.enums import NutsRegion, Region, nuts_region_of
from samskapa.accounts.models import Organisation
from samskapa.core.enums import ProcessElement
from samskapa.projects.enums import (
    CallType,
    MemberRole,
    OrganisationRole,
    ParticipantCategory,
    Phase,
)
from samskapa.projects.validators import validate_project_number

INVITATION_DAYS = 14


class Call(models.Model):
    """A call for applications (utlysning) announced by the Swedish ESF Council."""

    reference = models.CharField(
        _("reference number"),
        max_length=30,
        unique=True,
        help_text=_("The ESF Council's reference number (diarienummer), e.g. 2023/00123."),
    )
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("title in English"), max_length=250, blank=True)
    programme_area = models.CharField(_("programme area"), max_length=2, default="E")
    specific_objective = models.CharField(_("specific objective"), max_length=10, blank=True)
    national = models.BooleanField(_("national call"), default=True)
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("Only for a regional call."),
    )
    call_type = models.CharField(
        _("call type"), max_length=20, choices=CallType.choices, default=CallType.IMPLEMENTATION
    )
    opens = models.DateField(_("opens"), null=True, blank=True)
    closes = models.DateField(_("closes"), null=True, blank=True)
    earliest_start = models.DateField(_("earliest project start"), null=True, blank=True)
    latest_start = models.DateField(_("latest project start"), null=True, blank=True)
    max_duration_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), null=True, blank=True
    )
    amount_announced = models.DecimalField(
        _("amount announced (SEK)"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    theme = models.TextField(_("theme"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-opens", "reference"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(national=True, region="") | models.Q(national=False),
                name="call_national_has_no_region",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("projects:call-detail", args=[self.pk])


class Project(models.Model):
    """A granted ESF+ project and its social innovation profile.

    The profile texts are written by the project in one language (usually Swedish); only the
    public summary exists in both languages because it is shown on the public site.
    """

    number = models.CharField(
        _("project number"),
        max_length=10,
        unique=True,
        validators=[validate_project_number],
        help_text=_("YY-NNN-Sxx, for example 23-012-S01."),
    )
    name = models.CharField(_("name"), max_length=250)
    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("project owner"),
        on_delete=models.PROTECT,
        related_name="owned_projects",
    )
    programme_area = models.CharField(_("programme area"), max_length=2, default="E")
    specific_objective = models.CharField(_("specific objective"), max_length=10, blank=True)
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.IMPLEMENTATION
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    granted_support = models.DecimalField(
        _("granted ESF support (SEK)"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    total_budget = models.DecimalField(
        _("total budget (SEK)"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    cofinancing_rate = models.DecimalField(
        _("EU co-financing rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    nuts_region = models.CharField(
        _("NUTS-2 region (riksområde)"),
        max_length=4,
        choices=NutsRegion.choices,
        blank=True,
        help_text=_("Set from the county when a county is given."),
    )
    planned_participants = models.PositiveIntegerField(
        _("planned number of participants"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # The social innovation profile.
    challenge = models.TextField(_("societal challenge"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    innovation = models.TextField(_("the innovation: what is new"), blank=True)
    novelty = models.JSONField(_("kind of novelty"), default=list, blank=True)
    process_element = models.CharField(
        _("where the project stands in the process"),
        max_length=20,
        choices=ProcessElement.choices,
        blank=True,
    )
    expected_results = models.TextField(_("expected results"), blank=True)
    summary = models.TextField(_("public summary"), blank=True)
    summary_en = models.TextField(_("public summary in English"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["number"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A county implies its NUTS-2 region (samskapa/accounts/enums.py, COUNTY_NUTS2).
        if self.region:
            self.nuts_region = nuts_region_of(self.region)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "region" in update_fields:
                kwargs["update_fields"] = {*update_fields, "nuts_region"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("projects:project-detail", args=[self.pk])


# The social innovation profile: what a project tells about its innovation (the form, the
# "profile complete?" panel).
PROFILE_FIELDS = (
    "challenge",
    "target_group",
    "innovation",
    "novelty",
    "process_element",
    "expected_results",
    "summary",
)


class ProjectOrganisation(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=OrganisationRole.choices)

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("organisation in a project")
        verbose_name_plural = _("organisations in projects")
        constraints = [
            # An organisation may hold several roles (co-financer and steering group), each once.
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="project_organisation_role_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"

    @property
    def is_owner(self) -> bool:
        return self.role == OrganisationRole.OWNER


class ProjectMember(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="project_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["role", "user__name"]
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role == MemberRole.LEAD


def project_field_label(name: str) -> str:
    """The translated name of a Project field, for timelines and import previews."""
    return str(getattr(Project._meta.get_field(name), "verbose_name", name))


def invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """An e-mailed, unguessable link (≥ 128 bits) that makes the holder a project member."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="project_invitations_sent",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.project.number}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class TargetGroupCount(models.Model):
    """Planned participants per ESF+ category: an aggregate, never a list of people."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="target_counts"
    )
    category = models.CharField(
        _("participant category"), max_length=30, choices=ParticipantCategory.choices
    )
    count = models.PositiveIntegerField(_("number of participants"))

    class Meta:
        ordering = ["category"]
        verbose_name = _("target-group count")
        verbose_name_plural = _("target-group counts")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "category"], name="target_group_count_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.count}"
