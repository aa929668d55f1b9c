"""Dates and numbers in the page's language (docs/quality.md, language and look): the shared
`date_range` and `number` filters and the date formats of samskapa/formats."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from samskapa.core.templatetags.samskapa import date_range, number, percent

D = datetime.date
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("start", "end", "swedish", "english"),
    [
        (D(2027, 4, 21), D(2027, 4, 22), "21–22 april 2027", "21–22 April 2027"),
        (D(2027, 4, 30), D(2027, 5, 2), "30 april – 2 maj 2027", "30 April – 2 May 2027"),
        (
            D(2026, 12, 30),
            D(2027, 1, 2),
            "30 december 2026 – 2 januari 2027",
            "30 December 2026 – 2 January 2027",
        ),
        (D(2025, 3, 10), D(2025, 3, 10), "10 mars 2025", "10 March 2025"),
        (D(2025, 3, 10), None, "10 mars 2025", "10 March 2025"),
        (None, None, "–", "–"),
    ],
)
def test_date_range(start: Any, end: Any, swedish: str, english: str) -> None:
    with translation.override("sv"):
        assert date_range(start, end) == swedish
    with translation.override("en"):
        assert date_range(start, end) == english


def test_date_range_of_two_times_on_one_day_says_the_day_once() -> None:
    start = datetime.datetime(2025, 3, 10, 13, 0, tzinfo=STOCKHOLM)
    with translation.override("sv"):
        assert date_range(start, start.replace(hour=15)) == "10 mars 2025 13:00–15:00"
        assert (
            date_range(start, start.replace(day=11, hour=9))
            == "10 mars 2025 13:00 – 11 mars 2025 09:00"
        )
    with translation.override("en"):
        assert date_range(start, start.replace(hour=15)) == "10 March 2025 13:00–15:00"


def test_date_range_in_a_template() -> None:
    template = Template("{% load samskapa %}{{ a|date_range:b }}")
    context = Context({"a": D(2027, 4, 21), "b": D(2027, 4, 22)})
    with translation.override("sv"):
        assert template.render(context) == "21–22 april 2027"


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [
        (1234, "1\xa0234", "1,234"),
        (1234567, "1\xa0234\xa0567", "1,234,567"),
        (999, "999", "999"),
        (0, "0", "0"),
        (-4500, "-4\xa0500", "-4,500"),
        (Decimal("1234.5"), "1\xa0234,5", "1,234.5"),
        (None, "–", "–"),
    ],
)
def test_numbers_have_the_languages_separators(value: Any, swedish: str, english: str) -> None:
    with translation.override("sv"):
        assert number(value) == swedish
    with translation.override("en"):
        assert number(value) == english


def test_plain_values_stay_plain_for_forms_addresses_and_years() -> None:
    """Grouping is asked for with |number only: years, ids and form values are not grouped."""
    template = Template('{{ year }} <a href="/p/{{ pk }}/" data-n="{{ n }}">{{ n }}</a>')
    with translation.override("sv"):
        html = template.render(Context({"year": 2027, "pk": 12345, "n": 1234}))
    assert html == '2027 <a href="/p/12345/" data-n="1234">1234</a>'


@pytest.mark.parametrize(
    ("language", "date", "short", "month_day"),
    [
        ("sv", "10 mars 2025", "10 mar 2025", "10 mars"),
        ("en", "10 March 2025", "10 Mar 2025", "10 March"),
    ],
)
def test_date_formats(language: str, date: str, short: str, month_day: str) -> None:
    day = D(2025, 3, 10)
    with translation.override(language):
        assert formats.date_format(day) == date
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == short
        assert formats.date_format(day, "MONTH_DAY_FORMAT") == month_day
        assert "2025-03-10" not in formats.date_format(day, "SHORT_DATE_FORMAT")


def test_percentages_use_the_languages_decimal_mark() -> None:
    with translation.override("sv"):
        assert percent(66.7) == "66,7\xa0%"
        assert percent("12,5") == "12,5\xa0%"  # already formatted (|floatformat)
    with translation.override("en"):
        assert percent(66.7) == "66.7%"


def test_an_email_address_may_wrap_before_its_at_sign_only() -> None:
    from samskapa.core.templatetags.samskapa import email

    assert str(email("anna.berg@example.se")) == "anna.berg<wbr>@example.se"
    assert str(email("<b>@x.se")) == "&lt;b&gt;<wbr>@x.se"
    assert email("") == "–"
