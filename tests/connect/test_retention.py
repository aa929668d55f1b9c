"""Contact requests are not kept for ever (docs/quality.md, Retention): the rule
`connect.contact_requests` of `manage.py purge`."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from samskapa.connect import services
from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest
from tests.factories.connect import ContactRequestFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 6, 1, 12, 0, tzinfo=dt.UTC)


def _request(status: str, *, sent_days_ago: int, answered_days_ago: int | None = None) -> Any:
    request = ContactRequestFactory(status=status)
    answered = NOW - dt.timedelta(days=answered_days_ago) if answered_days_ago else None
    ContactRequest.objects.filter(pk=request.pk).update(
        created_at=NOW - dt.timedelta(days=sent_days_ago), answered_at=answered
    )
    return request


def test_old_unanswered_and_declined_requests_go_and_old_accepted_ones_lose_the_message() -> None:
    old_pending = _request(RequestStatus.PENDING, sent_days_ago=181)
    recent_pending = _request(RequestStatus.PENDING, sent_days_ago=179)
    old_declined = _request(RequestStatus.DECLINED, sent_days_ago=200, answered_days_ago=91)
    recent_declined = _request(RequestStatus.DECLINED, sent_days_ago=200, answered_days_ago=89)
    old_accepted = _request(RequestStatus.ACCEPTED, sent_days_ago=400, answered_days_ago=366)
    recent_accepted = _request(RequestStatus.ACCEPTED, sent_days_ago=400, answered_days_ago=364)

    assert services.purge_old_requests(now=NOW, dry_run=True) == 3
    assert ContactRequest.objects.count() == 6  # a dry run only counts

    assert services.purge_old_requests(now=NOW) == 3
    left = set(ContactRequest.objects.values_list("pk", flat=True))
    assert left == {recent_pending.pk, recent_declined.pk, old_accepted.pk, recent_accepted.pk}
    assert old_pending.pk not in left and old_declined.pk not in left
    assert ContactRequest.objects.get(pk=old_accepted.pk).message == ""
    assert ContactRequest.objects.get(pk=recent_accepted.pk).message != ""
    assert services.purge_old_requests(now=NOW) == 0  # nothing twice


def test_the_rule_runs_with_the_daily_purge() -> None:
    _request(RequestStatus.PENDING, sent_days_ago=10_000)
    out = StringIO()
    call_command("purge", stdout=out)
    assert "connect.contact_requests: deleted 1" in out.getvalue()
    assert not ContactRequest.objects.exists()
