"""The tool pages: filled in end to end without JavaScript, bad input, history, query counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from samskapa.evaluation.models import Value
from samskapa.toolkit import services
from samskapa.toolkit.models import (
    Actor,
    ChangeElement,
    ChangeLink,
    Indicator,
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
from samskapa.toolkit.selectors import partner_organisations
from tests.factories import toolkit as make
from tests.factories.accounts import staff
from tests.factories.evaluation import PeriodFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

TOOLS = (
    "problem_tree",
    "theory_of_change",
    "indicators",
    "ecosystem_map",
    "collaboration",
    "participation",
    "horizontal_principles",
    "sustainability_plan",
)


def tool_url(project: Any, tool: str) -> str:
    return reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": tool})


def add_url(project: Any, kind: str) -> str:
    return reverse("toolkit:element-add", kwargs={"project_pk": project.pk, "kind": kind})


def edit_url(project: Any, kind: str) -> str:
    return reverse("toolkit:tool-edit", kwargs={"project_pk": project.pk, "kind": kind})


def post(client: Any, url: str, prefix: str, /, **data: Any) -> Any:
    return client.post(url, {f"{prefix}-{key}": value for key, value in data.items()})


# --- Filling in every tool end to end -----------------------------------------------------


def test_member_fills_in_the_problem_tree(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    response = post(
        client, edit_url(p, "problem-tree"), "problem-tree", focal_problem="Många står utanför"
    )
    assert response.status_code == 302
    post(
        client,
        add_url(p, "problem-node"),
        "problem-node",
        kind="cause",
        text="Stuprör",
        level="structural",
    )
    post(client, add_url(p, "problem-node"), "problem-node", kind="effect", text="Ohälsa")
    cause = ProblemNode.objects.get(project=p, kind="cause")
    effect = ProblemNode.objects.get(project=p, kind="effect")
    response = post(
        client, add_url(p, "problem-link"), "problem-link", cause=cause.pk, effect=effect.pk
    )
    assert response.status_code == 302
    assert ProblemTree.objects.get(project=p).focal_problem == "Många står utanför"
    assert ProblemLink.objects.filter(project=p, cause=cause, effect=effect).exists()
    page = client.get(tool_url(p, "problem_tree")).content.decode()
    assert "Stuprör" in page and 'class="diagram-flow ptree"' in page and "Objective tree" in page


def test_member_fills_in_the_theory_of_change(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    post(
        client,
        edit_url(p, "theory"),
        "theory",
        long_term_goal="Alla har arbete",
        narrative="Så här",
    )
    post(client, add_url(p, "change-element"), "change-element", kind="activity", text="Verkstäder")
    post(
        client,
        add_url(p, "change-element"),
        "change-element",
        kind="outcome",
        text="Tilltro",
        horizon="short",
    )
    activity = ChangeElement.objects.get(project=p, kind="activity")
    outcome = ChangeElement.objects.get(project=p, kind="outcome")
    response = post(
        client, add_url(p, "change-link"), "change-link", source=activity.pk, target=outcome.pk
    )
    assert response.status_code == 302
    assert TheoryOfChange.objects.get(project=p).long_term_goal == "Alla har arbete"
    assert ChangeLink.objects.filter(project=p).count() == 1
    page = client.get(tool_url(p, "theory_of_change")).content.decode()
    assert "Verkstäder" in page and "Short-term outcomes" in page


def test_member_adds_an_indicator_and_reports_a_value(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    p = project
    output = make.element(p, "output", "Planer")
    response = post(
        client, add_url(p, "indicator"), "indicator",
        code="EECO01", name="Deltagare", kind="output", unit="participant", baseline=0, target=100,
        element=output.pk,
    )  # fmt: skip
    assert response.status_code == 302
    indicator = Indicator.objects.get(project=p)
    assert indicator.catalogue.code == "EECO01" and indicator.catalogue.project is None
    # Values are reported on the results report page, into the one store of values.
    today = timezone.localdate()
    period = PeriodFactory(call=p.call, starts=date(today.year, 1 if today.month < 7 else 7, 1))
    page = client.get(tool_url(p, "indicators")).content.decode()
    report = reverse("evaluation:report", args=[p.pk, period.pk])
    assert f'href="{report}"' in page
    prefix = f"i{indicator.catalogue_id}"
    client.post(
        report,
        {f"{prefix}-value": 40, f"{prefix}-women": 20, f"{prefix}-men": 19,
         f"{prefix}-non_binary": 1},
    )  # fmt: skip
    assert Value.objects.get(project=p, indicator=indicator.catalogue).value == 40
    page = client.get(tool_url(p, "indicators")).content.decode()
    assert "40 %" in page and "data:image/svg+xml;base64," in page and period.name in page


def test_member_maps_the_ecosystem(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    client.get(tool_url(p, "ecosystem_map"))  # the project's own organisations appear
    post(
        client,
        add_url(p, "actor"),
        "actor",
        name="Regionen",
        sector="public",
        role="funder",
        level="regional",
    )
    actors = list(p.partners.values_list("organisation__name", flat=True))
    region = Actor.objects.get(project=p, name="Regionen")
    own = Actor.objects.filter(project=p, organisation__isnull=False).first()
    assert own is not None
    response = post(
        client,
        add_url(p, "relation"),
        "relation",
        source=own.pk,
        target=region.pk,
        kind="funding",
        strength=3,
    )
    assert response.status_code == 302
    page = client.get(tool_url(p, "ecosystem_map")).content.decode()
    assert actors[0] in page and "Regionen" in page and "Sectors missing" in page


def test_member_describes_collaboration_with_a_partner(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    p = project
    partner = partner_organisations(p)[0]
    response = post(
        client, add_url(p, "collaboration"), "collaboration",
        organisation=partner.pk, depth=3, intersectoral="on", contribution="Handledare",
    )  # fmt: skip
    assert response.status_code == 302
    row = PartnerCollaboration.objects.get(project=p, organisation=partner)
    assert (row.depth, row.intersectoral) == (3, True)
    assert "Cross-sector summary" in client.get(tool_url(p, "collaboration")).content.decode()


def test_member_records_participation(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    post(client, edit_url(p, "participation"), "participation", current_level=2, aim_level=4)
    post(
        client, add_url(p, "activity"), "activity", held_on="2026-04-01", title="Verkstad", level=3
    )
    assert ParticipationProfile.objects.get(project=p).aim_level == 4
    assert ParticipationActivity.objects.get(project=p).level == 3
    page = client.get(tool_url(p, "participation")).content.decode()
    assert "Involve" in page and "Collaborate" in page


def test_member_works_with_the_horizontal_principles(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    response = post(
        client, add_url(p, "principle"), "principle",
        principle="accessibility", status="in_progress", analysis="Lokalerna", actions="Inventering",
    )  # fmt: skip
    assert response.status_code == 302
    assert PrincipleWork.objects.get(project=p).period == "2021-2027"
    page = client.get(tool_url(p, "horizontal_principles")).content.decode()
    assert "Inventering" in page and "Non-discrimination" in page


def test_member_writes_the_sustainability_plan(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    post(
        client, edit_url(p, "sustainability"), "sustainability", takeover="Kommunen", risks="Budget"
    )
    assert SustainabilityPlan.objects.get(project=p).takeover == "Kommunen"
    assert "Budget" in client.get(tool_url(p, "sustainability_plan")).content.decode()


def test_member_makes_a_self_assessment(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    p = project
    data = {"assessed_on": "2026-05-04", "context": "Före mötet"}
    for area in ("causes", "collaboration", "participation", "ecosystem", "results"):
        data[f"rating_{area}"] = "4"
        data[f"comment_{area}"] = f"Om {area}"
    response = client.post(reverse("toolkit:self-assessment-add", args=[p.pk]), data)
    assert response.status_code == 302
    assessment = SelfAssessment.objects.get(project=p)
    assert {r.rating for r in assessment.ratings.all()} == {4}
    page = client.get(reverse("toolkit:self-assessment", args=[p.pk])).content.decode()
    assert "Före mötet" in page


def test_member_edits_and_removes_an_element(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    node = make.cause(project, "Gammal text")
    url = reverse("toolkit:element-edit", args=[project.pk, "problem-node", node.pk])
    post(client, url, "problem-node", kind="cause", text="Ny text", level="individual")
    node.refresh_from_db()
    assert node.text == "Ny text"
    client.post(reverse("toolkit:element-delete", args=[project.pk, "problem-node", node.pk]))
    assert not ProblemNode.objects.filter(pk=node.pk).exists()


# --- Bad input ----------------------------------------------------------------------------


def test_crafted_link_to_another_projects_element_is_refused(
    login: Any, member: Any, project: Any, other_project: Any
) -> None:
    client = login(member)
    mine, theirs = (
        make.cause(project, "Min orsak"),
        make.effect(other_project, "Deras effekt"),
    )
    response = post(
        client,
        add_url(project, "problem-link"),
        "problem-link",
        cause=mine.pk,
        effect=theirs.pk,
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ProblemLink.objects.filter(effect=theirs).exists()


def test_crafted_change_link_to_another_project_is_refused(
    login: Any, member: Any, project: Any, other_project: Any
) -> None:
    client = login(member)
    mine = make.element(project, "activity", "Min aktivitet")
    theirs = make.element(other_project, "outcome", "Deras resultat")
    response = post(
        client,
        add_url(project, "change-link"),
        "change-link",
        source=mine.pk,
        target=theirs.pk,
    )
    assert response.status_code == 200
    assert not ChangeLink.objects.filter(target=theirs).exists()


def test_cycle_in_the_problem_tree_gives_a_clear_error(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    a, b = make.cause(project, "A"), make.cause(project, "B")
    make.problem_link(a, b)
    response = post(
        client, add_url(project, "problem-link"), "problem-link", cause=b.pk, effect=a.pk
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "would make a circle" in body
    assert f'value="{b.pk}" selected' in body  # what was chosen is kept


def test_cycle_in_the_theory_of_change_gives_a_clear_error(
    login: Any, member: Any, project: Any
) -> None:
    client = login(member)
    a = make.element(project, "precondition", "A")
    b = make.element(project, "precondition", "B")
    make.change_link(a, b)
    response = post(
        client, add_url(project, "change-link"), "change-link", source=b.pk, target=a.pk
    )
    assert "would make a circle" in response.content.decode()


def test_rating_out_of_range_keeps_what_was_typed(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    data = {"assessed_on": "2026-05-04", "context": "Mitt sammanhang"}
    for area in ("causes", "collaboration", "participation", "ecosystem", "results"):
        data[f"rating_{area}"] = "3"
        data[f"comment_{area}"] = "En kommentar"
    data["rating_results"] = "9"
    response = client.post(reverse("toolkit:self-assessment-add", args=[project.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a rating from 1 to 5." in body
    assert "Mitt sammanhang" in body and "En kommentar" in body
    assert not SelfAssessment.objects.filter(project=project).exists()


def test_empty_required_field_keeps_the_rest(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    response = post(
        client, add_url(project, "indicator"), "indicator",
        code="", name="Mitt namn", kind="output", unit="participant", target=10,
    )  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in body and "Mitt namn" in body
    assert 'class="error-summary"' in body


def test_values_are_no_longer_added_in_the_toolkit(login: Any, member: Any, project: Any) -> None:
    client = login(member)
    assert client.get(add_url(project, "indicator-value")).status_code == 404


def test_other_member_cannot_touch_an_element_of_the_project(
    login: Any, other_member: Any, project: Any
) -> None:
    node = make.cause(project, "Min orsak")
    client = login(other_member)
    url = reverse("toolkit:element-edit", args=[project.pk, "problem-node", node.pk])
    assert client.post(url, {"problem-node-text": "x"}).status_code == 404
    node_text = node.text
    node.refresh_from_db()
    assert node.text == node_text


def test_element_of_another_project_is_404_under_the_own_project(
    login: Any, member: Any, project: Any, other_project: Any
) -> None:
    theirs = make.cause(other_project, "Deras")
    client = login(member)
    url = reverse("toolkit:element-edit", args=[project.pk, "problem-node", theirs.pk])
    assert client.get(url).status_code == 404
    delete = reverse("toolkit:element-delete", args=[project.pk, "problem-node", theirs.pk])
    assert client.post(delete).status_code == 404
    assert ProblemNode.objects.filter(pk=theirs.pk).exists()


def test_staff_read_without_forms(login: Any, project: Any) -> None:
    page = login(staff("coach")).get(tool_url(project, "problem_tree")).content.decode()
    assert "Only the project's members can change it." in page
    assert "element-add" not in page and 'method="post" action="/projects' not in page


# --- History and comparison ---------------------------------------------------------------


def test_overview_at_a_date_shows_the_tools_as_they_were(login: Any, project: Any) -> None:
    past = datetime(2024, 6, 1, 12, tzinfo=UTC)
    tree = services.save_tool_object(
        obj=ProblemTree(project=project, focal_problem="Första lydelsen"), by=None, when=past
    )
    tree.focal_problem = "Andra lydelsen"
    services.save_tool_object(obj=tree, by=None)
    client = login(staff("coach"))
    url = reverse("toolkit:overview", args=[project.pk])
    then = client.get(url + f"?at={(past + timedelta(days=1)).date():%Y-%m-%d}").content.decode()
    assert "Första lydelsen" in then and "Andra lydelsen" not in then
    assert "cannot be changed" in then
    before = client.get(url + f"?at={(past - timedelta(days=2)).date():%Y-%m-%d}").content.decode()
    assert "Första lydelsen" not in before


def test_overview_with_a_bad_date_shows_an_error(login: Any, member: Any, project: Any) -> None:
    response = login(member).get(reverse("toolkit:overview", args=[project.pk]) + "?at=31-31-2026")
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()


def test_compare_lists_added_removed_and_changed(login: Any, project: Any) -> None:
    long_ago = timezone.now() - timedelta(days=40)
    kept = services.save_tool_object(
        obj=ProblemNode(project=project, kind="cause", text="Kvar", level="individual"),
        by=None,
        when=long_ago,
    )
    gone = services.save_tool_object(
        obj=ProblemNode(project=project, kind="effect", text="Borta"), by=None, when=long_ago
    )
    kept.level = "structural"
    services.save_tool_object(obj=kept, by=None)
    services.delete_tool_object(obj=gone, by=None)
    services.save_tool_object(obj=ProblemNode(project=project, kind="effect", text="Ny"), by=None)
    today = timezone.localdate()
    url = reverse("toolkit:compare", args=[project.pk])
    body = (
        login(staff("evaluator"))
        .get(url + f"?from={today - timedelta(days=20)}&to={today}")
        .content.decode()
    )
    assert "<del>Borta</del>" in body
    assert "Ny" in body
    assert "<del>Individual</del> → Structural" in body


def test_compare_refuses_dates_in_the_wrong_order(login: Any, member: Any, project: Any) -> None:
    url = reverse("toolkit:compare", args=[project.pk])
    body = login(member).get(url + "?from=2026-05-01&to=2026-01-01").content.decode()
    assert "Choose a date after the first one." in body


# --- Query counts: the same for 1 and 3 elements ------------------------------------------


def _fill(project: Any, n: int, start: int = 0) -> None:
    """n more of every element (numbered from `start`)."""
    partners = partner_organisations(project)
    outputs = {
        i: make.element(project, "output", f"Prestation {i}") for i in range(start, start + n)
    }
    for i in range(start, start + n):
        a, b = make.cause(project, f"Orsak {i}"), make.effect(project, f"Effekt {i}")
        make.problem_link(a, b)
        outcome = make.element(project, "outcome", f"Resultat {i}")
        make.change_link(outputs[i], outcome)
        indicator = make.indicator(project, code=f"K{i}", element=outcome)
        make.reported_value(indicator, value=3 + i)
        x, y = (
            make.actor(project, f"Aktör {i}"),
            make.actor(project, f"Annan {i}", sector="academia"),
        )
        make.relation(x, y)
        ParticipationActivity.objects.create(
            project=project, held_on=date(2026, 2, 1 + i), title=f"Möte {i}", level=2
        )
        PartnerCollaboration.objects.create(project=project, organisation=partners[i], depth=2)
        services.record_self_assessment(
            project=project, by=None, assessed_on=date(2025, 1, 1 + i),
            ratings=dict.fromkeys(("causes", "collaboration", "participation", "ecosystem", "results"), (3, "")),
        )  # fmt: skip
    for principle in ("gender_equality", "accessibility", "non_discrimination")[start : start + n]:
        PrincipleWork.objects.create(project=project, principle=principle)


@pytest.mark.parametrize("tool", TOOLS)
def test_tool_page_query_count_is_constant(
    login: Any, member: Any, project: Any, tool: str
) -> None:
    client = login(member)
    url = tool_url(project, tool)
    make.partner(project)  # never described: the collaboration form shows at 1 and at 3 alike
    counts = []
    for n, start in ((1, 0), (2, 1)):  # 1, then 1 + 2 = 3 of each
        _fill(project, n, start)
        client.get(url)  # the ecosystem map adds the project's organisations on first view
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "query",
    [
        "overview",
        "overview?at=2026-12-31",
        "self-assessment",
        "compare?from=2025-01-01&to=2026-12-31",
    ],
)
def test_overview_pages_query_count_is_constant(login: Any, project: Any, query: str) -> None:
    client = login(staff("coach"))
    name, _sep, params = query.partition("?")
    url = reverse(f"toolkit:{name}", args=[project.pk]) + (f"?{params}" if params else "")
    client.get(url)  # the centre's settings row is created on first use
    counts = []
    for n, start in ((1, 0), (2, 1)):
        _fill(project, n, start)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


# --- Guides, PDF, personal data -----------------------------------------------------------


def test_tool_page_links_to_the_librarys_guides(login: Any, member: Any, project: Any) -> None:
    from tests.factories.library import MaterialFactory

    guide = MaterialFactory(
        title="Så bygger du ett problemträd", language="en", tools=["problem_tree"]
    )
    page = login(member).get(tool_url(project, "problem_tree")).content.decode()
    assert guide.get_absolute_url() in page and "Read more in the knowledge bank" in page


def test_personal_data_export_and_erasure(member: Any, project: Any) -> None:
    services.record_self_assessment(
        project=project, by=member, context="Före mötet",
        ratings=dict.fromkeys(("causes", "collaboration", "participation", "ecosystem", "results"), (3, "")),
    )  # fmt: skip
    node = services.save_tool_object(
        obj=ProblemNode(project=project, kind="effect", text="x"), by=member
    )
    exported = services.export_personal_data(member)
    assert exported["self_assessments"][0]["occasion"] == "Före mötet"
    services.erase_personal_data(member)
    assert not SelfAssessment.objects.filter(created_by=member).exists()
    assert not ProblemNode.history.filter(id=node.pk, history_user=member).exists()


def test_home_lists_the_tools_not_started(login: Any, member: Any, project: Any) -> None:
    services.save_tool_object(
        obj=ProblemTree(project=project, focal_problem="Kärnproblem"), by=None
    )
    page = login(member).get(reverse("core:dashboard")).content.decode()
    assert "Not started yet:" in page and "Theory of change" in page
    assert "No self-assessment yet." in page


def test_compare_one_tool_only(login: Any, project: Any) -> None:
    url = reverse("toolkit:compare", args=[project.pk])
    body = (
        login(staff("coach")).get(url + "?from=2025-01-01&to=2026-11-01&tool=collaboration").content
    )
    page = body.decode()
    assert 'id="diff-collaboration"' in page and 'id="diff-problem_tree"' not in page
