"""Editing a tool in place: back to the part's section, htmx swaps the tool's body, removing
asks first, link lists offer only what may be linked, and constraints come back as form errors
that say what to change, with everything typed kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from samskapa.toolkit import registry
from samskapa.toolkit.models import (
    ChangeElement,
    ChangeLink,
    ProblemLink,
    ProblemNode,
)
from tests.factories import toolkit as make
from tests.factories.projects import lead_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def tool_url(project: Any, tool: str) -> str:
    return reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": tool})


def add_url(project: Any, kind: str) -> str:
    return reverse("toolkit:element-add", kwargs={"project_pk": project.pk, "kind": kind})


def delete_url(project: Any, kind: str, pk: int) -> str:
    return reverse("toolkit:element-delete", args=[project.pk, kind, pk])


def post(client: Any, url: str, prefix: str, /, headers: Any = None, **data: Any) -> Any:
    return client.post(
        url, {f"{prefix}-{key}": value for key, value in data.items()}, **(headers or {})
    )


# --- Back where the person was ------------------------------------------------------------


def test_adding_without_javascript_goes_back_to_the_parts_section(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    response = post(
        client, add_url(project, "problem-node"), "problem-node", kind="effect", text="Oro"
    )
    assert response.status_code == 302
    assert response["Location"] == tool_url(project, "problem_tree") + "#part-problem-node"


def test_editing_and_removing_go_back_to_the_parts_section(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    first, second = make.element(project, "activity", "Verkstäder"), make.element(project)
    link = make.change_link(first, second)
    edit = reverse("toolkit:element-edit", args=[project.pk, "change-element", first.pk])
    response = post(client, edit, "change-element", kind="activity", text="Verkstäder i byn")
    assert response["Location"] == tool_url(project, "theory_of_change") + "#part-change-element"
    response = client.post(delete_url(project, "change-link", link.pk))
    assert response["Location"] == tool_url(project, "theory_of_change") + "#part-change-link"
    # The section is there to come back to.
    make.change_link(first, second)
    page = client.get(tool_url(project, "theory_of_change")).content.decode()
    assert 'id="part-change-element"' in page and 'id="part-change-link"' in page


def test_every_part_has_its_section_on_the_tool_page(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    cause, effect = make.cause(project), make.effect(project)
    make.problem_link(cause, effect)
    make.ProblemTreeFactory(project=project)
    activity, outcome = make.element(project, "activity"), make.element(project)
    make.change_link(activity, outcome)
    make.TheoryOfChangeFactory(project=project)
    for tool in registry.state_tools():
        page = client.get(tool_url(project, tool.key)).content.decode()
        for part in tool.parts:
            assert f'id="{part.section}"' in page, (tool.key, part.kind)


def test_htmx_add_answers_with_the_tools_body_only(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    response = post(
        client,
        add_url(project, "problem-node"),
        "problem-node",
        headers=HTMX,
        kind="cause",
        text="Få bussar",
        level="structural",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="tool-body"')
    assert "<html" not in html and "site-header" not in html
    assert "Få bussar" in html and "Added." in html
    assert ProblemNode.objects.filter(project=project, text="Få bussar").exists()


def test_htmx_add_with_an_error_keeps_what_was_typed_in_the_body(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    response = post(
        client,
        add_url(project, "problem-node"),
        "problem-node",
        headers=HTMX,
        kind="cause",
        text="Utan nivå",
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="tool-body"')
    assert "Choose the level of the cause." in html
    assert 'value="Utan nivå"' in html
    assert not ProblemNode.objects.filter(project=project).exists()


def test_htmx_tool_page_is_the_body_and_a_full_request_the_whole_page(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    full = client.get(tool_url(project, "ecosystem_map")).content.decode()
    partial = client.get(tool_url(project, "ecosystem_map"), **HTMX).content.decode()
    assert "<html" in full and 'id="tool-body"' in full
    assert "<html" not in partial and partial.lstrip().startswith('<div id="tool-body"')


# --- Removing asks first ------------------------------------------------------------------


def test_removing_asks_for_confirmation_first(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    node = make.cause(project, "Långa väntetider")
    url = delete_url(project, "problem-node", node.pk)
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Do you want to remove “Långa väntetider”?" in html
    assert f'action="{url}"' in html
    assert ProblemNode.objects.filter(pk=node.pk).exists()  # GET removed nothing
    # The tool's page links to the question instead of removing at once.
    tool_page = client.get(tool_url(project, "problem_tree")).content.decode()
    assert f'href="{url}"' in tool_page
    assert f'<form method="post" action="{url}"' not in tool_page
    client.post(url)
    assert not ProblemNode.objects.filter(pk=node.pk).exists()


def test_htmx_confirmation_is_a_small_step_in_the_rows_place(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    first, second = make.cause(project, "Få bussar"), make.effect(project, "Isolering")
    link = make.problem_link(first, second)
    url = delete_url(project, "problem-link", link.pk)
    html = client.get(url, **HTMX).content.decode()
    assert "<html" not in html and "confirm-delete" in html
    assert "Remove “Få bussar → Isolering”?" in html
    assert f'hx-post="{url}"' in html and 'hx-target="#tool-body"' in html
    assert ProblemLink.objects.filter(pk=link.pk).exists()
    response = client.post(url, **HTMX)
    assert response.content.decode().lstrip().startswith('<div id="tool-body"')
    assert not ProblemLink.objects.filter(pk=link.pk).exists()


def test_nobody_else_reaches_the_confirmation(login: Any, other_member: Any, project: Any) -> None:
    node = make.cause(project)
    response = login(other_member).get(delete_url(project, "problem-node", node.pk))
    assert response.status_code == 404


# --- Link lists offer what may be linked --------------------------------------------------


def test_change_link_lists_offer_only_the_chain(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    activity = make.element(project, "activity", "Verkstäder")
    output = make.element(project, "output", "En plan")
    assumption = make.element(project, "assumption", "Arbetsgivarna finns kvar")
    html = client.get(tool_url(project, "theory_of_change")).content.decode()
    source = html.split('name="change-link-source"')[1].split("</select>")[0]
    target = html.split('name="change-link-target"')[1].split("</select>")[0]
    assert f'value="{activity.pk}"' in source and f'value="{output.pk}"' in source
    assert f'value="{activity.pk}"' not in target  # nothing contributes to an activity
    assert f'value="{output.pk}"' in target
    assert f'value="{assumption.pk}"' not in source + target


def test_change_link_backwards_is_refused_in_the_form(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    output = make.element(project, "output", "En plan")
    outcome = make.element(project, "outcome", "Tilltro", horizon="medium")
    response = post(
        client,
        add_url(project, "change-link"),
        "change-link",
        source=outcome.pk,
        target=output.pk,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "further along the chain" in html
    assert f'<option value="{outcome.pk}" selected>' in html
    assert not ChangeLink.objects.exists()


def test_problem_link_lists_are_grouped_and_an_effect_cannot_lead_to_a_cause(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    cause, effect = make.cause(project, "Få bussar"), make.effect(project, "Isolering")
    html = client.get(tool_url(project, "problem_tree")).content.decode()
    select = html.split('name="problem-link-cause"')[1].split("</select>")[0]
    assert '<optgroup label="Cause">' in select and '<optgroup label="Effect">' in select
    response = post(
        client, add_url(project, "problem-link"), "problem-link", cause=effect.pk, effect=cause.pk
    )
    assert "An effect cannot lead to a cause." in response.content.decode()
    assert not ProblemLink.objects.exists()


# --- Constraints come back as form errors -------------------------------------------------


def test_duplicate_link_is_a_form_error_not_a_constraint(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    cause, effect = make.cause(project), make.effect(project)
    make.problem_link(cause, effect)
    response = post(
        client, add_url(project, "problem-link"), "problem-link", cause=cause.pk, effect=effect.pk
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "These two are already linked." in html
    assert "violated" not in html and "already exists" not in html
    assert f'<option value="{cause.pk}" selected>' in html
    assert ProblemLink.objects.count() == 1


def test_link_to_itself_names_the_field_once(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    activity = make.element(project, "output", "En plan")
    response = post(
        client,
        add_url(project, "change-link"),
        "change-link",
        source=activity.pk,
        target=activity.pk,
    )
    html = response.content.decode()
    assert html.count("Choose another element than the first one.") == 2  # summary and field
    assert "violated" not in html


def test_a_level_on_an_effect_is_dropped_not_a_constraint_error(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    response = post(
        client,
        add_url(project, "problem-node"),
        "problem-node",
        kind="effect",
        text="Oro",
        level="structural",
    )
    assert response.status_code == 302
    assert ProblemNode.objects.get(project=project, text="Oro").level == ""
    response = post(
        client,
        add_url(project, "change-element"),
        "change-element",
        kind="activity",
        text="Verkstäder",
        horizon="long",
    )
    assert response.status_code == 302
    assert ChangeElement.objects.get(project=project, text="Verkstäder").horizon == ""


def test_constraint_messages_are_in_swedish_and_say_what_to_change(
    client_for: Any, project: Any
) -> None:
    """A Swedish page never shows Django's "Begränsningen … överträds"."""
    client = client_for(lead_of(project))
    with translation.override("sv"):  # the Swedish addresses
        indicator_url, link_url = add_url(project, "indicator"), add_url(project, "problem-link")
    make.indicator(project, "P1")
    response = client.post(
        indicator_url,
        {
            "indicator-code": "p1",
            "indicator-name": "Deltagare",
            "indicator-kind": "output",
            "indicator-unit": "participant",
            "indicator-baseline": "0",
            "indicator-target": "10",
        },
    )
    html = response.content.decode()
    assert "Begränsningen" not in html and "överträds" not in html
    assert 'value="Deltagare"' in html
    cause, effect = make.cause(project), make.effect(project)
    make.problem_link(cause, effect)
    html = client.post(
        link_url,
        {"problem-link-cause": cause.pk, "problem-link-effect": effect.pk},
    ).content.decode()
    assert "Begränsningen" not in html and "finns redan" not in html
    assert "De här två är redan kopplade." in html


