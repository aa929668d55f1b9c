"""Contact requests between projects (docs/connect.md, "Contact between projects")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskapa.connect.enums import RequestStatus
from samskapa.projects.models import Project

MESSAGE_MAX_LENGTH = 2000


class ContactRequest(models.Model):
    """A message from one project to another. The receiving project's leads accept or decline
    it; only an accepted request shows each side the other's contact details."""

    from_project = models.ForeignKey(
        Project,
        verbose_name=_("from project"),
        on_delete=models.CASCADE,
        related_name="contact_requests_sent",
    )
    to_project = models.ForeignKey(
        Project,
        verbose_name=_("to project"),
        on_delete=models.CASCADE,
        related_name="contact_requests_received",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_project=F("to_project")),
                name="contact_request_not_to_itself",
            ),
            # One open or accepted request from a project to another at a time.
            models.UniqueConstraint(
                fields=["from_project", "to_project"],
                condition=Q(status__in=["pending", "accepted"]),
                name="contact_request_one_live_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_project_id} → {self.to_project_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("connect:request-detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING

    @property
    def is_accepted(self) -> bool:
        return self.status == RequestStatus.ACCEPTED

    def other_project(self, project: Project) -> Project:
        """The project on the other side from `project`."""
        return self.to_project if project.pk == self.from_project_id else self.from_project


class Counterpart(models.Model):
    """A staff-kept link from a public case to its counterpart in the European catalogue (the
    same innovation, or its model, in Social Innovation Match or Kohesio). Shown on the public
    case page with the initiative's address in its source."""

    case = models.ForeignKey(
        "showcase.Case",
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        related_name="counterparts",
    )
    initiative = models.ForeignKey(
        "europe.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="counterparts",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        ordering = ["case", "initiative__title", "pk"]
        verbose_name = _("counterpart in Europe")
        verbose_name_plural = _("counterparts in Europe")
        constraints = [
            models.UniqueConstraint(fields=["case", "initiative"], name="counterpart_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.initiative}"
