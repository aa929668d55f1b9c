"""Logs never hold a link token: a path can carry one (a registration's personal link, an
invitation, a calendar feed, a password-reset key), and whoever reads a log must not be able to
use it. `route_of('/conference/registration/Xy…/')` is '/conference/registration/<str:token>/';
a path without a secret part (`/projects/12/`) stays as it is, since it opens nothing.

- `RouteOnlyFilter` sits on the console handler (settings.LOGGING): every path-like argument
  of a log record (Django's security and request loggers pass `request.path`) becomes its route.
- `GunicornLogger` is gunicorn's access logger with the request line, path, query string and
  referrer replaced by routes: `gunicorn --logger-class samskapa.core.logs.GunicornLogger`.
- The audit log stores routes too (samskapa.core.audit.record_event).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from gunicorn import glogging

# URL parameters that are secrets: our link tokens, allauth's e-mail and password-reset keys.
_SECRET_PARAMETERS = ("token", "key", "uidb36")


def route_of(path: str) -> str:
    """`path` without its query string, with the route pattern in place of the path where
    the path carries a secret parameter."""
    path = urlsplit(path).path
    try:
        match = resolve(path)
    except Resolver404:
        return path
    except Exception:
        return "<unresolved path>"
    if any(secret in name for name in match.kwargs for secret in _SECRET_PARAMETERS):
        return "/" + match.route.lstrip("^").rstrip("$")
    return path


class RouteOnlyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                route_of(arg) if isinstance(arg, str) and arg.startswith("/") else arg
                for arg in record.args
            )
        return True


class GunicornLogger(glogging.Logger):  # type: ignore[misc]  # gunicorn has no type hints
    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        path = environ.get("PATH_INFO", "")
        route = route_of(path)
        secrets = {environ.get("RAW_URI", ""): route, path: route}
        referrer = environ.get("HTTP_REFERER", "")
        if referrer:
            parts = urlsplit(referrer)
            secrets[referrer] = f"{parts.scheme}://{parts.netloc}{route_of(parts.path)}"
        # Longest first: the raw URI (path and query) goes whole, before the path alone.
        ordered = sorted((item for item in secrets.items() if item[0]), key=lambda i: -len(i[0]))
        for name, value in atoms.items():
            if isinstance(value, str):
                for secret, replacement in ordered:
                    value = value.replace(secret, replacement)
                atoms[name] = value
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {route} {environ.get('SERVER_PROTOCOL')}"
        atoms["U"] = route
        atoms["q"] = "-"  # a query string can carry a token or a search for a person
        if "{query_string}e" in atoms:
            atoms["{query_string}e"] = "-"
        return atoms
