"""Who may do what in the showcase (docs/showcase.md).

- Everyone, logged in or not, reads published cases, their published spread records and the
  open data. Nothing unpublished is shown outside the project and the centre staff.
- The project's lead prepares the public case (drafts, edits, submits with a licence) and may
  withdraw it; the project's members read the case workspace. The admin may do what the lead
  does (as with every project's data: the admin is a superuser).
- The admin and the process leaders review: they publish a submitted version or return it,
  and may withdraw a published case. (The same two roles run the project portfolio.)
- The project's members (and the admin) keep its spread records; the centre staff and the funder read them and
  the spread dashboard.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_centre_staff, is_process_leader
from samskapa.projects.rules import is_project_lead, is_project_member
from samskapa.showcase.models import Case, CaseVersion, SpreadRecord


def _project(obj: Any) -> Any:
    """Cases, versions and spread records are checked through their project."""
    if isinstance(obj, CaseVersion):
        return obj.case.project
    if isinstance(obj, Case | SpreadRecord):
        return obj.project
    return obj


@rules.predicate
def leads_project(user: Any, obj: Any) -> bool:
    return bool(is_project_lead(user, _project(obj)))


@rules.predicate
def in_project(user: Any, obj: Any) -> bool:
    return bool(is_project_member(user, _project(obj)))


@rules.predicate
def is_public_version(user: Any, obj: Any) -> bool:
    return obj is not None and obj.case.public_version_id == obj.pk


is_reviewer = is_admin | is_process_leader

rules.add_perm("showcase.view_case_workspace", in_project | is_centre_staff)
rules.add_perm("showcase.prepare_case", leads_project | is_admin)
rules.add_perm("showcase.withdraw_case", leads_project | is_reviewer)
rules.add_perm("showcase.review_cases", is_reviewer)
rules.add_perm("showcase.view_version", is_public_version | in_project | is_centre_staff)
rules.add_perm("showcase.view_spread", in_project | is_centre_staff)
rules.add_perm("showcase.change_spread", in_project | is_admin)
rules.add_perm("showcase.view_spread_dashboard", is_centre_staff)
