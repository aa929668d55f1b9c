"""Demo data for the toolkit: every demo project's tools at a different stage, with history.

Each write is dated (simple_history's `_history_date`), so the history and the comparison show
development over the two years before today. The dates were written for the week of
clock.ANCHOR and move with whole weeks. Idempotent: a project that already has a problem tree
is not filled again; its tools (and their history) move by as far as the projects moved.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.demo.clock import DemoCalendar, move_dates
from samskapa.demo.projects_data import PROJECTS
from samskapa.evaluation import catalogue
from samskapa.evaluation.models import Indicator as CatalogueIndicator
from samskapa.projects.models import Project
from samskapa.toolkit import services
from samskapa.toolkit.enums import ChangeKind
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    ParticipationActivity,
    ParticipationProfile,
    PartnerCollaboration,
    PrincipleWork,
    ProblemLink,
    ProblemNode,
    ProblemTree,
    SustainabilityPlan,
    TheoryOfChange,
)
from samskapa.toolkit.selectors import partner_organisations

START = date(2025, 2, 3)

# How far each project has come: 3 = rich, 2 = halfway, 1 = just started.
STAGES = {
    "23-012-S01": 3,
    "23-019-S01": 3,
    "23-027-S01": 2,
    "23-031-S01": 2,
    "23-044-S01": 3,
    "23-052-S01": 2,
    "23-058-S01": 1,
    "23-063-S01": 2,
    "23-071-S01": 1,
    "23-076-S01": 2,
    "23-083-S01": 1,
    "23-090-S01": 2,
    "24-105-S01": 1,
    "24-112-S01": 1,
    "24-118-S01": 1,
}

CAUSES = [
    # text, level, within influence, positive statement
    (
        "Stöd från kommun, Arbetsförmedlingen och civilsamhälle är splittrat",
        "organisational",
        True,
        "Stödet samordnas kring den enskilda personen",
    ),
    (
        "Deltagaren möter många handläggare med planer som inte hänger ihop",
        "organisational",
        True,
        "Deltagaren har en kontaktperson och en gemensam plan",
    ),
    (
        "Arbetsgivare rekryterar efter formella meriter och egna nätverk",
        "organisational",
        True,
        "Arbetsgivare rekryterar efter kompetens och potential",
    ),
    (
        "Låg tilltro till den egna förmågan efter lång tid utan arbete",
        "individual",
        True,
        "Deltagarna får större tilltro till sin förmåga",
    ),
    (
        "Regelverk och budgetar styr varje myndighet för sig",
        "structural",
        False,
        "Myndigheterna har gemensamma mål och delar på resurser",
    ),
    (
        "Dålig kollektivtrafik mellan orterna",
        "structural",
        False,
        "Det finns resvägar till arbetsplatserna",
    ),
]
EFFECTS = [
    ("Långa perioder med försörjningsstöd", "Färre är beroende av försörjningsstöd"),
    ("Ohälsa och isolering ökar", "Bättre hälsa och fler sociala sammanhang"),
    (
        "Arbetsgivare hittar inte den kompetens de behöver",
        "Arbetsgivare hittar kompetens i närområdet",
    ),
    ("Regionen går miste om kompetens", "Regionens kompetens tas till vara"),
]
# (from, to) as ("c", index) / ("e", index)
PROBLEM_LINKS = [
    (("c", 4), ("c", 0)),
    (("c", 0), ("c", 1)),
    (("e", 0), ("e", 1)),
    (("e", 2), ("e", 3)),
    (("c", 2), ("e", 2)),
]

GOAL = (
    "Människor som står långt från arbetsmarknaden har ett hållbart arbete, och kommun, "
    "Arbetsförmedlingen, civilsamhälle och arbetsgivare arbetar tillsammans på ett sätt som "
    "består efter projektet."
)
NARRATIVE = (
    "Om deltagare, handläggare och arbetsgivare utformar stödet tillsammans blir vägen till "
    "arbete sammanhållen. En vägvisare följer varje deltagare och samordnar insatserna, och "
    "arbetsgivarna öppnar nya vägar in genom att rekrytera efter kompetens.\n\n"
    "När samarbetet visar resultat tar kommunerna över vägvisarrollen, och arbetssättet blir "
    "en del av den ordinarie verksamheten."
)
CHANGE_ELEMENTS = [
    (ChangeKind.ACTIVITY, "Samskapande verkstäder med deltagare och handläggare", ""),
    (ChangeKind.ACTIVITY, "Vägvisare följer varje deltagare", ""),
    (ChangeKind.ACTIVITY, "Arbetsgivarnätverk med matchningsträffar", ""),
    (ChangeKind.OUTPUT, "Deltagarna har en gemensam plan", ""),
    (ChangeKind.OUTPUT, "Tio arbetsgivare deltar i nätverket", ""),
    (ChangeKind.PRECONDITION, "Handläggarna har gemensamma rutiner", ""),
    (ChangeKind.PRECONDITION, "Arbetsgivare rekryterar efter kompetens", ""),
    (ChangeKind.OUTCOME, "Deltagarna upplever en sammanhållen väg och större tilltro", "short"),
    (ChangeKind.OUTCOME, "Fler deltagare går vidare till praktik, studier eller arbete", "medium"),
    (ChangeKind.OUTCOME, "Vägvisarrollen finns kvar i kommunernas verksamhet", "long"),
    (ChangeKind.ASSUMPTION, "Arbetsgivarnas behov av personal består", ""),
    (ChangeKind.EXTERNAL_FACTOR, "Förändringar i Arbetsförmedlingens uppdrag", ""),
]
CHANGE_LINKS = [(0, 3), (1, 3), (2, 4), (3, 5), (4, 6), (5, 7), (6, 8), (7, 8), (8, 9)]

EXTRA_ACTORS = [
    ("Kommunalförbundet i regionen", "public", "policy_maker", "regional"),
    ("Svenska ESF-rådet", "public", "funder", "national"),
    ("Företagarna lokalt", "private", "intermediary", "local"),
    ("Brukarrådet", "civil_society", "target_group_organisation", "local"),
    ("Region (regional utveckling)", "public", "funder", "regional"),
]

CONTRIBUTIONS = [
    "Bidrar med handledare och praktikplatser.",
    "Bidrar med forskning och följeforskning av arbetssättet.",
    "Bidrar med kontakt med målgruppen och kamratstöd.",
    "Deltar i styrgruppen och bidrar med kunskap om regelverket.",
    "Bidrar med lokaler och samordning av arbetsgivare.",
]

ACTIVITIES = [
    ("Intervjuer med deltagare om deras väg hittills", 2, 18),
    ("Samskapande verkstad om den gemensamma planen", 3, 24),
    ("Referensgrupp med deltagare granskar nya rutiner", 3, 8),
    ("Deltagare planerar och leder en matchningsträff", 4, 12),
    ("Brukarrådet beslutar om hur projektets medel för aktiviteter används", 5, 9),
]

PRINCIPLES = [
    (
        "gender_equality",
        "Fler män än kvinnor får praktikplats genom kommunens kontakter, och kvinnor med "
        "utländsk bakgrund når sällan arbetsgivarnätverket.",
        "Följer upp praktikplatser per kön varje kvartal. Riktade träffar för kvinnor med "
        "barnpassning.",
    ),
    (
        "accessibility",
        "Lokaler, information och verkstäder ska gå att använda för personer med "
        "funktionsnedsättning.",
        "Tillgänglighetsinventering av lokalerna. Information på lättläst svenska.",
    ),
    (
        "non_discrimination",
        "Rekrytering efter formella meriter och nätverk missgynnar personer med utländsk "
        "bakgrund och äldre.",
        "Kompetensbaserad rekrytering tillsammans med arbetsgivarna. Utbildning för "
        "handläggare om normer.",
    ),
]


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def _save(obj: Any, day: date) -> Any:
    # Never in the future: the demo's history ends today.
    return services.save_tool_object(obj=obj, by=None, when=_at(min(day, timezone.localdate())))


def _move(moved_by: timedelta) -> None:
    """Move the demo projects' tools and their history (every toolkit model with a project)."""
    projects = list(
        Project.objects.filter(number__in=[str(p["number"]) for p in PROJECTS]).values_list(
            "pk", flat=True
        )
    )
    for model in apps.get_app_config("toolkit").get_models():
        if any(field.name == "project" for field in model._meta.concrete_fields):
            move_dates(model._default_manager.filter(project_id__in=projects), moved_by)


