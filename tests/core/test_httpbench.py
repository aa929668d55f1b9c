"""The HTTP benchmark's arithmetic (samskapa.core.httpbench): what wrk's script reports, what
counts as good, and how a page passes or fails."""

from __future__ import annotations

import pytest

from samskapa.core.httpbench import PageResult, WrkOutputError, WrkRun, parse_wrk, table

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8300/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.31ms    2.10ms  40.12ms   91.00%
  4000 requests in 10.00s, 40.00MB read
Requests/sec:    400.00
Transfer/sec:      4.00MB
samskapa-wrk good=3990 bad_status=6 bad_size=4 requests=4000 duration_us=10000000 socket_errors=0 p50_us=12100 p99_us=30500
"""


def _run(good: int, *, bad_status: int = 0, bad_size: int = 0, seconds: float = 10.0) -> WrkRun:
    return WrkRun(
        good=good,
        bad_status=bad_status,
        bad_size=bad_size,
        requests=good + bad_status + bad_size,
        seconds=seconds,
        socket_errors=0,
        p50_ms=1.0,
        p99_ms=2.0,
    )


def test_parse_wrk_reads_the_scripts_summary_line():
    run = parse_wrk(WRK_OUTPUT)
    assert (run.good, run.bad_status, run.bad_size, run.requests) == (3990, 6, 4, 4000)
    assert run.seconds == 10.0
    assert (run.p50_ms, run.p99_ms) == (12.1, 30.5)
    assert run.bad == 10


def test_only_good_responses_count_towards_requests_per_second():
    # wrk's own figure (400/s) counts the error pages; the bench counts 399/s.
    assert parse_wrk(WRK_OUTPUT).good_per_second == pytest.approx(399.0)


def test_output_without_the_summary_line_is_an_error():
    with pytest.raises(WrkOutputError):
        parse_wrk("unable to connect to 127.0.0.1:8300 Connection refused\n")


def test_a_page_passes_at_its_share_of_the_floor():
    floor = 1000.0
    page = PageResult("home", "/", 0.5, _run(5000))  # 500/s: exactly half of the floor
    assert page.share(floor) == pytest.approx(0.5)
    assert page.passed(floor)
    assert not PageResult("home", "/", 0.5, _run(4990)).passed(floor)


def test_a_fast_page_with_errors_fails():
    fast_but_failing = PageResult("form", "/register/", 0.15, _run(9000, bad_status=1))
    assert fast_but_failing.share(1000.0) > 0.15
    assert not fast_but_failing.passed(1000.0)
    wrong_size = PageResult("form", "/register/", 0.15, _run(9000, bad_size=1))
    assert not wrong_size.passed(1000.0)


def test_the_table_shows_rates_shares_targets_and_marks():
    floor_runs = [_run(9000), _run(11000)]  # 900/s and 1,100/s: the floor is their mean
    lines = table(
        [
            PageResult("home (public)", "/", 0.5, _run(6000)),
            PageResult("registration form", "/r/", 0.15, _run(1000, bad_status=3)),
        ],
        floor_runs,
    )
    text = "\n".join(lines)
    assert "900, 1,100 requests/s (before, after); mean 1,000" in text
    home = next(line for line in lines if line.startswith("home (public)"))
    assert home.split()[2:6] == ["600", "60%", "50%", "1.0"] and home.endswith("pass")
    form = next(line for line in lines if line.startswith("registration form"))
    assert "FAIL (3 not 200)" in form
    assert lines[-1] == "1 of 2 pages reach their target."
