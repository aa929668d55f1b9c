"""Reads of the connect app: projects like a project (built on samskapa.connect.matching) and
contact requests with their two sides."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import NutsRegion, Region
from samskapa.connect import matching
from samskapa.connect.enums import RequestStatus
from samskapa.connect.matching import Document, FacetRule, Reason, Settings
from samskapa.connect.models import ContactRequest, Counterpart
from samskapa.core.access import get_object_for_user
from samskapa.core.enums import FocusArea
from samskapa.europe.selectors import public_initiatives
from samskapa.projects.enums import MemberRole, ParticipantCategory
from samskapa.projects.models import Project, ProjectMember, TargetGroupCount
from samskapa.projects.rules import is_project_member
from samskapa.projects.selectors import list_projects_for_user
from samskapa.showcase.models import Case
from samskapa.showcase.selectors import public_case, published_cases
from samskapa.toolkit.models import Actor, SelfAssessment, SelfAssessmentRating

CALL = "call"
REGION = "region"
TARGET_GROUP = "target_group"
ORGANISATION = "organisation"

# Call, target group and region together (3.0) always outweigh everything else a project can
# share (text 1.5 + organisations 0.75 + profile 0.5 = 2.75): see docs/connect.md.
PROJECT_SETTINGS = Settings(
    facets=(
        FacetRule(CALL, weight=1.0, cap=1.0, strong=False),
        FacetRule(REGION, weight=1.0, cap=1.0, strong=False),
        FacetRule(TARGET_GROUP, weight=1.0, cap=1.0, strong=True),
        FacetRule(ORGANISATION, weight=0.25, cap=0.75, strong=True, max_share=0.5),
    ),
    text_weight=1.5,
    min_text_similarity=0.1,
    min_shared_terms=2,
    profile_weight=0.5,
    min_profile_similarity=0.8,
    profile_span=4.0,  # ratings 1–5
    limit=10,
)

REASON_LABELS = {
    CALL: _("Same call"),
    REGION: _("Same region"),
    TARGET_GROUP: _("Shared target groups"),
    ORGANISATION: _("Organisations in both ecosystem maps"),
    matching.TEXT: _("Words that carried the text match"),
    matching.PROFILE: _("Similar self-assessment, same rating for"),
}


def organisation_key(name: str) -> str:
    """Actors are matched by name, whatever their spelling of spaces and case."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class ShownReason:
    kind: str
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class SimilarProject:
    project: Project
    score: float
    reasons: tuple[ShownReason, ...]
    full: bool  # the viewer may open the project's own page
    summary: str  # the public summary in the page's language where there is one


@dataclass
class _Sources:
    """What the documents are built from, read in a constant number of queries."""

    rows: Mapping[int, Mapping[str, Any]]
    target_groups: dict[int, set[str]]
    actors: dict[int, dict[str, str]]  # project → key → name as written
    profiles: dict[int, dict[str, float]]


def _read(candidate_ids: set[int] | None, full: QuerySet[Project, Any] | None) -> _Sources:
    """`None` means every project. Private parts (texts, ecosystem map, self-assessment) are
    read only for the projects in `full`, those whose page the viewer may see (a subquery:
    never a list of thousands of ids)."""
    projects = Project.objects.all()
    if candidate_ids is not None:
        projects = projects.filter(pk__in=candidate_ids)
    rows = {
        r["pk"]: r
        for r in projects.values(
            "pk", "call_id", "region", "challenge", "innovation", "summary"
        ).order_by()
    }
    target_groups: dict[int, set[str]] = defaultdict(set)
    counts = TargetGroupCount.objects.filter(count__gt=0)
    if candidate_ids is not None:
        counts = counts.filter(project_id__in=candidate_ids)
    for project_id, category in counts.values_list("project_id", "category").order_by():
        target_groups[project_id].add(category)

    def private(queryset: QuerySet[Any], field: str) -> QuerySet[Any]:
        return queryset if full is None else queryset.filter(**{f"{field}__in": full})

    actors: dict[int, dict[str, str]] = defaultdict(dict)
    for project_id, name in private(Actor.objects.all(), "project_id").values_list(
        "project_id", "name"
    ):
        actors[project_id].setdefault(organisation_key(name), name)
    latest = SelfAssessment.objects.filter(project_id=OuterRef("assessment__project_id")).order_by(
        "-assessed_on", "-id"
    )
    ratings = private(
        SelfAssessmentRating.objects.filter(assessment_id=Subquery(latest.values("id")[:1])),
        "assessment__project_id",
    )
    profiles: dict[int, dict[str, float]] = defaultdict(dict)
    for project_id, area, rating in ratings.values_list(
        "assessment__project_id", "focus_area", "rating"
    ).order_by():
        profiles[project_id][area] = float(rating)
    return _Sources(rows, target_groups, actors, profiles)


