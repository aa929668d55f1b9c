"""Every write of results: the catalogue, periods, a project's indicators, values through
their states (draft → submitted → approved, or returned with a comment), corrections as new
versions, the reveal of a pseudonym, and the import of values."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.coaching.enums import NoteVisibility
from samskapa.core import pagecache
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.evaluation import selectors
from samskapa.evaluation.cycles import (
    TRANSITIONS,
    ClusterSource,
    Code,
    CycleDate,
    CycleStatus,
    EvaluationCycle,
    EvaluationQuestion,
    Excerpt,
    ExcerptSource,
    digest,
)
from samskapa.evaluation.enums import (
    BREAKDOWN_FIELDS,
    IndicatorKind,
    Level,
    Measure,
    Unit,
    ValueStatus,
)
from samskapa.evaluation.findings import Finding, RecommendationResponse
from samskapa.evaluation.models import (
    Aggregate,
    AggregateState,
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)
from samskapa.evaluation.reports import AnalysisReport, NamingConsent, ReportVersion, assemble
from samskapa.evaluation.surveys import WaveParticipant
from samskapa.projects.models import Project

VALUE_FIELDS = ["value", "numerator", "denominator", "text", *BREAKDOWN_FIELDS]


# --- Stored aggregates ----------------------------------------------------------------------


@transaction.atomic
def refresh_aggregates(*, indicator_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored aggregates (models.Aggregate) of these indicators from the
    approved values, or of every indicator (None). Called in the transaction of every write
    that changes which values are approved or how they add up. When a project has changed
    call or coalition since the last refresh, every indicator is rebuilt. Returns the number
    of rows written.

    The indicators' rows are locked first, so two approvals of the same indicator refresh
    one after the other and the second sees the first."""
    key = selectors.membership_key(*selectors.memberships())
    state = AggregateState.objects.select_for_update().filter(pk=1).first()
    if state is None or state.membership != key:
        indicator_ids = None
    ids = sorted(set(indicator_ids)) if indicator_ids is not None else None
    locked = Indicator.objects.select_for_update().order_by("pk")
    list((locked if ids is None else locked.filter(pk__in=ids)).values_list("pk", flat=True))
    rows = selectors.aggregate_rows(ids)
    stale = (
        Aggregate.objects.all() if ids is None else Aggregate.objects.filter(indicator_id__in=ids)
    )
    stale.delete()
    Aggregate.objects.bulk_create((Aggregate(**row) for row in rows), batch_size=1000)
    # A new version on every refresh: what is cached under the old one is no longer read.
    AggregateState.objects.update_or_create(
        pk=1, defaults={"membership": key, "version": uuid.uuid4()}
    )
    return len(rows)


def save_indicator(*, indicator: Indicator, by: User) -> Indicator:
    created = indicator.pk is None
    indicator.full_clean()
    indicator.save()
    if not created:  # its measure, way of adding up or use may have changed
        refresh_aggregates(indicator_ids=[indicator.pk])
    record_event(
        action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=indicator
    )
    return indicator


@transaction.atomic
def save_period(*, period: ReportingPeriod, by: User) -> ReportingPeriod:
    created = period.pk is None
    period.full_clean()
    period.save()
    if not created:  # its start date groups its values
        refresh_aggregates(indicator_ids=period.values.values_list("indicator_id", flat=True))
    record_event(action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=period)
    return period


@transaction.atomic
def save_project_indicator(
    *,
    link: ProjectIndicator,
    by: User,
    period_targets: dict[ReportingPeriod, Decimal | None] | None = None,
) -> ProjectIndicator:
    """Save a project's indicator with its overall target and, for the periods given, its
    target per period (None removes a period's target)."""
    link.full_clean()
    link.save()
    for period, target in (period_targets or {}).items():
        if period.call_id != link.project.call_id:
            raise ValidationError(_("The period is not one of the project's call."))
        if target is None:
            PeriodTarget.objects.filter(link=link, period=period).delete()
        else:
            row = PeriodTarget(link=link, period=period, target=target)
            row.full_clean(exclude=["link", "period"], validate_unique=False)
            PeriodTarget.objects.update_or_create(
                link=link, period=period, defaults={"target": target}
            )
    return link


