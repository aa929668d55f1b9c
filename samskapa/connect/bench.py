"""Benchmark pages for connect: projects like one project among the 2,000 of the projects
benchmark (samskapa/projects/bench.py seeds them), and a public case page with its similar
cases and its peers among the 2,000 initiatives of the European benchmark
(samskapa/europe/bench.py), requested by a logged-in person so that the page cache does not
answer for the matching."""

from __future__ import annotations

from samskapa.core.bench import BenchPage
from samskapa.core.httpbench import CACHED_PUBLIC
from samskapa.projects.models import Project
from samskapa.showcase.selectors import published_cases


def _similar_url() -> str:
    project = Project.objects.filter(number__startswith="9").order_by("number").first()
    if project is None:  # no benchmark projects: a demo project
        project = Project.objects.get(number="23-012-S01")
    return f"/projects/{project.pk}/similar/"


def _case_url() -> str:
    case = published_cases().order_by("pk").first()
    return case.get_absolute_url() if case is not None else "/cases/"


PAGES = [
    BenchPage("projects like one of 2,000", "admin@samskapa.test", _similar_url),
    BenchPage("case page: peers among 2,000 initiatives", "admin@samskapa.test", _case_url),
    # The same page as every visitor without an account gets it: from the public cache.
    BenchPage("case page (public)", None, _case_url, http_target=CACHED_PUBLIC),
]
