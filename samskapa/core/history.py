"""Erasure in django-simple-history's snapshots: one helper for every app's `erase` function.

A historical row copies the tracked model's fields at each change, so a name or e-mail address
removed from the live row is still in every earlier snapshot. `blank_person` clears the given
fields wherever they hold the person's value, in the live rows and in all their snapshots;
`history_user` keeps pointing at the (anonymised) account row, which is the pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models


def _querysets(model: type[models.Model]) -> list[models.QuerySet[models.Model]]:
    history = getattr(model, "history", None)
    historical = [history.model._default_manager.all()] if history is not None else []
    return [model._default_manager.all(), *historical]


def blank_person(model: type[models.Model], fields: Iterable[str], values: Iterable[str]) -> int:
    """Set each of `fields` to "" where it equals (case-insensitively) one of `values`, in the
    live rows of `model` and in its historical rows. Returns the number of rows changed."""
    needles = [value for value in values if value]
    changed = 0
    for queryset in _querysets(model):
        for field in fields:
            for needle in needles:
                changed += queryset.filter(**{f"{field}__iexact": needle}).update(**{field: ""})
    return changed


def forget_author(model: type[models.Model], user: models.Model) -> int:
    """The snapshots of `model` no longer say that `user` made the change."""
    history = getattr(model, "history", None)
    if history is None:
        return 0
    return int(history.filter(history_user=user).update(history_user=None))
