"""Who may do what at the conference. Deny by default: no rule, no access.

Organising (registrations, needs, check-in, review decisions, programme) is for the centre's
administrators. Reviewing is for centre-team members assigned to an input. Participants and
submitters have no account: their pages are reached through unguessable tokens instead.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import is_admin, is_centre_team
from samskapa.conference.models import Review


@rules.predicate
def is_own_review(user: Any, review: Any) -> bool:
    return review is not None and review.reviewer_id == user.pk


@rules.predicate
def has_review_assignments(user: Any) -> bool:

    return bool(user.pk) and Review.objects.filter(reviewer_id=user.pk).exists()


@rules.predicate
def is_published_document(user: Any, document: Any) -> bool:
    """A session's documents are public once the programme is published."""
    return document is not None and document.session.edition.programme_published


is_organiser = is_admin

rules.add_perm("conference.organise_conference", is_organiser)
# The back office (editions, rooms, tracks, criteria, the programme grid) is the organisers'.
rules.add_perm("conference.change_edition", is_organiser)
rules.add_perm("conference.change_session", is_organiser)
rules.add_perm("conference.view_sessiondocument", is_organiser | is_published_document)
# Special-category data (docs/quality.md, privacy 2): the organiser role only.
rules.add_perm("conference.view_participantneeds", is_organiser)
rules.add_perm("conference.view_review_list", is_centre_team)
rules.add_perm("conference.nav_reviews", is_centre_team & has_review_assignments)
rules.add_perm("conference.change_review", is_centre_team & is_own_review)
