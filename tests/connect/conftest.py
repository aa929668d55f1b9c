from __future__ import annotations

from tests.fixtures import _english, login

__all__ = ["_english", "login"]
