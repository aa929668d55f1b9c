"""Pages of themes, findings and recommendations (issue 14, point 3): the evaluators'
workbench (themes with their cross-confirmation, findings with their evidence) and what the
cluster reads and answers (shared findings and their recommendations)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts.rules import is_admin
from samskapa.core.access import get_object_for_user
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.evaluation import selectors, services
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.disclosure import is_internal
from samskapa.evaluation.findings import Finding, Recommendation, Theme
from samskapa.evaluation.forms_findings import (
    AnswerForm,
    FindingForm,
    RecommendationForm,
    ThemeForm,
)
from samskapa.evaluation.selectors_surveys import finding_survey_figures


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _cycle(request: AuthenticatedHttpRequest, pk: int, perm: str) -> EvaluationCycle:
    return get_object_for_user(
        EvaluationCycle.objects.select_related("call", "coalition"),
        user=request.user,
        perm=perm,
        pk=pk,
        path=request.path,
    )


# --- Themes ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def themes(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The cycle's themes with their cross-confirmation and the theme × project matrix; the
    form adds a theme."""
    cycle = _cycle(request, pk, "evaluation.change_themes")
    form = ThemeForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_theme(
                theme=form.save(commit=False), codes=form.cleaned_data["codes"], by=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The theme has been added."))
            return redirect("evaluation:themes", pk=cycle.pk)
    items = selectors.themes_of(cycle)
    evidence = selectors.theme_evidence(cycle, items)
    return render(
        request,
        "evaluation/findings/themes.html",
        {
            "cycle": cycle,
            "themes": [(theme, evidence[theme.pk]) for theme in items],
            "matrix": selectors.theme_matrix(cycle, items, evidence),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = get_object_for_user(
        Theme.objects.select_related("cycle"),
        user=request.user,
        perm="evaluation.change_theme",
        pk=pk,
        path=request.path,
    )
    form = ThemeForm(request.POST or None, instance=theme, cycle=theme.cycle)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_theme(
                theme=form.save(commit=False), codes=form.cleaned_data["codes"], by=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The theme has been saved."))
            return redirect("evaluation:themes", pk=theme.cycle_id)
    return render(
        request,
        "evaluation/findings/theme_form.html",
        {"form": form, "theme": theme, "cycle": theme.cycle},
        status=400 if form.errors else 200,
    )


# --- Findings -------------------------------------------------------------------------------


@login_required
def findings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The cycle's findings with their evidence and recommendations. The cycle's editors see
    drafts too; those who work on excerpts see the excerpts (audited when outside the cycle's
    evaluators); everyone else reads the findings shared with the cluster."""
    cycle = _cycle(request, pk, "evaluation.view_findings")
    user = request.user
    can_change = user.has_perm("evaluation.change_findings", cycle)
    shows_excerpts = user.has_perm("evaluation.work_on_excerpts", cycle)
    items = selectors.findings_of(cycle, drafts=can_change)
    if shows_excerpts and any(f.excerpts.all() for f in items):
        services.record_excerpt_read(cycle=cycle, by=user, path=request.path)
    figures = selectors.finding_figures(cycle, items, user)
    survey_figures = finding_survey_figures(items, internal=is_internal(user))
    # Whether the person may answer depends only on the owner and on the finding being shared
    # (all of one cycle), so the rule is asked once for each kind, not for every one.
    answers: dict[tuple[str, bool], bool] = {}

    def may_answer(recommendation: Recommendation) -> bool:
        key = (recommendation.owner, recommendation.finding.shared)
        if key not in answers:
            answers[key] = user.has_perm("evaluation.answer_recommendation", recommendation)
        return answers[key]

    rows = [
        {
            "finding": finding,
            "figures": figures[finding.pk],
            "survey_figures": survey_figures[finding.pk],
            "excerpt_projects": len({e.project_id for e in finding.excerpts.all()}),
            "recommendations": [
                (
                    rec,
                    selectors.latest_responses(rec),
                    may_answer(rec),
                )
                for rec in finding.recommendations.all()
            ],
        }
        for finding in items
    ]
    return render(
        request,
        "evaluation/findings/findings.html",
        {
            "cycle": cycle,
            "rows": rows,
            "can_change": can_change,
            "shows_excerpts": shows_excerpts,
            "internal": is_internal(user),
            "can_view_cycles": user.has_perm("evaluation.view_cycle", cycle),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def finding_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.change_findings")
    return _finding_form(request, cycle, Finding(cycle=cycle))


@login_required
@require_http_methods(["GET", "POST"])
def finding_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    finding = get_object_for_user(
        Finding.objects.select_related("cycle"),
        user=request.user,
        perm="evaluation.change_finding",
        pk=pk,
        path=request.path,
    )
    return _finding_form(request, finding.cycle, finding)


def _finding_form(
    request: AuthenticatedHttpRequest, cycle: EvaluationCycle, finding: Finding
) -> HttpResponse:
    form = FindingForm(request.POST or None, instance=finding, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            finding = services.save_finding(
                finding=form.save(commit=False),
                excerpts=data["excerpts"],
                indicators=data["indicators"],
                survey_questions=data["survey_questions"],
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The finding has been saved."))
            return redirect(finding.get_absolute_url())
    if request.method == "GET":
        services.record_excerpt_read(cycle=cycle, by=request.user, path=request.path)
    recommendation_form = RecommendationForm(finding=finding) if finding.pk else None
    return render(
        request,
        "evaluation/findings/finding_form.html",
        {
            "form": form,
            "finding": finding.pk and finding,
            "cycle": cycle,
            "recommendation_form": recommendation_form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def recommendation_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    finding = get_object_for_user(
        Finding.objects.select_related("cycle"),
        user=request.user,
        perm="evaluation.change_finding",
        pk=pk,
        path=request.path,
    )
    form = RecommendationForm(request.POST, finding=finding)
    if form.is_valid():
        services.add_recommendation(recommendation=form.save(commit=False), by=request.user)
        messages.success(request, _("The recommendation has been added."))
        return redirect(finding.get_absolute_url())
    return render(
        request,
        "evaluation/findings/finding_form.html",
        {
            "form": FindingForm(instance=finding, cycle=finding.cycle),
            "finding": finding,
            "cycle": finding.cycle,
            "recommendation_form": form,
        },
        status=400,
    )


# --- Answers to recommendations -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A project of the cluster, or the centre, answers a recommendation it owns."""
    recommendation = get_object_for_user(
        Recommendation.objects.select_related("finding__cycle"),
        user=request.user,
        perm="evaluation.answer_recommendation",
        pk=pk,
        path=request.path,
    )
    cycle = recommendation.finding.cycle
    projects = None
    if recommendation.for_projects:
        # A member answers for their own projects of the cluster; an admin for any of them.
        projects = cycle.projects.order_by("number")
        if not is_admin(request.user):
            projects = projects.filter(members__user_id=request.user.pk).distinct()
    form = AnswerForm(request.POST or None, projects=projects)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_recommendation(
                recommendation=recommendation,
                project=data.get("project"),
                status=data["status"],
                comment=data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your answer has been saved."))
            return redirect(recommendation.finding.get_absolute_url())
    return render(
        request,
        "evaluation/findings/answer_form.html",
        {
            "form": form,
            "recommendation": recommendation,
            "finding": recommendation.finding,
            "cycle": cycle,
            "can_view_cycles": request.user.has_perm("evaluation.view_cycle", cycle),
        },
        status=400 if form.errors else 200,
    )


@permission_required("evaluation.view_shared_findings", raise_exception=True)
def my_findings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The cycles whose findings, shared with the cluster, the person may read."""
    return render(
        request,
        "evaluation/findings/my_findings.html",
        {
            "cycles": selectors.cycles_with_findings_for(request.user),
            "led": selectors.projects_led_by(request.user),
        },
    )
