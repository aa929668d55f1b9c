"""The toolkit's pages, all under projects/<project_pk>/tools/.

`toolkit:overview` (kwargs project_pk) lists every tool with its state; with `?at=YYYY-MM-DD`
it shows every tool read-only as it was at the end of that day (from the tools' history).
Reading needs `projects.view_project`, writing `toolkit.change_tool` (members only); anyone
else gets 404.

The views know no tool by name: `toolkit:tool` shows any registered tool
(samskapa/toolkit/registry.py), and the editing views find the part by its kind in the URL.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samskapa.core import pdf
from samskapa.core.pagecache import personal_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects.models import Project
from samskapa.toolkit import compare, registry, selectors, services
from samskapa.toolkit.forms import DateForm, ToolForm
from samskapa.toolkit.models import SelfAssessment
from samskapa.toolkit.registry import Part, Tool
from samskapa.toolkit.tools import self_assessment as self_assessment_tool


def _tool_url(project: Project, tool: Tool) -> str:
    return reverse(tool.url_name, kwargs=tool.url_kwargs(project.pk))


def _kind(kind: str, *, single: bool) -> tuple[Tool, Part]:
    found = registry.find_kind(kind)
    if found is None or found[1].single != single:
        raise Http404
    return found


def _form(part: Part, project: Project, data: Any = None, instance: Any = None) -> ToolForm:
    return part.form(data, project=project, instance=instance, prefix=part.kind)


def _save(request: AuthenticatedHttpRequest, form: ToolForm) -> bool:
    """Save a valid form through the service; its errors go to the form, nothing typed lost."""
    if not form.is_valid():
        return False
    try:
        services.save_tool_object(obj=form.save(commit=False), by=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


# --- Overview and history -----------------------------------------------------------------


def overview(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
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
            "count": tool.summary(state) if tool.summary else 0,
            "url": reverse(tool.url_name, kwargs=tool.url_kwargs(project.pk)),
            "data": tool.present(state, f"at-{tool.key}", False) if at and tool.present else None,
        }
        for tool in registry.state_tools()
    ]
    context = {
        "project": project,
        "tools": tools,
        "at": at,
        "date_form": date_form,
        "self_assessment_tool": self_assessment_tool.TOOL,
        "assessment": self_assessment_tool.present(
            latest, selectors.self_assessment_series(project=project, until=until)
        ),
        "can_change": not at and request.user.has_perm("toolkit.change_tool", project),
    }
    return render(request, "toolkit/overview.html", context)


def compare_view(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
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


def _htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (django-htmx's middleware sets `request.htmx`)."""
    return bool(getattr(request, "htmx", False))


def _back(project: Project, tool: Tool, part: Part) -> str:
    """Where a change of a part leads without JavaScript: the tool, at the part's section."""
    return f"{_tool_url(project, tool)}#{part.section}"


def _tool_page(
    request: AuthenticatedHttpRequest,
    project: Project,
    definition: Tool,
    bound: dict[str, ToolForm] | None = None,
) -> HttpResponse:
    """The tool's page, or (to an htmx request) only its body, the section `#tool-body` that
    every change of the tool swaps in place. `bound` replaces the empty add-form of a part by
    the form just posted, with its errors and everything typed."""
    assert definition.present is not None
    can_change = request.user.has_perm("toolkit.change_tool", project)
    if definition.on_open is not None:
        definition.on_open(project)
    state = selectors.load_state(project, tools=[definition.key])
    forms = (
        {part.kind.replace("-", "_"): _form(part, project) for part in definition.add_parts()}
        if can_change
        else {}
    )
    forms.update(bound or {})
    context = {
        "project": project,
        "tool": definition,
        "guides": selectors.guides_for(definition.key, get_language() or "sv"),
        "data": definition.present(state, "live", True),
        "can_change": can_change,
        "forms": forms,
        "base_template": "toolkit/tool_partial.html" if _htmx(request) else "base.html",
    }
    return render(request, definition.page_template, context)


@personal_cache
def tool_detail(request: AuthenticatedHttpRequest, project_pk: int, tool: str) -> HttpResponse:
    definition = next((t for t in registry.state_tools() if t.key == tool), None)
    if definition is None or definition.present is None:
        raise Http404
    project = selectors.get_project(request.user, project_pk, path=request.path)
    return _tool_page(request, project, definition)


