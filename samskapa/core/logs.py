"""Logs never hold a link token: a path can carry one (a registration's personal link, an
invitation, a calendar feed, a password-reset key), and whoever reads a log must not be able to
use it. `route_of('/conference/registration/Xy…/')` is '/conference/registration/<str:token>/';
a path without a secret part (`/projects/12/`) stays as it is, since it opens nothing.

- `RouteOnlyFilter` sits on the console handler (settings.LOGGING): every path-like argument
  of a log record (Django's security and request loggers pass `request.path`) becomes its route.
- `GunicornLogger` is gunicorn's access logger with the request line, path, query string and
  referrer replaced by routes: `gunicorn --logger-class samskapa.core.logs.GunicornLogger`.
- The audit log stores routes too (samskapa.core.audit.record_event).

Production logs are structured: `JsonFormatter` writes each record as one JSON object on one
line (settings.LOGGING, on when `SAMSKAPA_LOG_JSON`, by default whenever DEBUG is off), and
`GunicornLogger` does the same for gunicorn's own and access logs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
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


# The attributes every LogRecord has; anything else on a record was passed in `extra`.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, process, the
    traceback when there is one, and the `extra` fields that are plain values (an object such
    as Django's `request` is left out: its text would hold the full path)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key in _RECORD_ATTRIBUTES or key in entry or key.startswith("_"):
                continue
            if value is None or isinstance(value, str | int | float | bool):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class AccessJsonFormatter(JsonFormatter):
    """gunicorn's access records as JSON: the request's fields from gunicorn's atoms (already
    made token-free by GunicornLogger.atoms) instead of the formatted line."""

    def format(self, record: logging.LogRecord) -> str:
        atoms = record.args if isinstance(record.args, Mapping) else {}
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "process": record.process,
            "remote": atoms.get("h"),
            "method": atoms.get("m"),
            "route": atoms.get("U"),
            "status": _int_or_none(atoms.get("s")),
            "bytes": _int_or_none(atoms.get("B")),
            "duration_ms": _int_or_none(atoms.get("M")),
            "user_agent": atoms.get("a"),
        }
        return json.dumps(entry, ensure_ascii=False, default=str)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class GunicornLogger(glogging.Logger):  # type: ignore[misc]  # gunicorn has no type hints
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if getattr(settings, "SAMSKAPA_LOG_JSON", False):
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())
            for handler in self.access_log.handlers:
                handler.setFormatter(AccessJsonFormatter())

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
