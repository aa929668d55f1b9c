"""The chart helper's size rule, formats and colours: each chart is decoded from its data URL
and measured as the browser will show it."""

from __future__ import annotations

import base64
import datetime
import re

import pytest
from django.utils import translation

from samskapa.core import charts

LONG = "Sociala företag och idéburna organisationer med ett mycket långt namn i tabellen"


def _variants(img: str) -> dict[str, str]:
    """The SVGs of a chart: "narrow" (the <source>) and "wide" (the <img>)."""
    found = {}
    for attr, name in (("srcset", "narrow"), ("src", "wide")):
        match = re.search(rf' {attr}="data:image/svg\+xml;base64,([^"]+)"', img)
        if match:
            found[name] = base64.b64decode(match.group(1)).decode("utf-8")
    return found


def _width(svg: str) -> float:
    match = re.match(r'<svg[^>]* width="([\d.]+)"', svg)
    assert match is not None
    return float(match.group(1))


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def _font_sizes(svg: str) -> list[float]:
    return [float(size) for size in re.findall(r'font-size="([\d.]+)px"', svg)]


def _charts() -> dict[str, str]:
    start = datetime.date(2027, 1, 4)
    return {
        "bar": charts.bar_chart(
            [("Offentlig sektor", 1234), (LONG, 5), ("Akademi", 300)],
            value_title="Antal",
            alt="Största sektor",
        ),
        "line": charts.line_chart(
            [(start + datetime.timedelta(weeks=i), i * 3 % 7) for i in range(10)],
            x_title="Vecka",
            y_title="Anmälningar",
            alt="Linje",
        ),
        "series": charts.series_chart(
            [(name, start + datetime.timedelta(days=30 * i), 2 + i * 0.5 + k * 0.3)
             for k, name in enumerate(["Unga vuxna i Gävle", LONG]) for i in range(4)],
            x_title="Datum",
            y_title="Snitt",
            series_title="Projekt",
            alt="Serier",
        ),
        "multiples": charts.series_chart(
            [(f"Område {k}", start + datetime.timedelta(days=30 * i), 1 + (i + k // 2) % 5)
             for k in range(5) for i in range(3)],
            x_title="Datum",
            y_title="Betyg",
            y_domain=[1, 5],
            alt="Små diagram",
        ),
    }  # fmt: skip


@pytest.mark.parametrize("language", ["sv", "en"])
def test_text_is_at_least_12_px_as_shown_on_every_screen(language: str) -> None:
    """The rule: shown width = min(SVG width, box width); text as shown = font size × shown
    width / SVG width. The narrow variant serves screens below 40rem (box ≥ 288 px at 320 px),
    the wide one from 40rem (box ≥ 560 px)."""
    with translation.override(language):
        made = _charts()
    for name, img in made.items():
        variants = _variants(img)
        assert set(variants) == {"narrow", "wide"}, name
        assert f'media="{charts.NARROW_MEDIA}"' in img
        for variant, box in (("narrow", 288), ("wide", 560)):
            svg = variants[variant]
            width = _width(svg)
            assert width <= {"narrow": charts.NARROW, "wide": charts.WIDE}[variant], name
            shown = min(width, box)
            sizes = _font_sizes(svg)
            assert sizes, name
            assert min(sizes) * shown / width >= 12, (name, variant, min(sizes), width)


def test_long_labels_are_wrapped_not_cut() -> None:
    with translation.override("sv"):
        variants = _variants(_charts()["bar"])
    for svg in variants.values():
        text = " ".join(_texts(svg))
        assert "…" not in text
        for word in LONG.split():
            assert word in text
        for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg):
            assert len(line) * charts.CHAR_PX <= _width(svg)


def test_very_long_labels_end_in_an_ellipsis() -> None:
    assert charts.wrap("ord " * 40, 20)[-1].endswith("…")
    assert len(charts.wrap("ord " * 40, 20)) == 3


def test_swedish_and_english_numbers() -> None:
    rows = [("Offentlig sektor", 1234), ("Akademi", 300)]
    with translation.override("sv"):
        sv = " ".join(
            _texts(_variants(charts.bar_chart(rows, value_title="Antal", alt="x"))["wide"])
        )
    with translation.override("en"):
        en = " ".join(
            _texts(_variants(charts.bar_chart(rows, value_title="Number", alt="x"))["wide"])
        )
    assert "1\u00a0234" in sv and "1,234" not in sv
    assert "1,234" in en and "1\u00a0234" not in en


def test_swedish_and_english_dates_never_iso() -> None:
    rows = [(datetime.date(2027, 2, 1) + datetime.timedelta(weeks=i), i) for i in range(10)]
    with translation.override("sv"):
        sv = _variants(charts.line_chart(rows, x_title="Vecka", y_title="Antal", alt="x"))
    with translation.override("en"):
        en = _variants(charts.line_chart(rows, x_title="Week", y_title="Number", alt="x"))
    for svg in [*sv.values(), *en.values()]:
        assert not re.search(r"\d{4}-\d{2}-\d{2}", " ".join(_texts(svg)))
    assert "mars" in " ".join(_texts(sv["wide"]))
    assert "Mar" in " ".join(_texts(en["wide"]))
    assert "Mar" not in " ".join(_texts(sv["wide"]))


def test_long_spans_show_month_and_year() -> None:
    rows = [(datetime.date(2026, 1, 1) + datetime.timedelta(days=60 * i), i) for i in range(8)]
    with translation.override("sv"):
        svg = _variants(charts.line_chart(rows, x_title="Datum", y_title="Antal", alt="x"))["wide"]
    assert re.search(r"\b(jan\.|mars|maj|juli|sep\.|nov\.) 202[67]\b", " ".join(_texts(svg)))


def test_the_cached_picture_differs_per_language() -> None:
    spec = {
        "data": {"values": [{"x": 1234.5, "y": "a"}]},
        "mark": "bar",
        "encoding": {"x": {"field": "x", "type": "quantitative", "axis": {"format": ",.1f"}},
                     "y": {"field": "y", "type": "nominal"}},
    }  # fmt: skip
    sv = charts.render_chart_svg(spec, language="sv")
    en = charts.render_chart_svg(spec, language="en")
    assert sv != en
    assert sv == charts.render_chart_svg(spec, language="sv")


def _contrast(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_few_colours_each_at_least_3_to_1_on_white() -> None:
    assert len(charts.SERIES) <= 5
    assert len(set(charts.SERIES)) == len(charts.SERIES)
    for colour in [*charts.SERIES, charts.ACCENT, charts.ALERT]:
        assert _contrast(colour) >= 3, colour


def test_series_are_named_and_differ_in_colour_shape_and_dash() -> None:
    with translation.override("sv"):
        svg = _variants(_charts()["series"])["wide"]
    text = " ".join(_texts(svg))
    assert "Unga vuxna i Gävle" in text and "Projekt" in text  # the legend names the series
    assert charts.SERIES[0].lower() in svg.lower() and charts.SERIES[1].lower() in svg.lower()
    assert "stroke-dasharray" in svg


def test_series_that_meet_become_small_multiples_with_their_names() -> None:
    with translation.override("sv"):
        variants = _variants(_charts()["multiples"])
    for svg in variants.values():
        text = " ".join(_texts(svg))
        for k in range(5):
            assert f"Område {k}" in text
        assert charts.SERIES[1].lower() not in svg.lower()  # one colour: the panels say who


def test_no_english_aria_text_inside_the_picture() -> None:
    with translation.override("sv"):
        for img in _charts().values():
            for svg in _variants(img).values():
                assert "aria-roledescription" not in svg
                assert "<title" not in svg


def test_leader_is_the_single_largest_row() -> None:
    assert charts.leader([("a", 3), ("b", 5), ("c", 1)]) == ("b", 5, 9)
    assert charts.leader([("a", 5), ("b", 5)]) is None
    assert charts.leader([]) is None
    assert charts.leader([("a", 0)]) is None


def test_format_number_follows_the_language() -> None:
    with translation.override("sv"):
        assert charts.format_number(1234) == "1\u00a0234"
    with translation.override("en"):
        assert charts.format_number(1234) == "1,234"


def test_a_reference_is_a_dashed_rule_and_value_max_extends_the_axis() -> None:
    with translation.override("sv"):
        img = charts.bar_chart(
            [("K1 Deltagare", 45), ("K2 Samarbeten", 80)],
            value_title="Andel av målet (%)",
            reference=100,
            alt="x",
        )
        rating = charts.bar_chart(
            [("Ekosystem", 3), ("Resultat", 4)], value_title="Betyg", value_max=5, alt="y"
        )
    for svg in _variants(img).values():
        assert charts.ALERT in svg and 'stroke-dasharray="4,3"' in svg
    assert ">5</text>" in _variants(rating)["wide"]


def test_a_spec_of_its_own_can_get_a_narrow_variant_made_for_it() -> None:
    spec = {
        "width": 500,
        "data": {"values": [{"x": i, "y": i * 1000} for i in range(10)]},
        "mark": "line",
        "encoding": {"x": {"field": "x", "type": "quantitative"},
                     "y": {"field": "y", "type": "quantitative"}},
    }  # fmt: skip
    with translation.override("sv"):
        variants = _variants(charts.chart_img(spec, alt="Egen", narrow="auto"))
    assert _width(variants["narrow"]) == charts.NARROW
    assert min(_font_sizes(variants["narrow"])) >= charts.FONT_SIZE
    assert charts.fit_narrow({"concat": []}) is None
    plain = charts.chart_img(spec, alt="Egen")
    assert plain.startswith('<img class="chart-image"')  # without narrow: one image, as before
