"""The toolkit's pages, all under projects/<project_pk>/tools/.

`toolkit:overview` (kwargs project_pk) lists every tool with its state; with `?at=YYYY-MM-DD`
it shows every tool read-only as it was at the end of that day (from the tools' history).
Reading needs `projects.view_project`, writing `toolkit.change_tool` (members only); anyone
else gets 404.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts.models import User
from samskapa.core import pdf
from samskapa.projects.models import Project
from samskapa.toolkit import compare, present, selectors, services
from samskapa.toolkit.forms import FORMS, DateForm, SelfAssessmentForm, ToolForm
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    IndicatorValue,
    ParticipationActivity,
    ParticipationProfile,
    PartnerCollaboration,
    PrincipleWork,
    ProblemLink,
    ProblemNode,
    ProblemTree,
    SelfAssessment,
    SustainabilityPlan,
    TheoryOfChange,
)
from samskapa.toolkit.tools import EDITABLE_TOOL_KEYS, TOOLS, TOOLS_BY_KEY, guides_for

# Every kind of row a form edits: its model, the tool it belongs to, and whether the project
# has exactly one (edited in place) or many (added, edited and deleted one by one).
KINDS: dict[str, tuple[type[Model], str, bool]] = {
    "problem-tree": (ProblemTree, "problem_tree", True),
    "problem-node": (ProblemNode, "problem_tree", False),
    "problem-link": (ProblemLink, "problem_tree", False),
    "theory": (TheoryOfChange, "theory_of_change", True),
    "change-element": (ChangeElement, "theory_of_change", False),
    "change-link": (ChangeLink, "theory_of_change", False),
    "indicator": (Indicator, "indicators", False),
    "indicator-value": (IndicatorValue, "indicators", False),
    "actor": (Actor, "ecosystem_map", False),
    "relation": (ActorRelation, "ecosystem_map", False),
    "collaboration": (PartnerCollaboration, "collaboration", False),
    "participation": (ParticipationProfile, "participation", True),
    "activity": (ParticipationActivity, "participation", False),
    "principle": (PrincipleWork, "horizontal_principles", False),
    "sustainability": (SustainabilityPlan, "sustainability_plan", True),
}
ADD_FORMS = {
    tool: [kind for kind, (_m, t, single) in KINDS.items() if t == tool and not single]
    for tool in EDITABLE_TOOL_KEYS
}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _tool_url(project: Project, tool: str) -> str:
    return reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": tool})


def _kind(kind: str, *, single: bool) -> tuple[type[Model], str]:
    if kind not in KINDS or KINDS[kind][2] != single:
        raise Http404
    model, tool, _single = KINDS[kind]
    return model, tool


def _form(kind: str, project: Project, data: Any = None, instance: Any = None) -> ToolForm:
    return FORMS[kind](data, project=project, instance=instance, prefix=kind)


def _save(request: HttpRequest, form: ToolForm) -> bool:
    """Save a valid form through the service; its errors go to the form, nothing typed lost."""
    if not form.is_valid():
        return False
    try:
        services.save_tool_object(obj=form.save(commit=False), by=_user(request))
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


# --- Overview and history -----------------------------------------------------------------


def _summary(key: str, state: selectors.ToolState) -> int:
    counts = {
        "problem_tree": len(state.problem_nodes) + (state.problem_tree is not None),
        "theory_of_change": len(state.change_elements) + (state.theory is not None),
        "indicators": len(state.indicators),
        "ecosystem_map": len(state.relations)
        + sum(1 for a in state.actors if not a.organisation_id),
        "collaboration": len(state.collaborations),
        "participation": len(state.activities) + (state.participation is not None),
        "horizontal_principles": len(state.principles),
        "sustainability_plan": int(state.sustainability is not None),
    }
    return counts[key]


def overview(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    date_form = DateForm(request.GET if "at" in request.GET else None)
    at = selectors.end_of_day(date_form.cleaned_data["at"]) if date_form.is_valid() else None
    state = selectors.load_state(project, at=at)
    until = at.date() if at else None
    assessments = selectors.list_self_assessments(project=project, until=until)
    latest = assessments[0] if assessments else None
    tools = [
        {
            "tool": tool,
            "count": _summary(tool.key, state),
            "url": reverse(tool.url_name, kwargs=tool.url_kwargs(project.pk)),
            "data": present.for_tool(tool.key, state, f"at-{tool.key}") if at else None,
        }
        for tool in TOOLS
        if tool.key in EDITABLE_TOOL_KEYS
    ]
    context = {
        "project": project,
        "tools": tools,
        "at": at,
        "date_form": date_form,
        "self_assessment_tool": TOOLS_BY_KEY["self_assessment"],
        "assessment": present.self_assessment(
            latest, selectors.self_assessment_series(project=project, until=until)
        ),
        "can_change": not at and request.user.has_perm("toolkit.change_tool", project),
    }
    return render(request, "toolkit/overview.html", context)


def compare_view(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    today = timezone.localdate()
    form = DateForm(
        request.GET if "from" in request.GET else None,
        names=("from", "to", "tool"),
        initial={
            "from": today - timedelta(days=30),
            "to": today,
            "tool": request.GET.get("tool", ""),
        },
    )
    diffs = None
    if form.is_valid():
        before = selectors.load_state(project, at=selectors.end_of_day(form.cleaned_data["from"]))
        after = selectors.load_state(project, at=selectors.end_of_day(form.cleaned_data["to"]))
        diffs = compare.compare_states(before, after)
        if form.cleaned_data["tool"]:
            diffs = [diff for diff in diffs if diff.key == form.cleaned_data["tool"]]
    return render(
        request, "toolkit/compare.html", {"project": project, "form": form, "diffs": diffs}
    )


# --- The tools ----------------------------------------------------------------------------


def tool_detail(request: HttpRequest, project_pk: int, tool: str) -> HttpResponse:
    if tool not in EDITABLE_TOOL_KEYS:
        raise Http404
    project = selectors.get_project(request.user, project_pk, path=request.path)
    can_change = request.user.has_perm("toolkit.change_tool", project)
    if tool == "ecosystem_map":
        services.sync_partner_actors(project=project)
    state = selectors.load_state(project, tools=[tool])
    partners = selectors.partner_organisations(project) if tool == "collaboration" else None
    context = {
        "project": project,
        "tool": TOOLS_BY_KEY[tool],
        "guides": guides_for(tool, get_language() or "sv"),
        "data": present.for_tool(tool, state, "live", partners),
        "can_change": can_change,
        "forms": {kind.replace("-", "_"): _form(kind, project) for kind in ADD_FORMS[tool]}
        if can_change
        else {},
    }
    return render(request, f"toolkit/tool_{tool}.html", context)


@require_http_methods(["GET", "POST"])
def tool_edit(request: HttpRequest, project_pk: int, kind: str) -> HttpResponse:
    """The one-per-project part of a tool: the focal problem, the long-term goal, …"""
    model, tool = _kind(kind, single=True)
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    instance = model._default_manager.filter(project=project).first()
    form = _form(kind, project, request.POST or None, instance)
    if request.method == "POST" and _save(request, form):
        messages.success(request, _("Saved."))
        return redirect(_tool_url(project, tool))
    return render(request, "toolkit/element_form.html", _form_context(project, tool, kind, form))


def _form_context(
    project: Project, tool: str, kind: str, form: ToolForm, obj: Any = None
) -> dict[str, Any]:
    model = KINDS[kind][0]
    return {
        "project": project,
        "tool": TOOLS_BY_KEY[tool],
        "form": form,
        "obj": obj,
        "what": model._meta.verbose_name,
        "action": _action_url(project, kind, obj),
    }


def _action_url(project: Project, kind: str, obj: Any) -> str:
    if KINDS[kind][2]:
        return reverse("toolkit:tool-edit", kwargs={"project_pk": project.pk, "kind": kind})
    if obj is None:
        return reverse("toolkit:element-add", kwargs={"project_pk": project.pk, "kind": kind})
    return reverse(
        "toolkit:element-edit", kwargs={"project_pk": project.pk, "kind": kind, "pk": obj.pk}
    )


@require_http_methods(["GET", "POST"])
def element_add(request: HttpRequest, project_pk: int, kind: str) -> HttpResponse:
    _model, tool = _kind(kind, single=False)
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    form = _form(kind, project, request.POST or None)
    if request.method == "POST" and _save(request, form):
        messages.success(request, _("Added."))
        return redirect(_tool_url(project, tool))
    return render(request, "toolkit/element_form.html", _form_context(project, tool, kind, form))


def _element(project: Project, kind: str, pk: int) -> tuple[Any, str]:
    model, tool = _kind(kind, single=False)
    obj = model._default_manager.filter(project=project, pk=pk).first()
    if obj is None:
        raise Http404
    return obj, tool


@require_http_methods(["GET", "POST"])
def element_edit(request: HttpRequest, project_pk: int, kind: str, pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    obj, tool = _element(project, kind, pk)
    form = _form(kind, project, request.POST or None, obj)
    if request.method == "POST" and _save(request, form):
        messages.success(request, _("Saved."))
        return redirect(_tool_url(project, tool))
    return render(
        request, "toolkit/element_form.html", _form_context(project, tool, kind, form, obj)
    )


@require_POST
def element_delete(request: HttpRequest, project_pk: int, kind: str, pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    obj, tool = _element(project, kind, pk)
    services.delete_tool_object(obj=obj, by=_user(request))
    messages.success(request, _("Removed. The earlier version is kept in the history."))
    return redirect(_tool_url(project, tool))


# --- Self-assessment ----------------------------------------------------------------------


def self_assessment(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    assessments = selectors.list_self_assessments(project=project)
    context = {
        "project": project,
        "tool": TOOLS_BY_KEY["self_assessment"],
        "guides": guides_for("self_assessment", get_language() or "sv"),
        "assessments": assessments,
        "data": present.self_assessment(
            assessments[0] if assessments else None,
            selectors.self_assessment_series(project=project),
        ),
        "can_change": request.user.has_perm("toolkit.change_tool", project),
    }
    return render(request, "toolkit/self_assessment.html", context)


@require_http_methods(["GET", "POST"])
def self_assessment_add(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    form = SelfAssessmentForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_self_assessment(
                project=project,
                by=_user(request),
                ratings=form.ratings(),
                assessed_on=form.cleaned_data["assessed_on"],
                context=form.cleaned_data["context"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The self-assessment has been saved."))
            return redirect("toolkit:self-assessment", project_pk=project.pk)
    context = {"project": project, "tool": TOOLS_BY_KEY["self_assessment"], "form": form}
    return render(request, "toolkit/self_assessment_form.html", context)


@require_POST
def self_assessment_delete(request: HttpRequest, project_pk: int, pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    assessment = SelfAssessment.objects.filter(project=project, pk=pk).first()
    if assessment is None:
        raise Http404
    services.delete_self_assessment(assessment=assessment, by=_user(request))
    messages.success(request, _("The self-assessment has been removed."))
    return redirect("toolkit:self-assessment", project_pk=project.pk)


# --- Theory of change as PDF (samskapa.core.pdf; 404 where PDF is not available) ---------


def theory_pdf(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    state = selectors.load_state(project, tools=["theory_of_change"])
    return pdf.render_pdf(
        request,
        "toolkit/theory_print.html",
        {"project": project, "data": present.theory_of_change(state, "pdf")},
        title=f"{_('Theory of change')} · {project.name}",
        filename=f"theory-of-change-{project.number}.pdf",
    )
