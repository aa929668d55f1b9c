"""Every write of results: the catalogue, periods, a project's indicators, values through
their states (draft → submitted → approved, or returned with a comment), corrections as new
versions, the reveal of a pseudonym, and the import of values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.coaching.enums import NoteVisibility
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
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
from samskapa.evaluation.enums import BREAKDOWN_FIELDS, ValueStatus
from samskapa.evaluation.models import (
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)
from samskapa.evaluation.surveys import WaveParticipant
from samskapa.projects.models import Project

VALUE_FIELDS = ["value", "numerator", "denominator", "text", *BREAKDOWN_FIELDS]


def save_indicator(*, indicator: Indicator, by: User) -> Indicator:
    created = indicator.pk is None
    indicator.full_clean()
    indicator.save()
    record_event(
        action=AuditAction.CREATE if created else AuditAction.CHANGE, actor=by, obj=indicator
    )
    return indicator


def save_period(*, period: ReportingPeriod, by: User) -> ReportingPeriod:
    created = period.pk is None
    period.full_clean()
    period.save()
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
    if value.pk and value.status in (ValueStatus.APPROVED, ValueStatus.SUBMITTED):
        value.version += 1
    value.status = ValueStatus.DRAFT
    value._history_user = by  # type: ignore[attr-defined]
    value.save()
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
