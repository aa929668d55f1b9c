"""The matching engine: which documents are like a given one, and why.

Pure functions over `Document`s, with no database and no idea of who is looking: callers
(samskapa/connect/selectors.py for projects; later public cases and European initiatives)
build the documents from what the viewer may see and hand them to `rank()`. Each suggestion
carries its reasons: the facets both documents share and the words that carried the text
match, so a person can judge a suggestion instead of trusting a number (docs/connect.md).

Scoring, per candidate:

- a facet (call, region, target group, organisation, ...) adds `weight` for each shared value,
  at most `cap`; a *weak* facet (call, region) never makes a match on its own;
- the text adds `text_weight × cosine` of TF-IDF vectors (scikit-learn; Swedish and English
  stop words), but only when the cosine reaches `min_text_similarity` and at least
  `min_shared_terms` informative words (no stop words, no numbers, three letters or more)
  are shared: filler words alone never match;
- a numeric profile (the focus-area ratings of the latest self-assessment) adds
  `profile_weight` when the two profiles are at least `min_profile_similarity` alike.

A candidate is suggested only with at least one *strong* reason; the source document itself
(same id) is never a candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

TEXT = "text"
PROFILE = "profile"

# A word: three letters or more, no digits (years, amounts and numbers carry no topic).
WORD_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
# Filler of English project texts, beyond scikit-learn's English list.
ENGLISH_FILLER = frozenset(
    {
        "activities",
        "activity",
        "aim",
        "aims",
        "better",
        "develop",
        "developing",
        "development",
        "project",
        "projects",
        "new",
        "way",
        "ways",
        "work",
        "working",
        "support",
        "together",
    }
)
STOPWORDS_SV = Path(__file__).parent / "data" / "stopwords_sv.txt"


@cache
def stop_words() -> frozenset[str]:
    """Swedish (our list, samskapa/connect/data/stopwords_sv.txt) and English stop words."""
    lines = STOPWORDS_SV.read_text(encoding="utf-8").splitlines()
    swedish = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(swedish | set(ENGLISH_STOP_WORDS) | ENGLISH_FILLER)


@dataclass(frozen=True)
class Document:
    """One thing to match: `facets` maps a facet's name to the values it has (ids as strings),
    `text` is free text in `language`, `profile` numeric ratings by key (on one scale)."""

    id: Any
    facets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    text: str = ""
    language: str = ""
    profile: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FacetRule:
    name: str
    weight: float  # per shared value
    cap: float  # at most this much from the facet
    strong: bool  # may make a match on its own
    # A value more than this share of the candidates have says nothing (an organisation on
    # every map): it is left out when there are at least COMMON_VALUE_MIN_POOL candidates.
    max_share: float = 1.0


@dataclass(frozen=True)
class Settings:
    facets: tuple[FacetRule, ...]
    text_weight: float = 1.5
    min_text_similarity: float = 0.1
    min_shared_terms: int = 2
    top_terms: int = 6
    profile_weight: float = 0.5
    min_profile_similarity: float = 0.8
    profile_span: float = 4.0  # highest minus lowest possible rating
    profile_strong: bool = False
    limit: int = 10


@dataclass(frozen=True)
class Reason:
    """Why a candidate matched: `kind` is a facet name, TEXT or PROFILE; `values` the shared
    values, the words that carried the text match, or the keys rated alike."""

    kind: str
    values: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Suggestion:
    id: Any
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class TextMatch:
    similarity: float
    words: tuple[str, ...]  # the shared words, the strongest contribution first


def text_matches(
    source: Document, candidates: Sequence[Document], *, settings: Settings
) -> dict[Any, TextMatch]:
    """TF-IDF cosine of the source's text with each candidate's in the same language, for the
    candidates that pass the threshold and share enough informative words."""
    peers = [
        c
        for c in candidates
        if c.text.strip() and (not source.language or c.language in ("", source.language))
    ]
    if not source.text.strip() or not peers:
        return {}
    vectoriser = TfidfVectorizer(
        stop_words=sorted(stop_words()),
        token_pattern=WORD_PATTERN,
        lowercase=True,
        sublinear_tf=True,
    )
    try:
        matrix = vectoriser.fit_transform([source.text, *(c.text for c in peers)])
    except ValueError:  # nothing but stop words anywhere
        return {}
    terms = vectoriser.get_feature_names_out()
    first = matrix[0]
    products = matrix[1:].multiply(first).tocsr()  # per candidate and term: the contribution
    similarities = np.asarray(products.sum(axis=1)).ravel()
    found: dict[Any, TextMatch] = {}
    for row in np.flatnonzero(similarities >= settings.min_text_similarity):
        start, end = products.indptr[row], products.indptr[row + 1]
        columns, weights = products.indices[start:end], products.data[start:end]
        shared = [(w, terms[c]) for c, w in zip(columns, weights, strict=True) if w > 0]
        if len(shared) < settings.min_shared_terms:
            continue
        shared.sort(key=lambda pair: (-pair[0], pair[1]))
        words = tuple(str(term) for _w, term in shared[: settings.top_terms])
        found[peers[row].id] = TextMatch(float(similarities[row]), words)
    return found


def profile_similarity(a: Mapping[str, float], b: Mapping[str, float], span: float) -> float:
    """1 for equal profiles, 0 for opposite ones, over the keys both have (0 if none)."""
    keys = a.keys() & b.keys()
    if not keys or span <= 0:
        return 0.0
    return 1 - sum(abs(a[k] - b[k]) for k in keys) / (span * len(keys))


COMMON_VALUE_MIN_POOL = 10


def _common_values(
    source: Document, pool: Sequence[Document], settings: Settings
) -> dict[str, frozenset[str]]:
    """Per facet, the source's values that too many candidates share to mean anything."""
    common: dict[str, frozenset[str]] = {}
    if len(pool) < COMMON_VALUE_MIN_POOL:
        return common
    for rule in settings.facets:
        values = source.facets.get(rule.name, frozenset())
        if rule.max_share >= 1 or not values:
            continue
        limit = rule.max_share * len(pool)
        common[rule.name] = frozenset(
            v for v in values if sum(v in c.facets.get(rule.name, ()) for c in pool) > limit
        )
    return common