def project_document(pk: int, sources: _Sources, *, full: bool) -> Document:
    """A project as the matching engine sees it; `full=False` keeps to the project's card."""
    row = sources.rows[pk]
    facets = {
        CALL: frozenset({str(row["call_id"])} if row["call_id"] else ()),
        REGION: frozenset({row["region"]} if row["region"] else ()),
        TARGET_GROUP: frozenset(sources.target_groups.get(pk, ())),
    }
    if not full:
        return Document(id=pk, facets=facets, text=row["summary"])
    facets[ORGANISATION] = frozenset(sources.actors.get(pk, {}))
    text = "\n".join(row[f] for f in ("challenge", "innovation", "summary") if row[f])
    return Document(id=pk, facets=facets, text=text, profile=sources.profiles.get(pk, {}))


def _shown(reason: Reason, project: Project, names: dict[str, str]) -> ShownReason:
    labels: dict[str, str]
    if reason.kind == CALL:
        values = tuple(project.call.reference for _v in reason.values) if project.call else ()
    elif reason.kind == REGION:
        values = tuple(str(Region(v).label) for v in reason.values if v in Region.values)
    elif reason.kind == TARGET_GROUP:
        labels = {k: str(v) for k, v in ParticipantCategory.choices}
        values = tuple(labels.get(v, v) for v in reason.values)
    elif reason.kind == ORGANISATION:
        values = tuple(names.get(v, v) for v in reason.values)
    elif reason.kind == matching.PROFILE:
        labels = {k: str(v) for k, v in FocusArea.choices}
        values = tuple(labels.get(v, v) for v in reason.values)
    else:
        values = reason.values
    return ShownReason(reason.kind, str(REASON_LABELS.get(reason.kind, reason.kind)), values)


def similar_projects(project: Project, viewer: Any) -> list[SimilarProject]:
    """Projects like `project` among those `viewer` may see, each with why it matched.

    Never `project` itself. A project whose page the viewer may open is matched on everything
    the viewer could read there; any other project only on its card (when the viewer may see
    cards at all). Nothing is read from coaching."""
    # The viewer is on the project's page, so it is read in full too.
    visible = list_projects_for_user(user=viewer) | Project.objects.filter(pk=project.pk)
    full_ids = set(visible.values_list("pk", flat=True))
    cards = viewer.has_perm("connect.view_project_cards")
    every = len(full_ids) == Project.objects.count()  # staff: no filter at all
    sources = _read(None if cards else full_ids, None if every else visible.values("pk"))
    source = project_document(project.pk, sources, full=True)
    candidates = [
        project_document(pk, sources, full=pk in full_ids)
        for pk in sources.rows
        if pk != project.pk
    ]
    suggestions = matching.rank(source, candidates, settings=PROJECT_SETTINGS)
    found = Project.objects.select_related("call", "owner").in_bulk([s.id for s in suggestions])
    names = sources.actors.get(project.pk, {})
    english = (get_language() or "").startswith("en")
    result = []
    for suggestion in suggestions:
        other = found[suggestion.id]
        result.append(
            SimilarProject(
                project=other,
                score=suggestion.score,
                reasons=tuple(_shown(r, other, names) for r in suggestion.reasons),
                full=suggestion.id in full_ids,
                summary=(other.summary_en if english and other.summary_en else other.summary),
            )
        )
    return result


# --- Contact requests ----------------------------------------------------------------------


def get_card_project_for_user(user: Any, pk: Any, path: str = "") -> Project:
    """Another project to contact: any project whose card the person may see (404 otherwise)."""
    return get_object_for_user(
        Project.objects.select_related("call", "owner"),
        user=user,
        perm="connect.view_project_cards",
        path=path,
        pk=pk,
    )


