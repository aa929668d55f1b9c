"""Data-subject rights across apps: each app registers what it holds about a person.

An app registers an exporter (returns JSON-ready data about the person) and an eraser
(deletes or irreversibly anonymises that data) in its AppConfig.ready(); the accounts
services call every registered pair, so no app has to know the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Exporter
    erase: Eraser


_SOURCES: dict[str, PersonalDataSource] = {}


def register(*, key: str, export: Exporter, erase: Eraser) -> None:
    _SOURCES[key] = PersonalDataSource(key=key, export=export, erase=erase)


def sources() -> list[PersonalDataSource]:
    return [_SOURCES[key] for key in sorted(_SOURCES)]
