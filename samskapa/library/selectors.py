"""Reads of the knowledge bank: lists, search, related material, and the toolkit's guides."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samskapa.library.enums import Language, Status
from samskapa.library.models import Feedback, Material

# Columns a list page needs; the long text columns stay in the database.
LIST_DEFERRED = ("body", "body_html", "body_text")
SNIPPET_CHARS = 220
# Private-use characters mark the match in PostgreSQL's headline, so that everything else in
# the snippet can be escaped before <mark> goes in.
_START, _STOP = "\ue000", "\ue001"


def has_key(field: str, key: str) -> Q:
    """Rows whose JSON list `field` holds `key`.

    PostgreSQL answers with jsonb containment; SQLite has no containment operator, so there
    the list's JSON text is searched for the quoted key (keys are enum values without quotes,
    so '"causes"' cannot match inside another key).
    """
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [key]})
    return Q(**{f"{field}__icontains": f'"{key}"'})


@dataclass(frozen=True)
class MaterialFilters:
    language: str = Language.SWEDISH
    topic: str = ""
    focus_area: str = ""
    process_element: str = ""
    material_type: str = ""


def list_published_materials(*, filters: MaterialFilters) -> QuerySet[Material]:
    return _filtered(filters).defer(*LIST_DEFERRED).order_by("-published_at", "title")


def _filtered(filters: MaterialFilters) -> QuerySet[Material]:
    materials = Material.objects.published().filter(language=filters.language)
    if filters.topic:
        materials = materials.filter(has_key("topics", filters.topic))
    if filters.focus_area:
        materials = materials.filter(has_key("focus_areas", filters.focus_area))
    if filters.process_element:
        materials = materials.filter(has_key("process_elements", filters.process_element))
    if filters.material_type:
        materials = materials.filter(material_type=filters.material_type)
    return materials


def search_materials(*, query: str, filters: MaterialFilters) -> QuerySet[Material]:
    """Published materials matching `query`, best first: a match in the title outranks one in
    the summary, which outranks a passing mention in the text.

    On PostgreSQL: full-text search with weights A/B/C and the language's stemming, and
    `snippet` from ts_headline. On SQLite: substring matches ranked with Case/When; the
    snippet is added by `add_snippets` once the page of results is known.
    """
    materials = _filtered(filters)
    query = query.strip()
    if connection.vendor == "postgresql":
        config = "swedish" if filters.language == Language.SWEDISH else "english"
        vector = (
            SearchVector("title", weight="A", config=config)
            + SearchVector("summary", weight="B", config=config)
            + SearchVector("body_text", weight="C", config=config)
        )
        search_query = SearchQuery(query, config=config, search_type="websearch")
        return (
            materials.defer(*LIST_DEFERRED)
            .annotate(
                rank=SearchRank(vector, search_query),
                snippet=SearchHeadline(
                    "body_text",
                    search_query,
                    config=config,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=1,
                ),
            )
            .filter(rank__gt=0)
            .order_by("-rank", "title")
        )
    terms = _terms(query)
    if not terms:
        return materials.none()
    for term in terms:
        materials = materials.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(body_text__icontains=term)
        )
    score = sum(
        (
            Case(
                When(title__icontains=term, then=Value(100)),
                When(summary__icontains=term, then=Value(10)),
                default=Value(1),
                output_field=IntegerField(),
            )
            for term in terms
        ),
        Value(0, output_field=IntegerField()),
    )
    return materials.defer("body", "body_html").annotate(rank=score).order_by("-rank", "title")


def _terms(query: str) -> list[str]:
    return [t for t in re.findall(r"\w[\w-]*", query.lower()) if len(t) > 1][:8]


def highlight_snippet(*, text: str, query: str) -> SafeString:
    """Text around the first match with each match wrapped in <mark>; all else escaped."""
    terms = _terms(query)
    if not terms:
        return SafeString("")
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    first = pattern.search(text)
    if first is None:
        excerpt = text[:SNIPPET_CHARS]
        return escape(excerpt + ("…" if len(text) > SNIPPET_CHARS else ""))
    start = max(0, first.start() - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    excerpt = text[start:end]
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308  (every part escaped)


def _headline_to_html(headline: str) -> SafeString:
    escaped = html.escape(headline, quote=True)
    return mark_safe(  # noqa: S308  (escaped above; only our own <mark> added)
        escaped.replace(_START, "<mark>").replace(_STOP, "</mark>")
    )


def add_snippets(materials: Iterable[Material], *, query: str) -> None:
    """Give each material of a result page a `snippet` (safe HTML with <mark>)."""
    for material in materials:
        headline = getattr(material, "snippet", None)
        if headline is not None:
            material.snippet = _headline_to_html(headline)  # type: ignore[attr-defined]
        else:
            material.snippet = highlight_snippet(  # type: ignore[attr-defined]
                text=material.body_text, query=query
            )


def list_related_materials(*, material: Material, limit: int = 3) -> QuerySet[Material]:
    """Published materials in the same language sharing most topics and focus areas."""
    shared = [("topics", key) for key in material.topics] + [
        ("focus_areas", key) for key in material.focus_areas
    ]
    if not shared:
        return Material.objects.none()
    overlap = sum(
        (
            Case(
                When(has_key(field, key), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for field, key in shared
        ),
        Value(0, output_field=IntegerField()),
    )
    condition = Q()
    for field, key in shared:
        condition |= has_key(field, key)
    return (
        Material.objects.published()
        .filter(language=material.language)
        .filter(condition)
        .exclude(pk=material.pk)
        .defer(*LIST_DEFERRED)
        .annotate(overlap=overlap)
        .order_by("-overlap", "-published_at", "title")[:limit]
    )


def get_published_translation(*, material: Material) -> Material | None:
    return (
        Material.objects.published()
        .filter(group=material.group)
        .exclude(pk=material.pk)
        .defer(*LIST_DEFERRED)
        .first()
    )


def list_guides_for_tool(tool_key: str, language: str) -> QuerySet[Material]:
    """Published materials that support a toolkit tool, in one language, guides first.

    The toolkit app calls this to show "read the guide" beside each tool.
    """
    return (
        Material.objects.published()
        .filter(language=language)
        .filter(has_key("tools", tool_key))
        .defer(*LIST_DEFERRED)
        .annotate(
            guide_first=Case(
                When(material_type="guide", then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("guide_first", "title")
    )


def pending_views_key(slug: str) -> str:
    """Where the views of `slug` not yet written to the database wait (services.VIEW_BATCH)."""
    return f"library:views:{slug}"


def add_view_counts(materials: Iterable[Material]) -> None:
    """Sets `views` on each material: the views in the database and those still waiting in the
    shared cache. Every page that shows a material's views reads them here."""
    materials = list(materials)
    pending = cache.get_many([pending_views_key(material.slug) for material in materials])
    for material in materials:
        material.views = material.view_count + int(  # type: ignore[attr-defined]
            pending.get(pending_views_key(material.slug)) or 0
        )


