"""Production settings: no default secret key, and the site refuses to serve without one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"SECRET_KEY", "DEBUG", "SAMSKAPA_TESTING", "DJANGO_SETTINGS_MODULE"}
}


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**ENV, "SAMSKAPA_TESTING": "0", "DJANGO_SETTINGS_MODULE": "samskapa.settings"}
    return subprocess.run(  # noqa: S603  (our own interpreter and a fixed script)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_commands_that_need_no_key_run_without_one() -> None:
    result = _run(
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('makemigrations', '--check', '--dry-run', verbosity=0)"
    )
    assert result.returncode == 0, result.stderr


def test_signing_without_a_key_is_refused() -> None:
    result = _run(
        "import django; django.setup();from django.core import signing; signing.dumps('x')"
    )
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr
