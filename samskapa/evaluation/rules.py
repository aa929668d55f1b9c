"""Who may do what with results.

The centre team and the funder read programme, call and coalition figures (the funder only
through disclosure control). A project's own figures are read by the centre team and the
project's members, who also report them; another project's figures answer 404. Admins keep
the catalogue and the reporting periods; admins and evaluators approve values, see
unsuppressed figures (marked not for publication), export raw values and reveal pseudonyms.
"""

from __future__ import annotations

from typing import Any

import rules

from samskapa.accounts.rules import (
    is_admin,
    is_centre_team,
    is_coach,
    is_evaluator,
    is_funder,
    is_process_leader,
)
from samskapa.coalitions.models import Coalition, CoalitionProject
from samskapa.evaluation.selectors import coalitions_of_staff
from samskapa.projects.rules import has_any_membership, is_project_lead, is_project_member


@rules.predicate
def works_with_coalition(user: Any, coalition: Any) -> bool:
    """A process leader who leads the coalition or a coach of one of its projects."""
    if coalition is None or not getattr(user, "is_authenticated", False):
        return False
    return coalitions_of_staff(user).filter(pk=coalition.pk).exists()


is_reviewer = is_admin | is_evaluator

rules.add_perm("evaluation.view_programme", is_centre_team | is_funder)
rules.add_perm("evaluation.view_catalogue", is_centre_team | is_funder | has_any_membership)
rules.add_perm("evaluation.change_catalogue", is_admin)
rules.add_perm("evaluation.manage_periods", is_admin)
rules.add_perm("evaluation.review_values", is_reviewer)
rules.add_perm("evaluation.view_unsuppressed", is_reviewer)
rules.add_perm("evaluation.reveal_project", is_reviewer)
rules.add_perm("evaluation.export_raw", is_reviewer)
rules.add_perm("evaluation.import_values", is_admin)
# Who is late, by project number: not for evaluators, whose cross-project tables use
# pseudonyms (the late projects' empty cells would give the pseudonyms away), nor the funder.
rules.add_perm("evaluation.view_completeness_names", is_admin | is_process_leader | is_coach)
# Object permissions on a project (its figures) and on a coalition or a call (aggregates).
rules.add_perm("evaluation.view_project_figures", is_centre_team | is_project_member)
rules.add_perm("evaluation.report_values", is_admin | is_project_member)
rules.add_perm("evaluation.view_group_figures", is_centre_team | is_funder)
# The projects' self-assessments (project × focus area × date): for admins and evaluators on
# every call and coalition, for process leaders and coaches on their own coalitions; never for
# the funder (single projects' ratings are not disclosure-controlled figures).
rules.add_perm("evaluation.view_call_self_assessments", is_reviewer)
rules.add_perm(
    "evaluation.view_coalition_self_assessments",
    is_reviewer | ((is_process_leader | is_coach) & works_with_coalition),
)


# --- Evaluation cycles ----------------------------------------------------------------------
# The centre team reads every cycle; the funder reads published cycles only. Admins create
# cycles and change all of them; evaluators change the cycles they are assigned to.


@rules.predicate
def is_published_cycle(user: object, cycle: object) -> bool:
    return bool(getattr(cycle, "is_published", False))


@rules.predicate
def is_cycle_evaluator(user: object, cycle: object) -> bool:
    if cycle is None or not getattr(user, "pk", None):
        return False
    return cycle.evaluators.filter(pk=user.pk).exists()  # type: ignore[attr-defined]


rules.add_perm("evaluation.view_cycles", is_centre_team | is_funder)
rules.add_perm("evaluation.view_cycle", is_centre_team | (is_funder & is_published_cycle))
rules.add_perm("evaluation.add_cycle", is_admin)
rules.add_perm("evaluation.change_cycle", is_admin | (is_evaluator & is_cycle_evaluator))
# The codebook and, later, the coded excerpts: the centre team reads, the cycle's editors change.
rules.add_perm("evaluation.view_codebook", is_centre_team)
rules.add_perm("evaluation.change_codebook", is_admin | (is_evaluator & is_cycle_evaluator))


@rules.predicate
def is_code_evaluator(user: object, code: object) -> bool:
    return is_cycle_evaluator(user, getattr(code, "cycle", None))


rules.add_perm("evaluation.change_code", is_admin | (is_evaluator & is_code_evaluator))


# Excerpts: the cycle's evaluators work on them, admins on all (an admin outside the cycle's
# evaluators reading them is audited, in the view through services.record_excerpt_read).
rules.add_perm("evaluation.work_on_excerpts", is_admin | (is_evaluator & is_cycle_evaluator))


@rules.predicate
def is_excerpt_evaluator(user: object, excerpt: object) -> bool:
    return is_cycle_evaluator(user, getattr(excerpt, "cycle", None))


rules.add_perm("evaluation.change_excerpt", is_admin | (is_evaluator & is_excerpt_evaluator))


# --- Themes, findings and recommendations (issue 14, point 3) -------------------------------
# Themes and their cross-confirmation are the cycle's editors' workbench. Findings of a cycle
# are read by admins and evaluators, by the process leaders and coaches of the cluster's
# coalitions and by the members of the cluster's projects; all but the cycle's editors read
# only the findings shared with the cluster (selectors.findings_of), never the excerpts.
# Recommendations owned by the projects are answered by the members of the cluster's projects;
# those owned by the centre by admins and the process leaders of the cluster's coalitions.


def _cluster_coalition_ids(cycle: Any) -> set[int]:
    ids = set(
        CoalitionProject.objects.filter(project__evaluation_cycles=cycle).values_list(
            "coalition_id", flat=True
        )
    )
    if cycle.coalition_id:
        ids.add(cycle.coalition_id)
    return ids


