from __future__ import annotations

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
