"""Participant export to Excel, through the shared safe exporter (samskapa.core.exports:
cells starting with = + - @ TAB CR are neutralised)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.conference import selectors
from samskapa.conference.models import Edition
from samskapa.core.exports import xlsx_response

# A registration as the organisers' participant list and a person's own data export show it.
REGISTRATION_FIELDS = [
    "name",
    "email",
    "organisation",
    "sector",
    "country",
    "category",
    "language",
    "status",
    "created_at",
]
FIELDS = [*REGISTRATION_FIELDS, "checked_in_at"]


def _local(value: datetime.datetime | None) -> Any:
    # Excel has no time zones: write Swedish local time.
    return timezone.localtime(value).replace(tzinfo=None) if value else ""


def participants_response(edition: Edition) -> HttpResponse:
    header = [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Sector"),
        _("Country"),
        _("Participant category"),
        _("Language"),
        _("Status"),
        _("Registered"),
        _("Checked in"),
    ]
    rows = (
        [
            r.name,
            r.email,
            r.organisation,
            r.get_sector_display(),
            r.get_country_display(),
            r.get_category_display(),
            r.get_language_display(),
            r.get_status_display(),
            _local(r.created_at),
            _local(r.checked_in_at),
        ]
        for r in selectors.search_participants(edition)
    )
    return xlsx_response(
        f"samskapa-{edition.year}-participants.xlsx", header, rows, title=str(edition.year)
    )