def get_request_for_user(user: Any, pk: Any, perm: str, path: str = "") -> ContactRequest:
    return get_object_for_user(
        ContactRequest.objects.select_related(
            "from_project__owner", "to_project__owner", "sender", "answered_by"
        ),
        user=user,
        perm=perm,
        path=path,
        pk=pk,
    )


def requests_of(project: Project) -> dict[str, list[ContactRequest]]:
    """The project's received ("inbox") and sent ("outbox") requests, newest first."""
    requests = (
        ContactRequest.objects.filter(Q(from_project=project) | Q(to_project=project))
        .select_related("from_project", "to_project", "sender")
        .order_by("-created_at", "-id")
    )
    boxes: dict[str, list[ContactRequest]] = {"inbox": [], "outbox": []}
    for request in requests:
        boxes["inbox" if request.to_project_id == project.pk else "outbox"].append(request)
    return boxes


def live_request_between(from_project: Project, to_project: Project) -> ContactRequest | None:
    """A waiting or accepted request between the two projects, in either direction."""
    return (
        ContactRequest.objects.filter(
            Q(from_project=from_project, to_project=to_project)
            | Q(from_project=to_project, to_project=from_project),
            status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
        )
        .order_by("-created_at")
        .first()
    )


@dataclass(frozen=True)
class ContactDetails:
    project: Project
    contact_name: str
    contact_email: str
    leads: tuple[tuple[str, str], ...]  # (name, e-mail)


def contact_details(request: ContactRequest) -> list[ContactDetails]:
    """Both projects' contact details, for an accepted request only (else nothing)."""
    if not request.is_accepted:
        return []
    sides = [request.from_project, request.to_project]
    leads: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for member in (
        ProjectMember.objects.filter(project_id__in=[p.pk for p in sides], role=MemberRole.LEAD)
        .select_related("user")
        .order_by("user__name")
    ):
        leads[member.project_id].append((member.user.get_full_name(), member.user.email))
    return [ContactDetails(p, p.contact_name, p.contact_email, tuple(leads[p.pk])) for p in sides]


def project_side(user: Any, request: ContactRequest) -> Project:
    """The side of the request the person belongs to (the sender's when both)."""
    if is_project_member(user, request.from_project):
        return request.from_project
    return request.to_project


def projects_in_contact(project: Project) -> set[int]:
    """The projects with a waiting or accepted request to or from `project`."""
    pairs = ContactRequest.objects.filter(
        Q(from_project=project) | Q(to_project=project),
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).values_list("from_project_id", "to_project_id")
    return {b if a == project.pk else a for a, b in pairs}


def waiting_count(project: Project) -> int:
    """Requests to `project` that wait for its leads' answer."""
    return ContactRequest.objects.filter(to_project=project, status=RequestStatus.PENDING).count()


# --- Public cases: cases like this one, peers in Europe -------------------------------------
#
# Only published case versions are read (showcase.selectors.published_cases), so the sections
# built from them are the same for every visitor and live in the case page's public cache: a
# publication or a withdrawal touches the showcase's area and renders them anew.

FOCUS_AREA = "focus_area"
CASE_TEXT_FIELDS = ("title", "summary", "problem", "target_group", "approach", "results")

# A shared target group or the text may make a match; call, region and focus areas add weight.
CASE_SETTINGS = Settings(
    facets=(
        FacetRule(TARGET_GROUP, weight=1.0, cap=1.0, strong=True),
        FacetRule(CALL, weight=1.0, cap=1.0, strong=False),
        FacetRule(REGION, weight=1.0, cap=1.0, strong=False),
        FacetRule(FOCUS_AREA, weight=0.25, cap=0.5, strong=False, max_share=0.5),
    ),
    text_weight=1.5,
    limit=5,
)
# European initiatives share nothing with a case but words: the English texts.
EUROPE_SETTINGS = Settings(facets=(), text_weight=1.0, limit=5)

CASE_REASON_LABELS = {
    **REASON_LABELS,
    FOCUS_AREA: _("Shared focus areas"),
}


def case_document(case: Any, *, language: str = "sv") -> Document:
    """A published case as the engine sees it: the published version's facets and its texts
    in `language` (English: the `_en` fields, empty where not translated)."""
    version = case.public_version
    suffix = "_en" if language == "en" else ""
    text = "\n".join(
        str(getattr(version, f"{name}{suffix}") or "") for name in CASE_TEXT_FIELDS
    ).strip()
    return Document(
        id=case.pk,
        facets={
            TARGET_GROUP: frozenset(version.target_groups or ()),
            CALL: frozenset({version.call_reference} if version.call_reference else ()),
            REGION: frozenset({version.nuts_region} if version.nuts_region else ()),
            FOCUS_AREA: frozenset(version.focus_areas or ()),
        },
        text=text,
        language=language,
    )


@dataclass(frozen=True)
class SimilarCase:
    case: Any
    score: float
    reasons: tuple[ShownReason, ...]


def _case_reason(reason: Reason) -> ShownReason:
    labels: dict[str, str] = {}
    if reason.kind == REGION:
        labels = {k: str(v) for k, v in NutsRegion.choices}
    elif reason.kind == TARGET_GROUP:
        labels = {k: str(v) for k, v in ParticipantCategory.choices}
    elif reason.kind == FOCUS_AREA:
        labels = {k: str(v) for k, v in FocusArea.choices}
    values = tuple(labels.get(v, v) for v in reason.values)
    return ShownReason(reason.kind, str(CASE_REASON_LABELS.get(reason.kind, reason.kind)), values)


def similar_cases(case: Any) -> list[SimilarCase]:
    """Other published cases like `case` (itself published), each with why it matched: the
    shared facets and the Swedish words that carried the text match (every case has Swedish
    text). Never the case itself, never a case that is not published."""
    if case.public_version_id is None:
        return []
    cases = {c.pk: c for c in published_cases()}
    if case.pk not in cases:
        return []
    source = case_document(cases[case.pk])
    candidates = [case_document(c) for pk, c in cases.items() if pk != case.pk]
    suggestions = matching.rank(source, candidates, settings=CASE_SETTINGS)
    return [
        SimilarCase(
            case=cases[s.id],
            score=s.score,
            reasons=tuple(_case_reason(r) for r in s.reasons),
        )
        for s in suggestions
    ]


@dataclass(frozen=True)
class EuropeanPeer:
    initiative: Any
    score: float
    words: tuple[str, ...]  # the English words that carried the match


def initiative_document(initiative: Any) -> Document:
    """A catalogue initiative: its English title, summary and themes."""
    text = "\n".join([initiative.title, initiative.summary, initiative.themes.replace(";", " ")])
    return Document(id=initiative.pk, text=text, language="en")


def european_peers(case: Any) -> list[EuropeanPeer]:
    """Initiatives of the European catalogue like a published case: its English text against
    the catalogue's (words meet words in one language). None for a case without English text
    or one that is not published."""
    published = public_case(pk=case.pk)
    if published is None:
        return []
    source = case_document(published, language="en")
    if not source.text:
        return []
    initiatives = {i.pk: i for i in public_initiatives()}
    matches = matching.text_matches(
        source,
        [initiative_document(i) for i in initiatives.values()],
        settings=EUROPE_SETTINGS,
    )
    ranked = sorted(matches.items(), key=lambda item: (-item[1].similarity, item[0]))
    return [
        EuropeanPeer(initiatives[pk], round(match.similarity, 6), match.words)
        for pk, match in ranked[: EUROPE_SETTINGS.limit]
    ]


def counterparts() -> QuerySet[Counterpart]:
    """Links from cases to their counterparts in the European catalogue, by title."""
    return Counterpart.objects.select_related("initiative").order_by("initiative__title", "pk")


def counterparts_of(case: Any) -> list[Counterpart]:
    """The case's counterparts in the European catalogue, by title."""
    return list(counterparts().filter(case=case))


def get_counterpart(pk: Any) -> Counterpart:
    counterpart = Counterpart.objects.select_related("case", "initiative").filter(pk=pk).first()
    if counterpart is None:
        raise Http404
    return counterpart


def get_case(pk: Any) -> Case:
    """A case, published or not, for the staff who keep its counterparts (404 if none)."""
    case = Case.objects.select_related("project", "public_version").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case
