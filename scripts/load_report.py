#!/usr/bin/env python3
"""Print the table of a `make load` run from locust's CSV statistics (scripts/load.sh):
per request name and in total, the requests, failures, requests per second and the 50th, 95th
and 99th percentile of the response time; then the failures, if any. Exits 1 on a failure.

    python scripts/load_report.py STATS.csv FAILURES.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main() -> int:
    stats = list(csv.DictReader(Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()))
    failures = list(csv.DictReader(Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()))
    print(
        f"{'request':<44} {'count':>6} {'fail':>5} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7}"
        f" {'p99 ms':>7}"
    )
    rows = sorted(stats, key=lambda row: (row["Name"] == "Aggregated", row["Name"]))
    for row in rows:
        name = "all requests" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"{name[:44]:<44} {row['Request Count']:>6} {row['Failure Count']:>5}"
            f" {float(row['Requests/s']):>6.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    for row in failures:
        print(f"failed: {row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
