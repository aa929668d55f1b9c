"""Who may do what in the knowledge bank.

- Everyone, logged in or not, reads published material and its attachments, and may say
  whether a material was helpful.
- The centre team (admin, process leader, coach, evaluator) authors: creates materials, edits
  drafts and materials in review, sends them to review, uploads attachments, reads the version
  history, the feedback and the view counts. Unpublished material is visible only to them.
- Only the admin publishes, sends a material in review back to draft, withdraws a published
  material, and edits a published material (so what the public reads has had a second pair of
  eyes on it).
- The funder and project members read what the public reads.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_centre_team
from samskapa.library.enums import Status


def _material(obj: Any) -> Any:
    # Attachments and feedback are checked through their material.
    return getattr(obj, "material", obj)


@rules.predicate
def is_published(user: Any, obj: Any) -> bool:
    return obj is not None and _material(obj).status == Status.PUBLISHED


@rules.predicate
def is_in_review(user: Any, obj: Any) -> bool:
    return obj is not None and _material(obj).status == Status.REVIEW


@rules.predicate
def is_draft(user: Any, obj: Any) -> bool:
    return obj is not None and _material(obj).status == Status.DRAFT


rules.add_perm("library.view_material", is_published | is_centre_team)
rules.add_perm("library.download_attachment", is_published | is_centre_team)
rules.add_perm("library.add_material", is_centre_team)
rules.add_perm("library.change_material", is_centre_team & (~is_published | is_admin))
rules.add_perm("library.submit_material", is_centre_team & is_draft)
rules.add_perm("library.publish_material", is_admin & (is_in_review | is_draft))
rules.add_perm("library.return_material", is_admin & is_in_review)
rules.add_perm("library.withdraw_material", is_admin & is_published)
rules.add_perm("library.view_history", is_centre_team)
rules.add_perm("library.view_feedback", is_centre_team)
# Without an object: may this person publish at all (the admin's workflow pages).
rules.add_perm("library.publish_materials", is_admin)