def _focal_problem(project: Project) -> str:
    first = (project.challenge or "").split(". ")[0].strip().rstrip(".")
    return first[:400] or f"Målgruppen i {project.name} står långt från arbetsmarknaden"


def _problem_tree(project: Project, stage: int, day: date) -> None:
    focal = _focal_problem(project)
    tree = _save(ProblemTree(project=project, focal_problem=focal.split(",")[0]), day)
    causes = [
        _save(
            ProblemNode(
                project=project,
                kind="cause",
                text=text,
                level=level,
                within_influence=within,
                objective=positive if stage >= 2 else "",
            ),
            day + timedelta(days=7 + i),
        )
        for i, (text, level, within, positive) in enumerate(CAUSES[: 2 + 2 * stage])
    ]
    if stage == 1:
        return
    effects = [
        _save(
            ProblemNode(project=project, kind="effect", text=text, objective=positive),
            day + timedelta(days=20 + i),
        )
        for i, (text, positive) in enumerate(EFFECTS[: 1 + stage])
    ]
    nodes = {"c": causes, "e": effects}
    for (a_kind, a), (b_kind, b) in PROBLEM_LINKS:
        if a < len(nodes[a_kind]) and b < len(nodes[b_kind]):
            _save(
                ProblemLink(project=project, cause=nodes[a_kind][a], effect=nodes[b_kind][b]),
                day + timedelta(days=30),
            )
    # Months later the focal problem was sharpened: the history shows the change.
    tree.focal_problem = focal
    tree.focal_objective = "Fler i målgruppen får och behåller ett arbete"
    _save(tree, day + timedelta(days=120))


