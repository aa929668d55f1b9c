"""One chart helper: samskapa.core.charts adds the schema, font and house colours to every
chart; the apps supply only data and encoding."""

from __future__ import annotations

import base64
import re

from samskapa.core import charts


def _svg(img: str) -> str:
    match = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', img)
    assert match is not None
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_bar_chart_is_an_image_in_the_house_accent() -> None:
    img = charts.bar_chart(
        [("Offentlig sektor", 3), ("Civilsamhälle", 5)], value_title="Antal", alt="Stapeldiagram"
    )
    assert 'alt="Stapeldiagram"' in img
    svg = _svg(img)
    assert charts.ACCENT in svg
    assert "Civilsamhälle" in svg


def test_line_chart_uses_the_house_accent() -> None:
    img = charts.line_chart([("v1", 1), ("v2", 4)], x_title="Vecka", y_title="Antal", alt="Linje")
    assert charts.ACCENT in _svg(img)


def test_series_take_the_house_palette() -> None:
    spec = {
        "data": {"values": [{"x": 1, "y": 1, "s": "a"}, {"x": 2, "y": 2, "s": "b"}]},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "y": {"field": "y", "type": "quantitative"},
            "color": {"field": "s", "type": "nominal"},
        },
    }
    svg = _svg(charts.chart_img(spec, alt="Två serier"))
    assert charts.SERIES[0] in svg
    assert charts.SERIES[1] in svg