def _facet_reasons(
    source: Document,
    candidate: Document,
    settings: Settings,
    common: Mapping[str, frozenset[str]],
) -> list[Reason]:
    reasons = []
    for rule in settings.facets:
        shared = source.facets.get(rule.name, frozenset()) & candidate.facets.get(
            rule.name, frozenset()
        )
        shared -= common.get(rule.name, frozenset())
        if shared:
            score = min(rule.cap, rule.weight * len(shared))
            reasons.append(Reason(rule.name, tuple(sorted(shared)), score))
    return reasons


def rank(
    source: Document, candidates: Iterable[Document], *, settings: Settings
) -> list[Suggestion]:
    """The candidates like `source`, best first (ties by id), at most `settings.limit`."""
    pool = [c for c in candidates if c.id != source.id]
    texts = text_matches(source, pool, settings=settings)
    common = _common_values(source, pool, settings)
    strong = {rule.name for rule in settings.facets if rule.strong} | {TEXT}
    if settings.profile_strong:
        strong.add(PROFILE)
    suggestions = []
    for candidate in pool:
        reasons = _facet_reasons(source, candidate, settings, common)
        match = texts.get(candidate.id)
        if match is not None:
            reasons.append(Reason(TEXT, match.words, settings.text_weight * match.similarity))
        if source.profile and candidate.profile:
            alike = profile_similarity(source.profile, candidate.profile, settings.profile_span)
            if alike >= settings.min_profile_similarity:
                keys = sorted(
                    k
                    for k in source.profile.keys() & candidate.profile.keys()
                    if abs(source.profile[k] - candidate.profile[k]) < 0.5
                )
                reasons.append(Reason(PROFILE, tuple(keys), settings.profile_weight * alike))
        if not any(r.kind in strong for r in reasons):
            continue
        score = round(sum(r.score for r in reasons), 6)
        suggestions.append(Suggestion(candidate.id, score, tuple(reasons)))
    suggestions.sort(key=lambda s: (-s.score, str(s.id)))
    return suggestions[: settings.limit]
