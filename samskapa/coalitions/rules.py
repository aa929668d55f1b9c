"""Who may do what with coalitions and their meetings.

Admins see and manage everything. A process leader edits the coalitions they lead (meetings,
invitations, attendance, documentation); the rest of the centre team reads. Project members
read their own coalition's pages and write their own project's reflections; another
coalition answers 404. Predicates take a Coalition or anything with a `coalition`.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_centre_team
from samskapa.coalitions.models import Coalition, CoalitionProject


def _coalition_id(obj: Any) -> int | None:
    if obj is None:
        return None
    return getattr(obj, "coalition_id", None) or getattr(obj, "pk", None)


@rules.predicate
def leads_coalition(user: Any, obj: Any) -> bool:
    coalition_id = _coalition_id(obj)
    if coalition_id is None or not getattr(user, "is_authenticated", False):
        return False
    cache: dict[int, bool] = user.__dict__.setdefault("_leads_coalition", {})
    if coalition_id not in cache:
        cache[coalition_id] = Coalition.objects.filter(
            pk=coalition_id, process_leaders=user.pk
        ).exists()
    return cache[coalition_id]


@rules.predicate
def is_coalition_member(user: Any, obj: Any) -> bool:
    """A member of one of the coalition's projects."""
    coalition_id = _coalition_id(obj)
    if coalition_id is None or not getattr(user, "is_authenticated", False):
        return False
    cache: dict[int, bool] = user.__dict__.setdefault("_coalition_member", {})
    if coalition_id not in cache:
        cache[coalition_id] = CoalitionProject.objects.filter(
            coalition_id=coalition_id, project__members__user_id=user.pk
        ).exists()
    return cache[coalition_id]


@rules.predicate
def has_coalition(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False

    return CoalitionProject.objects.filter(project__members__user_id=user.pk).exists()


rules.add_perm("coalitions.list_coalitions", is_centre_team | has_coalition)
rules.add_perm("coalitions.add_coalition", is_admin)
rules.add_perm("coalitions.view_lessons", is_centre_team)
# Object permissions on a coalition or a meeting.
rules.add_perm("coalitions.view_coalition", is_centre_team | is_coalition_member)
rules.add_perm("coalitions.change_coalition", is_admin)
rules.add_perm("coalitions.manage_meetings", is_admin | leads_coalition)
rules.add_perm("coalitions.reflect", is_admin | leads_coalition | is_coalition_member)
