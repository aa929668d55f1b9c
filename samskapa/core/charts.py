"""Charts rendered on the server: a Vega-Lite spec becomes an SVG image, no JavaScript.

This is the one chart helper: apps supply the data and, for anything beyond a plain bar or
line chart, the spec's marks and encoding; the schema, font, sizes, house colours and the
number and date formats of the page's language are added here.

The SVG is embedded as an <img> with a data: URL. vl-convert writes `style` attributes,
which the Content-Security-Policy (style-src 'self') would block inside inline SVG; inside an
image they are part of the picture and allowed. Every chart needs a data table next to it.

Size rule (docs/charts.md): an image is scaled to its box, so its text is shown at
font size × shown width / SVG width. Every text in a chart is at least FONT_SIZE (13 px); the
CSS (core/css/charts.css) never scales a chart up (`width: auto; max-width: 100%`), so text is
shown at ≥ 12 px as long as the box is at least 12/13 of the SVG's width. The charts made here
come in two variants in a <picture>: WIDE (at most 560 px wide, for screens of 40rem and wider,
whose content column is ≥ 560 px) and NARROW (at most 288 px wide, with its own layout: labels
above the bars, fewer ticks, one small multiple per row) below 40rem, where the narrowest
screen (320 px) still gives a 288 px column.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import re
import textwrap
from collections.abc import Sequence
from html import escape
from typing import Any

import vl_convert
from django.core.cache import caches
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

# Text in a chart is laid out on the server, with the server's measure of each word: the font
# is one the server has (Liberation Sans) and that is metric-compatible with the fonts every
# reader has (Arial, Helvetica), so labels end where they were measured to end.
FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# The size rule (see the module docstring): the widest SVG of each variant, the smallest text.
WIDE = 560
NARROW = 288
NARROW_MEDIA = "(max-width: 39.99rem)"
FONT_SIZE = 13
TITLE_SIZE = 15
# Estimated width of one character at FONT_SIZE (system sans-serif averages ~0.55 em; a little
# more so that wrapped labels never run past their room).
CHAR_PX = 7.6
LINE_PX = 16
BAR_ROW_PX = 28
# The house colours of charts: single-series marks in ACCENT, thresholds in ALERT, and several
# series in SERIES: Okabe–Ito blue and vermillion with Tol's green and purple and a grey, each
# at least 3:1 on white (marks, WCAG 1.4.11) and distinguishable with the usual colour-vision
# deficiencies; series also differ by point shape and dash.
ACCENT = "#0072B2"
ALERT = "#a4262c"
SERIES = ["#0072B2", "#D55E00", "#117733", "#AA3377", "#4A5560"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4]]
TEXT = "#1b1f23"
MUTED = "#4a5560"
CONFIG = {
    "font": FONT,
    "background": "white",
    "aria": False,  # the picture's text alternative is the <img> alt, in the page's language
    "view": {"stroke": None},
    "mark": {"color": ACCENT},
    "bar": {"color": ACCENT},
    "line": {"color": ACCENT, "strokeWidth": 2.5},
    "point": {"color": ACCENT, "size": 60, "filled": True, "opacity": 1},
    "rule": {"color": ALERT},
    "text": {"fontSize": FONT_SIZE, "color": TEXT},
    "range": {"category": SERIES},
    "axis": {
        "labelFontSize": FONT_SIZE,
        "titleFontSize": FONT_SIZE,
        "titleFontWeight": "normal",
        "labelColor": TEXT,
        "titleColor": TEXT,
        "gridColor": "#dde3e7",
        "domainColor": MUTED,
        "tickColor": MUTED,
        "labelOverlap": "greedy",
        "labelFlush": True,
    },
    "legend": {
        "labelFontSize": FONT_SIZE,
        "titleFontSize": FONT_SIZE,
        "titleFontWeight": "normal",
        "labelColor": TEXT,
        "titleColor": TEXT,
        "symbolSize": 120,
        "symbolStrokeWidth": 0,
    },
    "title": {
        "fontSize": TITLE_SIZE,
        "subtitleFontSize": FONT_SIZE,
        "fontWeight": "normal",
        "color": TEXT,
        "anchor": "start",
    },
    "header": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
}

# Number and date formats for the axes (d3-format / d3-time-format locales).
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "sv": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"],
           "minus": "\u2212"},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""],
           "minus": "\u2212"},
}  # fmt: skip
TIME_LOCALES: dict[str, dict[str, Any]] = {
    "sv": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": ["fm", "em"],
        "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
        "months": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                   "september", "oktober", "november", "december"],
        "shortMonths": ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.",
                        "okt.", "nov.", "dec."],
    },
    "en": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec"],
    },
}  # fmt: skip
NUMBER_FORMAT = ",~f"

Rows = Sequence[tuple[Any, float | int]]


def chart_language() -> str:
    """The language of the page being rendered: "sv" or "en" (Swedish unless English)."""
    return "en" if (get_language() or "sv").startswith("en") else "sv"


def render_chart_svg(spec: dict[str, Any], *, language: str | None = None) -> str:
    """The chart as SVG markup in the page's language (numbers, dates), marked as an image
    with the spec's description as its label."""
    language = language or chart_language()
    spec = {"$schema": SCHEMA, **spec, "config": _merge(CONFIG, spec.get("config", {}))}
    # Rendering costs 30-400 ms; the same spec in the same language always gives the same
    # picture, so it is cached under the hash of both (any change in the data makes a new key).
    key = (
        f"chart-svg:{language}:"
        + hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    )
    cache = caches["charts"]  # per process (settings.CACHES): no query, no shared state
    svg: str | None = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(
            spec,
            format_locale=NUMBER_LOCALES[language],
            time_format_locale=TIME_LOCALES[language],
        )
        # Vega labels its groups in English ("line mark container"): the <img> alt speaks.
        svg = re.sub(r' (?:aria-roledescription|aria-label)="[^"]*"', "", svg)
        cache.set(key, svg, timeout=7 * 24 * 3600)
    label = str(spec.get("description") or "")
    attrs = 'role="img"'
    if label:
        attrs += f' aria-label="{escape(label)}"'
    return svg.replace("<svg ", f"<svg {attrs} ", 1)


