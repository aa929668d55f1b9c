"""Benchmark pages for the knowledge bank (its size is the starter content: real material)."""

from __future__ import annotations

from samskapa.core.bench import BenchPage
from samskapa.core.httpbench import CACHED_PUBLIC

PAGES = [
    BenchPage("knowledge bank", None, lambda: "/library/", http_target=CACHED_PUBLIC),
    BenchPage("knowledge bank search", None, lambda: "/library/?q=f%C3%B6r%C3%A4ndringsteori"),
    BenchPage(
        "knowledge bank material",
        None,
        lambda: "/library/material/vad-ar-social-innovation/",
        http_target=CACHED_PUBLIC,
    ),
]
