"""The matching engine and `similar_projects`: what matches, why, and for whom."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samskapa.accounts.enums import StaffRole
from samskapa.coaching.enums import NoteVisibility
from samskapa.connect import matching
from samskapa.connect.matching import Document, FacetRule, Settings
from samskapa.connect.selectors import (
    CALL,
    REGION,
    TARGET_GROUP,
    similar_projects,
)
from samskapa.projects.enums import ParticipantCategory
from samskapa.projects.models import Project, TargetGroupCount
from tests.factories.accounts import OrganisationFactory, staff
from tests.factories.coaching import NoteFactory, SessionFactory
from tests.factories.projects import CallFactory, ProjectFactory, lead_of
from tests.factories.toolkit import SelfAssessmentFactory, actor

TOPIC_WORDS = [
    "hemlöshet",
    "bostad",
    "arbetsgivare",
    "praktikplats",
    "språkstöd",
    "nyanlända",
    "kvinnor",
    "landsbygd",
    "kollektivtrafik",
    "skolfrånvaro",
    "föräldrar",
    "fritidsgård",
    "kök",
    "måltider",
    "sjukskrivning",
    "rehabilitering",
    "kamratstöd",
    "idrott",
    "föreningsliv",
    "digitalisering",
]
FILLER = sorted(w for w in matching.stop_words() if len(w) >= 3 and w.isalpha())
REGIONS = ["orebro", "skane", "kalmar", "vasterbotten"]
CATEGORIES = list(ParticipantCategory.values)
SIMPLE = Settings(facets=(FacetRule("call", 1.0, 1.0, False), FacetRule("tg", 1.0, 1.0, True)))


# --- The engine alone ----------------------------------------------------------------------


def test_filler_words_alone_never_match() -> None:
    source = Document(1, text="Projektet ska genom olika insatser utveckla nya metoder och arbeta")
    filler = Document(2, text="Vi ska arbeta genom olika insatser och utveckla nya metoder")
    assert matching.text_matches(source, [filler], settings=SIMPLE) == {}
    assert matching.rank(source, [filler], settings=SIMPLE) == []


def test_text_match_names_its_words_and_never_the_source() -> None:
    source = Document(1, text="Hemlöshet bland unga: bostad först och stöd från hyresvärdar")
    same_id = Document(1, text=source.text)
    other = Document(2, text="Bostad först för unga i hemlöshet, tillsammans med hyresvärdar")
    found = matching.rank(source, [same_id, other], settings=SIMPLE)
    assert [s.id for s in found] == [2]
    (reason,) = found[0].reasons
    assert reason.kind == matching.TEXT
    assert {"hemlöshet", "bostad", "hyresvärdar"} <= set(reason.values)
    assert not set(reason.values) & matching.stop_words()


def test_a_weak_facet_alone_does_not_match_but_a_strong_one_does() -> None:
    source = Document(1, facets={"call": frozenset({"7"}), "tg": frozenset({"young"})})
    same_call = Document(2, facets={"call": frozenset({"7"})})
    same_group = Document(3, facets={"tg": frozenset({"young"})})
    found = matching.rank(source, [same_call, same_group], settings=SIMPLE)
    assert [s.id for s in found] == [3]


def test_texts_in_another_language_are_not_compared() -> None:
    source = Document(1, text="Hemlöshet bostad hyresvärdar", language="sv")
    english = Document(2, text="Hemlöshet bostad hyresvärdar", language="en")
    assert matching.text_matches(source, [english], settings=SIMPLE) == {}


def test_a_value_on_most_maps_says_nothing() -> None:
    rule = FacetRule("org", 0.25, 0.75, True, max_share=0.5)
    config = Settings(facets=(rule,))
    source = Document(0, facets={"org": frozenset({"esf", "rare"})})
    pool = [Document(i, facets={"org": frozenset({"esf"})}) for i in range(1, 12)]
    pool.append(Document(99, facets={"org": frozenset({"esf", "rare"})}))
    found = matching.rank(source, pool, settings=config)
    assert [(s.id, s.reasons[0].values) for s in found] == [(99, ("rare",))]


# --- Over generated projects ---------------------------------------------------------------

words = st.lists(st.sampled_from(TOPIC_WORDS), min_size=3, max_size=8)
filler_text = st.lists(st.sampled_from(FILLER), min_size=5, max_size=15).map(" ".join)
other_project = st.fixed_dictionaries(
    {
        "words": words,
        "summary_words": st.lists(st.sampled_from(TOPIC_WORDS), max_size=4),
        "shares_orgs": st.booleans(),
        "visible": st.booleans(),  # the member viewer is also a member of it
    }
)


def _make(call: Any, region: str, categories: list[str], text: str, summary: str = "") -> Project:
    project = ProjectFactory(
        call=call, region=region, challenge=text, innovation="", summary=summary
    )
    for category in categories:
        TargetGroupCount.objects.create(project=project, category=category, count=10)
    return project


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    source_words=words,
    twin_words=st.one_of(st.just([]), words),
    others=st.lists(other_project, min_size=1, max_size=5),
    filler=filler_text,
    coach_note=st.sampled_from(TOPIC_WORDS),
)
def test_matching_over_generated_projects(
    source_words: list[str],
    twin_words: list[str],
    others: list[dict[str, Any]],
    filler: str,
    coach_note: str,
) -> None:
    with transaction.atomic():
        _check(source_words, twin_words, others, filler, coach_note)
        transaction.set_rollback(True)


def _check(
    source_words: list[str],
    twin_words: list[str],
    others: list[dict[str, Any]],
    filler: str,
    coach_note: str,
) -> None:
    call, elsewhere_call = CallFactory(), CallFactory()
    shared_orgs = [OrganisationFactory().name for _ in range(2)]
    source = _make(call, "orebro", CATEGORIES[:2], " ".join(source_words))
    for name in shared_orgs:
        actor(source, name=name)
    # Shares call, target group and region (and perhaps text).
    twin = _make(call, "orebro", CATEGORIES[1:3], " ".join(twin_words))
    # Shares none of them, but may share text, organisations and words in its summary.
    strangers = []
    for data in others:
        stranger = _make(
            elsewhere_call,
            "skane",
            CATEGORIES[4:6],
            " ".join(data["words"]),
            summary=" ".join(data["summary_words"]),
        )
        if data["shares_orgs"]:
            for name in shared_orgs:
                actor(stranger, name=name)
        strangers.append((stranger, data))
    # Only filler in its texts, nothing else in common.
    filler_only = _make(elsewhere_call, "kalmar", CATEGORIES[6:8], filler, summary=filler)
    # A coach's private note would make any two projects look alike: it is never read.
    for project in (source, twin, filler_only, *(s for s, _d in strangers)):
        SelfAssessmentFactory(project=project, ratings=4)
    for project in (source, filler_only):
        NoteFactory(
            session=SessionFactory(project=project),
            text=f"{coach_note} {coach_note} " + " ".join(TOPIC_WORDS),
            visibility=NoteVisibility.PRIVATE,
        )

    member = lead_of(source)
    for stranger, data in strangers:
        if data["visible"]:
            lead_of(stranger, member)
    viewers = [staff(StaffRole.PROCESS_LEADER), member]
    for viewer in viewers:
        found = similar_projects(source, viewer)
        ids = [s.project.pk for s in found]
        assert source.pk not in ids
        assert filler_only.pk not in ids
        assert twin.pk in ids
        stranger_ids = {s.pk for s, _d in strangers}
        assert all(ids.index(twin.pk) < ids.index(pk) for pk in ids if pk in stranger_ids)
        for suggestion in found:
            assert suggestion.reasons
            project = suggestion.project
            may_open = viewer.has_perm("projects.view_project", project)
            assert may_open or viewer.has_perm("connect.view_project_cards")
            assert suggestion.full == may_open
            if not may_open:
                # Only the card: no ecosystem map, no self-assessment, no private texts.
                kinds = {r.kind for r in suggestion.reasons}
                assert kinds <= {CALL, REGION, TARGET_GROUP, matching.TEXT}
                for reason in suggestion.reasons:
                    if reason.kind == matching.TEXT:
                        assert set(reason.values) <= set(project.summary.lower().split())
