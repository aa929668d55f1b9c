"""The one mechanism behind every extension point.

Each extension point (navigation, dashboard panels, personal-data sources, retention rules,
benchmark modules, demo loaders) is a module in core or accounts that keeps a `Registry` and offers a
`register(item)`. Apps call those `register()` functions in their `AppConfig.ready()`, and
nowhere else, so core never lists app modules and never imports them by name. Items are
keyed: registering the same key again replaces the item (ready() may run more than once in
tests), and items come back in the order they were first registered.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._items: dict[str, T] = {}

    def register(self, key: str, item: T) -> T:
        self._items[key] = item
        return item

    def items(self) -> list[T]:
        return list(self._items.values())

    def keys(self) -> list[str]:
        return list(self._items)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {', '.join(self._items)}>"
