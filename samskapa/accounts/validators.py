"""Swedish identity numbers: organisation numbers are validated, personal ones are refused."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ORGNR = re.compile(r"^(\d{6})-?(\d{4})$")
# A personnummer: optional century, YYMMDD, optional separator (- or +), four digits.
_PERSONNUMMER = re.compile(r"^(?:19|20)?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$")


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish organisation and personal identity numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_org_number(value: str) -> str:
    """Return NNNNNN-NNNN, or raise ValidationError with a message for the person."""
    cleaned = re.sub(r"\s", "", value or "")
    match = _ORGNR.match(cleaned)
    if not match:
        raise ValidationError(
            _("Enter the organisation number as ten digits, NNNNNN-NNNN."), code="format"
        )
    digits = match.group(1) + match.group(2)
    if int(digits[2]) < 2:
        # A third digit below 2 means a month: this is a personal identity number (a sole
        # trader's). Samskapa holds no personal identity numbers.
        raise ValidationError(
            _(
                "This looks like a personal identity number. Samskapa stores organisations "
                "only; register a sole trader without an organisation number."
            ),
            code="personnummer",
        )
    if not luhn_ok(digits):
        raise ValidationError(
            _("The organisation number's check digit is wrong. Check for a typing error."),
            code="checksum",
        )
    return f"{digits[:6]}-{digits[6:]}"


def validate_org_number(value: str) -> None:
    normalise_org_number(value)


def looks_like_personnummer(value: object) -> bool:
    """True for a value shaped like a valid Swedish personal identity number (date + Luhn)."""
    text = re.sub(r"\s", "", str(value or ""))
    match = _PERSONNUMMER.match(text)
    if not match:
        return False
    _yy, month, day, _tail = match.groups()
    month_ok = 1 <= int(month) <= 12
    # Samordningsnummer add 60 to the day.
    day_value = int(day) - 60 if int(day) > 60 else int(day)
    if not (month_ok and 1 <= day_value <= 31):
        return False
    return luhn_ok(match.group(1) + month + day + match.group(4))
