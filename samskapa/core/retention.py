"""Retention rules (docs/quality.md, retention): each app registers what it deletes and when.

`manage.py purge` (meant for a daily cron) runs every rule; `--dry-run` only counts.
A rule is `fn(*, now, dry_run) -> int` returning how many rows it deleted (or would delete).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RuleFunction = Callable[..., int]


@dataclass(frozen=True)
class RetentionRule:
    key: str
    description: str | Promise
    run: RuleFunction


_RULES: dict[str, RetentionRule] = {}


def register(rule: RetentionRule) -> None:
    _RULES[rule.key] = rule


def rules() -> list[RetentionRule]:
    return [_RULES[key] for key in sorted(_RULES)]


SECURITY_LOG_DAYS = 90


def purge_security_log(*, now: datetime, dry_run: bool) -> int:
    from samskapa.core.models import AuditEvent

    cutoff = now - timedelta(days=SECURITY_LOG_DAYS)
    if dry_run:
        return AuditEvent.objects.filter(at__lt=cutoff).count()
    return AuditEvent.objects.purge_older_than(cutoff)


register(
    RetentionRule(
        "core.audit_log", _("Security and audit log entries older than 90 days"), purge_security_log
    )
)
