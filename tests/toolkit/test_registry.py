"""The toolkit's registry: every tool is complete, and a tool that is only registered (one
definition and its two templates, nothing else) appears on every page that lists the tools."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext_lazy

from samskapa.library.enums import ToolKey
from samskapa.projects.models import Project
from samskapa.toolkit import registry, selectors, services
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import ProblemTree, SustainabilityPlan
from samskapa.toolkit.registry import Part, RegistryError, Tool, count_rows
from tests.access.pages_toolkit import PAGES
from tests.factories import toolkit as make
from tests.factories.projects import ProjectFactory, lead_of

# --- Every registered tool is complete ----------------------------------------------------


@pytest.mark.parametrize("tool", registry.tools(), ids=lambda tool: tool.key)
def test_every_tool_has_its_templates_and_pieces(tool: Tool) -> None:
    get_template(tool.page_template)
    get_template(tool.show_template)
    reverse(tool.url_name, kwargs=tool.url_kwargs(1))
    assert str(tool.name) and str(tool.guide)
    if not tool.has_state:
        return  # the self-assessment: dated records with pages of their own
    assert tool.present is not None and tool.summary is not None
    for part in tool.parts:
        assert part.form._meta.model is part.model
        assert hasattr(part.model, "history"), f"{part.model.__name__} keeps no history"
        assert any(f.name == "project" for f in part.model._meta.fields)
    for attr in tool.reads:
        assert registry.part_for_attr(attr) is not None, f"{tool.key} reads unknown {attr}"


def test_the_library_tags_guides_with_the_same_tool_keys() -> None:
    assert set(ToolKey.values) == {tool.key for tool in registry.tools()}


def test_every_tool_and_part_has_rows_in_the_access_matrix() -> None:
    declared = {(page.name, page.variant) for page in PAGES}
    for tool in registry.state_tools():
        assert ("toolkit:tool", tool.key) in declared
        for part in tool.parts:
            name = "toolkit:tool-edit" if part.single else "toolkit:element-add"
            assert (name, part.kind) in declared, f"{name} {part.kind} is not in the matrix"


def test_a_tool_or_a_part_is_registered_once() -> None:
    theory = registry.get("theory_of_change")
    with pytest.raises(RegistryError):
        registry.register(theory)
    copy_of_a_part = Tool("another", "Another", None, "", 99, parts=(theory.parts[0],))
    with pytest.raises(RegistryError):
        registry.register(copy_of_a_part)
    assert "another" not in {tool.key for tool in registry.tools()}


def test_a_part_not_loaded_reads_as_empty(db: Any) -> None:
    state = selectors.load_state(ProjectFactory(), tools=["collaboration"])
    assert state.collaborations == [] and state.theory is None and state.problem_nodes == []
    with pytest.raises(AttributeError):
        state.no_such_part  # noqa: B018


@pytest.mark.parametrize(
    ("kind", "build"),
    [
        ("problem-link", lambda project: make.cause(project)),
        ("change-link", lambda project: make.element(project)),
        ("relation", lambda project: make.actor(project)),
    ],
)
def test_a_link_from_a_row_to_itself_is_refused_at_the_second_field(
    db: Any, kind: str, build: Any
) -> None:
    project = ProjectFactory()
    row = build(project)
    found = registry.find_kind(kind)
    assert found is not None
    form_class = found[1].form
    first, second, _message = form_class.different or ("", "", "")
    data = {f"{kind}-{first}": row.pk, f"{kind}-{second}": row.pk}
    data |= {f"{kind}-kind": "funding", f"{kind}-strength": 2}  # the relation's other fields
    form = form_class(data, project=project, prefix=kind)
    assert not form.is_valid()
    assert list(form.errors) == [second]


# --- A tool that is only registered -------------------------------------------------------


class ExitPlanForm(ToolForm):
    class Meta:
        model = SustainabilityPlan
        fields = ["takeover", "risks"]
        widgets = {"takeover": TEXT, "risks": TEXT}


def _present(state: Any, uid: str, live: bool) -> dict[str, Any]:
    return {"plan": state.exit_plan, "live": live, "is_empty": state.exit_plan is None}


EXIT_PLAN = Tool(
    key="exit_plan",
    name=gettext_lazy("Exit plan"),
    focus_area=None,
    guide=gettext_lazy("Say who takes over."),
    order=85,
    parts=(Part("exit-plan", "exit_plan", SustainabilityPlan, ExitPlanForm, single=True),),
    present=_present,
    summary=count_rows("exit_plan"),
)
TEMPLATES = {
    "toolkit/tool_exit_plan.html": (
        '{% extends "toolkit/tool_base.html" %}{% block tool %}'
        "<a href=\"{% url 'toolkit:tool-edit' project.pk 'exit-plan' %}\">Write it</a>"
        '{% include "toolkit/includes/show_exit_plan.html" %}{% endblock %}'
    ),
    "toolkit/includes/show_exit_plan.html": (
        "<p>Taken over by: {{ data.plan.takeover|default:'nobody yet' }} "
        "({% if data.live %}live{% else %}as of a date{% endif %})</p>"
    ),
}


@pytest.fixture
def exit_plan(settings: Any) -> Iterator[Tool]:
    """The exit plan in place of the sustainability plan (a part's model belongs to one
    tool), with its two templates in memory."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        ("django.template.loaders.locmem.Loader", TEMPLATES),
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates
    replaced = registry.unregister("sustainability_plan")
    registry.register(EXIT_PLAN)
    yield EXIT_PLAN
    registry.unregister(EXIT_PLAN.key)
    registry.register(replaced)


