"""Reads of coalitions, meetings and lessons that follow relations or aggregate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.accounts.rules import is_admin, is_centre_team, is_funder
from samskapa.coaching.models import CoachAssignment, Note, Session
from samskapa.coaching.selectors import LessonFilters as NoteFilters
from samskapa.coaching.selectors import has_focus_area, shared_lessons
from samskapa.coalitions.enums import ReflectionTiming
from samskapa.coalitions.models import (
    AgendaItem,
    Attendance,
    Coalition,
    CoalitionProject,
    FollowUp,
    Lesson,
    Meeting,
    Reflection,
)
from samskapa.core.access import get_object_for_user
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Call, Project, ProjectMember
from samskapa.toolkit.models import SelfAssessment


def visible_coalitions(*, user: Any) -> QuerySet[Coalition]:
    coalitions = Coalition.objects.all()
    if not is_centre_team(user):  # project members: their own coalitions only
        # A subquery, not a join: filtering on the join would make every count annotated
        # later see only this person's own project (a lead saw 1 project where staff saw 6).
        coalitions = coalitions.filter(
            pk__in=CoalitionProject.objects.filter(project__members__user_id=user.pk).values(
                "coalition_id"
            )
        )
    return coalitions


def _count_of(queryset: QuerySet[Any], field: str) -> Coalesce:
    """COUNT(*) of `queryset` correlated on `field` = the outer row, as a subquery: a count
    that no join or filter of the outer query can shrink or multiply."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def project_count() -> Coalesce:
    """The number of projects in a coalition: the one figure every page shows for it (the
    coalition list for staff and for members, the coalition page)."""
    return _count_of(CoalitionProject.objects.all(), "coalition")


def list_coalitions_for_user(*, user: Any) -> QuerySet[Coalition]:
    now = timezone.now()
    return (
        visible_coalitions(user=user)
        .select_related("call")
        .prefetch_related("process_leaders")
        .annotate(
            project_count=project_count(),
            meeting_count=_count_of(Meeting.objects.all(), "coalition"),
            next_meeting=Subquery(
                planned(Meeting.objects.filter(coalition=OuterRef("pk")), now=now)
                .order_by("starts_at")
                .values("starts_at")[:1]
            ),
        )
        .order_by("name")
    )


def get_coalition_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Coalition:
    return get_object_for_user(
        Coalition.objects.select_related("call"), user=user, perm=perm, path=path, pk=pk
    )


def get_meeting_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Meeting:
    return get_object_for_user(
        Meeting.objects.select_related("coalition", "coalition__call"),
        user=user,
        perm=perm,
        path=path,
        pk=pk,
    )


def projects_of_coalition(coalition: Coalition | int) -> QuerySet[Project]:
    return Project.objects.filter(coalition_membership__coalition=coalition).order_by("number")


def coalition_projects(coalition: Coalition) -> list[Project]:
    return list(projects_of_coalition(coalition).select_related("owner"))


def meetings_of(coalition: Coalition) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(coalition=coalition)
        .annotate(attendance_count=Count("attendance", distinct=True))
        .order_by("starts_at")
    )


def meeting_with_details(meeting: Meeting) -> Meeting:
    """The meeting's agenda, lessons (with their projects) and follow-ups, prefetched."""
    prefetch = [
        Prefetch("agenda", queryset=AgendaItem.objects.order_by("order", "pk")),
        Prefetch(
            "lessons",
            queryset=Lesson.objects.prefetch_related(
                Prefetch("projects", queryset=Project.objects.only("pk", "number", "name"))
            ),
        ),
        Prefetch("follow_ups", queryset=FollowUp.objects.select_related("project")),
    ]
    return (
        Meeting.objects.prefetch_related(*prefetch).select_related("coalition").get(pk=meeting.pk)
    )


def attendance_of(meeting: Meeting) -> QuerySet[Attendance]:
    return Attendance.objects.filter(meeting=meeting).select_related("user", "project")


def reflections_of(meeting: Meeting) -> QuerySet[Reflection]:
    return Reflection.objects.filter(meeting=meeting).select_related("project", "author")


def invitees(meeting: Meeting) -> list[Any]:
    """Everyone invited to a meeting: the members of its projects and its process leaders."""

    coalition = meeting.coalition
    return list(
        User.objects.filter(
            Q(project_memberships__project__coalition_membership__coalition=coalition)
            | Q(led_coalitions=coalition),
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )


def attendance_choices(meeting: Meeting) -> list[tuple[str, str, str]]:
    """(value, person, project label) for everyone who may attend: "user:project" values,
    project blank for the process leaders."""

    rows: list[tuple[str, str, str]] = []
    members = (
        ProjectMember.objects.filter(project__coalition_membership__coalition=meeting.coalition)
        .select_related("user", "project")
        .order_by("project__number", "user__name")
    )
    for member in members:
        rows.append(
            (
                f"{member.user_id}:{member.project_id}",
                member.user.get_full_name(),
                member.project.number,
            )
        )
    for leader in meeting.coalition.process_leaders.order_by("name"):
        rows.append((f"{leader.pk}:", leader.get_full_name(), ""))
    return rows


def planned(meetings: QuerySet[Meeting], *, now: Any = None) -> QuerySet[Meeting]:
    """A planned meeting is one that has not started yet: the one definition of "planned"."""
    return meetings.filter(starts_at__gte=now or timezone.now())


def meetings_in_scope(*, user: Any) -> QuerySet[Meeting]:
    """The meetings a person's figures speak of: every meeting for the admin and the funder
    (who follow the whole centre), otherwise those of the coalitions the person leads or
    whose project they work in. Filtered by subquery, so counts are not multiplied."""
    meetings = Meeting.objects.all()
    if is_admin(user) or is_funder(user):
        return meetings
    coalitions = Coalition.objects.filter(
        Q(process_leaders=user.pk) | Q(members__project__members__user_id=user.pk)
    ).values("pk")
    return meetings.filter(coalition__in=coalitions)


def planned_meetings(*, user: Any) -> QuerySet[Meeting]:
    """The planned meetings in the person's scope, soonest first: the home's "next meeting",
    the member's upcoming meetings and the "meetings planned" figure all come from here."""
    return planned(meetings_in_scope(user=user)).select_related("coalition").order_by("starts_at")


def upcoming_meetings_for_user(*, user: Any, limit: int = 3) -> QuerySet[Meeting]:
    return planned_meetings(user=user)[:limit]


def undocumented_meetings(*, user: Any, limit: int = 5) -> QuerySet[Meeting]:
    """Past meetings of the coalitions the person leads (all, for the admin) not yet documented."""
    meetings = Meeting.objects.filter(ends_at__lt=timezone.now(), documented_at__isnull=True)
    if not is_admin(user):
        meetings = meetings.filter(coalition__process_leaders=user.pk)
    return meetings.select_related("coalition").distinct().order_by("starts_at")[:limit]


def reflections_due(*, user: Any, meeting: Meeting | None = None) -> list[tuple[Meeting, Project]]:
    """(meeting, project) for each planned meeting and each of the person's own projects in
    its coalition that has no reflection before that meeting yet (three queries). The home's
    reminder and the meeting page's "write a reflection" both ask this, so the reminder goes
    away once the reflection is written."""
    projects = list(
        Project.objects.filter(
            pk__in=ProjectMember.objects.filter(user_id=user.pk).values("project_id"),
            coalition_membership__isnull=False,
        )
        .annotate(coalition_pk=F("coalition_membership__coalition_id"))
        .order_by("number")
    )
    if not projects:
        return []
    meetings = planned(Meeting.objects.filter(coalition__in={p.coalition_pk for p in projects}))
    if meeting is not None:
        meetings = meetings.filter(pk=meeting.pk)
    meetings_list = list(meetings.select_related("coalition").order_by("starts_at"))
    done = set(
        Reflection.objects.filter(
            meeting__in=meetings_list, project__in=projects, timing=ReflectionTiming.BEFORE
        ).values_list("meeting_id", "project_id")
    )
    return [
        (m, p)
        for m in meetings_list
        for p in projects
        if p.coalition_pk == m.coalition_id and (m.pk, p.pk) not in done
    ]


def meetings_for_calendar(
    *, user: Any | None = None, coalition: Coalition | None = None
) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("coalition")
    if coalition is not None:
        meetings = meetings.filter(coalition=coalition)
    if user is not None:
        meetings = meetings.filter(
            Q(coalition__members__project__members__user_id=user.pk)
            | Q(coalition__process_leaders=user.pk)
        ).distinct()
    return meetings.prefetch_related("agenda").order_by("starts_at")


# --- Lessons register -------------------------------------------------------------------


@dataclass(frozen=True)
class LessonFilters:
    q: str = ""
    focus_area: str = ""
    coalition: Coalition | None = None
    call: Call | None = None
    project: Project | None = None


def meeting_lessons(filters: LessonFilters) -> QuerySet[Lesson]:
    lessons = Lesson.objects.select_related("meeting__coalition__call").prefetch_related(
        Prefetch("projects", queryset=Project.objects.only("pk", "number", "name"))
    )
    if filters.q:
        lessons = lessons.filter(text__icontains=filters.q)
    if filters.focus_area:
        lessons = lessons.filter(has_focus_area("focus_areas", filters.focus_area))
    if filters.coalition is not None:
        lessons = lessons.filter(meeting__coalition=filters.coalition)
    if filters.call is not None:
        lessons = lessons.filter(meeting__coalition__call=filters.call)
    if filters.project is not None:
        lessons = lessons.filter(projects=filters.project)
    return lessons.order_by("-meeting__starts_at", "-pk")


def coalition_of_projects(project_ids: list[int]) -> dict[int, Coalition]:
    links = CoalitionProject.objects.filter(project_id__in=project_ids).select_related("coalition")
    return {link.project_id: link.coalition for link in links}


def lesson_register(filters: LessonFilters, *, page: Any = 1, per_page: int = 25) -> Page:
    """One page of every lesson, newest first: from meetings and from shared coaching notes.

    The two sources are merged and paginated in SQL (a UNION of ids and dates); only the
    page's lessons are then loaded, so the cost does not grow with the register."""

    from_meetings_qs, notes = _lesson_sources(filters)
    kind = Value("meeting", output_field=CharField())
    from_meetings = from_meetings_qs.annotate(kind=kind, when=F("meeting__starts_at")).values_list(
        "pk", "kind", "when"
    )
    from_coaching = (
        notes.order_by()
        .annotate(kind=Value("coaching", output_field=CharField()), when=F("session__starts_at"))
        .values_list("pk", "kind", "when")
    )
    merged = from_meetings.union(from_coaching, all=True).order_by("-when", "-pk")
    result = Paginator(merged, per_page).get_page(page)
    rows = list(result.object_list)
    lessons = meeting_lessons(LessonFilters()).in_bulk([pk for pk, k, _w in rows if k == "meeting"])
    shared = Note.objects.select_related("session__project").in_bulk(
        [pk for pk, k, _w in rows if k == "coaching"]
    )
    entries: list[dict[str, Any]] = []
    for pk, source, _when in rows:
        if source == "meeting" and pk in lessons:
            lesson = lessons[pk]
            entries.append(
                {
                    "source": "meeting",
                    "date": timezone.localdate(lesson.meeting.starts_at),
                    "text": lesson.text,
                    "focus_areas": lesson.focus_area_labels(),
                    "projects": list(lesson.projects.all()),
                    "meeting": lesson.meeting,
                    "coalition": lesson.meeting.coalition,
                }
            )
        elif source == "coaching" and pk in shared:
            note = shared[pk]
            entries.append(
                {
                    "source": "coaching",
                    "date": timezone.localdate(note.session.starts_at),
                    "text": note.text,
                    "focus_areas": note.focus_area_labels(),
                    "projects": [note.session.project],
                }
            )
    return Page(entries, result.number, result.paginator)


class LessonGroup:
    """The ways the lessons register can be grouped and counted."""

    FOCUS_AREA = "focus_area"
    COALITION = "coalition"
    MEETING = "meeting"
    ALL = (FOCUS_AREA, COALITION, MEETING)


def _lesson_sources(filters: LessonFilters) -> tuple[QuerySet[Lesson], QuerySet[Note]]:
    """The register's two sources with the same filters as `lesson_register`."""
    notes = shared_lessons(
        NoteFilters(
            q=filters.q, focus_area=filters.focus_area, call=filters.call, project=filters.project
        )
    )
    if filters.coalition is not None:
        notes = notes.filter(session__project__coalition_membership__coalition=filters.coalition)
    return meeting_lessons(filters).prefetch_related(None).order_by(), notes.order_by()


def lesson_total(filters: LessonFilters) -> int:
    """How many lessons match the filters (a lesson with two focus areas is counted once)."""
    lessons, notes = _lesson_sources(filters)
    return lessons.count() + notes.count()


def lesson_counts(filters: LessonFilters, group: str) -> list[dict[str, Any]]:
    """The lessons (meetings and shared coaching notes, filtered as the register is) counted
    by focus area, coalition or meeting: [{"key", "label", "count", "meeting"?}], counted in
    SQL (two queries whatever the size of the register). The lessons page's "group by" and
    the evaluator's home read it."""
    lessons, notes = _lesson_sources(filters)
    rows: list[dict[str, Any]] = []
    if group == LessonGroup.FOCUS_AREA:
        counts = {
            value: Count("pk", filter=has_focus_area("focus_areas", value))
            for value in FocusArea.values
        }
        from_meetings = lessons.aggregate(**counts)
        from_coaching = notes.aggregate(**counts)
        for value, label in FocusArea.choices:
            rows.append(
                {
                    "key": value,
                    "label": label,
                    "count": (from_meetings[value] or 0) + (from_coaching[value] or 0),
                }
            )
        return rows
    if group == LessonGroup.COALITION:
        totals: dict[Any, dict[str, Any]] = {}
        for key, name, count in [
            *lessons.values_list("meeting__coalition", "meeting__coalition__name").annotate(
                n=Count("pk", distinct=True)
            ),
            *notes.values_list(
                "session__project__coalition_membership__coalition",
                "session__project__coalition_membership__coalition__name",
            ).annotate(n=Count("pk", distinct=True)),
        ]:
            row = totals.setdefault(key, {"key": key, "label": name, "count": 0})
            row["count"] += count
        return sorted(
            totals.values(), key=lambda r: (r["key"] is None, str(r["label"] or "").lower())
        )
    if group == LessonGroup.MEETING:
        by_meeting = (
            lessons.values(
                "meeting", "meeting__title", "meeting__starts_at", "meeting__coalition__name"
            )
            .annotate(n=Count("pk", distinct=True))
            .order_by("-meeting__starts_at", "-meeting")
        )
        rows = [
            {
                "key": row["meeting"],
                "label": row["meeting__title"],
                "date": timezone.localdate(row["meeting__starts_at"]),
                "coalition": row["meeting__coalition__name"],
                "count": row["n"],
            }
            for row in by_meeting
        ]
        coaching = notes.count()
        if coaching:
            rows.append({"key": None, "label": None, "count": coaching})
        return rows
    raise ValueError(group)


def activity_figures(*, user: Any) -> dict[str, int]:
    """The centre's process support in figures, for the admin's and the funder's home (four
    queries). "Planned" is `planned_meetings`, as in the home's "next meeting"."""

    now = timezone.now()
    meetings = meetings_in_scope(user=user).aggregate(
        held=Count("pk", filter=Q(ends_at__lt=now)),
        undocumented=Count("pk", filter=Q(ends_at__lt=now, documented_at__isnull=True)),
    )
    return {
        "coalitions": Coalition.objects.count(),
        **meetings,
        "planned": planned_meetings(user=user).count(),
        "sessions": Session.objects.filter(starts_at__lt=now).count(),
    }


def recent_reflections(*, limit: int = 5) -> QuerySet[Reflection]:
    """The latest reflections of every coalition's projects, for the centre team's reading
    (the evaluator's home); members read only their own projects' on the meeting page."""
    return Reflection.objects.select_related("meeting", "meeting__coalition", "project").order_by(
        "-updated_at", "-pk"
    )[:limit]


def call_progress(*, today: Any = None) -> list[dict[str, Any]]:
    """What the projects of each call are doing and how far they have come, for the funder's
    home: each project's innovation, phase and share of its project time passed, its coaching
    sessions held and its self-assessments. Three queries whatever the number of projects:
    no notes, no meeting documentation, nothing private."""
    today = today or timezone.localdate()
    now = timezone.now()
    assessments = SelfAssessment.objects.filter(project=OuterRef("pk"))
    projects = list(
        Project.objects.select_related("call")
        .annotate(
            sessions_held=_count_of(Session.objects.filter(starts_at__lt=now), "project"),
            assessment_count=_count_of(SelfAssessment.objects.all(), "project"),
            latest_assessment=Subquery(
                assessments.order_by("-assessed_on", "-id").values("assessed_on")[:1]
            ),
            has_coach=Exists(CoachAssignment.objects.filter(project=OuterRef("pk"))),
        )
        .order_by("-call__opens", "call__reference", "number")
    )
    calls: dict[int | None, dict[str, Any]] = {}
    for project in projects:
        entry = calls.setdefault(
            project.call_id, {"call": project.call, "projects": [], "phases": {}}
        )
        entry["projects"].append(
            {
                "project": project,
                "innovation": first_line(project.innovation),
                "time_passed": time_passed(project.start, project.end, today),
            }
        )
        label = project.get_phase_display()
        entry["phases"][label] = entry["phases"].get(label, 0) + 1
    for entry in calls.values():
        rows = entry["projects"]
        entry["coached"] = sum(1 for r in rows if r["project"].has_coach)
        entry["assessed"] = sum(1 for r in rows if r["project"].assessment_count)
        entry["phases"] = sorted(entry["phases"].items())
    return list(calls.values())


def first_line(text: str, length: int = 100) -> str:
    """The first line of a text, cut at a word near `length` characters."""
    line = next((part.strip() for part in (text or "").splitlines() if part.strip()), "")
    if len(line) <= length:
        return line
    return line[:length].rsplit(" ", 1)[0] + "…"


def time_passed(start: Any, end: Any, today: Any) -> int | None:
    """The share (0–100) of the project time from start to end that has passed on `today`."""
    if start is None or end is None or end <= start:
        return None
    share = (today - start).days / (end - start).days
    return round(100 * min(max(share, 0.0), 1.0))
