"""Who may do what in coaching.

The admin assigns coaches. A coach sees and edits the coaching of the projects assigned to
them, and nothing else (other projects answer 404). Project members see the *shared* parts
of their own project's coaching; private notes are for the assigned coach and the admin only.
Predicates take (user, project) or (user, session), so one rule serves both.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_coach
from samskapa.coaching.models import CoachAssignment
from samskapa.projects.rules import is_project_member


def _project(obj: Any) -> Any:
    return getattr(obj, "project", obj)


@rules.predicate
def is_coach_of(user: Any, obj: Any) -> bool:
    project = _project(obj)
    if project is None or not getattr(user, "is_authenticated", False):
        return False
    cache: dict[int, bool] = user.__dict__.setdefault("_coach_of", {})
    if project.pk not in cache:
        cache[project.pk] = CoachAssignment.objects.filter(
            project_id=project.pk, coach_id=user.pk
        ).exists()
    return cache[project.pk]


@rules.predicate
def is_member_of_project(user: Any, obj: Any) -> bool:
    return bool(is_project_member(user, _project(obj)))


@rules.predicate
def has_coaching_assignment(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False

    return CoachAssignment.objects.filter(coach_id=user.pk).exists()


# The coach's overview and the navigation entry "Coaching".
rules.add_perm("coaching.view_overview", is_admin | is_coach)
rules.add_perm("coaching.assign_coach", is_admin)
# Object permissions on a project or a session.
rules.add_perm("coaching.view_coaching", is_admin | is_coach_of | is_member_of_project)
rules.add_perm("coaching.change_coaching", is_admin | is_coach_of)
rules.add_perm("coaching.view_private_notes", is_admin | is_coach_of)
# Members report progress on their own project's actions.
rules.add_perm("coaching.change_action_status", is_admin | is_coach_of | is_member_of_project)
