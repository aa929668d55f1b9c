"""Benchmark modules, an extension point (samskapa.core.extensions): each app registers in its
AppConfig.ready() the pages `manage.py bench` times and a seeder for a large data set. The
runner is samskapa.core.benchmark."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from samskapa.core.extensions import Registry


@dataclass(frozen=True)
class BenchPage:
    label: str
    email: str | None  # who requests it (None: anonymous)
    url: Callable[[], str]
    # Also measured over HTTP (`manage.py bench_http`) when set: the share of the floor the page
    # must reach (samskapa.core.httpbench.CACHED_PUBLIC or FORM_OR_LOGGED_IN). HTTP pages are
    # requested by anonymous visitors or by accounts without two-factor authentication.
    http_target: float | None = None
    # What the page's figures cost at least: a hand-written query run the same number of
    # times; the runner prints the page's time as a ratio to it.
    reference: Callable[[], object] | None = None


@dataclass(frozen=True)
class BenchModule:
    key: str
    pages: Sequence[BenchPage] = ()
    seed: Callable[..., None] | None = None  # seed(*, scale: int): adds a large data set


_MODULES: Registry[BenchModule] = Registry("benchmark modules")


def register(module: BenchModule) -> None:
    """Called in an app's AppConfig.ready()."""
    _MODULES.register(module.key, module)


def modules() -> list[BenchModule]:
    return _MODULES.items()
