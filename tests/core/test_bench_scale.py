"""`make bench-scale`: the bench command compares each page's query count with an earlier run's
(the same pages on ten times the data) and fails on any difference."""

from __future__ import annotations

import io

import pytest
from django.core.management.base import CommandError

from samskapa.core.management.commands.bench import Command


def test_equal_counts_pass_and_say_so() -> None:
    command = Command(stdout=io.StringIO())
    command._compare({"home": 1, "project": 17}, {"home": 1, "project": 17})
    assert "2 of 2 pages the same" in command.stdout.getvalue()


def test_a_changed_or_new_count_fails_with_the_page_named() -> None:
    command = Command(stdout=io.StringIO())
    with pytest.raises(CommandError) as error:
        command._compare({"home": 1, "project": 18, "new page": 3}, {"home": 1, "project": 17})
    assert "project: 17 → 18" in str(error.value)
    assert "new page: ? → 3" in str(error.value)
    assert "home" not in str(error.value)
