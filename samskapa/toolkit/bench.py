"""Benchmark pages of the toolkit: a project lead working in their project's tools (the demo
project 23-012-S01, whose tools the demo fills)."""

from __future__ import annotations

from samskapa.core.bench import BenchPage
from samskapa.core.httpbench import FORM_OR_LOGGED_IN
from samskapa.projects.models import Project


def _tool_url(tool: str) -> str:
    project = Project.objects.get(number="23-012-S01")
    return f"/projects/{project.pk}/tools/{tool}/"


PAGES = [
    BenchPage(
        "theory of change",
        "projekt@samskapa.test",
        lambda: _tool_url("theory_of_change"),
        http_target=FORM_OR_LOGGED_IN,
    ),
    BenchPage(
        "indicators",
        "projekt@samskapa.test",
        lambda: _tool_url("indicators"),
        http_target=FORM_OR_LOGGED_IN,
    ),
]
