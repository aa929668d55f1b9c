from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test.utils import override_settings

from samskapa.core import benchmark
from samskapa.demo import load_demo


class Command(BaseCommand):
    help = "Seed a large data set and report the server time of key pages (`make bench`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="1 = about 10× a real call year")
        parser.add_argument("--repeat", type=int, default=15, help="requests per page")
        parser.add_argument("--no-seed", action="store_true", help="measure the data as it is")
        parser.add_argument(
            "--seed-only", action="store_true", help="seed, measure nothing (`make load`)"
        )
        parser.add_argument(
            "--queries-out", default="", help="write each page's query count to this JSON file"
        )
        parser.add_argument(
            "--compare-queries",
            default="",
            help="fail unless each page's query count equals the one in this JSON file"
            " (`make bench-scale`: the same pages on 1× and 10× the data)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(
                f"Refusing to seed {name!r}: run through `make bench`, which uses its own database."
            )
        if not options["no_seed"]:
            self.stdout.write("Loading the demo data and seeding the large data set…")
            load_demo()
            benchmark.seed(scale=options["scale"])
        if options["seed_only"]:
            return
        # This table times pages as rendered: a logged-in person's page from the personal page
        # cache would time the cache (bench_http measures that, with production settings).
        with override_settings(SAMSKAPA_PERSONAL_PAGE_CACHE=False):
            baseline, results = benchmark.measure(repeat=options["repeat"])
        self.stdout.write(f"\nBaseline {benchmark.BASELINE_URL}: {baseline:.1f} ms (median)\n")
        self.stdout.write(
            f"{'page':<42} {'status':>6} {'queries':>7} {'median ms':>10} {'× base':>7}"
            f" {'SQL ms':>8} {'× SQL':>6}"
        )
        for row in results:
            sql = (
                f" {row.reference_ms:>8.1f} {row.reference_ratio:>6.2f}"
                if row.reference_ms and row.reference_ratio
                else f" {'':>8} {'':>6}"
            )
            self.stdout.write(
                f"{row.label:<42} {row.status:>6} {row.queries:>7} {row.median_ms:>10.1f} {row.ratio:>7.1f}"
                + sql
            )
        failed = [row.label for row in results if row.status != 200]
        if failed:
            raise CommandError(f"Pages that did not answer 200: {', '.join(failed)}")
        counts = {row.label: row.queries for row in results}
        if options["queries_out"]:
            Path(options["queries_out"]).parent.mkdir(parents=True, exist_ok=True)
            Path(options["queries_out"]).write_text(json.dumps(counts, indent=1), encoding="utf-8")
        if options["compare_queries"]:
            self._compare(counts, json.loads(Path(options["compare_queries"]).read_text("utf-8")))

    def _compare(self, counts: dict[str, int], before: dict[str, int]) -> None:
        changed = [
            f"{label}: {before.get(label, '?')} → {count}"
            for label, count in counts.items()
            if before.get(label) != count
        ]
        self.stdout.write(
            f"\nQuery counts against the earlier run: {len(counts) - len(changed)} of"
            f" {len(counts)} pages the same."
        )
        if changed:
            raise CommandError("Query counts that changed: " + "; ".join(changed))
