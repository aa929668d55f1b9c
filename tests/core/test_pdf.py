"""The PDF helper reads stylesheets and images from the static files and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from samskapa.core.pdf import static_file_path


def test_a_static_url_is_read_from_the_apps_static_files() -> None:
    path = static_file_path("http://testserver/static/conference/badges.css")

    assert path is not None
    assert Path(path).read_text().startswith("@page")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/tracker.png",  # another site
        "http://testserver/media-not-served/secret.pdf",  # not a static file
        "http://testserver/static/../../samskapa/settings.py",  # out of the static folders
        "http://testserver/static/%2e%2e/%2e%2e/samskapa/settings.py",
        "http://testserver/static/core/no-such-file.css",
        "file:///etc/passwd",
    ],
)
def test_anything_else_is_refused(url: str) -> None:
    assert static_file_path(url) is None