@transaction.atomic
def catalogue_entry_for(
    *,
    project: Project,
    catalogue: Indicator | None,
    code: str,
    name: str,
    participants: bool,
    output: bool,
    target: Decimal | int | None,
) -> Indicator:
    """The catalogue indicator that a project's theory-of-change indicator (the toolkit's)
    stands for, so that its values live in the one store: the chosen entry of the shared
    catalogue, or else the project's own entry with this code, made or kept in step with the
    code and name (a count of the latest report, broken down by gender). The project reports
    on it from then on (`ProjectIndicator`, given the target if it has none)."""
    if catalogue is None:  # a code of the shared catalogue is that entry
        catalogue = Indicator.objects.filter(project__isnull=True, code__iexact=code).first()
    if catalogue is None or catalogue.project_id is not None:
        own = catalogue if catalogue is not None and catalogue.project_id == project.pk else None
        own = own or Indicator.objects.filter(project=project, code__iexact=code).first()
        own = own or Indicator(
            project=project,
            kind=IndicatorKind.PROJECT,
            measure=Measure.COUNT,
            aggregation="latest",
            by_gender=True,
        )
        own.code = code
        own.name_sv = own.name_en = name
        own.unit = Unit.PARTICIPANTS if participants else Unit.ORGANISATIONS
        own.level = Level.OUTPUT if output else Level.IMMEDIATE
        own.full_clean()
        own.save()
        catalogue = own
    link, created = ProjectIndicator.objects.get_or_create(
        project=project, indicator=catalogue, defaults={"target": target}
    )
    if not created and link.target is None and target is not None:
        link.target = target
        link.save(update_fields=["target"])
    return catalogue


def _may_write(period: ReportingPeriod, by: User) -> bool:
    return period.is_open() or by.has_perm("evaluation.review_values")


@transaction.atomic
def save_value(
    *,
    project: Project,
    indicator: Indicator,
    period: ReportingPeriod,
    data: dict[str, Any],
    by: User,
) -> Value:
    """Write a project's value for a period as a draft. Changing an approved value is a
    correction: a new version, which goes through approval again (the history keeps the
    approved one)."""
    if period.call_id != project.call_id:
        raise ValidationError(_("This period belongs to another call."))
    if not _may_write(period, by):
        raise PermissionDenied(_("The period is locked."))
    value = Value.objects.select_for_update().filter(
        project=project, indicator=indicator, period=period
    ).first() or Value(project=project, indicator=indicator, period=period)
    before = {name: getattr(value, name) for name in VALUE_FIELDS}
    for name in VALUE_FIELDS:
        if name in data:
            setattr(value, name, data[name] if data[name] is not None or name != "text" else "")
    after = {name: getattr(value, name) for name in VALUE_FIELDS}
    if value.pk and before == after:
        return value
    check_value(value, indicator)
    was_approved = value.status == ValueStatus.APPROVED
    if value.pk and value.status in (ValueStatus.APPROVED, ValueStatus.SUBMITTED):
        value.version += 1
    value.status = ValueStatus.DRAFT
    value._history_user = by  # type: ignore[attr-defined]
    value.save()
    if was_approved:  # a correction: the approved figure leaves the aggregates
        refresh_aggregates(indicator_ids=[indicator.pk])
    return value


@transaction.atomic
def submit_period(*, project: Project, period: ReportingPeriod, by: User) -> int:
    """Submit every draft or returned value the project has for the period."""
    if not _may_write(period, by):
        raise PermissionDenied(_("The period is locked."))
    count = 0
    for value in Value.objects.select_for_update().filter(
        project=project, period=period, status__in=[ValueStatus.DRAFT, ValueStatus.RETURNED]
    ):
        value.status = ValueStatus.SUBMITTED
        value.submitted_at = timezone.now()
        value._history_user = by  # type: ignore[attr-defined]
        value.save()
        count += 1
    return count


