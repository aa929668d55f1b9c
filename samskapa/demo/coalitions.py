"""Demo coalitions: two coalitions of the main call with meetings, documentation, attendance,
reflections and self-assessments. Meetings fall on weekdays around this week, so there is
always a meeting ahead and one waiting to be documented. Idempotent and moving: a meeting is
found by its coalition and title (its parts by meeting and text) and its dates are set again."""

from __future__ import annotations

import datetime
from typing import Any

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coalitions import assessments
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
from samskapa.demo.clock import DemoCalendar
from samskapa.projects.models import Call, Project, ProjectMember

CALL = "2023/00187"
SECOND_LEADER = ("lars.wikstrom@example.se", "Lars Wikström")

COALITIONS: list[dict[str, Any]] = [
    {
        "name": "Vägar till arbete",
        "theme": "Samskapade vägar till arbete för personer långt från arbetsmarknaden",
        "description": (
            "Projekt som bygger nya vägar till arbete tillsammans med målgruppen, arbetsgivare "
            "och det civila samhället."
        ),
        "leader": "processledare@samskapa.test",
        "projects": [
            "23-012-S01",
            "23-027-S01",
            "23-031-S01",
            "23-044-S01",
            "23-052-S01",
            "23-058-S01",
        ],
        "place": "Mötesplats Social Innovation, Malmö universitet, Niagara, sal NI:A0406",
    },
    {
        "name": "Arbetsgivare och arbetsliv",
        "theme": "Arbetsplatser och arbetsgivare som bär förändringen",
        "description": (
            "Projekt där arbetsgivare, kommuner och idéburna organisationer förändrar "
            "arbetsplatserna så att fler får plats."
        ),
        "leader": SECOND_LEADER[0],
        "projects": [
            "23-019-S01",
            "23-063-S01",
            "23-071-S01",
            "23-076-S01",
            "23-083-S01",
            "23-090-S01",
        ],
        "place": "Folkets hus, Sundsvall, lokal Selångersån",
    },
]

# (days from this week's Monday (days % 7 < 5: a weekday), title, agenda [(title, focus areas)], documented?)
MEETINGS: list[tuple[int, str, list[tuple[str, list[str]]], bool]] = [
    (
        -146,
        "Uppstart: innovationerna presenteras",
        [
            ("Varje projekt presenterar sitt innovationskort", ["causes", "results"]),
            ("Vad är nytt? Varför, vad, var och vem", ["causes"]),
            ("Gemensamma frågor för året", ["collaboration"]),
        ],
        True,
    ),
    (
        -82,
        "Problemträd och målgruppens medverkan",
        [
            ("Problemträden i par: orsaker inom och utom räckhåll", ["causes"]),
            ("Hur medverkar målgruppen i dag?", ["participation"]),
        ],
        True,
    ),
    (
        -12,
        "Ekosystem och samverkan",
        [
            ("Ekosystemkartorna: vilka aktörer saknas?", ["ecosystem"]),
            ("Från samarbete till samverkan", ["collaboration"]),
        ],
        False,
    ),
    (
        24,
        "Förändringsteori och hållbara resultat",
        [
            ("Förändringsteorierna baklänges från det långsiktiga målet", ["results"]),
            ("Vad finns kvar efter projekttiden?", ["results", "ecosystem"]),
        ],
        False,
    ),
]

DOCUMENTATION: dict[str, dict[str, Any]] = {
    "Uppstart: innovationerna presenteras": {
        "notes": (
            "Alla projekt presenterade sina innovationskort. Diskussionen kretsade kring skillnaden "
            "mellan en ny metod och en ny samverkan. Flera projekt vill jämföra hur de arbetar "
            "med arbetsgivare."
        ),
        "insights": (
            "Projekten beskriver ofta aktiviteter i stället för det nya. Frågan ”vad är nytt, "
            "och för vem?” hjälpte dem att skärpa korten."
        ),
        "lessons": [
            (
                "Ett innovationskort blir tydligare när projektet skriver vad som är nytt för "
                "målgruppen, inte bara för organisationen.",
                ["causes", "results"],
                2,
            ),
            (
                "Arbetsgivare engageras lättare när de får en egen roll i utvecklingen, inte bara "
                "tar emot praktikanter.",
                ["collaboration"],
                3,
            ),
        ],
        "follow_ups": [("Dela innovationskorten med varandra före nästa träff", "processledaren")],
    },
    "Problemträd och målgruppens medverkan": {
        "notes": (
            "Projekten arbetade i par med sina problemträd. Många orsaker låg på strukturell nivå "
            "och utanför projektens räckhåll. Samtalet om medverkan visade stora skillnader."
        ),
        "insights": (
            "Att skilja på orsaker inom och utom räckhåll gjorde det lättare att välja insatser. "
            "Målgruppens medverkan stannar ofta vid konsultation."
        ),
        "lessons": [
            (
                "Strukturella orsaker kan sällan lösas av ett projekt, men projektet kan samla "
                "aktörerna som äger dem.",
                ["causes", "ecosystem"],
                2,
            ),
            (
                "Målgruppen medverkar mer när mötena hålls där de redan finns och ersätts för sin "
                "tid.",
                ["participation"],
                1,
            ),
        ],
        "follow_ups": [
            ("Uppdatera problemträden efter parsamtalen", "varje projekt"),
            ("Bjud in en erfaren brukarorganisation till nästa träff", "processledaren"),
        ],
    },
}

REFLECTIONS = [
    "Vi har förstått att vår arbetsväg är ny främst genom att arbetsgivarna är med från början.",
    "Målgruppens röst behöver höras tidigare. Vi prövar en referensgrupp med ersättning.",
    "Vi saknar fortfarande regionen i vårt ekosystem. Det är vår viktigaste fråga till träffen.",
]