def chart_img(
    spec: dict[str, Any], *, alt: str, narrow: dict[str, Any] | str | None = None
) -> SafeString:
    """The chart as an image; `alt` says the chart's message and that the table has the data.

    With `narrow`, a second spec laid out for phones, the image is a <picture> that shows the
    narrow variant below 40rem (NARROW_MEDIA) and `spec` above it. `narrow="auto"` makes one
    from a single-view spec by fitting it into NARROW pixels (check that its labels still fit).
    Keep `spec` itself at most WIDE pixels wide: the size rule holds only then.
    """
    if narrow == "auto":
        narrow = fit_narrow(spec)
    svg = render_chart_svg(spec)
    width, height = _svg_size(svg)
    img = format_html(
        '<img class="chart-image" src="{}" width="{}" height="{}" alt="{}">',
        _data_url(svg),
        width,
        height,
        alt,
    )
    if narrow is None:
        return img
    assert isinstance(narrow, dict)
    small = render_chart_svg(narrow)
    small_width, small_height = _svg_size(small)
    return format_html(
        '<picture class="chart-picture"><source media="{}" srcset="{}" width="{}" height="{}">'
        "{}</picture>",
        NARROW_MEDIA,
        _data_url(small),
        small_width,
        small_height,
        img,
    )


def fit_narrow(spec: dict[str, Any]) -> dict[str, Any] | None:
    """The spec fitted into NARROW pixels (all of it: axes and legend included), with fewer
    ticks; None for composed specs (concat, facet, repeat), which need a layout of their own."""
    if any(key in spec for key in ("concat", "hconcat", "vconcat", "facet", "repeat")):
        return None
    return _merge(
        spec,
        {
            "width": NARROW,
            "autosize": {"type": "fit-x", "contains": "padding"},
            "config": {"axisX": {"tickCount": 3}, "legend": {"orient": "bottom", "columns": 1}},
        },
    )