@transaction.atomic
def approve_value(*, value: Value, by: User) -> Value:
    if value.status != ValueStatus.SUBMITTED:
        raise ValidationError(_("Only submitted values can be approved."))
    value.status = ValueStatus.APPROVED
    value.comment = ""
    value.reviewed_at = timezone.now()
    value.reviewed_by = by
    value._history_user = by  # type: ignore[attr-defined]
    value.save()
    refresh_aggregates(indicator_ids=[value.indicator_id])
    record_event(
        action=AuditAction.CHANGE, actor=by, obj=value, fields=["status"], detail="approved"
    )
    return value


@transaction.atomic
def return_value(*, value: Value, comment: str, by: User) -> Value:
    if value.status != ValueStatus.SUBMITTED:
        raise ValidationError(_("Only submitted values can be returned."))
    if not comment.strip():
        raise ValidationError(_("Say what needs to change."))
    value.status = ValueStatus.RETURNED
    value.comment = comment.strip()
    value.reviewed_at = timezone.now()
    value.reviewed_by = by
    value._history_user = by  # type: ignore[attr-defined]
    value.save()
    refresh_aggregates(indicator_ids=[value.indicator_id])
    record_event(
        action=AuditAction.CHANGE,
        actor=by,
        obj=value,
        fields=["status", "comment"],
        detail="returned",
    )
    return value


def record_reveal(*, project: Project, pseudonym: str, reason: str, by: User, path: str) -> None:
    """An evaluator saw which project is behind a pseudonym: audited with the reason."""
    record_event(
        action=AuditAction.SENSITIVE_READ,
        actor=by,
        obj=project,
        path=path,
        detail=f"pseudonym {pseudonym} revealed: {reason}",
    )


def record_export(*, by: User, what: str, path: str) -> None:
    record_event(action=AuditAction.EXPORT, actor=by, path=path, detail=what)


# --- Evaluation cycles ----------------------------------------------------------------------


def cluster_projects(
    *, source: str, call: Any = None, coalition: Any = None, chosen: Any = ()
) -> list[Project]:
    """The projects of a cycle's cluster: every project of the call or of the coalition at
    the time of saving, or the projects chosen by hand."""
    if source == ClusterSource.CALL and call is not None:
        return list(Project.objects.filter(call=call))
    if source == ClusterSource.COALITION and coalition is not None:
        return list(Project.objects.filter(coalition_membership__coalition=coalition))
    return list(chosen)


@transaction.atomic
def save_cycle(
    *,
    cycle: EvaluationCycle,
    projects: list[Project],
    evaluators: list[User],
    questions: list[dict[str, Any]],
    dates: list[dict[str, Any]],
    by: User,
) -> EvaluationCycle:
    """Save a cycle with its cluster, evaluators, questions (in the given order) and key
    dates; the questions and dates given replace the earlier ones."""
    created = cycle.pk is None
    if cycle.source != ClusterSource.CALL:
        cycle.call = None
    if cycle.source != ClusterSource.COALITION:
        cycle.coalition = None
    cycle.full_clean()
    cycle.save()
    cycle.projects.set(projects)
    cycle.evaluators.set(evaluators)
    cycle.questions.all().delete()
    EvaluationQuestion.objects.bulk_create(
        EvaluationQuestion(cycle=cycle, order=index, **question)
        for index, question in enumerate(questions)
    )
    cycle.dates.all().delete()
    CycleDate.objects.bulk_create(CycleDate(cycle=cycle, **date) for date in dates)
    record_event(action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=cycle)
    return cycle


