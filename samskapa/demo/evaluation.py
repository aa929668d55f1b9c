"""Demo results: the demo call's projects report on six indicators over the last three
half-years. The two earlier periods are approved; in the latest one most values are approved,
some wait for approval, two projects are late, one value was returned with a comment and one
was corrected after approval (version 2). A few projects report a small non-binary group, so
the call's and the programme's non-binary figure is suppressed for the funder. Idempotent:
periods are found by call and start, values by project, indicator and period.

The demo coalition "Vägar till arbete" has this year's evaluation cycle, collecting data, with
Eva Lindqvist (utvarderare@) as its evaluator, evaluation questions for every focus area and
a timeline (found by coalition and year), a first codebook, and coded excerpts from the
coalition's lessons learned and reflections; three themes, findings (two shared with the
cluster, one draft) and recommendations with answers from projects and the centre; a draft
analysis report; last year's cycle, published, with its report published in both languages."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.coalitions.models import Coalition
from samskapa.core.enums import FocusArea
from samskapa.demo import evaluation_surveys
from samskapa.demo.clock import DemoCalendar
from samskapa.evaluation import catalogue, selectors, services
from samskapa.evaluation.cycles import (
    ClusterSource,
    Code,
    CycleStatus,
    EvaluationCycle,
    Excerpt,
    ExcerptSource,
    digest,
)
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.findings import Finding, Recommendation, RecommendationResponse, Theme
from samskapa.evaluation.models import (
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
)
from samskapa.evaluation.reports import AnalysisReport, NamingConsent
from samskapa.projects.models import Call, Project

CALL = "2023/00187"
LATE = {"23-076-S01", "23-090-S01"}  # nothing reported for the latest period
WAITING = {"23-019-S01", "23-044-S01", "23-063-S01"}  # latest period submitted, not yet approved
RETURNED = ("23-012-S01", "EECO02")  # returned with a comment in the latest period
CORRECTED = ("23-027-S01", "EECO01")  # corrected after approval in the first period
NON_BINARY = {"23-031-S01": 1, "23-058-S01": 2}  # a small group: 3 in all
# code: (target per project, typical value per period)
INDICATORS = {
    "EECO01": (120, 22),
    "EECO02": (60, 11),
    "EECR04": (30, 5),
    "SAM01": (8, 4),
    "SAM02": (40, 7),
    "SAM03": (60, None),
}
PERIOD_TARGETS = {"EECO01": 20, "SAM01": 2}  # code: target per project and period


def _half_years(today: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """The last three complete half-years before today."""
    year, half = (today.year, 1) if today.month > 6 else (today.year - 1, 2)
    out = []
    for _n in range(3):
        starts = datetime.date(year, 1 if half == 1 else 7, 1)
        ends = datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)
        out.append((starts, ends))
        year, half = (year, 1) if half == 2 else (year - 1, 2)
    return list(reversed(out))


def _periods(call: Call, today: datetime.date) -> list[ReportingPeriod]:
    periods = []
    spans = _half_years(today)
    for index, (starts, ends) in enumerate(spans):
        latest = index == len(spans) - 1
        due = today - datetime.timedelta(days=7) if latest else ends + datetime.timedelta(days=45)
        locks = (
            today + datetime.timedelta(days=21) if latest else ends + datetime.timedelta(days=75)
        )
        period, _created = ReportingPeriod.objects.update_or_create(
            call=call,
            starts=starts,
            defaults={
                "name": f"{starts.year} H{1 if starts.month == 1 else 2}",
                "ends": ends,
                "due": due,
                "locks": max(locks, due),
            },
        )
        periods.append(period)
    ReportingPeriod.objects.filter(call=call).exclude(pk__in=[p.pk for p in periods]).filter(
        values__isnull=True
    ).delete()
    return periods


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    load_values(calendar)
    # The cycles after the values: their findings cite the indicators and their figures.
    load_cycle(calendar)
    load_reports(calendar)
    evaluation_surveys.load(calendar)  # the cycle's survey and its waves (issue 15)


def load_values(calendar: DemoCalendar) -> None:
    call = Call.objects.filter(reference=CALL).first()
    if call is None:
        return
    catalogue.seed(Indicator)  # after a reset the seeded catalogue is gone with the rest
    reviewer = User.objects.filter(email="utvarderare@samskapa.test").first()
    periods = _periods(call, calendar.today)
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=INDICATORS)}
    now = timezone.now()
    projects = list(Project.objects.filter(call=call).order_by("number"))
    for project in projects:
        rng = random.Random(project.number)
        for code, (target, typical) in INDICATORS.items():
            indicator = indicators[code]
            link, _created = ProjectIndicator.objects.update_or_create(
                project=project, indicator=indicator, defaults={"target": target}
            )
            if code in PERIOD_TARGETS:
                for period in periods:
                    PeriodTarget.objects.update_or_create(
                        link=link, period=period, defaults={"target": PERIOD_TARGETS[code]}
                    )
            cumulative = 0
            for index, period in enumerate(periods):
                latest = index == len(periods) - 1
                if latest and project.number in LATE:
                    Value.objects.filter(
                        project=project, indicator=indicator, period=period
                    ).delete()
                    continue
                fields: dict[str, object] = {
                    "status": ValueStatus.APPROVED,
                    "comment": "",
                    "version": 1,
                    "submitted_at": now,
                    "reviewed_at": now,
                    "reviewed_by": reviewer,
                }
                if indicator.is_percentage:
                    denominator = rng.randint(8, 14)
                    fields.update(numerator=rng.randint(5, denominator), denominator=denominator)
                else:
                    base = typical or 0
                    total = max(0, base + rng.randint(-base // 2, base // 2))
                    if indicator.adds_latest:
                        cumulative += total
                        total = cumulative
                    fields["value"] = total
                    if indicator.by_gender:
                        non_binary = NON_BINARY.get(project.number, 0) if index == 0 else 0
                        women = (total - non_binary) // 2 + rng.randint(0, 3)
                        women = min(women, total - non_binary)
                        men = max(0, total - non_binary - women - 1)
                        fields.update(
                            women=women,
                            men=men,
                            non_binary=non_binary,
                            gender_not_stated=total - women - men - non_binary,
                        )
                    if indicator.by_age:
                        young = total // 3
                        old = total // 6
                        fields.update(
                            age_under_18=0,
                            age_18_29=young,
                            age_30_54=total - young - old,
                            age_55_plus=old,
                        )
                if latest and project.number in WAITING:
                    fields.update(status=ValueStatus.SUBMITTED, reviewed_at=None, reviewed_by=None)
                if latest and (project.number, code) == RETURNED:
                    fields.update(
                        status=ValueStatus.RETURNED,
                        comment=(
                            "Summan arbetslösa är större än antalet deltagare som var arbetslösa "
                            "vid start enligt er deltagarförteckning. Kontrollera och skicka igen."
                        ),
                    )
                if index == 0 and (project.number, code) == CORRECTED:
                    fields["version"] = 2
                Value.objects.update_or_create(
                    project=project, indicator=indicator, period=period, defaults=fields
                )
    _own_indicators(projects, periods, reviewer)
    services.refresh_aggregates()  # the values above are written directly, not by services


def _own_indicators(
    projects: list[Project], periods: list[ReportingPeriod], reviewer: User | None
) -> None:
    """The projects' own indicators (from their theory of change in the toolkit) report a
    growing figure each period: approved, but the latest period's still a draft."""
    now = timezone.now()
    links = ProjectIndicator.objects.filter(
        project__in=projects, indicator__project__isnull=False
    ).select_related("indicator", "project")
    for link in links:
        target = int(link.target or 10)
        for index, period in enumerate(periods):
            latest = index == len(periods) - 1
            total = min(target, round(target * (index + 1) / (len(periods) + 1)))
            women = total // 2 if link.indicator.by_gender else None
            Value.objects.update_or_create(
                project=link.project,
                indicator=link.indicator,
                period=period,
                defaults={
                    "status": ValueStatus.DRAFT if latest else ValueStatus.APPROVED,
                    "value": total,
                    "women": women,
                    "men": total - women if women is not None else None,
                    "submitted_at": None if latest else now,
                    "reviewed_at": None if latest else now,
                    "reviewed_by": None if latest else reviewer,
                },
            )


