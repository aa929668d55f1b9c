"""scripts/procrun.py, the Procfile runner of `make serve-prod`: stops every process when one
exits (exit 1), and stops them all cleanly on SIGTERM (exit 0)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

RUNNER = Path(__file__).resolve().parent.parent / "scripts" / "procrun.py"


def _start(tmp_path: Path, procfile: str) -> subprocess.Popen[str]:
    (tmp_path / "Procfile").write_text(procfile)
    return subprocess.Popen(  # noqa: S603  # our own script, this test's Procfile
        [sys.executable, str(RUNNER), str(tmp_path / "Procfile")],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SAMSKAPA_STOP_TIMEOUT": "5", "GREETING": "hello"},
    )


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 10
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_one_process_exiting_stops_the_others(tmp_path: Path) -> None:
    runner = _start(
        tmp_path,
        "# a comment\nlong: touch long.started; sleep 60\nshort: echo $GREETING; exit 3\n",
    )
    output, _ = runner.communicate(timeout=20)
    assert runner.returncode == 1
    assert "short | hello" in output  # variables come from the environment, lines are named
    assert "short exited with 3: stopping the others" in output
    assert "stopping long" in output


def test_sigterm_stops_every_process_cleanly(tmp_path: Path) -> None:
    runner = _start(
        tmp_path,
        "one: touch one.started; exec sleep 60\ntwo: touch two.started; exec sleep 60\n",
    )
    _wait_for(tmp_path / "one.started")
    _wait_for(tmp_path / "two.started")
    runner.send_signal(signal.SIGTERM)
    output, _ = runner.communicate(timeout=20)
    assert runner.returncode == 0, output
    assert "one stopped (-15)" in output and "two stopped (-15)" in output


def test_a_simple_command_replaces_the_shell_and_reports_its_own_status(tmp_path: Path) -> None:
    (tmp_path / "trap.py").write_text(
        "import signal, sys, time\n"
        "signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))\n"
        "open('trap.started', 'w').close()\n"
        "time.sleep(60)\n"
    )
    runner = _start(tmp_path, f"trap: {sys.executable} trap.py\n")
    _wait_for(tmp_path / "trap.started")
    runner.send_signal(signal.SIGTERM)
    output, _ = runner.communicate(timeout=20)
    assert runner.returncode == 0, output
    assert "trap stopped (0)" in output  # the program's own clean exit, not the shell's death
