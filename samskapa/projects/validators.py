"""The ESF Council's project number: YY-NNN-Sxx, e.g. 22-018-S01."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PROJECT_NUMBER = re.compile(r"^\d{2}-\d{3}-S\d{2}$")


def normalise_project_number(value: str) -> str:
    """Trim and upper-case the S ("22-018-s01" is a common typing variant)."""
    return re.sub(r"\s", "", value or "").upper()


def validate_project_number(value: str) -> None:
    if not PROJECT_NUMBER.match(value or ""):
        raise ValidationError(
            _("Enter the project number as YY-NNN-Sxx, for example 23-012-S01."),
            code="project_number",
        )