# --- Plain charts --------------------------------------------------------------------------


def bar_chart(
    rows: Rows,
    *,
    alt: str,
    value_title: str,
    label_title: str | None = None,
    title: str = "",
    description: str = "",
    width: int = WIDE,
    value_axis: dict[str, Any] | None = None,
    value_format: str = NUMBER_FORMAT,
    color: str = ACCENT,
    reference: float | None = None,
    value_max: float | None = None,
) -> SafeString:
    """Horizontal bars, one per (label, value) row in the order given, each labelled with its
    value; a row of ~28 px per bar. On wide screens the labels stand left of the bars (wrapped
    onto up to three lines), on phones above them. `title` is drawn only if given (prefer the
    message as the page's heading next to the chart)."""
    width = min(width, WIDE)
    values = [value for _, value in rows]
    top = max([0, *values, *(v for v in (reference, value_max) if v is not None)])
    # A reference value (a target, say) is a dashed rule across the bars.
    rule = (
        [{"mark": {"type": "rule", "color": ALERT, "strokeDash": [4, 3], "strokeWidth": 2},
          "encoding": {"x": {"datum": reference}, "y": {"value": 0},
                       "y2": {"value": "height"}}}]
        if reference is not None
        else []
    )  # fmt: skip
    value_px = max((len(_number_text(v)) for v in values), default=1) * CHAR_PX + 8
    common = {
        **({"title": _wrapped_title(title, width)} if title else {}),
        **({"description": description} if description else {}),
        "autosize": {"type": "fit-x", "contains": "padding"},
    }

    # Wide: the labels on the left get up to 40 % of the width.
    label_chars = max(12, int(width * 0.4 / CHAR_PX))
    wide_rows: list[dict[str, Any]] = [
        {"label": "\n".join(wrap(str(label), label_chars)), "value": value} for label, value in rows
    ]
    lines = max((str(row["label"]).count("\n") + 1 for row in wide_rows), default=1)
    plot_px = width - min(label_chars, _longest_line(wide_rows)) * CHAR_PX - 24
    x_wide = {
        "field": "value",
        "type": "quantitative",
        "title": value_title,
        "scale": {"domain": [0, _room(top, plot_px, value_px)], "nice": False},
        "axis": {"format": value_format, "tickCount": 5, **(value_axis or {})},
    }
    wide = {
        **common,
        "width": width,
        "height": {"step": max(BAR_ROW_PX, lines * LINE_PX + 12)},
        "data": {"values": wide_rows},
        "encoding": {
            "y": {
                "field": "label",
                "type": "nominal",
                "sort": None,
                # The labels say what they are (label_title heads the data table's column).
                "title": None,
                "axis": {
                    "labelExpr": _split_expr(),
                    "labelLimit": 0,
                    "ticks": False,
                    "labelPadding": 6,
                },
            },
            "x": x_wide,
        },
        "layer": [
            *rule,
            {"mark": {"type": "bar", "color": color, "height": {"band": 0.7}}},
            _value_labels(value_format),
        ],
    }

    # Narrow: each label on its own line(s) above its bar; no axis, the values at the bars.
    # Rows are placed in pixels (a label of two lines takes one line more than one of one).
    narrow_width = NARROW
    narrow_chars = int((narrow_width - 4) / CHAR_PX)
    bar_px = 16
    narrow_rows = []
    top_px = 0
    for label, value in rows:
        label_lines = wrap(str(label), narrow_chars)
        bar_top = top_px + len(label_lines) * LINE_PX + 3
        narrow_rows.append({"label": "\n".join(label_lines), "value": value, "text_y": top_px,
                            "bar_y": bar_top, "bar_y2": bar_top + bar_px,
                            "mid_y": bar_top + bar_px / 2})  # fmt: skip
        top_px = bar_top + bar_px + 10
    height = max(top_px - 10, 1)
    y_px: dict[str, Any] = {"type": "quantitative", "axis": None,
            "scale": {"domain": [0, height], "range": [0, height], "nice": False, "zero": False}}  # fmt: skip
    x_narrow = {
        "field": "value",
        "type": "quantitative",
        "axis": None,
        "scale": {"domain": [0, _room(top, narrow_width, value_px)], "nice": False},
    }
    narrow = {
        **common,
        **({"title": _wrapped_title(title, narrow_width)} if title else {}),
        "width": narrow_width,
        "height": height,
        "data": {"values": narrow_rows},
        "layer": [
            # The reference as a short dash at each bar (a rule through the labels would
            # cross their text).
            *[{**r, "encoding": {"x": {"datum": reference, "type": "quantitative", "axis": None,
                                       "scale": x_narrow["scale"]},
                                 "y": {"field": "bar_y", **y_px},
                                 "y2": {"field": "bar_y2"}}}
              for r in rule],
            {
                "mark": {"type": "bar", "color": color},
                "encoding": {"x": x_narrow, "x2": {"datum": 0}, "y": {"field": "bar_y", **y_px},
                             "y2": {"field": "bar_y2"}},
            },
            {
                "mark": {"type": "text", "align": "left", "baseline": "top", "lineBreak": "\n",
                         "lineHeight": LINE_PX},
                "encoding": {"x": {"datum": 0, "type": "quantitative", "scale": None},
                             "y": {"field": "text_y", **y_px}, "text": {"field": "label"}},
            },
            {
                "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4},
                "encoding": {"x": x_narrow, "y": {"field": "mid_y", **y_px},
                             "text": {"field": "value", "type": "quantitative",
                                      "format": value_format}},
            },
        ],
    }  # fmt: skip
    return chart_img(wide, alt=alt, narrow=narrow)


