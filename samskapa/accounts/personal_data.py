"""Data-subject rights across apps: each app registers what it holds about a person.

An app registers an exporter (returns JSON-ready data about the person), an eraser (deletes or
irreversibly anonymises that data, wherever the app keeps it: rows, contact fields, history
snapshots, files) and, where erasure would leave something without a responsible person, a
`refuse` check, in its AppConfig.ready(); the accounts services call every registered source,
so no app has to know the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samskapa.core.extensions import Registry

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class ErasureRefusal:
    """Why a person cannot be erased yet, with the page where they can fix it."""

    message: str
    url: str
    link_text: str


Refuser = Callable[[Any], list[ErasureRefusal]]


def _nothing_to_refuse(user: Any) -> list[ErasureRefusal]:
    return []


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Exporter
    erase: Eraser
    refuse: Refuser = _nothing_to_refuse


_SOURCES: Registry[PersonalDataSource] = Registry("personal-data sources")


def register(source: PersonalDataSource) -> None:
    """Called in an app's AppConfig.ready() (see samskapa.core.extensions)."""
    _SOURCES.register(source.key, source)


def sources() -> list[PersonalDataSource]:
    return sorted(_SOURCES.items(), key=lambda source: source.key)


def refusals(user: Any) -> list[ErasureRefusal]:
    """What stands in the way of erasing `user` (empty: erasure may go ahead)."""
    return [refusal for source in sources() for refusal in source.refuse(user)]
