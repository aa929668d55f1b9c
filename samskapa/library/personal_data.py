"""What the knowledge bank holds about a person: only their authorship of materials.

Feedback is anonymous (no account, no address), so there is nothing to export or erase there.
Attachments have no uploader, but their original file name may carry the person's name: such
names are replaced by a neutral one (the stored file already has a random name).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from samskapa.core.history import forget_author
from samskapa.library.models import Attachment, Material


def export_authorship(user: Any) -> dict[str, Any]:
    materials = Material.objects.filter(authors=user).order_by("title")
    return {
        "authored_materials": [
            {"title": m.title, "language": m.language, "status": m.status} for m in materials
        ]
    }


def erase_authorship(user: Any) -> None:
    for material in Material.objects.filter(authors=user):
        material.authors.remove(user)
    forget_author(Material, user)
    if user.name:
        for attachment in Attachment.objects.filter(original_name__icontains=user.name):
            suffix = PurePath(attachment.original_name).suffix[:6]
            attachment.original_name = f"attachment-{attachment.pk}{suffix}"
            attachment.save(update_fields=["original_name"])
