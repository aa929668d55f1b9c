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
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.evaluation.enums import BREAKDOWN_FIELDS, ValueStatus
from samskapa.evaluation.models import (
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)
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
