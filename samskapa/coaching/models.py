"""Coaching of granted projects: coach assignments, sessions, notes and agreed actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Project


class CoachAssignment(models.Model):
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="coach_assignments",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.CASCADE,
        related_name="coaching_assignments",
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        ordering = ["project__number", "coach__name"]
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        constraints = [
            models.UniqueConstraint(fields=["project", "coach"], name="coach_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.coach} → {self.project.number}"


class Session(models.Model):
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="coaching_sessions",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="coaching_sessions",
    )
    starts_at = models.DateTimeField(_("date and time"))
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        indexes = [models.Index(fields=["project", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.project.number} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("coaching:session-detail", args=[self.pk])

    def focus_area_labels(self) -> list[str]:
        return [str(FocusArea(v).label) for v in self.focus_areas if v in FocusArea.values]


class Note(models.Model):
    """A coaching note. PRIVATE notes never reach the project: every read goes through
    selectors that filter on visibility for anyone who is not the coach or an admin."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"))
    visibility = models.CharField(
        _("who may read it"), max_length=10, choices=NoteVisibility.choices
    )
    is_lesson = models.BooleanField(
        _("a lesson learned for the register"),
        default=False,
        help_text=_("Only shared notes. The centre's lessons register shows it to centre staff."),
    )
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="coaching_notes",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("coaching note")
        verbose_name_plural = _("coaching notes")
        constraints = [
            # A private note is never a lesson: the register is read beyond the coach.
            models.CheckConstraint(
                condition=models.Q(is_lesson=False) | models.Q(visibility=NoteVisibility.SHARED),
                name="coaching_note_lesson_is_shared",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_visibility_display()} ({self.pk})"

    @property
    def is_private(self) -> bool:
        return self.visibility == NoteVisibility.PRIVATE

    def focus_area_labels(self) -> list[str]:
        return [str(FocusArea(v).label) for v in self.focus_areas if v in FocusArea.values]


class Action(models.Model):
    """An action agreed at a session. `reminded_at` makes the due-date reminder go out once."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="actions"
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="coaching_actions",
    )
    text = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coaching_actions",
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN
