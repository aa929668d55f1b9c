"""The toolkit's tools as one concept: every tool is one `Tool` definition, kept here.

A tool lives in one module, `samskapa/toolkit/tools/<key>.py`, which builds its `Tool` (the
models it keeps, the form of each, how it is shown, how much of it is filled in, how the
comparison names its rows) and calls `register(TOOL)`. The app config imports every module of
`samskapa.toolkit.tools` (`autodiscover()`), so writing the module registers the tool. The
pages, the history and comparison, the dashboard panel, the personal-data erasure and the
demo read the tools from here and nowhere else. docs/adding-a-tool.md walks through it.

This module imports no other module of the toolkit at run time (the tool modules import it).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Model
from django.utils.functional import Promise

from samskapa.core.enums import FocusArea

if TYPE_CHECKING:
    from samskapa.projects.models import Project
    from samskapa.toolkit.compare import Names
    from samskapa.toolkit.forms import ToolForm
    from samskapa.toolkit.selectors import ToolState

TOOLS_PACKAGE = "samskapa.toolkit.tools"

# How the comparison names a row, or reads one field of it (`raw` is the stored value).
RowLabel = Callable[[Any, "Names"], str]
FieldValue = Callable[[Any, "Names"], str]


@dataclass(frozen=True)
class Part:
    """One kind of row a tool keeps, with its model and its form.

    `kind` is the slug in the editing URLs (`toolkit:tool-edit`, `toolkit:element-add`,
    `toolkit:element-edit`, `toolkit:element-delete`) and the prefix of the form's fields;
    `attr` is the attribute of `ToolState` that holds the rows. A `single` part is one row per
    project, edited in place (`tool-edit`); the others are added and removed one by one.
    """

    kind: str
    attr: str
    model: type[Model]
    form: type[ToolForm]
    single: bool = False
    # Rules across rows, run by services.save_tool_object before the row is saved: raises
    # ValidationError, or tidies the row (clears fields that do not apply).
    check: Callable[[Any], None] | None = None
    # The comparison: how a row is named (default: its text, name or title, else its
    # organisation) and how a field is read (default: the choice label or the value).
    label: RowLabel | None = None
    values: Mapping[str, FieldValue] = field(default_factory=dict)
    # The id of the section of the tool's page that shows the rows (default `part-<kind>`):
    # after a change without JavaScript the person is sent back to it.
    anchor: str = ""

    @property
    def section(self) -> str:
        return self.anchor or f"part-{self.kind}"

    @property
    def empty(self) -> Any:
        """The value of `ToolState.<attr>` when the project has no rows."""
        return None if self.single else []


@dataclass(frozen=True)
class Tool:
    """One development tool: its name, its guide, its parts and how it is shown."""

    key: str
    name: str | Promise
    focus_area: FocusArea | None
    guide: str | Promise
    order: int
    parts: tuple[Part, ...] = ()
    # Attributes of ToolState that belong to other tools but that this tool shows (the
    # indicators show the theory of change's elements they measure).
    reads: tuple[str, ...] = ()
    # present(state, uid, live) -> the context the templates show as `data`. `uid` keeps the
    # ids of SVG elements apart when several tools are on one page; `live` is False for a
    # tool shown as of a date.
    present: Callable[[ToolState, str, bool], dict[str, Any]] | None = None
    # summary(state) -> how many parts are filled in (0 = not started), for the overview.
    summary: Callable[[ToolState], int] | None = None
    # Called before the live tool page reads the tool (the ecosystem map adds the project's
    # own organisations). A service; it may write.
    on_open: Callable[[Project], Any] | None = None
    # A diagram that can be too wide for the page: `toolkit:diagram` shows it full width
    # (toolkit/includes/diagram_<key>.html, given `data` as the tool's page).
    diagram: bool = False
    # The page's URL name; the tools with parts share `toolkit:tool`.
    url_name: str = "toolkit:tool"

    @property
    def page_template(self) -> str:
        return f"toolkit/tool_{self.key}.html"

    @property
    def show_template(self) -> str:
        """The read-only body, included by the tool's page and the overview's dated view."""
        return f"toolkit/includes/show_{self.key}.html"

    @property
    def has_state(self) -> bool:
        """Kept in versioned rows (every tool but the dated self-assessments)."""
        return bool(self.parts)

    def url_kwargs(self, project_pk: int) -> dict[str, Any]:
        if self.url_name == "toolkit:tool":
            return {"project_pk": project_pk, "tool": self.key}
        return {"project_pk": project_pk}

    def attrs(self) -> list[str]:
        """Every ToolState attribute the tool needs: its own parts', then what it reads."""
        return [part.attr for part in self.parts] + list(self.reads)

    def add_parts(self) -> list[Part]:
        """The parts added one row at a time (a form for each on the tool's page)."""
        return [part for part in self.parts if not part.single]


def count_rows(*attrs: str) -> Callable[[ToolState], int]:
    """A `Tool.summary` that counts the rows of these parts (one kept once counts 1)."""

    def summary(state: ToolState) -> int:
        values = [getattr(state, attr) for attr in attrs]
        return sum(len(v) if isinstance(v, list) else int(v is not None) for v in values)

    return summary


class RegistryError(ValueError):
    pass


_tools: dict[str, Tool] = {}


def register(tool: Tool) -> Tool:
    """Add a tool. Keys, part kinds, part attributes and models must be new."""
    if tool.key in _tools:
        raise RegistryError(f"A tool {tool.key!r} is already registered.")
    taken = [(p.kind, p.attr, p.model) for t in _tools.values() for p in t.parts]
    for part in tool.parts:
        for index, (what, value) in enumerate(
            (("kind", part.kind), ("attr", part.attr), ("model", part.model))
        ):
            if any(entry[index] == value for entry in taken):
                raise RegistryError(f"{what} {value!r} of {tool.key!r} belongs to another tool.")
    _tools[tool.key] = tool
    return tool


def unregister(key: str) -> Tool:
    """Remove a tool (tests that register a tool of their own put things back with this)."""
    return _tools.pop(key)


def tools() -> list[Tool]:
    """Every tool, in the order they are shown."""
    return sorted(_tools.values(), key=lambda tool: (tool.order, tool.key))


def state_tools() -> list[Tool]:
    """The tools kept in versioned rows, each with its own page under tools/<key>/."""
    return [tool for tool in tools() if tool.has_state]


def get(key: str) -> Tool:
    """The tool with this key; KeyError if there is none."""
    return _tools[key]


def parts() -> list[Part]:
    """Every part of every tool: the toolkit's versioned models."""
    return [part for tool in state_tools() for part in tool.parts]


def find_kind(kind: str) -> tuple[Tool, Part] | None:
    for tool in state_tools():
        for part in tool.parts:
            if part.kind == kind:
                return tool, part
    return None


def part_for_attr(attr: str) -> Part | None:
    return next((part for part in parts() if part.attr == attr), None)


def part_for_model(model: type[Model]) -> Part | None:
    return next((part for part in parts() if part.model is model), None)


def autodiscover() -> None:
    """Import every module of samskapa.toolkit.tools; each registers its tool."""
    package = importlib.import_module(TOOLS_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{TOOLS_PACKAGE}.{module.name}")
