"""Benchmark pages for connect: projects like one project among the 2,000 of the projects
benchmark (samskapa/projects/bench.py seeds them)."""

from __future__ import annotations

from samskapa.core.bench import BenchPage
from samskapa.projects.models import Project


def _similar_url() -> str:
    project = Project.objects.filter(number__startswith="9").order_by("number").first()
    if project is None:  # no benchmark projects: a demo project
        project = Project.objects.get(number="23-012-S01")
    return f"/projects/{project.pk}/similar/"


PAGES = [BenchPage("projects like one of 2,000", "admin@samskapa.test", _similar_url)]
