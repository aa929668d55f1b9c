#!/usr/bin/env python3
"""A small Procfile runner (what honcho or foreman do, in the standard library only).

    python scripts/procrun.py [Procfile]

Starts every process of the Procfile (`name: command`, run by /bin/sh, so `$VARIABLES` are
expanded from the environment), prefixes each output line with the process's name, and stops
them all when it receives SIGINT or SIGTERM, or when any one of them exits: SIGTERM to each
process group, then SIGKILL to those still running after SAMSKAPA_STOP_TIMEOUT seconds
(default 20). Exits 0 after a requested stop in which every process ended by itself, 1
otherwise. `honcho start -f Procfile` runs the same Procfile.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

_LINE = re.compile(r"^([A-Za-z0-9_-]+):\s*(.+)$")


def read_procfile(path: Path) -> list[tuple[str, str]]:
    processes = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            sys.exit(f"{path}: not a 'name: command' line: {line!r}")
        processes.append((match.group(1), match.group(2)))
    return processes


def _shell_command(command: str) -> str:
    """A simple command replaces the shell (`exec`), so that its own exit status is reported
    and signals reach it alone; a compound one (`a; b`, `a && b`, a pipe) runs in the shell."""
    return command if any(mark in command for mark in ";&|\n") else f"exec {command}"


def main() -> int:
    procfile = Path(sys.argv[1] if len(sys.argv) > 1 else "Procfile")
    processes = read_procfile(procfile)
    width = max(len(name) for name, _ in processes)
    stop_timeout = float(os.environ.get("SAMSKAPA_STOP_TIMEOUT", "20"))
    stopping = threading.Event()
    requested = threading.Event()
    print_lock = threading.Lock()

    def say(name: str, text: str) -> None:
        with print_lock:
            sys.stdout.write(f"{name.ljust(width)} | {text}\n")
            sys.stdout.flush()

    def pump(name: str, stream) -> None:  # type: ignore[no-untyped-def]
        for raw in iter(stream.readline, b""):
            say(name, raw.decode("utf-8", "replace").rstrip("\n"))

    children: dict[str, subprocess.Popen[bytes]] = {}
    pumps = []
    for name, command in processes:
        # The commands are the Procfile's, written by whoever runs this: no outside input.
        child = subprocess.Popen(  # noqa: S603
            ["/bin/sh", "-c", _shell_command(command)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole, not by a ^C
        )
        children[name] = child
        say("procrun", f"started {name} (pid {child.pid}): {command}")
        thread = threading.Thread(target=pump, args=(name, child.stdout), daemon=True)
        thread.start()
        pumps.append(thread)

    def request_stop(signum: int, frame: object) -> None:
        requested.set()
        stopping.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    while not stopping.is_set():
        for name, child in children.items():
            if child.poll() is not None:
                say("procrun", f"{name} exited with {child.returncode}: stopping the others")
                stopping.set()
                break
        stopping.wait(0.2)

    for name, child in children.items():
        if child.poll() is None:
            say("procrun", f"stopping {name}")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + stop_timeout
    clean = requested.is_set()
    for name, child in children.items():
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            say("procrun", f"{name} did not stop within {stop_timeout:g} s: killing it")
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            clean = False
    for thread in pumps:
        thread.join(timeout=2)
    for name, child in children.items():
        say("procrun", f"{name} stopped ({child.returncode})")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
