"""Demo data for the showcase: six published cases in Swedish and English, one with a newer
version in review, and spread records of every kind (data in showcase_data.py). Rerunnable: cases
are found by project and version number, records by project, kind and organisation."""

from __future__ import annotations

from samskapa.accounts.models import User
from samskapa.core import pagecache
from samskapa.demo.clock import DemoCalendar
from samskapa.demo.connect import link_counterparts
from samskapa.demo.projects_data import PROJECTS
from samskapa.demo.showcase_data import CASES, SPREAD
from samskapa.projects.models import Project
from samskapa.showcase import selectors
from samskapa.showcase.enums import Licence, VersionStatus
from samskapa.showcase.models import Case, CaseVersion, SpreadRecord

PROFILE_EN = {"challenge_en": "problem_en", "target_group_en": "target_group_en",
              "innovation_en": "approach_en", "expected_results_en": "results_en",
              "summary_en": "summary_en"}  # fmt: skip


def _english(number: str) -> dict[str, str]:
    data = next((p for p in PROJECTS if p["number"] == number), {})
    return {ours: str(data.get(theirs) or "") for theirs, ours in PROFILE_EN.items()}


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    reviewer = User.objects.filter(email="admin@samskapa.test").first()
    projects = {p.number: p for p in Project.objects.filter(number__in=CASES).select_related(
        "owner", "call")}  # fmt: skip
    for number, extra in CASES.items():
        project = projects.get(number)
        if project is None:
            continue
        lead = project.members.filter(role="lead").select_related("user").first()
        published = calendar.at(calendar.fixed(extra["published"]), 10)  # type: ignore[arg-type]
        values = {
            **selectors.prefill(project),
            **_english(number),
            **{key: value for key, value in extra.items()
               if key not in ("published", "review_summary", "review_summary_en")},
            "licence": Licence.CC_BY_4_0,
            "status": VersionStatus.PUBLISHED,
            "submitted_by": lead.user if lead else None,
            "submitted_at": published,
            "reviewed_by": reviewer,
            "published_at": published,
            "review_note": "",
        }  # fmt: skip
        summary_sv = values["summary"]
        values["summary"] = str(summary_sv)[:600]
        values["summary_en"] = str(values["summary_en"])[:600]
        case, _created = Case.objects.get_or_create(project=project)
        first, _created = CaseVersion.objects.update_or_create(
            case=case, number=1, defaults={**values, "created_by": values["submitted_by"]}
        )
        case.public_version = first
        case.save(update_fields=["public_version"])
        if "review_summary" in extra:
            newer = {
                **values,
                "summary": extra["review_summary"],
                "summary_en": extra["review_summary_en"],
                "status": VersionStatus.REVIEW,
                "submitted_at": calendar.at(calendar.days(-2), 9),
                "reviewed_by": None,
                "published_at": None,
            }
            CaseVersion.objects.update_or_create(
                case=case, number=2, defaults={**newer, "created_by": values["submitted_by"]}
            )
        else:
            case.versions.filter(number__gt=1).delete()
    for row in SPREAD:
        number, kind, organisation, level, instrument, status, day, shown, text, text_en = row
        project = projects.get(number)
        if project is None:
            continue
        record = SpreadRecord.objects.filter(
            project=project, kind=kind, organisation=organisation
        ).first() or SpreadRecord(project=project, kind=kind, organisation=organisation)
        record.level, record.instrument, record.status = level, instrument, status
        record.date = calendar.fixed(day) or calendar.today
        record.published = shown == "yes"
        record.description, record.description_en = text, text_en
        record.save()
    pagecache.touch("showcase")
    # One case's counterpart in the European catalogue, now that the cases exist.
    link_counterparts()
