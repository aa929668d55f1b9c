"""Panels on the role home: reviewers see input awaiting their review; organisers see
registrations, the waiting list and the call's status."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.conference import selectors
from samskapa.core import dashboard


def _review_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("conference.view_review_list"):
        return None
    pending = list(
        selectors.reviews_for_reviewer(request.user).filter(submitted_at__isnull=True)[:5]
    )
    if not pending:
        return None
    return {"pending": pending}


def _organiser_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("conference.organise_conference"):
        return None
    edition = selectors.current_edition()
    if edition is None:
        return None
    return {
        "edition": edition,
        "counts": selectors.registration_counts(edition),
        "call_open": edition.call_is_open(),
        "registration_open": edition.registration_is_open(),
    }


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("conference-review", "conference/panels/review.html", _review_panel, 40),
    dashboard.Panel(
        "conference-organiser", "conference/panels/organiser.html", _organiser_panel, 300
    ),
]
