from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from tests.factories.accounts import staff
from tests.fixtures import _english, login

__all__ = ["_english", "login"]


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> None:
    """Uploaded import files of these tests go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin(db: Any) -> User:
    return staff(StaffRole.ADMIN)
