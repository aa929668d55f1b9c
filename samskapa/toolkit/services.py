"""Writes to a project's development tools.

Every write of a tool goes through `save_tool_object` or `delete_tool_object`, which check what
a form cannot see: that an element links only to elements (and organisations) of the same
project, and the rules across rows that a tool's part names as its `check` (the `check_*` and
`tidy_*` functions below: cause→effect links and theory-of-change chains stay acyclic, an
indicator measures an outcome or an output, ...). They raise `ValidationError` with a message in the
person's language; the view shows it above the form with everything typed kept.

For other apps (the coalitions app calls it before a meeting)::

    record_self_assessment(
        project=project, by=user, assessed_on=date(2026, 3, 1), context="Före mötet i mars",
        ratings={"causes": (3, "…"), "collaboration": (4, ""), "participation": (2, ""),
                 "ecosystem": (3, ""), "results": (2, "")},
    ) -> SelfAssessment

`ratings` needs every focus area (samskapa.core.enums.FocusArea), each rated 1–5.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from samskapa.accounts.models import Organisation, User
from samskapa.core.audit import record_event
from samskapa.core.enums import FocusArea
from samskapa.core.models import AuditAction
from samskapa.evaluation import services as evaluation_services
from samskapa.projects.enums import OrganisationRole
from samskapa.projects.models import Project, ProjectOrganisation
from samskapa.toolkit import registry
from samskapa.toolkit.enums import (
    LINKABLE_KINDS,
    SCALE_LEVELS,
    ActorLevel,
    ActorRole,
    ChangeKind,
    IndicatorKind,
    IndicatorUnit,
    ProblemNodeKind,
    chain_step,
)
from samskapa.toolkit.models import (
    Actor,
    ChangeElement,
    ChangeLink,
    Indicator,
    ParticipationActivity,
    ParticipationProfile,
    ProblemLink,
    ProblemNode,
    SelfAssessment,
    SelfAssessmentRating,
)
from samskapa.toolkit.selectors import participation_scale

# --- Self-assessment ----------------------------------------------------------------------


@transaction.atomic
def record_self_assessment(
    *,
    project: Project,
    by: User | None,
    ratings: dict[str, tuple[int, str]],
    assessed_on: date | None = None,
    context: str = "",
) -> SelfAssessment:
    """A new self-assessment with one rating (1–5) and comment per focus area."""
    missing = [str(area.label) for area in FocusArea if area.value not in ratings]
    unknown = [key for key in ratings if key not in FocusArea.values]
    if missing or unknown:
        raise ValidationError(
            _("Rate every focus area once. Missing: %(missing)s.")
            % {"missing": ", ".join(missing) or "–"}
        )
    for key, (rating, _comment) in ratings.items():
        if not isinstance(rating, int) or not 1 <= rating <= 5:
            raise ValidationError(
                _("The rating for %(area)s must be a whole number from 1 to 5.")
                % {"area": FocusArea(key).label}
            )
    assessment = SelfAssessment.objects.create(
        project=project,
        created_by=by,
        assessed_on=assessed_on or timezone.localdate(),
        context=context,
    )
    SelfAssessmentRating.objects.bulk_create(
        SelfAssessmentRating(assessment=assessment, focus_area=key, rating=rating, comment=comment)
        for key, (rating, comment) in ratings.items()
    )
    if by is not None:
        record_event(action=AuditAction.CREATE, actor=by, obj=project, fields=["self_assessment"])
    return assessment


def delete_self_assessment(*, assessment: SelfAssessment, by: User) -> None:
    project = assessment.project
    assessment.delete()
    record_event(action=AuditAction.DELETE, actor=by, obj=project, fields=["self_assessment"])


# --- Validation across rows ---------------------------------------------------------------

# Shown by the forms too, which check the same before the service does.
PROBLEM_LINK_BACKWARDS = gettext_lazy(
    "An effect cannot lead to a cause. Link the cause to the effect instead, or choose "
    "another effect."
)
CHANGE_LINK_BACKWARDS = gettext_lazy(
    "An element contributes to one at the same step or further along the chain "
    "(activity → output → precondition → outcome). Choose an element further along, or "
    "swap the two."
)


def _partner_organisation_ids(project_id: int) -> set[int]:
    return set(
        ProjectOrganisation.objects.filter(project_id=project_id).values_list(
            "organisation_id", flat=True
        )
    )


def check_same_project(obj: models.Model) -> None:
    """Every element an object points at belongs to the object's own project."""
    project_id = obj.project_id  # type: ignore[attr-defined]
    for field in obj._meta.concrete_fields:
        if not field.is_relation or field.name == "project":
            continue
        target_id = getattr(obj, field.attname)
        if target_id is None:
            continue
        model: Any = field.related_model
        if model is Organisation:
            if target_id not in _partner_organisation_ids(project_id):
                raise ValidationError(
                    _("Choose an organisation that takes part in this project."),
                    code="other_project",
                )
            continue
        if model is None or not any(f.name == "project" for f in model._meta.fields):
            continue
        if not model._default_manager.filter(pk=target_id, project_id=project_id).exists():
            raise ValidationError(
                _("You can only link to elements of the same project."),
                code="other_project",
            )