def _theory(project: Project, stage: int, day: date) -> list[ChangeElement]:
    theory = _save(TheoryOfChange(project=project, long_term_goal=GOAL), day)
    count = len(CHANGE_ELEMENTS) if stage == 3 else 8
    elements = [
        _save(
            ChangeElement(project=project, kind=kind, text=text, horizon=horizon),
            day + timedelta(days=3 * i),
        )
        for i, (kind, text, horizon) in enumerate(CHANGE_ELEMENTS[:count])
    ]
    for a, b in CHANGE_LINKS:
        if a < len(elements) and b < len(elements):
            _save(
                ChangeLink(project=project, source=elements[a], target=elements[b]),
                day + timedelta(days=40),
            )
    if stage == 3:
        theory.narrative = NARRATIVE
        _save(theory, day + timedelta(days=90))
    return elements


def _indicators(project: Project, elements: list[ChangeElement], day: date) -> None:
    target = project.planned_participants or 80
    outputs = [e for e in elements if e.kind == ChangeKind.OUTPUT]
    outcomes = [e for e in elements if e.kind == ChangeKind.OUTCOME]
    _save(
        Indicator(
            project=project,
            code="EECO01",
            name="Deltagare totalt",
            kind="output",
            unit="participant",
            target=target,
            element=outputs[0] if outputs else None,
        ),
        day,
    )
    _save(
        Indicator(
            project=project,
            code="P1",
            name="Arbetsgivare i nätverket",
            kind="programme_specific",
            unit="entity",
            target=10,
            element=outputs[1] if len(outputs) > 1 else None,
        ),
        day,
    )
    _save(
        Indicator(
            project=project,
            code="R1",
            name="Deltagare i arbete eller studier efter insatsen",
            kind="result",
            unit="participant",
            target=max(10, target // 3),
            element=outcomes[1] if len(outcomes) > 1 else None,
        ),
        day,
    )
    # Their values are reported per period in the results app (samskapa/demo/evaluation.py):
    # EECO01 is the catalogue's; P1 and R1 became the project's own catalogue entries.


def _ecosystem(project: Project, stage: int, day: date) -> None:
    services.sync_partner_actors(project=project, when=_at(day))
    actors = list(Actor.objects.filter(project=project).order_by("pk"))
    for i, (name, sector, role, level) in enumerate(EXTRA_ACTORS[: 1 + stage]):
        actors.append(
            _save(
                Actor(project=project, name=name, sector=sector, role=role, level=level),
                day + timedelta(days=10 + i),
            )
        )
    owner = next((a for a in actors if a.organisation_id == project.owner_id), actors[0])
    actors = [owner, *(a for a in actors if a is not owner)]
    for i, actor in enumerate(actors[1:], 1):
        _save(
            ActorRelation(
                project=project,
                source=owner,
                target=actor,
                kind=["collaboration", "funding", "knowledge", "governance", "service"][i % 5],
                strength=1 + (i % 3),
            ),
            day + timedelta(days=20 + i),
        )
    if len(actors) > 3 and stage >= 2:
        _save(
            ActorRelation(
                project=project,
                source=actors[1],
                target=actors[-1],
                kind="knowledge",
                strength=1,
            ),
            day + timedelta(days=60),
        )


def _collaboration(project: Project, stage: int, day: date) -> None:
    for i, organisation in enumerate(partner_organisations(project)):
        row = _save(
            PartnerCollaboration(
                project=project,
                organisation=organisation,
                depth=1 + i % 2,
                interorganisational=True,
                intersectoral=organisation.sector != project.owner.sector,
                interprofessional=i % 2 == 0,
                contribution=CONTRIBUTIONS[i % len(CONTRIBUTIONS)],
            ),
            day + timedelta(days=i),
        )
        if stage >= 2:
            # The collaboration deepened over the months.
            row.depth = min(4, row.depth + stage - 1)
            _save(row, day + timedelta(days=150 + i))


def _participation(project: Project, stage: int, day: date) -> None:
    profile = _save(
        ParticipationProfile(
            project=project,
            scale="iap2",
            current_level=2,
            aim_level=4,
            description="Deltagarna medverkar i verkstäder och i en referensgrupp.",
        ),
        day,
    )
    for i, (title, level, count) in enumerate(ACTIVITIES[: 1 + stage]):
        _save(
            ParticipationActivity(
                project=project,
                held_on=day + timedelta(days=45 * i),
                title=title,
                level=level,
                participants=count,
            ),
            day + timedelta(days=45 * i),
        )
    if stage >= 2:
        profile.current_level = 3
        _save(profile, day + timedelta(days=100))


def _principles(project: Project, stage: int, day: date) -> None:
    for i, (principle, analysis, actions) in enumerate(PRINCIPLES[:stage]):
        row = _save(
            PrincipleWork(
                project=project,
                principle=principle,
                analysis=analysis,
                actions=actions if stage >= 2 else "",
                status="in_progress" if stage >= 2 else "not_started",
            ),
            day + timedelta(days=5 * i),
        )
        if stage == 3 and i == 1:
            row.status = "done"
            _save(row, day + timedelta(days=140))


def _sustainability(project: Project, day: date) -> None:
    _save(
        SustainabilityPlan(
            project=project,
            takeover=(
                "Kommunen tar över vägvisarrollen från och med 2027. Arbetsgivarnätverket drivs "
                "vidare av företagarföreningen."
            ),
            implementation=(
                "Rutinerna för den gemensamma planen skrivs in i samverkansöverenskommelsen "
                "mellan kommunen och Arbetsförmedlingen."
            ),
            dissemination=(
                "Arbetssättet presenteras för grannkommunerna och på konferensen om social "
                "innovation. En handbok publiceras i kunskapsbanken."
            ),
            risks=(
                "Kommunens budget kan bli för liten. Vi tar fram underlag om kostnader och "
                "effekter i god tid före budgetarbetet."
            ),
        ),
        day,
    )


# Written for clock.ANCHOR and moved to this week (so the contexts name no month).
SELF_ASSESSMENT_DAYS = [
    (date(2025, 3, 10), "Vid uppstarten av koalitionen"),
    (date(2025, 9, 15), "Före ett koalitionsmöte"),
    (date(2026, 3, 16), "Före ett koalitionsmöte"),
    (date(2026, 9, 21), "Före ett koalitionsmöte"),
]

COMMENTS = {
    "causes": "Vi har en gemensam bild av orsakerna.",
    "collaboration": "Samverkan med arbetsgivarna behöver fördjupas.",
    "participation": "Deltagarna är med i verkstäderna men beslutar ännu inte.",
    "ecosystem": "Vi saknar kontakt med akademin.",
    "results": "Indikatorerna följs upp varje kvartal.",
}


def _self_assessments(
    project: Project, stage: int, offset: int, by: User | None, calendar: DemoCalendar
) -> None:
    count = {1: 2, 2: 3, 3: 4}[stage]
    for round_no, (written, context) in enumerate(SELF_ASSESSMENT_DAYS[-count:]):
        day = written + calendar.shift
        # Each focus area starts somewhere between 1 and 3 and rises over the rounds.
        ratings = {
            area: (
                min(
                    5,
                    1
                    + (i + offset) % 2
                    + (stage - 1) // 2
                    + round_no * (1 + (i + offset) % 2) // 2,
                ),
                "",
            )
            for i, area in enumerate(COMMENTS)
        }
        if round_no == count - 1:
            ratings = {area: (value, COMMENTS[area]) for area, (value, _c) in ratings.items()}
        services.record_self_assessment(
            project=project, by=by, ratings=ratings, assessed_on=day, context=context
        )


def fill_project(
    project: Project, stage: int, offset: int = 0, calendar: DemoCalendar | None = None
) -> None:
    calendar = calendar or DemoCalendar.for_today()
    first = START + calendar.shift
    start = max(first, project.start or first) + timedelta(days=7 * (offset % 5))
    lead = project.members.filter(role="lead").select_related("user").first()
    _problem_tree(project, stage, start)
    _self_assessments(project, stage, offset, lead.user if lead else None, calendar)
    if stage == 1:
        _collaboration(project, stage, start + timedelta(days=30))
        return
    elements = _theory(project, stage, start + timedelta(days=45))
    _collaboration(project, stage, start + timedelta(days=60))
    _ecosystem(project, stage, start + timedelta(days=70))
    _participation(project, stage, start + timedelta(days=80))
    _principles(project, stage, start + timedelta(days=90))
    if stage == 3:
        _indicators(project, elements, start + timedelta(days=100))
        _sustainability(project, start + timedelta(days=300))


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    # The indicators link to the results catalogue, gone with the rest after a reset.
    catalogue.seed(CatalogueIndicator)
    _move(calendar.moved_by)
    numbers = [str(p["number"]) for p in PROJECTS]
    projects = Project.objects.filter(number__in=numbers).select_related("owner").order_by("number")
    for offset, project in enumerate(projects):
        if ProblemTree.objects.filter(project=project).exists():
            continue
        fill_project(project, STAGES.get(project.number, 1), offset, calendar)
