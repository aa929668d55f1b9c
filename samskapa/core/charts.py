"""Charts rendered on the server: a Vega-Lite spec becomes an SVG image, no JavaScript.

This is the one chart helper: apps supply the data and, for anything beyond a plain bar or
line chart, the spec's marks and encoding; the schema, font and house colours are added here.

The SVG is embedded as an <img> with a data: URL. vl-convert writes `style` attributes,
which the Content-Security-Policy (style-src 'self') would block inside inline SVG; inside an
image they are part of the picture and allowed. Every chart needs a data table next to it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from html import escape
from typing import Any

import vl_convert
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import SafeString

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# The house colours of charts: single-series marks in ACCENT, thresholds in ALERT, and several
# series in SERIES (each at least 4.5:1 on white, distinguishable with the usual colour-vision
# deficiencies; series also differ by dash or shape where the spec allows).
ACCENT = "#1f5f8b"
ALERT = "#a4262c"
SERIES = ["#1f5f8b", "#8a5a00", "#1e6b33", "#6b3fa0", "#b3261e", "#4a5560", "#00594f"]
CONFIG = {
    "font": FONT,
    "background": "white",
    "mark": {"color": ACCENT},
    "bar": {"color": ACCENT},
    "line": {"color": ACCENT},
    "point": {"color": ACCENT},
    "rule": {"color": ALERT},
    "range": {"category": SERIES},
}

Rows = Sequence[tuple[str, float | int]]


def render_chart_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG markup, marked as an image with the spec's description as its label."""
    spec = {"$schema": SCHEMA, "config": CONFIG, **spec}
    # Rendering costs 30-400 ms; the same spec always gives the same picture, so it is cached
    # under the spec's hash (any change in the data makes a new key).
    key = (
        "chart-svg:"
        + hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    )
    svg: str | None = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(spec)
        cache.set(key, svg, timeout=7 * 24 * 3600)
    label = str(spec.get("description") or spec.get("title") or "")
    attrs = 'role="img"'
    if label:
        attrs += f' aria-label="{escape(label)}"'
    return svg.replace("<svg ", f"<svg {attrs} ", 1)


def chart_img(spec: dict[str, Any], *, alt: str) -> SafeString:
    """An <img> tag that shows the chart; `alt` says what the data table next to it shows."""
    data = base64.b64encode(render_chart_svg(spec).encode("utf-8")).decode("ascii")
    return format_html(
        '<img class="chart-image" src="data:image/svg+xml;base64,{}" alt="{}">', data, alt
    )


def bar_chart(
    rows: Rows,
    *,
    alt: str,
    value_title: str,
    label_title: str | None = None,
    title: str = "",
    description: str = "",
    width: int = 420,
    value_axis: dict[str, Any] | None = None,
) -> SafeString:
    """Horizontal bars, one per (label, value) row, in the order given."""
    spec: dict[str, Any] = {
        "width": width,
        "data": {"values": [{"label": str(label), "value": value} for label, value in rows]},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": label_title},
            "x": {
                "field": "value",
                "type": "quantitative",
                "title": value_title,
                **({"axis": value_axis} if value_axis else {}),
            },
        },
    }
    if title:
        spec["title"] = title
    if description:
        spec["description"] = description
    return chart_img(spec, alt=alt)


def line_chart(
    rows: Rows,
    *,
    alt: str,
    x_title: str,
    y_title: str,
    title: str = "",
    width: int = 420,
) -> SafeString:
    """One line through (label, value) points in the order given (labels as ordinal steps)."""
    spec: dict[str, Any] = {
        "width": width,
        "data": {"values": [{"x": str(label), "y": value} for label, value in rows]},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "x", "type": "ordinal", "title": x_title, "sort": None},
            "y": {"field": "y", "type": "quantitative", "title": y_title},
        },
    }
    if title:
        spec["title"] = title
    return chart_img(spec, alt=alt)
