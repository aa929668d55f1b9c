from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from samskapa.accounts.validators import looks_like_personnummer, luhn_ok, normalise_org_number


@pytest.mark.parametrize("value", ["212000-1488", "2120001488", " 212000-1488 "])
def test_valid_org_number_is_normalised(value: str) -> None:
    assert normalise_org_number(value) == "212000-1488"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("212000-1489", "checksum"),
        ("21200-1488", "format"),
        ("abcdef-ghij", "format"),
        ("", "format"),
        ("811218-9876", "personnummer"),
    ],
)
def test_invalid_org_number_is_refused_with_a_reason(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_org_number(value)
    assert error.value.code == code


@pytest.mark.parametrize("value", ["811218-9876", "19811218-9876", "8112189876", "811278-9873"])
def test_personnummer_is_recognised(value: str) -> None:
    # The last is a samordningsnummer (day + 60).
    assert looks_like_personnummer(value)


@pytest.mark.parametrize(
    "value", ["212000-1488", "811218-9875", "2023/00187", "23-012-S01", "hello"]
)
def test_other_values_are_not_personnummer(value: str) -> None:
    assert not looks_like_personnummer(value)


@given(st.text(max_size=30))
def test_personnummer_check_never_crashes(value: str) -> None:
    looks_like_personnummer(value)


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")