def list_materials_for_authoring(*, status: str = "") -> QuerySet[Material]:
    materials = Material.objects.defer(*LIST_DEFERRED).annotate(
        helpful_count=Count("feedback", filter=Q(feedback__helpful=True)),
        unhelpful_count=Count("feedback", filter=Q(feedback__helpful=False)),
    )
    if status:
        materials = materials.filter(status=status)
    return materials.order_by("-updated_at", "title")


def list_feedback(*, material: Material | None = None) -> QuerySet[Feedback]:
    feedback = Feedback.objects.select_related("material").defer(
        *(f"material__{name}" for name in LIST_DEFERRED)
    )
    if material is not None:
        feedback = feedback.filter(material=material)
    return feedback


def count_materials_in_review() -> int:
    return Material.objects.filter(status=Status.REVIEW).count()


def count_drafts_by(*, user: Any) -> int:
    return Material.objects.filter(status=Status.DRAFT, authors=user).count()


def feedback_summary(*, since: Any) -> dict[str, int]:
    totals = Feedback.objects.filter(created_at__gte=since).aggregate(
        total=Count("pk"),
        helpful_answers=Count("pk", filter=Q(helpful=True)),
        comments=Count("pk", filter=~Q(comment="")),
    )
    return {key: value or 0 for key, value in totals.items()}