def _second_leader() -> User:
    email, name = SECOND_LEADER
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, None, name=name, staff_role=StaffRole.PROCESS_LEADER)
    return user


def _ratings(index: int, offset: int) -> dict[str, tuple[int, str]]:
    areas = ["causes", "collaboration", "participation", "ecosystem", "results"]
    # Ratings grow over the meetings, a little differently in each project and focus area.
    return {
        area: (min(5, 1 + offset + (index + position) % 2), "")
        for position, area in enumerate(areas)
    }


def _assess(project: Project, meeting: Meeting, index: int, offset: int) -> None:
    """A self-assessment dated on the meeting day, found again by its occasion."""
    toolkit = assessments._toolkit()
    if toolkit is None:
        return
    selectors, services = toolkit
    context = assessments.meeting_context(meeting)
    day = meeting.starts_at.date()
    for existing in selectors.list_self_assessments(project=project):
        if existing.context == context:
            type(existing).objects.filter(pk=existing.pk).update(assessed_on=day)
            return
    services.record_self_assessment(
        project=project,
        by=None,
        ratings=_ratings(index, offset),
        assessed_on=day,
        context=context,
    )


def _document(meeting: Meeting, projects: list[Project], leader: User) -> None:
    text = DOCUMENTATION.get(meeting.title)
    if text is None:
        return
    meeting.notes = text["notes"]
    meeting.key_insights = text["insights"]
    meeting.documented_at = meeting.ends_at + datetime.timedelta(days=2)
    meeting.save()
    for lesson_text, areas, count in text["lessons"]:
        lesson, _created = Lesson.objects.update_or_create(
            meeting=meeting, text=lesson_text, defaults={"focus_areas": areas, "author": leader}
        )
        Lesson.objects.filter(pk=lesson.pk).update(created_at=meeting.documented_at)
        lesson.projects.set(projects[:count])
    for follow_text, owner in text["follow_ups"]:
        follow_up, _created = FollowUp.objects.update_or_create(
            meeting=meeting,
            text=follow_text,
            defaults={
                "owner": owner,
                "due_on": meeting.starts_at.date() + datetime.timedelta(days=30),
                "status": "done",
            },
        )
        FollowUp.objects.filter(pk=follow_up.pk).update(created_at=meeting.documented_at)


def _meeting(
    calendar: DemoCalendar, coalition: Coalition, row: dict[str, Any], leader: User, step: int
) -> tuple[Meeting, int]:
    days, title, agenda, _documented = row["meetings"][step]
    day = calendar.weekday(days)
    online = "https://meet.example.se/koalition-" + str(coalition.pk)
    meeting, _created = Meeting.objects.update_or_create(
        coalition=coalition,
        title=title,
        defaults={
            "starts_at": calendar.at(day, 9, 30),
            "ends_at": calendar.at(day, 12, 0),
            "place": row["place"] if step % 2 == 0 else "",
            "online_link": "" if step % 2 == 0 else online,
            "description": "Träffen för alla projekt i koalitionen. Kaffe från kl. 9.15.",
            "created_by": leader,
            "invited_at": calendar.at(day - datetime.timedelta(days=21), 10),
        },
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        created_at=calendar.at(day - datetime.timedelta(days=28), 10)
    )
    for order, (item, areas) in enumerate(agenda):
        AgendaItem.objects.update_or_create(
            meeting=meeting, order=order, defaults={"title": item, "focus_areas": areas}
        )
    return meeting, days


def _load_meetings(
    calendar: DemoCalendar, coalition: Coalition, row: dict[str, Any], leader: User
) -> None:
    projects = list(
        Project.objects.filter(coalition_membership__coalition=coalition).order_by("number")
    )
    members = list(ProjectMember.objects.filter(project__in=projects).select_related("user"))
    meetings = MEETINGS if coalition.name == COALITIONS[0]["name"] else MEETINGS[1:]
    row = {**row, "meetings": meetings}
    for step, (_days, _title, _agenda, documented) in enumerate(meetings):
        meeting, days = _meeting(calendar, coalition, row, leader, step)
        if days > 0:
            continue
        Attendance.objects.get_or_create(meeting=meeting, user=leader, defaults={"project": None})
        for index, member in enumerate(members):
            if (index + step) % 4 != 3:  # most, not all, were there
                Attendance.objects.get_or_create(
                    meeting=meeting, user=member.user, defaults={"project": member.project}
                )
        for index, project in enumerate(projects[:3]):
            reflection, _created = Reflection.objects.update_or_create(
                meeting=meeting,
                project=project,
                timing="before",
                defaults={"text": REFLECTIONS[(index + step) % len(REFLECTIONS)]},
            )
            Reflection.objects.filter(pk=reflection.pk).update(
                created_at=meeting.starts_at - datetime.timedelta(days=2)
            )
        for index, project in enumerate(projects):
            _assess(project, meeting, index, step)
        if documented:
            _document(meeting, projects, leader)


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    call = Call.objects.filter(reference=CALL).first()
    if call is None:
        return
    leaders = {
        "processledare@samskapa.test": User.objects.get(email="processledare@samskapa.test"),
        SECOND_LEADER[0]: _second_leader(),
    }
    for row in COALITIONS:
        coalition, _created = Coalition.objects.update_or_create(
            name=row["name"],
            defaults={"call": call, "theme": row["theme"], "description": row["description"]},
        )
        leader = leaders[row["leader"]]
        coalition.process_leaders.add(leader)
        for project in Project.objects.filter(number__in=row["projects"]):
            CoalitionProject.objects.get_or_create(
                project=project, defaults={"coalition": coalition}
            )
        _load_meetings(calendar, coalition, row, leader)
