"""Excerpts: a passage drawn from a lesson or a reflection of the cycle's projects (without
JavaScript by giving the passage, with a selection by its position), coded, with a memo; the
excerpt keeps its text when the source changes; private coaching notes are never a source;
reads outside the cycle's evaluators are audited; erasure forgets who drew an excerpt."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.coaching.enums import NoteVisibility
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.evaluation import selectors, services
from samskapa.evaluation.cycles import Excerpt, ExcerptSource
from samskapa.projects.models import Project
from tests.factories.coaching import NoteFactory, SessionFactory
from tests.factories.coalitions import LessonFactory, ReflectionFactory
from tests.factories.evaluation import CodeFactory, CycleFactory, ExcerptFactory
from tests.factories.projects import ProjectFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

TEXT = "Vi bjöd in deltagarna. Deltagarna ville leda träffarna. Nu leder deltagarna träffarna."


def _new(cycle: Any) -> str:
    return reverse("evaluation:excerpt-new", args=[cycle.pk])


def test_an_evaluator_draws_a_passage_without_javascript(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    code = CodeFactory(cycle=cycle)
    reflection = ReflectionFactory(project=project, text=TEXT)
    client = login(evaluator)
    chooser = client.get(_new(cycle)).content.decode()
    assert f'value="reflection-{reflection.pk}"' in chooser
    page = client.get(_new(cycle) + f"?source=reflection-{reflection.pk}").content.decode()
    assert TEXT in page
    response = client.post(
        _new(cycle),
        {
            "source": f"reflection-{reflection.pk}",
            "passage": "  Deltagarna ville leda träffarna.  ",
            "codes": [code.pk],
            "memo": "Ett tecken på ägarskap.",
        },
    )
    assert response.status_code == 302
    excerpt = Excerpt.objects.get()
    assert excerpt.text == "Deltagarna ville leda träffarna."
    assert TEXT[excerpt.start : excerpt.end] == excerpt.text
    assert excerpt.project == project
    assert excerpt.kind == ExcerptSource.REFLECTION
    assert list(excerpt.codes.all()) == [code]
    assert not excerpt.source_changed


def test_a_selection_keeps_its_position_when_the_passage_occurs_twice(
    admin: User, project: Project
) -> None:
    cycle = CycleFactory(projects=[project])
    lesson = LessonFactory(text=TEXT, projects=[project, ProjectFactory()])
    second = TEXT.rindex("deltagarna")
    excerpt = services.create_excerpt(
        cycle=cycle,
        kind=ExcerptSource.LESSON,
        source=lesson,
        passage="deltagarna",
        start=second,
        codes=[],
        memo="",
        by=admin,
    )
    assert (excerpt.start, excerpt.end) == (second, second + len("deltagarna"))
    assert excerpt.project == project  # the lesson's project in the cluster


def test_a_passage_not_in_the_source_is_refused_and_the_input_kept(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    reflection = ReflectionFactory(project=project, text=TEXT)
    response = login(evaluator).post(
        _new(cycle),
        {
            "source": f"reflection-{reflection.pk}",
            "passage": "Deltagarna ville inte",
            "memo": "Mitt memo",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The passage is not in the source" in page
    assert "Deltagarna ville inte" in page
    assert "Mitt memo" in page
    assert not Excerpt.objects.exists()


def test_the_excerpt_keeps_its_text_when_the_source_changes(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    excerpt = ExcerptFactory(cycle=cycle, project=project)
    url = reverse("evaluation:excerpts", args=[cycle.pk])
    client = login(evaluator)
    assert (
        "The source has been edited since the excerpt was drawn"
        not in client.get(url).content.decode()
    )
    reflection = excerpt.reflection
    reflection.text = "Helt omskriven text."
    reflection.save()
    page = client.get(url).content.decode()
    assert "Deltagarna ville själva leda träffarna." in page
    assert "The source has been edited since the excerpt was drawn" in page
    reflection.delete()
    page = client.get(url).content.decode()
    assert "Deltagarna ville själva leda träffarna." in page
    assert "The source has been removed" in page


def test_sources_are_the_clusters_lessons_reflections_and_shared_notes(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    ReflectionFactory(project=project, text="Vår reflektion")
    outside = ReflectionFactory(text="Ett annat projekts reflektion")
    session = SessionFactory(project=project)
    private = NoteFactory(
        session=session, text="Privat coachanteckning", visibility=NoteVisibility.PRIVATE
    )
    shared = NoteFactory(session=session, text="Delad coachanteckning")
    sources = selectors.excerpt_sources(cycle)
    assert [s.obj.text for s in sources] == ["Vår reflektion", "Delad coachanteckning"]
    client = login(evaluator)
    page = client.get(_new(cycle)).content.decode()
    assert "Privat coachanteckning" not in page
    assert client.get(_new(cycle) + f"?source=note-{private.pk}").status_code == 404
    response = client.post(
        _new(cycle), {"source": f"note-{shared.pk}", "passage": "Delad coachanteckning"}
    )
    assert response.status_code == 302
    assert Excerpt.objects.get().note == shared
    response = client.get(_new(cycle) + f"?source=reflection-{outside.pk}")
    assert response.status_code == 404
    assert client.get(_new(cycle) + "?source=memo-1").status_code == 404


def test_a_private_coaching_note_never_becomes_an_excerpt(admin: User, project: Project) -> None:
    cycle = CycleFactory(projects=[project])
    note = NoteFactory(
        session=SessionFactory(project=project),
        text="Privat coachanteckning",
        visibility=NoteVisibility.PRIVATE,
    )
    with pytest.raises(ValidationError):
        services.create_excerpt(
            cycle=cycle,
            kind=ExcerptSource.COACHING_NOTE,
            source=note,
            passage="Privat",
            start=None,
            codes=[],
            memo="",
            by=admin,
        )
    assert not Excerpt.objects.exists()


def test_reads_outside_the_cycles_evaluators_are_audited(
    admin: User, evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    ExcerptFactory(cycle=cycle, project=project)
    url = reverse("evaluation:excerpts", args=[cycle.pk])
    reads = AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ)
    assert login(evaluator).get(url).status_code == 200
    assert not reads.exists()
    assert login(admin).get(url).status_code == 200
    assert reads.filter(actor=admin).count() == 1


def test_coding_an_excerpt_takes_only_the_cycles_codes(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    excerpt = ExcerptFactory(cycle=cycle, project=project)
    own = CodeFactory(cycle=cycle)
    foreign = CodeFactory()
    client = login(evaluator)
    url = reverse("evaluation:excerpt-edit", args=[excerpt.pk])
    response = client.post(url, {"codes": [own.pk, foreign.pk], "memo": "Behåll mig"})
    assert response.status_code == 400
    assert "Behåll mig" in response.content.decode()
    response = client.post(url, {"codes": [own.pk], "memo": "Ägarskap"})
    assert response.status_code == 302
    excerpt.refresh_from_db()
    assert list(excerpt.codes.all()) == [own]
    assert excerpt.memo == "Ägarskap"


def test_erasure_forgets_who_drew_an_excerpt(evaluator: User, project: Project) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    excerpt = ExcerptFactory(cycle=cycle, project=project, created_by=evaluator)
    services.erase_personal_data(evaluator)
    excerpt.refresh_from_db()
    assert excerpt.created_by is None
    assert not cycle.evaluators.exists()
    assert excerpt.text  # the passage stays


def test_the_excerpt_list_costs_the_same_queries_for_one_and_three(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    code = CodeFactory(cycle=cycle)
    client = login(evaluator)
    url = reverse("evaluation:excerpts", args=[cycle.pk])
    counts = []
    for wanted in (1, 3):
        while cycle.excerpts.count() < wanted:
            ExcerptFactory(cycle=cycle, project=ProjectFactory()).codes.add(code)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]
