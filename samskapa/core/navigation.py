"""Header navigation that fits the person: each app registers its entries in its AppConfig.

An entry shows when its permission (a django-rules permission, checked without an object)
holds for the person; public entries show to everyone. Nothing links to what does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from samskapa.core.extensions import Registry


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    order: int
    perm: str | None = None  # None: public entry
    public_section: bool = False  # shown in the public site's navigation


_REGISTRY: Registry[NavItem] = Registry("navigation")


def register(item: NavItem) -> None:
    """Called in an app's AppConfig.ready() (see samskapa.core.extensions)."""
    _REGISTRY.register(item.url_name, item)


def navigation_for(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    user = getattr(request, "user", None)
    public: list[dict[str, Any]] = []
    workspace: list[dict[str, Any]] = []
    home = reverse("core:home")  # "/" or "/en/": the prefix every address of the language has
    for item in sorted(_REGISTRY.items(), key=lambda i: i.order):
        url = reverse(item.url_name)
        entry = {
            "url": url,
            "label": item.label,
            "current": request.path == url or (url != home and request.path.startswith(url)),
        }
        if item.public_section:
            public.append(entry)
        elif user is not None and user.is_authenticated and item.perm and user.has_perm(item.perm):
            workspace.append(entry)
    return {"public": public, "workspace": workspace}
