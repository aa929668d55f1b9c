"""Coalitions of granted projects, their meetings, attendance, documentation and reflections."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskapa.coalitions.enums import FollowUpStatus, ReflectionTiming
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Call, Project


def new_token() -> str:
    """256 random bits, URL-safe: a calendar feed link nobody can guess."""
    return secrets.token_urlsafe(32)


class Coalition(models.Model):
    """A process-supporting coalition: the granted projects of one call (or a theme in it)."""

    name = models.CharField(_("name"), max_length=200)
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="coalitions"
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    process_leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("process leaders"),
        related_name="led_coalitions",
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coalitions:coalition-detail", args=[self.pk])


class CoalitionProject(models.Model):
    """A project's place in a coalition. One coalition per project: moving it is an update."""

    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE, related_name="members"
    )
    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="coalition_membership",
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["project__number"]
        verbose_name = _("project in a coalition")
        verbose_name_plural = _("projects in coalitions")

    def __str__(self) -> str:
        return f"{self.project.number} → {self.coalition}"


class Meeting(models.Model):
    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("theme of the meeting"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # Documentation, written afterwards.
    notes = models.TextField(_("notes"), blank=True)
    key_insights = models.TextField(_("key insights"), blank=True)
    documented_at = models.DateTimeField(_("documented"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    # RFC 5545: a calendar replaces an event when the same UID comes with a higher SEQUENCE.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
            # People need to know where to go: a place, a link, or both.
            models.CheckConstraint(
                condition=~models.Q(place="", online_link=""), name="meeting_has_place_or_link"
            ),
        ]
        indexes = [models.Index(fields=["coalition", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coalitions:meeting-detail", args=[self.pk])

    @property
    def is_planned(self) -> bool:
        """Not started yet (the same rule as `selectors.planned`): invitations make sense."""
        return self.starts_at >= timezone.now()

    @property
    def has_ended(self) -> bool:
        """Over: what is left to do is attendance and documentation, not invitations."""
        return self.ends_at < timezone.now()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=250)
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def focus_area_labels(self) -> list[str]:
        return focus_labels(self.focus_areas)


class Attendance(models.Model):
    """Who took part, and for which project (blank for the centre's staff)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_attendance",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_attendance",
    )

    class Meta:
        ordering = ["project__number", "user__name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="attendance_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class Lesson(models.Model):
    """A lesson learned at a meeting, tagged with focus areas and the projects it comes from."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="lessons"
    )
    text = models.TextField(_("lesson learned"))
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), blank=True, related_name="meeting_lessons"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_lessons",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.text[:60]

    def focus_area_labels(self) -> list[str]:
        return focus_labels(self.focus_areas)


class FollowUp(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    text = models.CharField(_("follow-up action"), max_length=300)
    owner = models.CharField(
        _("responsible"),
        max_length=150,
        blank=True,
        help_text=_("A role or an organisation is enough, for example “the process leader”."),
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_follow_ups",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == FollowUpStatus.OPEN

    @property
    def toggled_status(self) -> str:
        """The status its one button sets: done when open, open again when done."""
        return FollowUpStatus.DONE if self.is_open else FollowUpStatus.OPEN


class Reflection(models.Model):
    """A project's own reflection before or after a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="reflections"
    )
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reflections"
    )
    timing = models.CharField(_("when"), max_length=10, choices=ReflectionTiming.choices)
    text = models.TextField(_("reflection"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_reflections",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["meeting__starts_at", "project__number", "timing"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "project", "timing"], name="reflection_once_per_timing"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project.number}: {self.meeting}"


class CalendarFeed(models.Model):
    """A person's secret calendar link: their coalition meetings and coaching sessions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)


def focus_labels(values: list[str]) -> list[str]:
    return [str(FocusArea(v).label) for v in values if v in FocusArea.values]
