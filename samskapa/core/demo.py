"""The demo data set: each app contributes a `demo.py` module with a `load()` function.

Loaders run in dependency order and must be idempotent: running `manage.py demo` twice
changes nothing the second time.
"""

from __future__ import annotations

import importlib

from django.db import transaction

DEMO_PASSWORD = "samskapa-demo"  # noqa: S105  (demo database only; printed by `make run`)

# Dependency order (docs/architecture.md, apps): accounts, then projects, then what builds on projects.
LOADERS = [
    "samskapa.accounts.demo",
    "samskapa.projects.demo",
    "samskapa.toolkit.demo",
    "samskapa.coalitions.demo",
    "samskapa.coaching.demo",
    "samskapa.library.demo",
    "samskapa.conference.demo",
]


def installed_loaders() -> list[str]:
    found = []
    for name in LOADERS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name and name.startswith(error.name):
                continue  # that app is not part of this installation (yet)
            raise
        found.append(name)
    return found


@transaction.atomic
def load_demo() -> list[str]:
    loaded = []
    for name in installed_loaders():
        importlib.import_module(name).load()
        loaded.append(name)
    return loaded
