from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> None:
    """Uploaded files of these tests go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


from tests.fixtures import _english  # noqa: E402,F401  (English pages and messages)
