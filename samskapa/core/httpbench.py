"""`manage.py bench_http`: key pages measured over HTTP against the floor (`make bench`).

The in-process benchmark (samskapa.core.benchmark) times the view code; this one times what a
visitor gets: gunicorn with production settings (DEBUG off, the manifest static storage, the
database task queue, the shared cache, JSON logs) serving the bench data set, loaded by Debian's
`wrk`. On a machine with two cores or more, gunicorn is pinned to one core and wrk to another
(`taskset`), so that the load generator does not take the server's time.

A response counts only when its status is 200 and its body has the length the page had when
fetched once before the run (scripts/bench_wrk.lua): an error page, a redirect to the login
page or a page that changed size is counted as bad, and a page with any bad response fails,
however fast it was. Each page's requests per second are printed beside its share of the floor,
`/.well-known/security.txt` served by the same processes through the same middleware, measured
before and after the pages (the floor is their mean; the two figures show how steady the
machine was).

The pages and their targets come from the benchmark modules: a `BenchPage` with an
`http_target` (the share of the floor it must reach) is measured here as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The summary line scripts/bench_wrk.lua prints in its done() function.
_WRK_LINE = re.compile(
    r"^samskapa-wrk good=(?P<good>\d+) bad_status=(?P<bad_status>\d+) "
    r"bad_size=(?P<bad_size>\d+) requests=(?P<requests>\d+) "
    r"duration_us=(?P<duration_us>\d+) socket_errors=(?P<socket_errors>\d+) "
    r"p50_us=(?P<p50_us>\d+) p99_us=(?P<p99_us>\d+)$",
    re.MULTILINE,
)

# Targets of issue 19, as shares of the floor.
CACHED_PUBLIC = 0.50
FORM_OR_LOGGED_IN = 0.15


class WrkOutputError(ValueError):
    """wrk's output has no summary line of scripts/bench_wrk.lua (wrong script, or wrk failed)."""


@dataclass(frozen=True)
class WrkRun:
    good: int  # status 200 and the expected length
    bad_status: int
    bad_size: int
    requests: int
    seconds: float
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def bad(self) -> int:
        return self.bad_status + self.bad_size + self.socket_errors

    @property
    def good_per_second(self) -> float:
        """Only good responses count: a failing page is not a fast page."""
        return self.good / self.seconds if self.seconds > 0 else 0.0


def parse_wrk(output: str) -> WrkRun:
    match = _WRK_LINE.search(output)
    if match is None:
        raise WrkOutputError(f"no summary line in wrk's output: {output[-500:]!r}")
    values = {name: int(value) for name, value in match.groupdict().items()}
    return WrkRun(
        good=values["good"],
        bad_status=values["bad_status"],
        bad_size=values["bad_size"],
        requests=values["requests"],
        seconds=values["duration_us"] / 1_000_000,
        socket_errors=values["socket_errors"],
        p50_ms=values["p50_us"] / 1000,
        p99_ms=values["p99_us"] / 1000,
    )


@dataclass(frozen=True)
class PageResult:
    label: str
    url: str
    target: float  # share of the floor
    run: WrkRun

    def share(self, floor_per_second: float) -> float:
        return self.run.good_per_second / floor_per_second if floor_per_second > 0 else 0.0

    def passed(self, floor_per_second: float) -> bool:
        return (
            self.run.bad == 0 and self.run.good > 0 and self.share(floor_per_second) >= self.target
        )


def floor_per_second(runs: list[WrkRun]) -> float:
    """The mean of the floor's runs (before and after the pages)."""
    return sum(run.good_per_second for run in runs) / len(runs) if runs else 0.0


def table(results: list[PageResult], floor_runs: list[WrkRun]) -> list[str]:
    """The lines `make bench` prints: each page's good requests per second, its share of the
    floor, its target and a pass or fail mark, then how many pages passed."""
    floor = floor_per_second(floor_runs)
    lines = [
        "Floor /.well-known/security.txt: "
        + ", ".join(f"{run.good_per_second:,.0f}" for run in floor_runs)
        + f" requests/s (before, after); mean {floor:,.0f}",
        "",
        f"{'page':<36} {'req/s':>8} {'share':>6} {'target':>6} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'bad':>5}  result",
    ]
    for result in results:
        run = result.run
        mark = "pass" if result.passed(floor) else "FAIL"
        if run.bad:
            mark += f" ({_bad_reason(run)})"
        lines.append(
            f"{result.label:<36} {run.good_per_second:>8,.0f} {result.share(floor):>6.0%}"
            f" {result.target:>6.0%} {run.p50_ms:>7.1f} {run.p99_ms:>7.1f} {run.bad:>5}  {mark}"
        )
    passed = sum(result.passed(floor) for result in results)
    lines += ["", f"{passed} of {len(results)} pages reach their target."]
    return lines


def _bad_reason(run: WrkRun) -> str:
    reasons = []
    if run.bad_status:
        reasons.append(f"{run.bad_status} not 200")
    if run.bad_size:
        reasons.append(f"{run.bad_size} of another size")
    if run.socket_errors:
        reasons.append(f"{run.socket_errors} socket errors")
    return ", ".join(reasons)
