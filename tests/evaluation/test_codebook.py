"""The codebook of an evaluation cycle: codes by focus area nesting one level, who changes it,
the form keeping its input, copying last year's codes, and the page in Swedish."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.models import User
from samskapa.core.enums import FocusArea
from samskapa.evaluation import selectors, services
from samskapa.evaluation.cycles import Code
from tests.factories.evaluation import CodeFactory, CycleFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _code_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "parent": "",
        "focus_area": FocusArea.PARTICIPATION,
        "name_sv": "Delaktighet i beslut",
        "name_en": "Taking part in decisions",
        "definition_sv": "Målgruppen påverkar ett beslut.",
        "definition_en": "",
    }
    data.update(overrides)
    return data


def test_an_assigned_evaluator_adds_a_code_and_a_sub_code(evaluator: User, login: Any) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(evaluator)
    url = reverse("evaluation:codebook", args=[cycle.pk])
    assert client.post(url, _code_data()).status_code == 302
    top = Code.objects.get()
    data = _code_data(parent=str(top.pk), focus_area="", name_sv="Formella beslut")
    assert client.post(url, data).status_code == 302
    sub = Code.objects.get(name_sv="Formella beslut")
    assert sub.parent == top
    assert sub.focus_area == FocusArea.PARTICIPATION  # the focus area of the code above
    [(area, codes)] = selectors.codebook(cycle)
    assert area == FocusArea.PARTICIPATION
    assert codes == [top]
    assert codes[0].subcodes == [sub]


def test_codes_nest_one_level_only(admin: User) -> None:
    top = CodeFactory()
    sub = CodeFactory(cycle=top.cycle, parent=top)
    with pytest.raises(ValidationError):
        services.save_code(code=Code(cycle=top.cycle, parent=sub, name_sv="Djup"), by=admin)
    other = CodeFactory()
    with pytest.raises(ValidationError):
        services.save_code(code=Code(cycle=other.cycle, parent=top, name_sv="Fel"), by=admin)


def test_the_form_keeps_the_input_on_error(evaluator: User, login: Any) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    response = login(evaluator).post(
        reverse("evaluation:codebook", args=[cycle.pk]),
        _code_data(focus_area="", name_sv="Kod utan område", definition_sv="Min definition"),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose the focus area of the code." in page
    assert "Kod utan område" in page
    assert "Min definition" in page
    assert not Code.objects.exists()


def test_readers_who_may_not_change_get_no_form_and_cannot_post(
    evaluator: User, admin: User, client_for: Any
) -> None:
    cycle = CycleFactory()  # the evaluator is not assigned
    client = client_for(evaluator)
    url = reverse("evaluation:codebook", args=[cycle.pk])
    page = client.get(url).content.decode()
    assert "Add the code" not in page
    assert client.post(url, _code_data()).status_code == 403
    assert not Code.objects.exists()
    code = CodeFactory(cycle=cycle)
    assert client.get(reverse("evaluation:code-edit", args=[code.pk])).status_code == 404


def test_last_years_codebook_is_copied_once(admin: User, login: Any) -> None:
    last_year = CycleFactory(year=2026)
    top = CodeFactory(cycle=last_year, name_sv="Samverkan")
    CodeFactory(cycle=last_year, parent=top, name_sv="Gemensamma mål")
    cycle = CycleFactory(year=2027)
    client = login(admin)
    url = reverse("evaluation:codebook-copy", args=[cycle.pk])
    response = client.post(url, {"source": last_year.pk}, follow=True)
    assert "2 codes have been copied." in response.content.decode()
    copied = Code.objects.get(cycle=cycle, name_sv="Gemensamma mål")
    assert copied.parent is not None and copied.parent.cycle == cycle
    response = client.post(url, {"source": last_year.pk}, follow=True)
    assert "0 codes have been copied." in response.content.decode()
    assert Code.objects.filter(cycle=cycle).count() == 2
    assert Code.objects.filter(cycle=last_year).count() == 2


def test_the_codebook_in_swedish(admin: User, client_for: Any) -> None:
    code = CodeFactory(name_sv="Tillit", name_en="Trust", focus_area=FocusArea.ECOSYSTEM)
    with translation.override("sv"):
        page = client_for(admin).get(reverse("evaluation:codebook", args=[code.cycle_id]))
    text = page.content.decode()
    assert "Tillit" in text
    assert "Kodbok" in text
    assert "Ekosystem" in text


def test_the_codebook_costs_the_same_queries_for_one_and_three_codes(
    admin: User, login: Any
) -> None:
    cycle = CycleFactory()
    client = login(admin)
    url = reverse("evaluation:codebook", args=[cycle.pk])
    counts = []
    for wanted in (1, 3):
        while cycle.codes.filter(parent__isnull=True).count() < wanted:
            top = CodeFactory(cycle=cycle)
            CodeFactory(cycle=cycle, parent=top)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]
