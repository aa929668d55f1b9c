"""Both catalogues complete: no untranslated or fuzzy entry in any .po file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("samskapa/**/locale/*/LC_MESSAGES/django.po"))


def _entries(text: str) -> list[str]:
    return [block for block in re.split(r"\n\s*\n", text) if "msgid" in block]


def test_every_app_with_strings_has_both_catalogues() -> None:
    languages = {(p.parts[-4], p.parts[-3]) for p in CATALOGUES}
    for locale_dir in {p.parts[-4] for p in CATALOGUES}:
        assert {(locale_dir, "sv"), (locale_dir, "en")} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=[str(p.relative_to(ROOT)) for p in CATALOGUES])
def test_catalogue_is_complete(path: Path) -> None:
    problems = []
    for block in _entries(path.read_text(encoding="utf-8"))[1:]:  # [0] is the header
        if block.lstrip().startswith("#~"):
            continue
        if re.search(r"^#,.*\bfuzzy\b", block, re.MULTILINE):
            problems.append(("fuzzy", block))
        for msgstr in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.MULTILINE):
            if re.fullmatch(r'""\s*', msgstr):
                problems.append(("untranslated", block))
    assert problems == [], "\n\n".join(f"{kind}:\n{block}" for kind, block in problems[:10])
