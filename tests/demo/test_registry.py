"""Every app's demo loader is registered in its AppConfig and runs in INSTALLED_APPS order;
starting Samskapa imports no demo data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

import samskapa.demo
from samskapa.demo import loaders

pytestmark = pytest.mark.demo

DEMO_DIR = Path(samskapa.demo.__file__).parent


def test_each_app_with_a_demo_module_registers_it_in_dependency_order() -> None:
    expected = [
        f"samskapa.demo.{config.label}"
        for config in apps.get_app_configs()
        if (DEMO_DIR / f"{config.label}.py").exists()
    ]
    assert len(expected) >= 7
    assert loaders() == expected


def test_starting_samskapa_imports_no_demo_data() -> None:
    code = (
        "import sys, django; django.setup(); "
        "print(sorted(m for m in sys.modules if m.startswith('samskapa.demo.')))"
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=DEMO_DIR.parent.parent,
        env={"DJANGO_SETTINGS_MODULE": "samskapa.settings", "SAMSKAPA_TESTING": "1", "PATH": ""},
    )
    assert result.stdout.strip() == "['samskapa.demo.clock']"
