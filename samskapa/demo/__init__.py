"""The demo world: invented organisations, people, projects, coalitions, coaching, library
material and conferences that tell the story of one call year, always around today's date.

Each app registers its loader in its `AppConfig.ready()` with `register(app, "dotted.path")`;
the loader modules (and their data) are imported only when the demo is loaded, never when
Samskapa starts. `load_demo()` runs them in INSTALLED_APPS order (each app after the ones it
depends on), each as `load(calendar)` with one `DemoCalendar` (samskapa.demo.clock) for the
whole run. Loaders find their objects by stable natural keys and update them, so running the
demo again on a later day moves the story's dates in place instead of adding a second story.

`manage.py demo` runs only in demo mode (settings.SAMSKAPA_DEMO: DEBUG or SAMSKAPA_DEMO=1).
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.db import transaction

from samskapa.core import pagecache
from samskapa.core.extensions import Registry
from samskapa.demo.clock import DemoCalendar

# app name → dotted path of its demo loader module (the same mechanism as every extension
# point: samskapa.core.extensions)
_LOADERS: Registry[str] = Registry("demo loaders")


def register(app: str, loader: str) -> None:
    """Register `loader` (a module with `load(calendar)`) as app `app`'s part of the demo."""
    _LOADERS.register(app, loader)


def loaders() -> list[str]:
    """The registered loaders of installed apps, in INSTALLED_APPS (dependency) order."""
    registered = dict(zip(_LOADERS.keys(), _LOADERS.items(), strict=True))
    return [registered[c.name] for c in apps.get_app_configs() if c.name in registered]


@transaction.atomic
def load_demo(calendar: DemoCalendar | None = None) -> list[str]:
    """Load (or move to today) the whole demo world; returns the loaders that ran."""
    calendar = calendar or DemoCalendar.for_today()
    loaded = []
    for name in loaders():
        importlib.import_module(name).load(calendar)
        loaded.append(name)
    pagecache.touch()  # every public page shows the demo world anew
    return loaded