def tool_diagram(request: AuthenticatedHttpRequest, project_pk: int, tool: str) -> HttpResponse:
    """A tool's diagram alone, as wide as the window: for a diagram too wide for its page."""
    definition = next((t for t in registry.state_tools() if t.key == tool), None)
    if definition is None or definition.present is None or not definition.diagram:
        raise Http404
    project = selectors.get_project(request.user, project_pk, path=request.path)
    state = selectors.load_state(project, tools=[definition.key])
    context = {
        "project": project,
        "tool": definition,
        "data": definition.present(state, "full", False),
        "diagram_template": f"toolkit/includes/diagram_{definition.key}.html",
    }
    return render(request, "toolkit/diagram_full.html", context)


@require_http_methods(["GET", "POST"])
def tool_edit(request: AuthenticatedHttpRequest, project_pk: int, kind: str) -> HttpResponse:
    """The one-per-project part of a tool: the focal problem, the long-term goal, …"""
    tool, part = _kind(kind, single=True)
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    instance = part.model._default_manager.filter(project=project).first()
    return _edit(request, project, tool, part, instance, _("Saved."))


@require_http_methods(["GET", "POST"])
def element_add(request: AuthenticatedHttpRequest, project_pk: int, kind: str) -> HttpResponse:
    """A new row. From the tool's page with htmx the answer is the tool's body, with the new
    row or with the form's errors; without JavaScript a redirect to the part's section."""
    tool, part = _kind(kind, single=False)
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    if request.method == "POST" and _htmx(request):
        form = _form(part, project, request.POST)
        if _save(request, form):
            messages.success(request, _("Added."))
            return _tool_page(request, project, tool)
        return _tool_page(request, project, tool, bound={part.kind.replace("-", "_"): form})
    return _edit(request, project, tool, part, None, _("Added."))


@require_http_methods(["GET", "POST"])
def element_edit(
    request: AuthenticatedHttpRequest, project_pk: int, kind: str, pk: int
) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    tool, part, obj = _element(project, kind, pk)
    if _htmx(request):
        return _edit_in_place(request, project, tool, part, obj)
    return _edit(request, project, tool, part, obj, _("Saved."), obj=obj)


def _edit_in_place(
    request: AuthenticatedHttpRequest, project: Project, tool: Tool, part: Part, obj: Any
) -> HttpResponse:
    """With htmx the form of a row opens in a dialog over the tool's page (#edit-slot); saved,
    the tool's body is swapped; with errors the dialog comes back with everything typed."""
    # Ids of their own: the page's add-form of the same part has the same fields.
    form = part.form(
        request.POST or None, project=project, instance=obj, prefix=part.kind, auto_id="edit_%s"
    )
    if request.method == "POST" and _save(request, form):
        messages.success(request, _("Saved."))
        return _tool_page(request, project, tool)
    context = {
        "project": project,
        "form": form,
        "what": part.model._meta.verbose_name,
        "action": _action_url(project, part, obj),
        "back": _back(project, tool, part),
    }
    response = render(request, "toolkit/includes/edit_dialog.html", context)
    if request.method == "POST":
        response["HX-Retarget"] = "#edit-slot"
        response["HX-Reswap"] = "innerHTML"
    return response


@require_http_methods(["GET", "POST"])
def element_delete(
    request: AuthenticatedHttpRequest, project_pk: int, kind: str, pk: int
) -> HttpResponse:
    """GET asks for confirmation (a page, or with htmx a small step in the row's place);
    POST removes the row and goes back to the part's section (or swaps the tool's body)."""
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    tool, part, obj = _element(project, kind, pk)
    if request.method == "POST":
        services.delete_tool_object(obj=obj, by=request.user)
        messages.success(request, _("Removed. The earlier version is kept in the history."))
        if _htmx(request):
            return _tool_page(request, project, tool)
        return redirect(_back(project, tool, part))
    context = {
        "project": project,
        "tool": tool,
        "obj": obj,
        "kind": part.kind,
        "what": part.model._meta.verbose_name,
        "label": describe(obj),
        "back": _back(project, tool, part),
        "tool_url": _tool_url(project, tool),
    }
    template = (
        "toolkit/includes/confirm_delete.html" if _htmx(request) else "toolkit/confirm_delete.html"
    )
    return render(request, template, context)


def describe(obj: Any) -> str:
    """How a row is named when the person is asked to confirm: its text or name, or for a
    link the two ends ("Few buses → Long travel times")."""
    for name in ("text", "name", "title"):
        value = getattr(obj, name, "")
        if value:
            return str(value)
    ends = [
        str(getattr(obj, f.name))
        for f in obj._meta.concrete_fields
        if f.is_relation and f.name != "project" and getattr(obj, f.attname) is not None
    ]
    return " → ".join(ends) if ends else str(obj)