COALITION = "Vägar till arbete"
QUESTIONS = [
    (
        FocusArea.CAUSES,
        "Hur har projekten förstått orsakerna till att deltagarna står långt från arbete?",
        "How have the projects understood why the participants are far from work?",
    ),
    (
        FocusArea.COLLABORATION,
        "Vilka former av samskapande mellan sektorerna har burit, och varför?",
        "Which forms of co-creation across sectors have held, and why?",
    ),
    (
        FocusArea.PARTICIPATION,
        "Hur påverkar målgruppen de beslut som fattas i projekten?",
        "How does the target group influence the decisions taken in the projects?",
    ),
    (
        FocusArea.ECOSYSTEM,
        "Vilka förändringar hos arbetsgivare och myndigheter kan kopplas till projekten?",
        "Which changes among employers and public agencies can be linked to the projects?",
    ),
    (
        FocusArea.RESULTS,
        "Vilka arbetssätt lever kvar ett halvår efter att projekten avslutats?",
        "Which ways of working are still in use six months after the projects ended?",
    ),
]
# (days from today, Swedish, English)
KEY_DATES = [
    (-60, "Start för datainsamlingen", "Data collection starts"),
    (45, "Datainsamlingen stänger", "Data collection closes"),
    (90, "Analysseminarium med koalitionen", "Analysis seminar with the coalition"),
    (150, "Utkast till analysrapport", "Draft of the analysis report"),
]