@rules.predicate
def works_with_cluster(user: Any, cycle: Any) -> bool:
    """A process leader or coach of one of the coalitions of the cycle's projects."""
    if cycle is None or not getattr(user, "is_authenticated", False):
        return False
    return coalitions_of_staff(user).filter(pk__in=_cluster_coalition_ids(cycle)).exists()


@rules.predicate
def is_cluster_member(user: Any, cycle: Any) -> bool:
    """A member of one of the cycle's projects."""
    if cycle is None or not getattr(user, "is_authenticated", False):
        return False
    return cycle.projects.filter(members__user_id=user.pk).exists()


@rules.predicate
def leads_cluster(user: Any, cycle: Any) -> bool:
    """A process leader of one of the coalitions of the cycle's projects."""
    if cycle is None or not getattr(user, "is_authenticated", False):
        return False
    return Coalition.objects.filter(
        pk__in=_cluster_coalition_ids(cycle), process_leaders=user.pk
    ).exists()


is_cycle_editor = is_admin | (is_evaluator & is_cycle_evaluator)

rules.add_perm("evaluation.change_themes", is_cycle_editor)
rules.add_perm("evaluation.change_findings", is_cycle_editor)
rules.add_perm(
    "evaluation.view_findings",
    is_reviewer | ((is_process_leader | is_coach) & works_with_cluster) | is_cluster_member,
)


def _finding_cycle(obj: Any) -> Any:
    finding = getattr(obj, "finding", obj)
    return getattr(finding, "cycle", None)


@rules.predicate
def edits_finding(user: Any, obj: Any) -> bool:
    """`obj` (a theme, a finding or a recommendation) belongs to a cycle `user` edits."""
    cycle = _finding_cycle(obj)
    return cycle is not None and bool(is_cycle_editor.test(user, cycle))


rules.add_perm("evaluation.change_theme", edits_finding)
rules.add_perm("evaluation.change_finding", edits_finding)


@rules.predicate
def answers_for_projects(user: Any, recommendation: Any) -> bool:
    if recommendation is None or not recommendation.for_projects:
        return False
    finding = recommendation.finding
    return finding.shared and bool(is_cluster_member.test(user, finding.cycle))


@rules.predicate
def answers_for_centre(user: Any, recommendation: Any) -> bool:
    if recommendation is None or recommendation.for_projects:
        return False
    finding = recommendation.finding
    if not finding.shared:
        return False
    return bool(is_admin.test(user)) or bool(
        (is_process_leader & leads_cluster).test(user, finding.cycle)
    )


rules.add_perm(
    "evaluation.answer_recommendation", is_admin | answers_for_projects | answers_for_centre
)
# The list of cycles with shared findings (the entry for projects, process leaders, coaches).
rules.add_perm(
    "evaluation.view_shared_findings",
    is_reviewer | is_process_leader | is_coach | has_any_membership,
)

# The yearly report: the cycle's editors write and publish it; published versions are public.
# A project's lead (or an admin) states whether the project may be named in published reports.
rules.add_perm("evaluation.change_report", is_cycle_editor)
rules.add_perm("evaluation.set_naming_consent", is_admin | is_project_lead)
# --- Surveys (issue 15) ---------------------------------------------------------------------
# The centre team reads a cycle's surveys and their questions; admins and the cycle's
# evaluators create, change, import and export them. Everyone else gets 404.


@rules.predicate
def is_survey_evaluator(user: object, survey: object) -> bool:
    return is_cycle_evaluator(user, getattr(survey, "cycle", None))


rules.add_perm("evaluation.view_surveys", is_centre_team)
rules.add_perm("evaluation.add_survey", is_admin | (is_evaluator & is_cycle_evaluator))
rules.add_perm("evaluation.view_survey", is_centre_team)
rules.add_perm("evaluation.change_survey", is_admin | (is_evaluator & is_survey_evaluator))


@rules.predicate
def is_question_evaluator(user: object, question: object) -> bool:
    survey = getattr(getattr(question, "version", None), "survey", None)
    return is_survey_evaluator(user, survey)


rules.add_perm(
    "evaluation.change_survey_question", is_admin | (is_evaluator & is_question_evaluator)
)


# Waves: the centre team reads a wave and its results; the cycle's editors change it, send
# links and reminders; a lead of one of the cycle's projects also sends links (for their own
# project); members of the cycle's projects answer it, logged in.


@rules.predicate
def is_wave_evaluator(user: object, wave: object) -> bool:
    return is_survey_evaluator(user, getattr(wave, "survey", None))


def _wave_projects(wave: object) -> Any:
    survey = getattr(wave, "survey", None)
    return survey.cycle.projects if survey is not None else None


@rules.predicate
def leads_a_wave_project(user: object, wave: object) -> bool:
    projects = _wave_projects(wave)
    if projects is None or not getattr(user, "pk", None):
        return False
    return bool(projects.filter(members__user=user, members__role="lead").exists())


@rules.predicate
def is_wave_project_member(user: object, wave: object) -> bool:
    projects = _wave_projects(wave)
    if projects is None or not getattr(user, "pk", None):
        return False
    return bool(projects.filter(members__user=user).exists())


is_wave_editor = is_admin | (is_evaluator & is_wave_evaluator)
rules.add_perm("evaluation.view_wave", is_centre_team)
rules.add_perm("evaluation.change_wave", is_wave_editor)
rules.add_perm("evaluation.invite_to_wave", is_wave_editor | leads_a_wave_project)
rules.add_perm("evaluation.answer_wave", is_wave_project_member)
