"""Pages for a logged-in person from the cache (samskapa.core.pagecache.personal_cache and
samskapa.core.writes): stored per person, served only to that person, renewed by any write to
the database (the ORM's bulk updates included), never with a message or an htmx request, and
with the visitor's own CSRF token."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.core import writes
from samskapa.core.pagecache import CSRF_PLACEHOLDER
from samskapa.projects import services as project_services
from samskapa.projects.models import Project, ProjectMember
from tests.factories.accounts import UserFactory
from tests.factories.projects import ProjectFactory, lead_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _personal_cache_on(settings: Any) -> None:
    settings.SAMSKAPA_PERSONAL_PAGE_CACHE = True


def _body(response: Any) -> str:
    return response.content.decode()


def _without_tokens(body: str) -> str:
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", body)


def _page(project: Project) -> str:
    return reverse("projects:project-detail", args=[project.pk])


def _data_queries(queries: CaptureQueriesContext) -> list[str]:
    """The statements that read or wrote the site's own data (not the session, the person or
    the cache)."""
    own = ("projects_", "coalitions_", "toolkit_", "evaluation_", "coaching_")
    return [q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in own)]


def test_a_second_visit_is_served_from_the_cache_without_reading_the_data(
    client_for: Any,
) -> None:
    project = ProjectFactory(name="Unga vuxna i arbete")
    lead = client_for(lead_of(project))
    first = lead.get(_page(project))
    assert first.status_code == 200 and "Unga vuxna i arbete" in _body(first)
    with CaptureQueriesContext(connection) as queries:
        second = lead.get(_page(project))
    assert _without_tokens(_body(second)) == _without_tokens(_body(first))
    assert _data_queries(queries) == []
    assert "no-store" in second["Cache-Control"] and "private" in second["Cache-Control"]


@pytest.mark.parametrize("how", ["service", "bulk update", "raw SQL"])
def test_any_write_to_the_database_shows_at_once(client_for: Any, how: str) -> None:
    project = ProjectFactory(name="Första namnet")
    lead = client_for(lead_of(project))
    assert "Första namnet" in _body(lead.get(_page(project)))
    if how == "service":
        project.name = "Andra namnet"
        project_services.save_profile(project=project, by=UserFactory(), fields=["name"])
    elif how == "bulk update":
        Project.objects.filter(pk=project.pk).update(name="Andra namnet")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE projects_project SET name = %s WHERE id = %s",
                ["Andra namnet", project.pk],
            )
    assert "Andra namnet" in _body(lead.get(_page(project)))


def test_each_person_gets_only_their_own_page() -> None:
    alfa, beta = ProjectFactory(name="Projekt Alfa"), ProjectFactory(name="Projekt Beta")
    anna, bo, outsider = lead_of(alfa), lead_of(beta), UserFactory()
    clients = {}
    for person in (anna, bo, outsider):
        clients[person] = Client()
        clients[person].force_login(person)
    for _round in range(2):  # stored, then from the cache
        annas_home = _body(clients[anna].get("/home/"))
        assert "Projekt Alfa" in annas_home and "Projekt Beta" not in annas_home
        bos_home = _body(clients[bo].get("/home/"))
        assert "Projekt Beta" in bos_home and "Projekt Alfa" not in bos_home
        assert clients[outsider].get(_page(alfa)).status_code == 404
        assert clients[bo].get(_page(alfa)).status_code == 404
        assert clients[anna].get(_page(alfa)).status_code == 200


def test_a_removed_member_loses_the_page_at_once(client_for: Any) -> None:
    project = ProjectFactory()
    person = lead_of(project)
    lead = client_for(person)
    assert lead.get(_page(project)).status_code == 200
    ProjectMember.objects.filter(project=project, user=person).delete()
    assert lead.get(_page(project)).status_code == 404


def test_logging_out_ends_the_cached_page(client_for: Any) -> None:
    project = ProjectFactory()
    lead = client_for(lead_of(project))
    assert lead.get(_page(project)).status_code == 200
    lead.post(reverse("account_logout"))
    response = lead.get(_page(project))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_htmx_requests_and_addresses_with_a_query_are_rendered_each_time(
    client_for: Any,
) -> None:
    project = ProjectFactory(name="Första namnet")
    lead = client_for(lead_of(project))
    url = _page(project)
    lead.get(url + "?tab=members")
    lead.get(url, headers={"HX-Request": "true"})
    with CaptureQueriesContext(connection) as queries:
        lead.get(url + "?tab=members")
    assert _data_queries(queries) != []
    with CaptureQueriesContext(connection) as queries:
        lead.get(url, headers={"HX-Request": "true"})
    assert _data_queries(queries) != []


def test_the_cached_page_carries_the_visitors_own_csrf_token_that_works() -> None:
    project = ProjectFactory()
    person = lead_of(project)
    lead = Client(enforce_csrf_checks=True)
    lead.force_login(person)
    url = reverse("toolkit:tool", args=[project.pk, "problem_tree"])
    tokens = []
    for _round in range(2):  # stored, then from the cache
        body = _body(lead.get(url))
        assert CSRF_PLACEHOLDER not in body
        tokens.append(body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0])
    assert tokens[0] != tokens[1]  # masked afresh for every response
    # The token from the cached page is accepted: the focal problem is saved …
    response = lead.post(
        reverse("toolkit:tool-edit", args=[project.pk, "problem-tree"]),
        {
            "csrfmiddlewaretoken": tokens[1],
            "problem-tree-focal_problem": "Unga vuxna står långt från arbete.",
            "problem-tree-focal_objective": "",
        },
    )
    assert response.status_code == 302
    # … the page with the message is neither served from the cache nor stored …
    with_message = _body(lead.get(url))
    assert "Unga vuxna står långt från arbete." in with_message
    assert 'class="messages"' in with_message
    # … and the next visit has the change without the message.
    again = _body(lead.get(url))
    assert "Unga vuxna står långt från arbete." in again
    assert 'class="messages"' not in again


def test_a_new_day_renders_the_page_afresh(client_for: Any) -> None:
    project = ProjectFactory()
    lead = client_for(lead_of(project))
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        lead.get(_page(project))
        with CaptureQueriesContext(connection) as queries:
            lead.get(_page(project))
        assert _data_queries(queries) == []
    with time_machine.travel("2026-03-03 10:00 +01:00", tick=False):
        with CaptureQueriesContext(connection) as queries:
            lead.get(_page(project))
        assert _data_queries(queries) != []


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('SELECT "projects_project"."id" FROM "projects_project"', False),
        ("  select 1", False),
        ('SAVEPOINT "s1_x1"', False),
        ('RELEASE SAVEPOINT "s1_x1"', False),
        ('INSERT INTO "projects_project" ("name") VALUES (%s) RETURNING "id"', True),
        ('UPDATE "projects_project" SET "name" = %s', True),
        ('DELETE FROM "projects_projectmember" WHERE "id" = %s', True),
        ("INSERT OR IGNORE INTO projects_project (name) VALUES (?)", True),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('DELETE FROM "samskapa_cache" WHERE "cache_key" = %s', False),
        ('CREATE TABLE "x" ("id" integer)', True),
        ("WITH moved AS (DELETE FROM projects_project RETURNING id) SELECT 1", True),
    ],
)
def test_what_counts_as_a_write(sql: str, write: bool) -> None:
    assert writes.is_write(sql) is write


def test_switched_off_every_visit_is_rendered(client_for: Any, settings: Any) -> None:
    settings.SAMSKAPA_PERSONAL_PAGE_CACHE = False
    project = ProjectFactory()
    lead = client_for(lead_of(project))
    lead.get(_page(project))
    with CaptureQueriesContext(connection) as queries:
        lead.get(_page(project))
    assert _data_queries(queries) != []


def test_a_write_renews_the_version_and_a_read_does_not() -> None:
    before = writes.current()
    list(Project.objects.all())
    assert writes.current() == before
    ProjectFactory()
    list(Project.objects.all())  # the database cache renews before the next statement
    assert writes.current() != before


@pytest.fixture
def redis_cache(settings: Any, redis_url: str) -> Any:
    """The shared cache as in production: Redis (a key prefix of the test's own)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "samskapa.core.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        },
    }
    writes._cache_in_database.cache_clear()
    yield
    writes._cache_in_database.cache_clear()


def _commit() -> None:
    """What a commit does with its transaction's on_commit callbacks: each test runs in one
    transaction that never commits, so the requests' transactions are marked by hand."""
    hooks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, hook, _robust in hooks:
        hook()


def test_with_redis_a_transaction_renews_at_its_first_write_and_after_its_commit(
    redis_cache: Any, client_for: Any
) -> None:
    project = ProjectFactory(name="Första namnet")
    lead = client_for(lead_of(project))
    _commit()
    assert "Första namnet" in _body(lead.get(_page(project)))
    with CaptureQueriesContext(connection) as queries:
        assert "Första namnet" in _body(lead.get(_page(project)))
    assert _data_queries(queries) == []  # from Redis

    before = writes.current()
    Project.objects.filter(pk=project.pk).update(name="Andra namnet")
    during = writes.current()
    assert during != before  # at the transaction's first write …
    assert "Andra namnet" in _body(lead.get(_page(project)))
    Project.objects.filter(pk=project.pk).update(name="Tredje namnet")
    assert writes.current() == during  # … not again for every statement …
    _commit()
    assert writes.current() != during  # … and again after the commit
    assert "Tredje namnet" in _body(lead.get(_page(project)))
