"""Who may do what with accounts and organisations. Deny by default: no rule, no access."""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.enums import CENTRE_TEAM_ROLES, StaffRole


@rules.predicate
def is_centre_staff(user: Any) -> bool:
    return bool(getattr(user, "staff_role", ""))


def has_role(*roles: str) -> Any:
    name = "has_role:" + ",".join(roles)

    @rules.predicate(name)
    def predicate(user: Any) -> bool:
        return getattr(user, "staff_role", "") in roles

    return predicate


is_admin = has_role(StaffRole.ADMIN)
is_process_leader = has_role(StaffRole.PROCESS_LEADER)
is_coach = has_role(StaffRole.COACH)
is_evaluator = has_role(StaffRole.EVALUATOR)
is_funder = has_role(StaffRole.FUNDER)
# The centre's own working staff: everyone with a staff role except the funder, who reads only.
is_centre_team = has_role(*CENTRE_TEAM_ROLES)

rules.add_perm("core.view_dashboard", rules.is_authenticated)
rules.add_perm("accounts.view_profile", rules.is_authenticated)
rules.add_perm("accounts.view_own_data", rules.is_authenticated)
rules.add_perm("accounts.view_organisation", is_centre_staff)
rules.add_perm("accounts.add_organisation", is_admin)
rules.add_perm("accounts.change_organisation", is_admin)
rules.add_perm("core.view_auditevent", is_admin)
# The people page: the list of accounts, inviting staff, staff roles, (de)activation.
rules.add_perm("accounts.manage_people", is_admin)
