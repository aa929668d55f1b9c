"""Demo calls, projects, partners and members (data in projects_data.py). Idempotent.

The data's dates were written for the week of clock.ANCHOR and move with whole weeks. This
loader measures how far the dates already in the database must move (from the main call's
opening date) and records it on the calendar for the loaders that follow (the toolkit)."""

from __future__ import annotations

from decimal import Decimal

from allauth.account.models import EmailAddress

from samskapa.accounts.models import User
from samskapa.demo.accounts import DEMO_PASSWORD, load_organisations
from samskapa.demo.clock import DemoCalendar, move_dates
from samskapa.demo.projects_data import CALLS, MAIN_CALL_REFERENCE, MEMBERS, PROJECTS
from samskapa.projects import services
from samskapa.projects.models import Call, Project, ProjectOrganisation


def _money(value: object) -> Decimal | None:
    return Decimal(str(value)) if value not in (None, "") else None


def _measure_move(calendar: DemoCalendar) -> None:
    """Move the calls and projects already loaded to this week, without new history entries
    (the story moves; nobody changed the projects), and tell the loaders that follow."""
    main = Call.objects.filter(reference=MAIN_CALL_REFERENCE).first()
    row = next(c for c in CALLS if c["reference"] == MAIN_CALL_REFERENCE)
    target = calendar.fixed(row["opens"])
    if main is None or main.opens is None or target is None:
        return
    calendar.moved_by = target - main.opens
    references = [str(c["reference"]) for c in CALLS]
    numbers = [str(p["number"]) for p in PROJECTS]
    dates = ["opens", "closes", "earliest_start", "latest_start"]
    move_dates(Call.objects.filter(reference__in=references), calendar.moved_by, dates)
    move_dates(Project.objects.filter(number__in=numbers), calendar.moved_by, ["start", "end"])


def load_calls(calendar: DemoCalendar) -> dict[str, Call]:
    _date = calendar.fixed
    calls = {}
    for row in CALLS:
        call, _created = Call.objects.update_or_create(
            reference=row["reference"],
            defaults={
                "title": row["title_sv"],
                "title_en": row["title_en"],
                "programme_area": row["programme_area"],
                "specific_objective": row["specific_objective"],
                "national": row["national"],
                "region": row["region"],
                "call_type": row["call_type"],
                "opens": _date(row["opens"]),
                "closes": _date(row["closes"]),
                "earliest_start": _date(row["earliest_start"]),
                "latest_start": _date(row["latest_start"]),
                "max_duration_months": row["max_duration_months"],
                "amount_announced": _money(row["amount_announced"]),
                "theme": row["theme_sv"],
                "expected_results": row["expected_results_sv"],
            },
        )
        calls[str(row["reference"])] = call
    return calls


def _member_user(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, name=name)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    _date = calendar.fixed
    _measure_move(calendar)
    organisations = load_organisations()
    calls = load_calls(calendar)
    projects = {}
    for row in PROJECTS:
        values = {
            "name": row["name"],
            "call": calls[str(row["call"])],
            "owner": organisations[str(row["owner"])],
            "phase": row["phase"],
            "start": _date(row["start"]),
            "end": _date(row["end"]),
            "granted_support": _money(row["granted_support"]),
            "total_budget": _money(row["total_budget"]),
            "cofinancing_rate": _money(row["cofinancing_rate"]),
            "region": row["region"],
            "planned_participants": row["planned_participants"],
            "contact_name": row["contact_name"],
            "contact_email": row["contact_email"],
            "challenge": row["challenge_sv"],
            "target_group": row["target_group_sv"],
            "innovation": row["innovation_sv"],
            "novelty": list(row["novelty"]),  # type: ignore[call-overload]
            "process_element": row["process_element"],
            "expected_results": row["expected_results_sv"],
            "summary": row["summary_sv"],
            "summary_en": row["summary_en"],
        }
        project, _action, _changed = services.upsert_project(
            number=str(row["number"]), values=values
        )
        # Keep Decimal equality stable on re-runs (the database returns 2 decimal places).
        for partner in row["partners"]:  # type: ignore[attr-defined]
            ProjectOrganisation.objects.get_or_create(
                project=project,
                organisation=organisations[partner["org"]],
                role=partner["role"],
            )
        services.set_target_counts(
            project=project,
            counts={c["category"]: c["count"] for c in row["target_categories"]},  # type: ignore[attr-defined]
        )
        projects[project.number] = project
    for member in MEMBERS:
        user = _member_user(member["email"], member["name"])
        services.add_member(project=projects[member["project"]], user=user, role=member["role"])
