"""Who may find, contact and answer other projects (docs/connect.md, "Privacy rules").

- Projects like this one: whoever may see the project (`projects.view_project`).
- A project's *card* (number, name, owner, call, region, target-group categories and public
  summary: what the ESF Council's project bank publishes anyway) is visible to centre staff
  and to members of any project, so projects can find each other. Everything else about
  another project (its profile texts, toolkit, members) still follows `projects.view_project`.
- Contact requests: members of the sending project send; the receiving project's leads answer;
  only the members of the two projects see a request.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_centre_staff
from samskapa.projects.rules import has_any_membership, is_project_lead, is_project_member
from samskapa.showcase.rules import is_reviewer


@rules.predicate
def may_view_project(user: Any, project: Any) -> bool:
    # Through the permission, so that what widens `projects.view_project` widens this too.
    return bool(project is not None and user.has_perm("projects.view_project", project))


@rules.predicate
def is_member_of_either_side(user: Any, request: Any) -> bool:
    if request is None:
        return False
    return bool(
        is_project_member(user, request.from_project) or is_project_member(user, request.to_project)
    )


@rules.predicate
def is_lead_of_receiver(user: Any, request: Any) -> bool:
    return request is not None and bool(is_project_lead(user, request.to_project))


@rules.predicate
def is_pending(user: Any, request: Any) -> bool:
    return request is not None and request.is_pending


@rules.predicate
def is_accepted(user: Any, request: Any) -> bool:
    return request is not None and request.is_accepted


rules.add_perm("connect.view_similar", may_view_project)
rules.add_perm("connect.view_project_cards", is_centre_staff | has_any_membership)
rules.add_perm("connect.send_request", is_project_member)  # object: the sending project
rules.add_perm("connect.list_requests", is_project_member)  # object: the project
rules.add_perm("connect.view_request", is_member_of_either_side)
rules.add_perm("connect.answer_request", is_lead_of_receiver & is_pending)
rules.add_perm("connect.add_to_map", is_member_of_either_side & is_accepted)

# Counterparts in Europe: kept by the staff who review public cases.
rules.add_perm("connect.link_counterparts", is_reviewer)
