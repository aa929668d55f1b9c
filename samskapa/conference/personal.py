"""What the conference holds about a person with an account: reviews they wrote. Participants
and submitters have no account; their data is matched by the account's e-mail address, speakers
(name, organisation, bio in the programme) by the person's name."""

from __future__ import annotations

from typing import Any

from samskapa.conference.exports import REGISTRATION_FIELDS
from samskapa.conference.models import Registration, Review, Speaker, Submission


def _plain(rows: Any) -> list[dict[str, Any]]:
    """JSON-ready: dates and times as ISO 8601 text."""
    return [
        {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in row.items()
        }
        for row in rows
    ]


def export_person(user: Any) -> dict[str, Any]:
    return {
        "registrations": _plain(
            Registration.objects.filter(email__iexact=user.email).values(
                "edition__year", *REGISTRATION_FIELDS
            )
        ),
        "submissions": _plain(
            Submission.objects.filter(submitter_email__iexact=user.email).values(
                "edition__year", "title", "status", "created_at"
            )
        ),
        "speaker": _plain(
            Speaker.objects.filter(name__iexact=user.name).values(
                "edition__year", "name", "organisation", "bio"
            )
            if user.name
            else []
        ),
        "reviews": _plain(
            Review.objects.filter(reviewer_id=user.pk).values(
                "submission__title", "comment", "submitted_at"
            )
        ),
    }


def erase_person(user: Any) -> None:
    Registration.objects.filter(email__iexact=user.email).delete()
    Submission.objects.filter(submitter_email__iexact=user.email).update(
        submitter_name="–", submitter_email="erased@invalid"
    )
    Review.objects.filter(reviewer_id=user.pk).update(comment="")
    if user.name:
        Speaker.objects.filter(name__iexact=user.name).delete()