def test_removing_a_self_assessment_asks_first(login: Any, member: Any, project: Any) -> None:
    from datetime import date

    from samskapa.toolkit.models import SelfAssessment

    client = login(member)
    assessment = make.SelfAssessmentFactory(project=project, assessed_on=date(2026, 3, 10))
    url = reverse("toolkit:self-assessment-delete", args=[project.pk, assessment.pk])
    page = client.get(url).content.decode()
    assert "Do you want to remove “" in page and "2026”?" in page
    assert SelfAssessment.objects.filter(pk=assessment.pk).exists()
    response = client.post(url)
    assert response["Location"] == reverse("toolkit:self-assessment", args=[project.pk])
    assert not SelfAssessment.objects.filter(pk=assessment.pk).exists()


def test_a_code_taken_is_said_once(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    make.indicator(project, code="K1")
    response = post(
        client, add_url(project, "indicator"), "indicator",
        code="k1", name="Nätverk", kind="output", unit="entity", baseline=2, target=7,
    )  # fmt: skip
    html = response.content.decode()
    message = "The project already has an indicator with this code."
    assert html.count(message) == 2  # the summary and the field
    assert 'value="k1"' in html and 'value="Nätverk"' in html and 'value="7"' in html


def test_htmx_edit_opens_a_dialog_and_saving_swaps_the_body(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    node = make.cause(project, "Få bussar")
    url = reverse("toolkit:element-edit", args=[project.pk, "problem-node", node.pk])
    dialog = client.get(url, **HTMX).content.decode()
    assert dialog.lstrip().startswith('<section id="edit-dialog"') and "<html" not in dialog
    assert f'hx-post="{url}"' in dialog and 'value="Få bussar"' in dialog
    saved = post(
        client, url, "problem-node", headers=HTMX, kind="cause", text="Få bussar på kvällen",
        level="structural",
    )  # fmt: skip
    assert saved.content.decode().lstrip().startswith('<div id="tool-body"')
    assert "Få bussar på kvällen" in saved.content.decode()
    node.refresh_from_db()
    assert node.text == "Få bussar på kvällen"


def test_htmx_edit_with_an_error_comes_back_in_the_dialog(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    node = make.cause(project, "Få bussar")
    url = reverse("toolkit:element-edit", args=[project.pk, "problem-node", node.pk])
    response = post(client, url, "problem-node", headers=HTMX, kind="cause", text="Ny text")
    html = response.content.decode()
    assert response["HX-Retarget"] == "#edit-slot"
    assert html.lstrip().startswith('<section id="edit-dialog"')
    assert "Choose the level of the cause." in html and 'value="Ny text"' in html
    node.refresh_from_db()
    assert node.text == "Få bussar"
