"""Production logs are structured: one JSON object a line, with no link token in it
(samskapa.core.logs.JsonFormatter; gunicorn's logs through GunicornLogger)."""

from __future__ import annotations

import io
import json
import logging
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from gunicorn.config import Config

from samskapa.core.logs import GunicornLogger, JsonFormatter, RouteOnlyFilter

TOKEN = "Tq3xV9kLmN2pR7sW4yZ8aB1cD5eF6gH0"


def _logger(name: str) -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RouteOnlyFilter())
    logger = logging.getLogger(name)
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger, stream


def test_each_record_is_one_json_object_on_one_line() -> None:
    logger, stream = _logger("samskapa.test.json")
    logger.warning(
        "Forbidden (%s): %s\nsecond line, «åäö»",
        "CSRF token missing.",
        f"/conference/r/{TOKEN}/cancel/",
        extra={"incident": "abc123", "attempt": 2, "request": object()},
    )
    try:
        raise ValueError("broken")
    except ValueError:
        logger.exception("Incident %s", "def456")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "WARNING"
    assert first["logger"] == "samskapa.test.json"
    assert first["message"] == (
        "Forbidden (CSRF token missing.): /conference/r/<str:token>/cancel/\nsecond line, «åäö»"
    )
    assert first["incident"] == "abc123" and first["attempt"] == 2
    assert "request" not in first  # an object's text could hold the full path
    assert first["time"].endswith("+00:00") and isinstance(first["process"], int)
    assert TOKEN not in stream.getvalue()
    assert second["message"] == "Incident def456"
    assert "ValueError: broken" in second["exception"]


def test_production_settings_log_json_and_development_plain(settings: Any) -> None:
    from samskapa import settings as samskapa_settings

    handler = samskapa_settings.LOGGING["handlers"]["console"]
    expected = "json" if samskapa_settings.SAMSKAPA_LOG_JSON else "plain"
    assert handler["formatter"] == expected
    assert samskapa_settings.SAMSKAPA_LOG_JSON is False  # tests run with readable logs


@pytest.mark.parametrize("json_logs", [True, False])
def test_gunicorn_access_lines_are_json_and_name_the_route(
    settings: Any, capsys: pytest.CaptureFixture[str], json_logs: bool
) -> None:
    settings.SAMSKAPA_LOG_JSON = json_logs
    config = Config()
    config.set("accesslog", "-")
    config.set("errorlog", "-")
    logger = GunicornLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/coalitions/feed/{TOKEN}.ics?x=1",
        "PATH_INFO": f"/coalitions/feed/{TOKEN}.ics",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": "curl/8",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=42))
    logger.info("Booting worker")
    captured = capsys.readouterr()  # the access log on standard output, the error log on error
    assert TOKEN not in captured.out
    lines = [*captured.out.splitlines(), *captured.err.splitlines()]
    assert len(lines) == 2
    if not json_logs:
        assert not any(line.startswith("{") for line in lines)
        return
    access, error = (json.loads(line) for line in lines)
    assert access == {
        "time": access["time"],
        "level": "INFO",
        "logger": "gunicorn.access",
        "process": access["process"],
        "remote": "127.0.0.1",
        "method": "GET",
        "route": "/coalitions/feed/<str:token>.ics",
        "status": 200,
        "bytes": 10,
        "duration_ms": 42,
        "user_agent": "curl/8",
    }
    assert error["logger"] == "gunicorn.error" and error["message"] == "Booting worker"
