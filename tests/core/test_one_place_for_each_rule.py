"""Guards for "one place for each rule": views and templates ask the models, the selectors and
the rules predicates, and never compare role or status names themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samskapa.coaching.enums import ActionStatus
from samskapa.coalitions.enums import FollowUpStatus
from samskapa.conference.enums import BookingStatus, RegistrationStatus, SubmissionStatus
from samskapa.library.enums import Status as MaterialStatus

APPS = Path(__file__).resolve().parents[2] / "samskapa"
STATUSES = {
    value
    for enum in (
        ActionStatus,
        FollowUpStatus,
        BookingStatus,
        RegistrationStatus,
        SubmissionStatus,
        MaterialStatus,
    )
    for value in enum.values
}
# `.status == "registered"` in Python or a template, `role != 'owner'`; in Python also the
# query form `status="open"`.
COMPARED = re.compile(r"""\b(status|role)\s*(==|!=)\s*["'](?P<value>[a-z_]+)["']""")
QUERIED = re.compile(r"""(?:\b|__)(status|role)(__in)?\s*=\s*["'](?P<value>[a-z_]+)["']""")


def _sources() -> list[Path]:
    views = list(APPS.glob("*/views.py"))
    templates = list(APPS.glob("*/templates/**/*.html")) + list(APPS.glob("*/templates/**/*.txt"))
    return views + templates


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(APPS)))
def test_no_status_or_role_literals(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    patterns = [COMPARED, QUERIED] if path.suffix == ".py" else [COMPARED]
    found = [
        m.group(0)
        for pattern in patterns
        for m in pattern.finditer(text)
        if m.group("value") in STATUSES or m.group(1) == "role"
    ]
    assert found == []


@pytest.mark.parametrize("path", list(APPS.glob("*/views.py")), ids=lambda p: p.parent.name)
def test_views_check_roles_through_predicates(path: Path) -> None:
    # A view may pass a role on (the people page sets one through a service), but it never
    # compares one: who may do what is a predicate in samskapa.accounts.rules.
    comparisons = re.findall(
        r"staff_role\s*(?:==|!=|\bin\b|\bnot in\b)|StaffRole\.\w+\s*(?:==|!=)",
        path.read_text(encoding="utf-8"),
    )
    assert comparisons == []


# Writes in a view: a model or form saved, created, updated or deleted there rather than in a
# service (form.save(commit=False) only builds the object the service then stores).
WRITE = re.compile(
    r"\.save\((?!commit=False\))|\.objects\.(create|update|bulk_create|get_or_create|"
    r"update_or_create)\(|\.delete\(\)|\.(add|remove|set|clear)\((?!key)"
)


@pytest.mark.parametrize("path", list(APPS.glob("*/views.py")), ids=lambda p: p.parent.name)
def test_views_write_through_services(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    # cache.add/cache.set are the rate limiters' counters, not model writes.
    found = [line.strip() for line in lines if WRITE.search(line) and "cache." not in line]
    assert found == []
