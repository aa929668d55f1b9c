"""What the knowledge bank holds about a person: only their authorship of materials.

Feedback is anonymous (no account, no address), so there is nothing to export or erase there.
"""

from __future__ import annotations

from typing import Any

from samskapa.library.models import Material


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
