"""PDF-test set-up (a pytest plugin loaded by tests/conftest.py): the `pdf` marker.

A test marked `pdf` needs WeasyPrint to make real PDF documents, and WeasyPrint needs Debian's
pango. On a machine without it, `make test` skips these tests and says why; CI installs pango
and sets SAMSKAPA_PDF_REQUIRED=1, which turns the missing libraries into a failure.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from samskapa.core import pdf

MISSING = (
    "WeasyPrint cannot load pango (install Debian's libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 fonts-dejavu-core): PDF tests NOT run. CI runs them and fails without it."
)


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers", "pdf: makes real PDF documents with WeasyPrint (skipped where pango is missing)"
    )


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    wanted = [item for item in items if item.get_closest_marker("pdf")]
    if not wanted or pdf.available():
        return
    if os.environ.get("SAMSKAPA_PDF_REQUIRED") == "1":
        raise pytest.UsageError(MISSING)
    skip = pytest.mark.skip(reason=MISSING)
    for item in wanted:
        item.add_marker(skip)