# (focus area, Swedish name, English name, Swedish definition, English definition, sub-codes)
CODES: list[tuple[str, str, str, str, str, list[tuple[str, str]]]] = [
    (
        FocusArea.CAUSES,
        "Hinder på vägen till arbete",
        "Barriers on the way to work",
        "Det projekten och deltagarna pekar ut som orsaker till att vägen till arbete är stängd.",
        "What the projects and participants name as the reasons the way to work is closed.",
        [("Strukturella hinder", "Structural barriers"), ("Hälsa", "Health")],
    ),
    (
        FocusArea.COLLABORATION,
        "Samskapande med arbetsgivare",
        "Co-creation with employers",
        "Arbetsgivare är med och utformar insatser, inte bara tar emot deltagare.",
        "Employers help design the activities rather than only receive participants.",
        [("Gemensamma mål", "Shared goals")],
    ),
    (
        FocusArea.PARTICIPATION,
        "Målgruppen i beslut",
        "The target group in decisions",
        "Deltagare påverkar ett beslut om projektets inriktning eller arbetssätt.",
        "Participants influence a decision on the project's direction or way of working.",
        [],
    ),
    (
        FocusArea.RESULTS,
        "Arbetssätt som lever kvar",
        "Ways of working that last",
        "Arbetssätt som organisationerna fortsätter med utan projektmedel.",
        "Ways of working the organisations continue without project funding.",
        [],
    ),
]


def _load_codebook(cycle: EvaluationCycle) -> None:
    for area, name_sv, name_en, definition_sv, definition_en, subcodes in CODES:
        code, _created = Code.objects.update_or_create(
            cycle=cycle,
            parent=None,
            name_sv=name_sv,
            defaults={
                "focus_area": area,
                "name_en": name_en,
                "definition_sv": definition_sv,
                "definition_en": definition_en,
            },
        )
        for sub_sv, sub_en in subcodes:
            Code.objects.update_or_create(
                cycle=cycle,
                parent=code,
                name_sv=sub_sv,
                defaults={"focus_area": area, "name_en": sub_en},
            )


