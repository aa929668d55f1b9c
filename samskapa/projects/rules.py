"""Who may do what with calls and projects.

Predicates take (user, project) and compose with `|` and `&`. Later apps widen project access
by OR-ing their own predicates into the permissions they need, for example::

    rules.set_perm("projects.view_project", is_project_member | is_centre_staff | is_coach_of)

so keep each predicate about one relation and free of side effects.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_centre_staff
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import ProjectMember


def _member_roles(user: Any, project: Any) -> set[str]:
    """The person's roles in the project, cached on the user for the request."""
    if project is None or not getattr(user, "is_authenticated", False):
        return set()
    cache: dict[int, set[str]] = user.__dict__.setdefault("_project_roles", {})
    if project.pk not in cache:
        cache[project.pk] = set(
            ProjectMember.objects.filter(project_id=project.pk, user_id=user.pk).values_list(
                "role", flat=True
            )
        )
    return cache[project.pk]


@rules.predicate
def is_project_member(user: Any, project: Any) -> bool:
    return bool(_member_roles(user, project))


@rules.predicate
def is_project_lead(user: Any, project: Any) -> bool:
    return MemberRole.LEAD in _member_roles(user, project)


@rules.predicate
def has_any_membership(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False

    return ProjectMember.objects.filter(user_id=user.pk).exists()


rules.add_perm("projects.list_projects", is_centre_staff | has_any_membership)
rules.add_perm("projects.view_project", is_centre_staff | is_project_member)
rules.add_perm("projects.change_project", is_admin | is_project_member)
rules.add_perm("projects.invite_member", is_admin | is_project_lead)
rules.add_perm("projects.view_call", is_centre_staff)
rules.add_perm("projects.add_call", is_admin)
rules.add_perm("projects.change_call", is_admin)
rules.add_perm("projects.import_projects", is_admin)
rules.add_perm("projects.export_projects", is_centre_staff)
