"""Retention rules (docs/quality.md, retention): each app registers what it deletes and when.

`manage.py purge` (meant for a daily cron) runs every rule; `--dry-run` only counts.
A rule is `fn(*, now, dry_run) -> int` returning how many rows it deleted (or would delete).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from samskapa.core.extensions import Registry

RuleFunction = Callable[..., int]


@dataclass(frozen=True)
class RetentionRule:
    key: str
    description: str | Promise
    run: RuleFunction


_RULES: Registry[RetentionRule] = Registry("retention rules")


def register(rule: RetentionRule) -> None:
    """Called in an app's AppConfig.ready() (see samskapa.core.extensions)."""
    _RULES.register(rule.key, rule)


def rules() -> list[RetentionRule]:
    return sorted(_RULES.items(), key=lambda rule: rule.key)
