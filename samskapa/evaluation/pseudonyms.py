"""Stable pseudonyms for projects in cross-project tables and raw exports for evaluators.

Within a call and a year, the call's projects are numbered P-01, P-02, … in an order derived
from a keyed hash (the site's secret key), so the codes stay the same all year and say
nothing about project numbers. A reveal needs a reason and is audited (services.record_reveal).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def _order_key(call_id: int, year: int, project_id: int) -> str:
    message = f"evaluation-pseudonym:{call_id}:{year}:{project_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def pseudonyms(call_id: int, year: int, project_ids: list[int]) -> dict[int, str]:
    ordered = sorted(project_ids, key=lambda pk: _order_key(call_id, year, pk))
    return {pk: f"P-{index:02d}" for index, pk in enumerate(ordered, start=1)}


def number(code: str) -> int:
    """A pseudonym's number, to sort P-9 before P-10 and P-100."""
    return int(code.removeprefix("P-"))


def project_for(call_id: int, year: int, project_ids: list[int], code: str) -> int | None:
    for pk, pseudonym in pseudonyms(call_id, year, project_ids).items():
        if pseudonym == code:
            return pk
    return None
