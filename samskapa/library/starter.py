"""The knowledge bank's starter content: real materials kept as files in `starter/`.

Each folder `NN-slug/` holds `meta.toml` and the text in Swedish (`sv.md`) and English
(`en.md`). Loading is idempotent: a material that exists (by its slug) is left as it is, so
edits made on the site survive, unless `update=True` asks for the files to win.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from samskapa.library.enums import Language, Status
from samskapa.library.models import Material

STARTER_DIR = Path(__file__).resolve().parent / "starter"


def starter_folders() -> list[Path]:
    return sorted(p for p in STARTER_DIR.iterdir() if (p / "meta.toml").is_file())


@transaction.atomic
def load_starter_content(*, author: Any = None, update: bool = False) -> dict[str, int]:
    """Create (or with `update`, refresh) the starter materials as published pairs."""
    created = updated = 0
    now = timezone.now()
    for number, folder in enumerate(starter_folders()):
        meta = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8"))
        group = None
        for language in (Language.SWEDISH, Language.ENGLISH):
            code = str(language)
            values = {
                "title": meta[f"title_{code}"],
                "summary": meta[f"summary_{code}"],
                "body": (folder / f"{code}.md").read_text(encoding="utf-8"),
                "material_type": meta["type"],
                "topics": [meta["topic"]],
                "focus_areas": list(meta.get("focus_areas", [])),
                "process_elements": list(meta.get("process_elements", [])),
                "audience": list(meta.get("audience", [])),
                "tools": list(meta.get("tools", [])),
                "language": code,
            }
            material = Material.objects.filter(slug=meta[f"slug_{code}"]).first()
            if material is None:
                material = Material(
                    slug=meta[f"slug_{code}"],
                    status=Status.PUBLISHED,
                    # Minutes apart, so lists show the folders' order, newest first.
                    published_at=now - timedelta(minutes=number),
                    **values,
                )
                if group is not None:
                    material.group = group
                material.save()
                created += 1
            elif update:
                for field, value in values.items():
                    setattr(material, field, value)
                if group is not None:
                    material.group = group
                material.save()
                updated += 1
            group = material.group
            if author is not None:
                material.authors.add(author)
    return {"created": created, "updated": updated}
