"""Data-subject rights across apps: each app registers what it holds about a person.

An app registers an exporter (returns JSON-ready data about the person) and an eraser
(deletes or irreversibly anonymises that data) in its AppConfig.ready(); the accounts
services call every registered pair, so no app has to know the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samskapa.core.extensions import Registry

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Exporter
    erase: Eraser


_SOURCES: Registry[PersonalDataSource] = Registry("personal-data sources")


def register(source: PersonalDataSource) -> None:
    """Called in an app's AppConfig.ready() (see samskapa.core.extensions)."""
    _SOURCES.register(source.key, source)


def sources() -> list[PersonalDataSource]:
    return sorted(_SOURCES.items(), key=lambda source: source.key)
