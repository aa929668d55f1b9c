"""Charts rendered on the server: a Vega-Lite spec becomes an SVG image, no JavaScript.

The SVG is embedded as an <img> with a data: URL. vl-convert writes `style` attributes,
which the Content-Security-Policy (style-src 'self') would block inside inline SVG; inside an
image they are part of the picture and allowed. Every chart needs a data table next to it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Any

import vl_convert
from django.core.cache import caches
from django.utils.html import format_html
from django.utils.safestring import SafeString

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def render_chart_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG markup, marked as an image with the spec's description as its label."""
    spec = {"config": {"font": FONT, "background": "white"}, **spec}
    # Rendering costs 30-400 ms; the same spec always gives the same picture, so it is cached
    # under the spec's hash (any change in the data makes a new key).
    key = (
        "chart-svg:"
        + hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    )
    cache = caches["charts"]  # per process (settings.CACHES): no query, no shared state
    svg = cache.get(key)
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
