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
from samskapa.evaluation.selectors import coalitions_of_staff
from samskapa.projects.rules import has_any_membership, is_project_member


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