def line_chart(
    rows: Rows,
    *,
    alt: str,
    x_title: str,
    y_title: str,
    title: str = "",
    width: int = WIDE,
    y_domain: Sequence[float] | None = None,
    y_axis: dict[str, Any] | None = None,
) -> SafeString:
    """One line through (x, value) points in the order given. Dates (datetime.date) make a
    time axis in the page's date format; anything else is shown as ordinal steps."""
    return series_chart(
        [("", label, value) for label, value in rows],
        alt=alt,
        x_title=x_title,
        y_title=y_title,
        title=title,
        width=width,
        y_domain=y_domain,
        y_axis=y_axis,
    )


def series_chart(
    points: Sequence[tuple[str, Any, float | int]],
    *,
    alt: str,
    x_title: str,
    y_title: str,
    series_title: str = "",
    title: str = "",
    width: int = WIDE,
    y_domain: Sequence[float] | None = None,
    y_axis: dict[str, Any] | None = None,
    interpolate: str = "linear",
    small_multiples: bool | None = None,
) -> SafeString:
    """Lines through (series name, x, value) points, x being dates or ordinal labels.

    Up to five series whose points never coincide share one plot, told apart by colour, point
    shape and dash, with a legend of their names. More series, or series that meet in the same
    point (ratings on a 1-5 scale often do), become small multiples: one small chart per series
    with its name as its heading, all on the same scales (`small_multiples` forces either).
    """
    width = min(width, WIDE)
    values = [{"series": str(name), "x": _x_value(x), "y": y} for name, x, y in points]
    names = list(dict.fromkeys(v["series"] for v in values))
    temporal = bool(values) and all(isinstance(x, datetime.date) for _, x, _ in points)
    if small_multiples is None:
        seen: dict[tuple[Any, Any], str] = {}
        meet = False
        for v in values:
            other = seen.setdefault((v["x"], v["y"]), v["series"])
            meet = meet or other != v["series"]
        small_multiples = len(names) > len(SERIES) or (len(names) > 1 and meet)
    y_scale: dict[str, Any] = {"domain": list(y_domain)} if y_domain else {"zero": True}
    common = {
        **({"description": title} if title else {}),
        "data": {"values": values},
    }

    def layer(
        plot_width: int, height: int, ticks: int, legend: bool, domain: list[str]
    ) -> dict[str, Any]:
        x: dict[str, Any]
        if temporal:
            dates = sorted(v["x"] for v in values)
            x = {
                "field": "x",
                "type": "temporal",
                "title": x_title,
                "scale": {"type": "utc", "padding": 8},
                "axis": {
                    "format": _date_format(dates[0], dates[-1]),
                    **_month_ticks(dates[0], dates[-1], ticks),
                    "labelAngle": 0,
                    "tickCount": ticks,
                    "grid": False,
                },
            }
        else:
            x = {
                "field": "x",
                "type": "ordinal",
                "title": x_title,
                "sort": None,
                "axis": {"labelAngle": 0, "labelLimit": 0},
            }
        y = {
            "field": "y",
            "type": "quantitative",
            "title": y_title,
            "scale": y_scale,
            "axis": {"format": NUMBER_FORMAT, "tickCount": 5, **(y_axis or {})},
        }
        encoding: dict[str, Any] = {"x": x, "y": y}
        line: dict[str, Any] = {"mark": {"type": "line", "interpolate": interpolate}}
        point: dict[str, Any] = {"mark": {"type": "point"}}
        if len(names) > 1 and not small_multiples:
            scale = {"domain": domain}
            legend_def = (
                {
                    "title": series_title or None,
                    "orient": "bottom",
                    "direction": "vertical",
                    "columns": 1,
                    "labelLimit": 0,
                    "labelExpr": _split_expr(),
                }
                if legend
                else None
            )
            color = {"field": "series", "type": "nominal", "scale": {**scale, "range": SERIES}}
            # Each line in its own colour and dash (one layer per series, so that the legend,
            # made by the points in their colour and shape, has solid symbols).
            lines = [
                {
                    "transform": [{"filter": {"field": "series", "equal": name}}],
                    "mark": {
                        "type": "line",
                        "interpolate": interpolate,
                        "color": SERIES[i % len(SERIES)],
                        "strokeDash": DASHES[i % len(DASHES)],
                    },
                }
                for i, name in enumerate(domain)
            ]
            point["encoding"] = {
                "color": {**color, "legend": legend_def},
                "shape": {"field": "series", "type": "nominal", "legend": legend_def,
                          "scale": {**scale, "range": SHAPES}},
            }  # fmt: skip
            return {
                "width": plot_width,
                "height": height,
                "encoding": encoding,
                "layer": [*lines, point],
                "autosize": {"type": "fit-x", "contains": "padding"},
            }
        return {
            "width": plot_width,
            "height": height,
            "encoding": encoding,
            "layer": [line, point],
            "autosize": {"type": "fit-x", "contains": "padding"},
        }

    def variant(total: int, narrow: bool) -> dict[str, Any]:
        ticks = 3 if narrow else 6
        if not small_multiples:
            wrapped = _legend_wrapped(values, total)
            domain = list(dict.fromkeys(v["series"] for v in wrapped))
            spec = {**common, **layer(total, 180 if narrow else 240, ticks, True, domain)}
            spec["data"] = {"values": wrapped}
            if title:
                spec["title"] = _wrapped_title(title, total)
            return spec
        columns = 1 if narrow else 2
        panel = (total - 24 * (columns - 1)) // columns
        panels = []
        for name in names:
            inner = layer(panel, 110, 4, False, names)
            inner.pop("autosize")
            panels.append(
                {
                    **inner,
                    "width": panel - 60,
                    "title": _wrapped_title(name, panel),
                    "transform": [{"filter": {"field": "series", "equal": name}}],
                }
            )
        spec = {
            **common,
            "columns": columns,
            "concat": panels,
            "spacing": 24,
            "resolve": {"scale": {"x": "shared", "y": "shared"}},
        }
        if title:
            spec["title"] = _wrapped_title(title, total)
        return spec

    return chart_img(variant(width, False), alt=alt, narrow=variant(NARROW, True))


