"""E-mails follow the recipient's own language choice."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.coaching.services import language_of
from tests.factories.accounts import staff

pytestmark = pytest.mark.django_db


def test_email_language_follows_the_account(db: Any) -> None:
    coach = staff(StaffRole.COACH, language="sv")
    assert language_of(coach) == "sv"
    coach.language = "en"
    coach.save(update_fields=["language"])
    assert language_of(coach) == "en"
    coach.language = ""
    assert language_of(coach) == "sv"  # no choice: the site's language