# The demo's coding: which code an evaluator gave the first sentence of each lesson and
# reflection of the cluster, by how the passage begins. The reflections repeat across the
# cluster's projects, so a theme is confirmed by several projects and kinds of source, as a
# cluster evaluation looks for; a passage without a code here is not coded.
CODING = {
    "Arbetsgivare engageras": "Samskapande med arbetsgivare",
    "Vi har förstått att vår arbetsväg": "Samskapande med arbetsgivare",
    "Målgruppen medverkar": "Målgruppen i beslut",
    "Målgruppens röst": "Målgruppen i beslut",
    "Strukturella orsaker": "Strukturella hinder",
}
EXCERPTS = 9  # the coded passages: three lessons, and two reflections of three projects each
MEMO = "Återkommer hos flera projekt: pröva som tema."


def _first_sentence(text: str) -> tuple[int, int]:
    end = text.find(". ")
    end = len(text.rstrip()) if end < 0 else end + 1
    return 0, end


def _load_excerpts(cycle: EvaluationCycle, evaluator: User) -> None:
    codes = {code.name_sv: code for code in cycle.codes.all()}
    sources = [
        s
        for s in selectors.excerpt_sources(cycle)
        if s.kind in (ExcerptSource.LESSON, ExcerptSource.REFLECTION)
    ]
    index = 0
    for source in sources:
        text = source.obj.text
        code = next(
            (codes.get(name) for start, name in CODING.items() if text.startswith(start)), None
        )
        start, end = _first_sentence(text)
        if code is None or end <= start:
            continue
        if source.kind == ExcerptSource.LESSON:
            project = source.obj.projects.filter(evaluation_cycles=cycle).order_by("number").first()
        else:
            project = source.obj.project
        if project is None:
            continue
        excerpt, _created = Excerpt.objects.update_or_create(
            cycle=cycle,
            kind=source.kind,
            lesson=source.obj if source.kind == ExcerptSource.LESSON else None,
            reflection=source.obj if source.kind == ExcerptSource.REFLECTION else None,
            start=start,
            defaults={
                "project": project,
                "end": end,
                "text": text[start:end],
                "source_digest": digest(text),
                "memo": MEMO if index == 0 else "",
                "created_by": evaluator,
            },
        )
        excerpt.codes.set([code])
        index += 1


def load_cycle(calendar: DemoCalendar) -> None:
    """This year's evaluation cycle of the demo coalition, collecting data."""
    coalition = Coalition.objects.filter(name=COALITION).first()
    evaluator = User.objects.filter(email="utvarderare@samskapa.test").first()
    if coalition is None or evaluator is None:
        return
    cycle, _created = EvaluationCycle.objects.update_or_create(
        coalition=coalition,
        year=calendar.today.year,
        defaults={
            "title_sv": f"Klusterutvärdering {coalition.name}",
            "title_en": "Cluster evaluation of the coalition Pathways to work",
            "source": ClusterSource.COALITION,
            "status": CycleStatus.COLLECTING,
        },
    )
    cycle.projects.set(Project.objects.filter(coalition_membership__coalition=coalition))
    cycle.evaluators.set([evaluator])
    cycle.questions.all().delete()
    for order, (area, text_sv, text_en) in enumerate(QUESTIONS):
        cycle.questions.create(focus_area=area, text_sv=text_sv, text_en=text_en, order=order)
    cycle.dates.all().delete()
    for days, label_sv, label_en in KEY_DATES:
        cycle.dates.create(date=calendar.days(days), label_sv=label_sv, label_en=label_en)
    _load_codebook(cycle)
    _load_excerpts(cycle, evaluator)
    _load_findings(cycle, evaluator)