def _check_link(link: Any, source: str, target: str, circle: str) -> None:
    """A link between two rows of one tool: not twice, and no circle through the others."""
    ends = (getattr(link, f"{source}_id"), getattr(link, f"{target}_id"))
    edges = list(
        type(link)
        ._default_manager.filter(project_id=link.project_id)
        .exclude(pk=link.pk)
        .values_list(f"{source}_id", f"{target}_id")
    )
    if ends in edges:
        raise ValidationError(_("These two are already linked."), code="duplicate")
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_edges_from([*edges, ends])
    if not nx.is_directed_acyclic_graph(graph):
        raise ValidationError(circle, code="cycle")


def check_problem_link(link: ProblemLink) -> None:
    kinds = dict(
        ProblemNode.objects.filter(pk__in=[link.cause_id, link.effect_id]).values_list("pk", "kind")
    )
    if (
        kinds.get(link.cause_id) == ProblemNodeKind.EFFECT
        and kinds.get(link.effect_id) == ProblemNodeKind.CAUSE
    ):
        raise ValidationError(PROBLEM_LINK_BACKWARDS, code="kind")
    _check_link(
        link,
        "cause",
        "effect",
        _(
            "This link would make a circle: the effect already leads back to the cause. "
            "A problem tree must not contain circles."
        ),
    )


def check_change_link(link: ChangeLink) -> None:
    ends = {
        pk: (kind, horizon)
        for pk, kind, horizon in ChangeElement.objects.filter(
            pk__in=[link.source_id, link.target_id]
        ).values_list("pk", "kind", "horizon")
    }
    if any(
        ends.get(pk, ("", ""))[0] not in LINKABLE_KINDS for pk in (link.source_id, link.target_id)
    ):
        raise ValidationError(
            _("Only activities, outputs, preconditions and outcomes can be linked."),
            code="kind",
        )
    if chain_step(*ends[link.target_id]) < chain_step(*ends[link.source_id]) or (
        ends[link.target_id][0] == ChangeKind.ACTIVITY
    ):
        raise ValidationError(CHANGE_LINK_BACKWARDS, code="order")
    _check_link(
        link,
        "source",
        "target",
        _(
            "This link would make a circle: the element already leads back to where the link "
            "starts. A chain of preconditions must not go round in a circle."
        ),
    )


def check_indicator(indicator: Indicator) -> None:
    """An indicator measures an outcome or an output, and stands for a catalogue indicator
    of the results app (the chosen one, or the project's own entry, made here), whose values
    it shows: one store of values (docs/evaluation.md, "The toolkit's indicators")."""
    if indicator.element_id is not None:
        kind = (
            ChangeElement.objects.filter(pk=indicator.element_id)
            .values_list("kind", flat=True)
            .first()
        )
        if kind not in (ChangeKind.OUTCOME, ChangeKind.OUTPUT):
            raise ValidationError(
                _("An indicator measures an outcome or an output in the theory of change."),
                code="kind",
            )
    indicator.catalogue = evaluation_services.catalogue_entry_for(
        project=indicator.project,
        catalogue=indicator.catalogue,
        code=indicator.code,
        name=indicator.name,
        participants=indicator.unit == IndicatorUnit.PARTICIPANT,
        output=indicator.kind != IndicatorKind.RESULT,
        target=indicator.target,
    )


def check_participation_level(obj: ParticipationProfile | ParticipationActivity) -> None:
    if isinstance(obj, ParticipationProfile):
        scale, levels = obj.scale, [obj.current_level, obj.aim_level]
    else:
        scale, levels = participation_scale(obj.project_id), [obj.level]
    top = len(SCALE_LEVELS[scale])
    if any(level is not None and not 1 <= level <= top for level in levels):
        raise ValidationError(
            _("Choose a level on the scale (1 to %(top)s).") % {"top": top}, code="level"
        )