def _element(project: Project, kind: str, pk: int) -> tuple[Tool, Part, Any]:
    tool, part = _kind(kind, single=False)
    obj = part.model._default_manager.filter(project=project, pk=pk).first()
    if obj is None:
        raise Http404
    return tool, part, obj


def _edit(
    request: AuthenticatedHttpRequest,
    project: Project,
    tool: Tool,
    part: Part,
    instance: Any,
    done: str,
    obj: Any = None,
) -> HttpResponse:
    """The form of one row: saved through the service and back to the part's section of the
    tool, or shown again with its errors and everything typed.

    `instance` is the row the form changes (None: a new one); `obj` the row the page is about
    (None for a part kept once per project, which is edited at the same address either way).
    """
    form = _form(part, project, request.POST or None, instance)
    if request.method == "POST" and _save(request, form):
        messages.success(request, done)
        return redirect(_back(project, tool, part))
    context = {
        "project": project,
        "tool": tool,
        "form": form,
        "obj": obj,
        "what": part.model._meta.verbose_name,
        "action": _action_url(project, part, obj),
        "back": _back(project, tool, part),
    }
    return render(request, "toolkit/element_form.html", context)


def _action_url(project: Project, part: Part, obj: Any) -> str:
    if part.single:
        return reverse("toolkit:tool-edit", kwargs={"project_pk": project.pk, "kind": part.kind})
    if obj is None:
        return reverse("toolkit:element-add", kwargs={"project_pk": project.pk, "kind": part.kind})
    return reverse(
        "toolkit:element-edit", kwargs={"project_pk": project.pk, "kind": part.kind, "pk": obj.pk}
    )


# --- Self-assessment ----------------------------------------------------------------------


def self_assessment(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    assessments = selectors.list_self_assessments(project=project)
    context = {
        "project": project,
        "tool": self_assessment_tool.TOOL,
        "guides": selectors.guides_for("self_assessment", get_language() or "sv"),
        "assessments": assessments,
        "data": self_assessment_tool.present(
            assessments[0] if assessments else None,
            selectors.self_assessment_series(project=project),
        ),
        "can_change": request.user.has_perm("toolkit.change_tool", project),
    }
    return render(request, self_assessment_tool.TOOL.page_template, context)


@require_http_methods(["GET", "POST"])
def self_assessment_add(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    form = self_assessment_tool.SelfAssessmentForm(
        request.POST or None, initial={"assessed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_self_assessment(
                project=project,
                by=request.user,
                ratings=form.ratings(),
                assessed_on=form.cleaned_data["assessed_on"],
                context=form.cleaned_data["context"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The self-assessment has been saved."))
            return redirect("toolkit:self-assessment", project_pk=project.pk)
    context = {"project": project, "tool": self_assessment_tool.TOOL, "form": form}
    return render(request, "toolkit/self_assessment_form.html", context)


@require_http_methods(["GET", "POST"])
def self_assessment_delete(
    request: AuthenticatedHttpRequest, project_pk: int, pk: int
) -> HttpResponse:
    """GET asks for confirmation, POST removes the self-assessment."""
    project = selectors.get_project(request.user, project_pk, change=True, path=request.path)
    assessment = SelfAssessment.objects.filter(project=project, pk=pk).first()
    if assessment is None:
        raise Http404
    back = reverse("toolkit:self-assessment", kwargs={"project_pk": project.pk})
    if request.method == "POST":
        services.delete_self_assessment(assessment=assessment, by=request.user)
        messages.success(request, _("The self-assessment has been removed."))
        return redirect(back)
    context = {
        "project": project,
        "tool": self_assessment_tool.TOOL,
        "what": SelfAssessment._meta.verbose_name,
        "label": date_format(assessment.assessed_on),
        "back": back,
    }
    return render(request, "toolkit/confirm_delete.html", context)


# --- Theory of change as PDF (samskapa.core.pdf; 404 where PDF is not available) ---------


def theory_pdf(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.get_project(request.user, project_pk, path=request.path)
    tool = registry.get("theory_of_change")
    assert tool.present is not None
    state = selectors.load_state(project, tools=[tool.key])
    return pdf.render_pdf(
        request,
        "toolkit/theory_print.html",
        {"project": project, "data": tool.present(state, "pdf", True)},
        title=f"{_('Theory of change')} · {project.name}",
        filename=f"theory-of-change-{project.number}.pdf",
    )
