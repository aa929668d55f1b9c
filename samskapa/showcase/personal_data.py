"""What the showcase holds about a person: who created, submitted or reviewed a version of a
public case, who added a spread record, and a copyright line that may name them.

The contact form keeps nothing: the message goes straight into an e-mail to the project's
leads (and the mail queue's own erasure covers a message still waiting to be sent).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from samskapa.core import pagecache
from samskapa.showcase.models import CaseVersion, SpreadRecord


def export_showcase(user: Any) -> dict[str, Any]:
    versions = CaseVersion.objects.filter(
        Q(created_by=user) | Q(submitted_by=user) | Q(reviewed_by=user)
    ).order_by("project_number", "number")
    return {
        "case_versions": [
            {
                "project": v.project_number,
                "version": v.number,
                "status": v.status,
                "created": v.created_by_id == user.pk,
                "submitted": v.submitted_by_id == user.pk,
                "reviewed": v.reviewed_by_id == user.pk,
            }
            for v in versions
        ],
        "spread_records_added": [
            {
                "project": r.project.number,
                "organisation": r.organisation,
                "date": r.date.isoformat(),
            }
            for r in SpreadRecord.objects.filter(created_by=user).select_related("project")
        ],
    }


def erase_showcase(user: Any) -> None:
    CaseVersion.objects.filter(created_by=user).update(created_by=None)
    CaseVersion.objects.filter(submitted_by=user).update(submitted_by=None)
    CaseVersion.objects.filter(reviewed_by=user).update(reviewed_by=None)
    SpreadRecord.objects.filter(created_by=user).update(created_by=None)
    if user.name:
        # A copyright line naming the person (the photographer) loses the name, also on a
        # published version: erasure goes before the snapshot.
        for version in CaseVersion.objects.filter(picture_credit__icontains=user.name):
            version.picture_credit = version.picture_credit.replace(user.name, "").strip(" :,")
            version.save(update_fields=["picture_credit"])
        pagecache.touch("showcase")