@pytest.fixture
def project(db: Any) -> Project:
    return ProjectFactory(name="Vägen vidare")


def _english_client(client_for: Any, user: Any) -> Any:
    return client_for(user)  # under the autouse English fixture: the /en/ addresses


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=UTC)


def test_a_registered_tool_is_listed_written_shown_and_compared(
    exit_plan: Tool, project: Project, client_for: Any
) -> None:
    client = _english_client(client_for, lead_of(project))
    overview = reverse("toolkit:overview", args=[project.pk])
    assert "Exit plan" in client.get(overview).content.decode()

    page = client.get(reverse("toolkit:tool", args=[project.pk, "exit_plan"]))
    assert page.status_code == 200
    assert "Say who takes over." in page.content.decode()
    assert "Taken over by: nobody yet (live)" in page.content.decode()

    edit = reverse("toolkit:tool-edit", args=[project.pk, "exit-plan"])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"exit-plan-takeover": "Kommunen", "exit-plan-risks": ""})
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("toolkit:tool", args=[project.pk, "exit_plan"]) + "#part-exit-plan"
    )
    assert SustainabilityPlan.objects.get(project=project).takeover == "Kommunen"
    content = client.get(overview).content.decode()
    assert "1 part filled in" in content


def test_a_registered_tool_has_history_and_a_comparison(
    exit_plan: Tool, project: Project, client_for: Any
) -> None:
    lead = lead_of(project)
    plan = SustainabilityPlan(project=project, takeover="Kommunen")
    services.save_tool_object(obj=plan, by=lead, when=_at("2026-03-02"))
    plan.risks = "Budgeten för 2028"
    services.save_tool_object(obj=plan, by=lead, when=_at("2026-05-04"))
    client = _english_client(client_for, lead)

    dated = client.get(reverse("toolkit:overview", args=[project.pk]) + "?at=2026-04-01")
    assert "Taken over by: Kommunen (as of a date)" in dated.content.decode()

    compare = reverse("toolkit:compare", args=[project.pk])
    added = client.get(compare + "?from=2026-03-01&to=2026-04-01&tool=exit_plan").context
    [diff] = added["diffs"]
    assert (diff.name, [a.label for a in diff.added]) == ("Exit plan", ["sustainability plan"])
    changed = client.get(compare + "?from=2026-04-01&to=2026-06-01&tool=exit_plan").context
    [diff] = changed["diffs"]
    assert [(f.field, f.old, f.new) for f in diff.changed[0].fields] == [
        ("Risks and how they are handled", "", "Budgeten för 2028")
    ]


def test_a_registered_tool_is_on_the_member_s_home(
    exit_plan: Tool, project: Project, client_for: Any
) -> None:
    lead = lead_of(project)
    services.save_tool_object(obj=ProblemTree(project=project, focal_problem="P"), by=lead)
    home = _english_client(client_for, lead).get(reverse("core:dashboard")).content.decode()
    tool_page = reverse("toolkit:tool", args=[project.pk, "exit_plan"])
    assert f'<a href="{tool_page}">Exit plan</a>' in home
    # Started tools are not listed; the sustainability plan is no longer registered.
    assert "Problem tree</a>" not in home and "Sustainability plan" not in home
