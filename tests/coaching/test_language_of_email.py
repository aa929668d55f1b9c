"""E-mails follow the recipient's own language choice."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.coaching.services import language_of

pytestmark = pytest.mark.django_db


def test_email_language_follows_the_account(demo_user: Any) -> None:
    coach = demo_user("coach")
    assert language_of(coach) == "sv"
    coach.language = "en"
    coach.save(update_fields=["language"])
    assert language_of(coach) == "en"
