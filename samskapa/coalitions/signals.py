"""A member who leaves a project in a coalition no longer sees the coalition's calendar link:
the link is replaced (samskapa.coalitions.services.replace_calendar_links). The projects app
does not know coalitions, so the coalitions app listens to its members leaving, whichever way
(removal by a lead, erasure of the person)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from samskapa.coalitions.models import CoalitionProject
from samskapa.coalitions.services import replace_calendar_links
from samskapa.projects.models import ProjectMember


@receiver(post_delete, sender=ProjectMember)
def member_left_project(sender: Any, instance: ProjectMember, **kwargs: Any) -> None:
    replace_calendar_links(
        coalition_ids=CoalitionProject.objects.filter(project_id=instance.project_id).values_list(
            "coalition_id", flat=True
        )
    )