def tidy_problem_node(node: ProblemNode) -> None:
    """Only causes have a level."""
    if node.kind != ProblemNodeKind.CAUSE:
        node.level = ""


def tidy_change_element(element: ChangeElement) -> None:
    """Only outcomes have a horizon."""
    if element.kind != ChangeKind.OUTCOME:
        element.horizon = ""


def validate_tool_object(obj: models.Model) -> None:
    """What a form cannot see: the same project, and the part's own rules across rows."""
    check_same_project(obj)
    part = registry.part_for_model(type(obj))
    if part is not None and part.check is not None:
        part.check(obj)


# --- Writes -------------------------------------------------------------------------------


def _stamp(obj: Any, by: User | None, when: Any) -> None:
    """Who (and, for demo data, when) the next history record of `obj` is by."""
    obj._history_user = by
    if when is not None:
        obj._history_date = when
    else:
        obj.__dict__.pop("_history_date", None)  # a date from an earlier save must not stick


@transaction.atomic
def save_tool_object(*, obj: Any, by: User | None, when: Any = None) -> Any:
    """Validate and save one row of a tool; its history records who (and, for demo data, when)."""
    validate_tool_object(obj)
    created = obj.pk is None
    _stamp(obj, by, when)
    obj.save()
    if by is not None:
        action = AuditAction.CREATE if created else AuditAction.CHANGE
        record_event(action=action, actor=by, obj=obj.project, fields=[obj._meta.model_name or ""])
    return obj


def _delete_with_history(obj: Any, by: User | None, when: Any) -> None:
    # Rows that hang off this one (links, values) are deleted one by one so that their
    # deletion is in the history too: the comparison shows them as removed.
    for related in obj._meta.get_fields(include_hidden=True):
        if not (related.auto_created and related.one_to_many) or related.related_model is None:
            continue
        if getattr(related, "on_delete", None) is not models.CASCADE:
            continue
        child_model: Any = related.related_model
        if not hasattr(child_model, "history"):
            continue
        for child in child_model._default_manager.filter(**{related.field.name: obj}):
            _delete_with_history(child, by, when)
    _stamp(obj, by, when)
    obj.delete()


@transaction.atomic
def delete_tool_object(*, obj: Any, by: User | None, when: Any = None) -> None:
    project = obj.project
    _delete_with_history(obj, by, when)
    if by is not None:
        record_event(
            action=AuditAction.DELETE, actor=by, obj=project, fields=[obj._meta.model_name or ""]
        )


def sync_partner_actors(*, project: Project, when: Any = None) -> int:
    """The project's own organisations appear in its ecosystem map without anyone adding them.

    Returns how many actors were added (0 on every later call: one query).
    """
    present = set(
        Actor.objects.filter(project=project, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )
    links = (
        ProjectOrganisation.objects.filter(project=project)
        .exclude(organisation_id__in=present)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    new: dict[int, Actor] = {}
    for link in links:
        if link.organisation_id in new:
            continue
        role = (
            ActorRole.PROJECT_PROMOTER
            if link.role == OrganisationRole.OWNER
            else _partner_role(link.organisation)
        )
        new[link.organisation_id] = Actor(
            project=project,
            name=link.organisation.name,
            organisation=link.organisation,
            sector=link.organisation.sector,
            role=role,
            level=ActorLevel.LOCAL if link.organisation.sector != "public" else ActorLevel.REGIONAL,
        )
    if new:
        bulk_create_with_history(list(new.values()), Actor, default_date=when)
    return len(new)


def _partner_role(organisation: Organisation) -> str:
    by_sector = {
        "academia": ActorRole.RESEARCHER,
        "civil_society": ActorRole.TARGET_GROUP_ORGANISATION,
        "private": ActorRole.SOCIAL_ENTERPRISE,
    }
    return by_sector.get(organisation.sector, ActorRole.SUPPORT_ORGANISATION)


# --- Personal data ------------------------------------------------------------------------


def export_personal_data(user: User) -> dict[str, Any]:
    """The self-assessments the person recorded (the tools themselves belong to the project)."""
    return {
        "self_assessments": [
            {"project": a.project.number, "date": a.assessed_on.isoformat(), "occasion": a.context}
            for a in SelfAssessment.objects.filter(created_by=user).select_related("project")
        ]
    }


def erase_personal_data(user: User) -> None:
    """The project keeps its tools and their history; only the link to the person goes."""
    SelfAssessment.objects.filter(created_by=user).update(created_by=None)
    for part in registry.parts():
        part.model.history.filter(history_user=user).update(history_user=None)  # type: ignore[attr-defined]
