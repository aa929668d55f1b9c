"""PDF documents from HTML templates with WeasyPrint (docs/architecture.md, "PDF").

WeasyPrint is a regular dependency, but it needs Debian's pango at run time. Where pango is
missing, `available()` is False: pages hide their PDF links and say that PDF is not available
here, PDF addresses answer 404 (`render_pdf` raises it), and the tests that need PDF are
skipped with that reason (CI installs pango and sets SAMSKAPA_PDF_REQUIRED=1, which turns the
skip into a failure).

Every document gets the page's language (`<html lang>`, the PDF's /Lang), a title and
"Samskapa" as its generator, and is tagged for screen readers. It is rendered without network
access: stylesheets and images come from the static files, `data:` URLs are allowed, anything
else is refused.
"""

from __future__ import annotations

import functools
import importlib
import logging
import mimetypes
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/pdf"


@functools.cache
def _weasyprint() -> ModuleType | None:
    # Imported on first use rather than at start-up, once per process: loading WeasyPrint and
    # pango takes about half a second, and where pango is missing the import fails with OSError.
    try:
        return importlib.import_module("weasyprint")
    except OSError as error:
        logger.warning("PDF output is not available (WeasyPrint needs pango): %s", error)
        return None


def available() -> bool:
    """Whether this installation can make PDF documents (checked once per process)."""
    return _weasyprint() is not None


def static_file_path(url: str) -> str | None:
    """The file behind a static-file URL, or None for any other URL (or a missing file)."""
    path = unquote(urlsplit(url).path)
    prefix = urlsplit(settings.STATIC_URL).path
    if not path.startswith(prefix):
        return None
    name = path.removeprefix(prefix)
    try:
        if staticfiles_storage.exists(name):  # collected (and hashed) files in production
            return str(staticfiles_storage.path(name))
        found = finders.find(name)  # the apps' own static folders in development and tests
    except (SuspiciousFileOperation, NotImplementedError):
        return None
    return found if isinstance(found, str) else None


def _fetcher(weasyprint: ModuleType) -> Any:
    base: Any = weasyprint.urls.URLFetcher  # WeasyPrint ships no type hints

    class StaticOnlyFetcher(base):  # type: ignore[misc,unused-ignore]
        """Static files from disk and `data:` URLs; no request leaves the process."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_file_path(url)
            if path is None:
                raise ValueError(f"Not fetched in a PDF (only static files are): {url}")
            with open(path, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticOnlyFetcher()


def render_pdf(
    request: HttpRequest,
    template_name: str,
    context: dict[str, Any],
    *,
    title: str,
    filename: str,
) -> HttpResponse:
    """Render a template to a PDF download in the request's language; 404 where PDF is off."""
    weasyprint = _weasyprint()
    if weasyprint is None:
        raise Http404("PDF is not available on this installation.")
    language = translation.get_language() or settings.LANGUAGE_CODE
    html = render_to_string(template_name, context, request=request)
    document = weasyprint.HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_fetcher(weasyprint)
    ).render(pdf_tags=True)
    document.metadata.title = title
    document.metadata.lang = language
    document.metadata.generator = "Samskapa"
    response = HttpResponse(document.write_pdf(pdf_tags=True), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    return response