# --- The figure's message --------------------------------------------------------------------


def leader(rows: Rows) -> tuple[str, float | int, float | int] | None:
    """The row with the largest value as (label, value, total of all rows), or None when no
    single row leads (no rows, all zero, or a tie for the first place)."""
    if not rows:
        return None
    ordered = sorted(rows, key=lambda row: row[1], reverse=True)
    if ordered[0][1] <= 0 or (len(ordered) > 1 and ordered[1][1] == ordered[0][1]):
        return None
    return str(ordered[0][0]), ordered[0][1], sum(value for _, value in rows)


# --- Helpers -------------------------------------------------------------------------------


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _svg_size(svg: str) -> tuple[int, int]:
    head = svg[: svg.index(">")]

    def number(name: str) -> int:
        start = head.index(f' {name}="') + len(name) + 3
        return round(float(head[start : head.index('"', start)]))

    return number("width"), number("height")


def wrap(text: str, chars: int, max_lines: int = 3) -> list[str]:
    """The text in lines of at most `chars` characters (long words broken), at most
    `max_lines` lines, the last one ending in … if the text is longer (the data table next to
    the chart always has the full text)."""
    lines = textwrap.wrap(text, width=max(chars, 4), break_on_hyphens=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(chars - 1, 1)].rstrip() + "…"
    return lines