@transaction.atomic
def change_cycle_status(*, cycle: EvaluationCycle, to: str, by: User) -> EvaluationCycle:
    """Move a cycle to another status, if `TRANSITIONS` allows it from the current one."""
    cycle = EvaluationCycle.objects.select_for_update().get(pk=cycle.pk)
    if to not in TRANSITIONS[cycle.status]:
        raise ValidationError(
            _("A cycle cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": CycleStatus(cycle.status).label,
                "to": CycleStatus(to).label if to in CycleStatus.values else to,
            }
        )
    before = cycle.status
    cycle.status = to
    cycle.save(update_fields=["status", "updated_at"])
    record_event(
        action=AuditAction.CHANGE,
        actor=by,
        obj=cycle,
        fields=["status"],
        detail=f"{before} → {to}",
    )
    return cycle


def save_code(*, code: Code, by: User) -> Code:
    created = code.pk is None
    code.full_clean()
    code.save()
    code.children.exclude(focus_area=code.focus_area).update(focus_area=code.focus_area)
    record_event(action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=code)
    return code


@transaction.atomic
def copy_codebook(*, cycle: EvaluationCycle, source: EvaluationCycle, by: User) -> int:
    """Copy another cycle's codes (with their sub-codes and definitions) into `cycle`; codes
    whose name the cycle already has at the same place are left out. Returns how many were
    copied."""
    if source.pk == cycle.pk:
        raise ValidationError(_("Choose another cycle to copy from."))
    copied = 0
    taken = {(c.parent_id, c.name_sv) for c in cycle.codes.all()}
    by_name = {c.name_sv: c for c in cycle.codes.filter(parent__isnull=True)}
    tops = list(source.codes.filter(parent__isnull=True).order_by("pk"))
    subs = list(source.codes.filter(parent__isnull=False).select_related("parent").order_by("pk"))
    for old in [*tops, *subs]:
        if old.parent_id is None:
            if (None, old.name_sv) in taken:
                continue
            copy = Code.objects.create(
                cycle=cycle,
                focus_area=old.focus_area,
                name_sv=old.name_sv,
                name_en=old.name_en,
                definition_sv=old.definition_sv,
                definition_en=old.definition_en,
            )
            by_name[old.name_sv] = copy
            copied += 1
            continue
        parent = by_name.get(old.parent.name_sv) if old.parent else None
        if parent is None or (parent.pk, old.name_sv) in taken:
            continue
        Code.objects.create(
            cycle=cycle,
            parent=parent,
            focus_area=parent.focus_area,
            name_sv=old.name_sv,
            name_en=old.name_en,
            definition_sv=old.definition_sv,
            definition_en=old.definition_en,
        )
        copied += 1
    record_event(
        action=AuditAction.CHANGE,
        actor=by,
        obj=cycle,
        fields=["codes"],
        detail=f"codebook copied from cycle {source.pk}",
    )
    return copied


@transaction.atomic
def create_excerpt(
    *,
    cycle: EvaluationCycle,
    kind: str,
    source: Any,
    passage: str,
    start: int | None,
    codes: Any,
    memo: str,
    by: User,
) -> Excerpt:
    """Draw a passage from a source of the cycle: the passage must be in the source as it
    stands (at `start` when the selection gave one, else its first occurrence)."""
    passage = passage.strip()
    text = source.text
    if not passage:
        raise ValidationError({"passage": _("Give the passage.")})
    if start is None or text[start : start + len(passage)] != passage:
        start = text.find(passage)
    if start < 0:
        raise ValidationError(
            {"passage": _("The passage is not in the source: copy it exactly from the text.")}
        )
    if kind == ExcerptSource.LESSON:
        project = source.projects.filter(evaluation_cycles=cycle).order_by("number").first()
    elif kind == ExcerptSource.COACHING_NOTE:
        if source.visibility != NoteVisibility.SHARED:  # never a private note
            raise ValidationError(_("A private coaching note is never a source."))
        project = source.session.project
    else:
        project = source.project
    if project is None:
        raise ValidationError(_("The source is not from one of the cycle's projects."))
    excerpt = Excerpt.objects.create(
        cycle=cycle,
        project=project,
        kind=kind,
        lesson=source if kind == ExcerptSource.LESSON else None,
        reflection=source if kind == ExcerptSource.REFLECTION else None,
        note=source if kind == ExcerptSource.COACHING_NOTE else None,
        answer=source if kind == ExcerptSource.SURVEY else None,
        start=start,
        end=start + len(passage),
        text=passage,
        source_digest=digest(text),
        memo=memo,
        created_by=by,
    )
    excerpt.codes.set(codes)
    record_event(action=AuditAction.CREATE, actor=by, obj=excerpt)
    return excerpt


