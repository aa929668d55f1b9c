"""The logged-in home: each app contributes panels that answer "what needs my attention now?".

A panel is a template and a function that returns its context for the person, or None when
the panel has nothing to say to them. Panels are ordered: attention first, overviews after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samskapa.core.extensions import Registry
from samskapa.core.typing import AuthenticatedHttpRequest

PanelContext = Callable[[AuthenticatedHttpRequest], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: PanelContext
    order: int = 100


_PANELS: Registry[Panel] = Registry("dashboard panels")


def register(panel: Panel) -> None:
    """Called in an app's AppConfig.ready() (see samskapa.core.extensions)."""
    _PANELS.register(panel.key, panel)


def panels_for(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    rendered = []
    for panel in sorted(_PANELS.items(), key=lambda p: (p.order, p.key)):
        context = panel.context(request)
        if context is not None:
            rendered.append({"template": panel.template, "context": context, "key": panel.key})
    return rendered
