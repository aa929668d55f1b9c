"""Extension points, one mechanism: every app registers its navigation, dashboard panels,
personal-data sources, retention rules and benchmark modules in AppConfig.ready() through the
extension point's register(); core keeps no list of app modules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samskapa.accounts import personal_data
from samskapa.core import bench, dashboard, navigation, retention
from samskapa.core.extensions import Registry

APPS = Path(__file__).resolve().parents[2] / "samskapa"


def test_a_registry_keeps_one_item_per_key_in_first_registration_order() -> None:
    registry: Registry[str] = Registry("test")
    registry.register("b", "first b")
    registry.register("a", "a")
    registry.register("b", "second b")
    assert registry.items() == ["second b", "a"]


def test_every_app_registers_through_its_app_config() -> None:
    panels = {panel.template.split("/")[0] for panel in dashboard._PANELS.items()}
    assert panels == {
        "accounts", "coaching", "coalitions", "conference", "evaluation", "library", "projects",
        "showcase", "toolkit",
    }  # fmt: skip
    nav = {item.url_name.split(":")[0] for item in navigation._REGISTRY.items()}
    assert nav == {
        "core",
        "accounts",
        "coaching",
        "coalitions",
        "conference",
        "evaluation",
        "europe",
        "library",
        "projects",
        "showcase",
    }
    assert {s.key for s in personal_data.sources()} == {
        "coaching", "coalitions", "conference", "connect", "evaluation", "library", "projects",
        "showcase", "tasks", "toolkit",
    }  # fmt: skip
    assert {r.key for r in retention.rules()} >= {
        "core.audit_log", "core.import_uploads", "conference.needs", "conference.registrations",
        "connect.contact_requests",
    }  # fmt: skip
    # In INSTALLED_APPS order: each seeder builds on the data of the apps before it.
    assert [m.key for m in bench.modules()] == [
        "accounts", "projects", "toolkit", "coalitions", "coaching", "library", "conference",
        "evaluation", "connect", "europe", "showcase",
    ]  # fmt: skip


def test_registering_happens_in_app_configs_only() -> None:
    callers = {
        path.relative_to(APPS).as_posix()
        for path in APPS.rglob("*.py")
        if "migrations" not in path.parts
        and re.search(
            r"\b(navigation|dashboard|retention|personal_data|bench)\.register\(",
            path.read_text(encoding="utf-8"),
        )
    }
    assert callers
    assert all(caller.endswith("/apps.py") for caller in callers), callers


LOCAL_IMPORT = re.compile(r"^(\s+)(from \S+ import |import )")


def _local_imports() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(APPS.rglob("*.py")):
        where = path.relative_to(APPS).as_posix()
        if "migrations" in path.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        type_only = False  # inside `if TYPE_CHECKING:`: types, never imported at run time
        for number, line in enumerate(lines):
            if line.startswith("if TYPE_CHECKING:"):
                type_only = True
                continue
            if type_only and not line.startswith((" ", "#")) and line.strip():
                type_only = False
            if type_only:
                continue
            if LOCAL_IMPORT.match(line) and not line.strip().startswith(("from __future__",)):
                found.append((where, number, line))
    return found


@pytest.mark.parametrize(("where", "number", "line"), _local_imports())
def test_a_function_local_import_says_why(where: str, number: int, line: str) -> None:
    lines = (APPS / where).read_text(encoding="utf-8").splitlines()
    # The reason is the comment above the import or above the block of imports it is in.
    above = number - 1
    while above >= 0 and LOCAL_IMPORT.match(lines[above]):
        above -= 1
    assert lines[above].strip().startswith("#"), f"{where}:{number + 1}: {line.strip()}"
