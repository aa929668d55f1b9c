"""Who may read and change a project's development tools.

Reading follows the project: `projects.view_project` (its members and every centre staff
role: admin, process leader, coach, evaluator, funder). Changing is for the project's members
only; the centre reads and comments elsewhere (coaching, coalitions), it does not edit a
project's own thinking. Both permissions take the Project as object.
"""

from __future__ import annotations

import rules

from samskapa.projects.rules import is_project_member

rules.add_perm("toolkit.change_tool", is_project_member)
