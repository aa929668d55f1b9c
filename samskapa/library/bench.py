"""Benchmark pages for the knowledge bank (its size is the starter content: real material)."""

from __future__ import annotations

from samskapa.core.bench import BenchPage

PAGES = [
    BenchPage("knowledge bank", None, lambda: "/library/"),
    BenchPage("knowledge bank search", None, lambda: "/library/?q=f%C3%B6r%C3%A4ndringsteori"),
]
