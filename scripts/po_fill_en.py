"""Fill an app's English catalogue: source strings are English, so msgstr = msgid.

Usage: python scripts/po_fill_en.py samskapa/<app> [...]
Also clears the fuzzy flag that makemessages sets on guessed English entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib


def fill(app_dir: Path) -> int:
    path = app_dir / "locale" / "en" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    changed = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            if entry.msgstr_plural.get(0) != entry.msgid or "fuzzy" in entry.flags:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                changed += 1
        elif entry.msgstr != entry.msgid or "fuzzy" in entry.flags:
            entry.msgstr = entry.msgid
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(str(path))
    return changed


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(f"{argument}: {fill(Path(argument))} English entries filled")