def code_excerpt(*, excerpt: Excerpt, codes: Any, memo: str, by: User) -> Excerpt:
    """Set an excerpt's codes and memo."""
    excerpt.memo = memo
    excerpt.save(update_fields=["memo"])
    excerpt.codes.set(codes)
    record_event(action=AuditAction.CHANGE, actor=by, obj=excerpt, fields=["codes", "memo"])
    return excerpt


def record_excerpt_read(*, cycle: EvaluationCycle, by: User, path: str) -> None:
    """Someone outside the cycle's evaluators read its unpublished excerpts: audited."""
    if cycle.evaluators.filter(pk=by.pk).exists():
        return
    record_event(
        action=AuditAction.SENSITIVE_READ,
        actor=by,
        obj=cycle,
        path=path,
        detail="excerpts of an evaluation cycle read by someone outside its evaluators",
    )


def erase_personal_data(user: User) -> None:
    """Excerpts hold no name; who drew them is forgotten. Cycles forget the evaluator."""
    Excerpt.objects.filter(created_by=user).update(created_by=None)
    for cycle in EvaluationCycle.objects.filter(evaluators=user):
        cycle.evaluators.remove(user)
    erase_findings_personal_data(user)
    # Surveys (issue 15): that the person answered a wave; their answers hold nothing of them.
    WaveParticipant.objects.filter(user=user).delete()


def export_personal_data(user: User) -> dict[str, Any]:
    return {
        "evaluation_cycles": [
            f"{c.year} {c.title_sv}" for c in EvaluationCycle.objects.filter(evaluators=user)
        ],
        "excerpts_drawn": Excerpt.objects.filter(created_by=user).count(),
        # The answers themselves cannot be found: they are stored apart from the person.
        "survey_waves_answered": [
            f"{p.wave.survey.title_sv}: {p.wave.name_sv}"
            for p in WaveParticipant.objects.filter(user=user).select_related("wave__survey")
        ],
    }


# --- Themes, findings and recommendations (issue 14, point 3) -------------------------------


def save_theme(*, theme: Any, codes: Any, by: User) -> Any:
    """Save a theme with its codes (codes of the theme's cycle only)."""
    codes = list(codes)
    if any(code.cycle_id != theme.cycle_id for code in codes):
        raise ValidationError({"codes": _("A theme groups codes of its own cycle only.")})
    created = theme.pk is None
    theme.full_clean()
    theme.save()
    theme.codes.set(codes)
    record_event(action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=theme)
    return theme


def save_finding(
    *,
    finding: Any,
    excerpts: Any,
    indicators: Any,
    by: User,
    survey_questions: Any = None,
) -> Any:
    """Save a finding with its evidence: excerpts of its own cycle only, indicators of the
    catalogue (their figures are read from the cluster's aggregates) and questions of its own
    cycle's surveys, as asked in a wave, with a figure for an answer (choices, scales,
    numbers). `survey_questions=None` leaves the cited questions as they are."""
    # Imported here: selectors_surveys imports the models, which import this module's app.
    from samskapa.evaluation.selectors_surveys import citable_questions

    excerpts = list(excerpts)
    if any(excerpt.cycle_id != finding.cycle_id for excerpt in excerpts):
        raise ValidationError({"excerpts": _("A finding cites excerpts of its own cycle only.")})
    if survey_questions is not None:
        survey_questions = list(survey_questions)
        allowed = {q.pk for q in citable_questions(finding.cycle, latest=False)}
        if any(question.pk not in allowed for question in survey_questions):
            raise ValidationError(
                {
                    "survey_questions": _(
                        "A finding cites choice, scale and number questions of its own "
                        "cycle's surveys only, as asked in a wave."
                    )
                }
            )
    if finding.theme_id and finding.theme.cycle_id != finding.cycle_id:
        raise ValidationError({"theme": _("Choose a theme of the finding's own cycle.")})
    created = finding.pk is None
    if created:
        finding.created_by = by
    finding.full_clean()
    finding.save()
    finding.excerpts.set(excerpts)
    finding.indicators.set(list(indicators))
    if survey_questions is not None:
        finding.survey_questions.set(survey_questions)
    record_event(
        action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=finding
    )
    return finding