def _wrapped_title(text: str, width: int) -> dict[str, Any]:
    return {"text": wrap(text, int(width / (CHAR_PX * TITLE_SIZE / FONT_SIZE)), 4)}


def _longest_line(rows: Sequence[dict[str, Any]]) -> int:
    return max((len(line) for row in rows for line in row["label"].split("\n")), default=1)


def _room(top: float, plot_px: float, value_px: float) -> float:
    """The end of the value scale that leaves `value_px` after the longest bar for its label."""
    top = top or 1
    return top * plot_px / max(plot_px - value_px, plot_px / 2)


def _number_text(value: float | int) -> str:
    return f"{value:,}"


def _value_labels(value_format: str) -> dict[str, Any]:
    return {
        "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4},
        "encoding": {"text": {"field": "value", "type": "quantitative", "format": value_format}},
    }


def _x_value(x: Any) -> Any:
    return x.isoformat() if isinstance(x, datetime.date) else x


def _date_format(first: str, last: str) -> str:
    """Day and month for spans within a year ("3 mars", "3 Mar"), month and year beyond."""
    span = datetime.date.fromisoformat(last[:10]) - datetime.date.fromisoformat(first[:10])
    return "%-d %b" if span.days <= 200 else "%b %Y"


def _month_ticks(first: str, last: str, ticks: int) -> dict[str, Any]:
    """For spans beyond half a year: ticks on the first of every 1, 2, 3, 6 or 12 months, the
    shortest step that gives at most `ticks` ticks (Vega alone would often give one a year)."""
    start = datetime.date.fromisoformat(first[:10])
    end = datetime.date.fromisoformat(last[:10])
    if (end - start).days <= 200:
        return {}
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next(
        (n for n in (1, 2, 3, 6, 12) if months // n + 1 <= ticks), 12 * (months // 12 // ticks + 1)
    )
    values = []
    index = start.year * 12 + start.month  # the first whole month after the start
    while index <= end.year * 12 + end.month - 1:
        year, month = divmod(index, 12)
        if (month % step) == 0:
            values.append({"year": year, "month": month + 1, "date": 1, "utc": True})
        index += 1
    return {"values": values} if values else {}


def _split_expr() -> str:
    return "split(datum.label, '\\n')"


def _legend_wrapped(values: list[dict[str, Any]], width: int) -> list[dict[str, Any]]:
    chars = int((width - 40) / CHAR_PX)
    return [{**v, "series": "\n".join(wrap(v["series"], chars))} for v in values]


def format_number(value: float | int) -> str:
    """A number for a chart's heading or alt text in the page's language ("1 234", "1,234")."""
    return formats.number_format(value, force_grouping=True)


# Dates in a chart's heading: "15 januari 2026", "15 January 2026" (never abbreviated or ISO).
LONG_DATE = "j F Y"
