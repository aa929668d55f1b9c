"""Who may do what with the European catalogue.

- Everyone, logged in or not, reads the catalogue of initiatives and the directory of
  competence centres (public pages and the public API).
- Only the admin imports initiatives and keeps the directory of competence centres.
"""

from __future__ import annotations

import rules

from samskapa.accounts.rules import is_admin

rules.add_perm("europe.import_initiatives", is_admin)
rules.add_perm("europe.manage_centres", is_admin)
rules.add_perm("europe.view_initiative", rules.always_allow)