# Themes, findings and recommendations of this year's cycle (issue 14, point 3): three themes
# over the codebook, two findings shared with the cluster and a draft, and recommendations with
# answers from the projects and the centre. Found by their Swedish names and texts.
THEMES: list[tuple[str, str, list[str]]] = [
    (
        "Deltagarna tar plats",
        "Participants take their place",
        ["Målgruppen i beslut"],
    ),
    (
        "Arbetsgivare som medskapare",
        "Employers as co-creators",
        ["Samskapande med arbetsgivare", "Gemensamma mål"],
    ),
    (
        "Hinder som kräver samverkan",
        "Barriers that need collaboration",
        ["Hinder på vägen till arbete"],
    ),
]
# (theme, focus area, claim sv, claim en, strength, audiences, indicators, shared)
FINDINGS: list[tuple[str, str, str, str, str, list[str], list[str], bool]] = [
    (
        "Deltagarna tar plats",
        FocusArea.PARTICIPATION,
        "Där deltagarna fått leda delar av träffarna har de stannat kvar längre i insatserna.",
        "Where participants have led parts of the meetings, they have stayed longer in the "
        "activities.",
        "moderate",
        ["projects", "centre"],
        ["SAM02"],
        True,
    ),
    (
        "Arbetsgivare som medskapare",
        FocusArea.COLLABORATION,
        "Arbetsgivare som varit med och utformat insatserna tar oftare emot deltagare.",
        "Employers who helped design the activities more often take on participants.",
        "strong",
        ["projects", "centre", "council", "policy"],
        ["EECO01", "SAM01"],
        True,
    ),
    (
        "Hinder som kräver samverkan",
        FocusArea.CAUSES,
        "Hälsohinder löses sällan inom ett enskilt projekt.",
        "Health barriers are rarely solved within a single project.",
        "emerging",
        ["centre", "policy"],
        [],
        False,
    ),
]
# (finding claim sv, text sv, text en, owner, answers: [(project number or None, status, comment)])
RECOMMENDATIONS: list[tuple[str, str, str, str, list[tuple[str | None, str, str]]]] = [
    (
        FINDINGS[0][2],
        "Låt deltagarna leda minst en del av varje koalitionsträff.",
        "Let participants lead at least part of every coalition meeting.",
        "projects",
        [
            ("23-031-S01", "accepted", "Vi prövar från nästa träff."),
            ("23-027-S01", "in_progress", "Två deltagare förbereder vårens träff."),
        ],
    ),
    (
        FINDINGS[1][2],
        "Samla arbetsgivarnas erfarenheter i kunskapsbanken.",
        "Gather the employers' experience in the knowledge bank.",
        "centre",
        [(None, "in_progress", "En metodbeskrivning skrivs under våren.")],
    ),
]


def _load_findings(cycle: EvaluationCycle, evaluator: User) -> None:
    codes = {c.name_sv: c for c in cycle.codes.all()}
    themes = {}
    for name_sv, name_en, code_names in THEMES:
        theme, _created = Theme.objects.update_or_create(
            cycle=cycle, name_sv=name_sv, defaults={"name_en": name_en}
        )
        theme.codes.set([codes[n] for n in code_names if n in codes])
        themes[name_sv] = theme
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=INDICATORS)}
    findings = {}
    for theme_name, area, claim_sv, claim_en, strength, audiences, codes_, shared in FINDINGS:
        finding, _created = Finding.objects.update_or_create(
            cycle=cycle,
            claim_sv=claim_sv,
            defaults={
                "theme": themes[theme_name],
                "focus_area": area,
                "claim_en": claim_en,
                "strength": strength,
                "audiences": audiences,
                "shared": shared,
                "created_by": evaluator,
            },
        )
        supporting = Excerpt.objects.filter(
            cycle=cycle, codes__themes=themes[theme_name]
        ).distinct()
        finding.excerpts.set(supporting)
        finding.indicators.set([indicators[c] for c in codes_ if c in indicators])
        findings[claim_sv] = finding
    for claim_sv, text_sv, text_en, owner, answers in RECOMMENDATIONS:
        recommendation, _created = Recommendation.objects.update_or_create(
            finding=findings[claim_sv],
            text_sv=text_sv,
            defaults={"text_en": text_en, "owner": owner},
        )
        for number, status, comment in answers:
            project = cycle.projects.filter(number=number).first() if number else None
            if number and project is None:
                continue
            RecommendationResponse.objects.update_or_create(
                recommendation=recommendation,
                project=project,
                status=status,
                defaults={"comment": comment},
            )