def add_recommendation(*, recommendation: Any, by: User) -> Any:
    recommendation.full_clean()
    recommendation.save()
    record_event(action=AuditAction.CREATE, actor=by, obj=recommendation)
    return recommendation


def answer_recommendation(
    *, recommendation: Any, project: Project | None, status: str, comment: str, by: User
) -> Any:
    """Record an answer to a recommendation: for one of the cluster's projects (owner: the
    projects) or for the centre (owner: the centre, `project` None). Earlier answers stay."""
    if recommendation.for_projects:
        if (
            project is None
            or not recommendation.finding.cycle.projects.filter(pk=project.pk).exists()
        ):
            raise ValidationError({"project": _("Choose one of the cluster's projects.")})
    else:
        project = None
    response = RecommendationResponse(
        recommendation=recommendation,
        project=project,
        status=status,
        comment=comment,
        created_by=by,
    )
    response.full_clean()
    response.save()
    record_event(action=AuditAction.CREATE, actor=by, obj=response)
    return response


def erase_findings_personal_data(user: User) -> None:
    """Findings and answers forget who wrote them (their text names no person)."""
    Finding.objects.filter(created_by=user).update(created_by=None)
    RecommendationResponse.objects.filter(created_by=user).update(created_by=None)
    NamingConsent.objects.filter(decided_by=user).update(decided_by=None)
    # A published version is immutable (its model refuses changes): only who published it goes.
    ReportVersion.objects.filter(published_by=user).update(published_by=None)


# --- The yearly analysis report and consent to be named (issue 14, points 4 and 5) ----------

PUBLIC_REPORTS = "evaluation-reports"  # the public-cache area of published reports


def save_report(*, report: Any, by: User) -> Any:
    """Save the report's own sections (Markdown)."""
    created = report.pk is None
    report.full_clean()
    report.save()
    record_event(action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=report)
    return report


@transaction.atomic
def publish_report(*, cycle: EvaluationCycle, by: User) -> Any:
    """Freeze the report as assembled now, in both languages, as its next immutable version;
    the public pages of published reports are refreshed."""
    report, _created = AnalysisReport.objects.get_or_create(cycle=cycle)
    content = assemble(cycle)
    if not any(language["areas"] for language in content.values()):
        raise ValidationError(
            _("Share at least one finding with the cluster before publishing the report.")
        )
    last = report.versions.order_by("-number").first()
    version = ReportVersion.objects.create(
        report=report,
        number=(last.number + 1) if last else 1,
        content=content,
        published_by=by,
    )
    record_event(action=AuditAction.CREATE, actor=by, obj=version)
    transaction.on_commit(lambda: pagecache.touch(PUBLIC_REPORTS))
    return version


def set_naming_consent(*, project: Project, may_be_named: bool, by: User) -> Any:
    """The project's lead states whether the project may be named and quoted in published
    evaluation reports (versions already published stay as they are)."""
    consent, _created = NamingConsent.objects.update_or_create(
        project=project, defaults={"may_be_named": may_be_named, "decided_by": by}
    )
    record_event(action=AuditAction.CHANGE, actor=by, obj=consent, fields=["may_be_named"])
    return consent