# The yearly report (issue 14, points 4 and 5): a draft of this year's, and last year's cycle
# of the coalition, published, with a published report in Swedish and English. Two projects
# have consented to be named and quoted; the others are referred to generically.
CONSENTING = ("23-027-S01", "23-031-S01")
REPORT_TEXTS = {
    "summary_sv": "Klustrets projekt har under året prövat att låta deltagare och arbetsgivare "
    "vara med och forma insatserna. Det har gett resultat där det skett på riktigt.",
    "summary_en": "During the year the cluster's projects have tried letting participants and "
    "employers shape the activities. Where that happened for real, it has paid off.",
    "method_sv": "Utvärderingen bygger på koalitionens lärdomar och reflektioner, delade "
    "coachanteckningar och projektens indikatorer.\n\n- utdrag kodade mot en gemensam kodbok\n"
    "- teman som bekräftas av flera projekt och källor",
    "method_en": "The evaluation draws on the coalition's lessons and reflections, shared "
    "coaching notes and the projects' indicators.\n\n- excerpts coded against a shared "
    "codebook\n- themes confirmed by several projects and sources",
}
LAST_YEAR_FINDINGS = [
    (
        FocusArea.COLLABORATION,
        "Gemensamma mål med arbetsgivare gör att fler deltagare får en första anställning.",
        "Shared goals with employers lead more participants to a first job.",
        "strong",
        ["EECO01", "EECR04"],
        "Sprid arbetssättet med gemensamma mål till fler projekt i utlysningen.",
        "Spread the way of working with shared goals to more projects of the call.",
    ),
    (
        FocusArea.RESULTS,
        "Arbetssätt som prövats tillsammans med målgruppen lever oftare kvar.",
        "Ways of working tried together with the target group more often last.",
        "moderate",
        ["SAM03"],
        "Stöd projekten i att planera för arbetssättens fortsättning från start.",
        "Support the projects in planning from the start how their ways of working continue.",
    ),
]


def load_reports(calendar: DemoCalendar) -> None:
    coalition = Coalition.objects.filter(name=COALITION).first()
    evaluator = User.objects.filter(email="utvarderare@samskapa.test").first()
    if coalition is None or evaluator is None:
        return
    for number in CONSENTING:
        project = Project.objects.filter(number=number).first()
        if project is not None:
            NamingConsent.objects.update_or_create(project=project, defaults={"may_be_named": True})
    current = EvaluationCycle.objects.filter(coalition=coalition, year=calendar.today.year).first()
    if current is not None:
        AnalysisReport.objects.update_or_create(cycle=current, defaults=REPORT_TEXTS)
    last, _created = EvaluationCycle.objects.update_or_create(
        coalition=coalition,
        year=calendar.today.year - 1,
        defaults={
            "title_sv": f"Klusterutvärdering {coalition.name}",
            "title_en": "Cluster evaluation of the coalition Pathways to work",
            "source": ClusterSource.COALITION,
            "status": CycleStatus.PUBLISHED,
        },
    )
    last.projects.set(Project.objects.filter(coalition_membership__coalition=coalition))
    last.evaluators.set([evaluator])
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=INDICATORS)}
    for area, claim_sv, claim_en, strength, codes, advice_sv, advice_en in LAST_YEAR_FINDINGS:
        finding, _created = Finding.objects.update_or_create(
            cycle=last,
            claim_sv=claim_sv,
            defaults={
                "focus_area": area,
                "claim_en": claim_en,
                "strength": strength,
                "audiences": ["projects", "centre", "council", "policy"],
                "shared": True,
            },
        )
        finding.indicators.set([indicators[c] for c in codes if c in indicators])
        Recommendation.objects.update_or_create(
            finding=finding,
            text_sv=advice_sv,
            defaults={"text_en": advice_en, "owner": "centre"},
        )
    report, _created = AnalysisReport.objects.update_or_create(cycle=last, defaults=REPORT_TEXTS)
    if not report.versions.exists():
        services.publish_report(cycle=last, by=evaluator)
