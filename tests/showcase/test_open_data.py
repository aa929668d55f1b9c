"""Open data: the files list exactly the published records with the pages' identifiers, and
the DCAT-AP catalogue holds the mandatory properties (parsed as RDF with rdflib)."""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF

from samskapa.accounts.enums import StaffRole
from samskapa.showcase import services
from samskapa.showcase.enums import VersionStatus
from tests.api.data import published_world
from tests.factories.accounts import staff
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory, published_case

pytestmark = pytest.mark.django_db
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def _csv(client: Any, dataset: str) -> list[dict[str, str]]:
    response = client.get(reverse("showcase:open-data-file", args=[dataset, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def _json(client: Any, dataset: str) -> list[dict[str, Any]]:
    response = client.get(reverse("showcase:open-data-file", args=[dataset, "json"]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_files_list_exactly_the_published_records(client: Any) -> None:
    shown = published_case(title="=Publicerad", licence="CC0-1.0")
    withdrawn = published_case(title="Tillbakadragen")
    services.withdraw_case(case=withdrawn, by=staff(StaffRole.ADMIN))
    CaseVersionFactory(status=VersionStatus.REVIEW, title="Under granskning")
    record = SpreadRecordFactory(project=shown.project, published=True)
    SpreadRecordFactory(project=shown.project, published=False)
    SpreadRecordFactory(project=withdrawn.project, published=True)

    rows = _csv(client, "cases")
    assert [int(row["id"]) for row in rows] == [shown.pk]
    assert rows[0]["url"].endswith(
        reverse("showcase:case-detail", args=[shown.pk]).replace("/en/", "/")
    )
    assert rows[0]["title_sv"] == "'=Publicerad"  # no formula when opened in a spreadsheet
    assert rows[0]["licence"] == "CC0-1.0"
    assert rows[0]["licence_url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert rows[0]["nuts2"] == "SE12"
    cases = _json(client, "cases")
    assert [row["id"] for row in cases] == [shown.pk]
    assert cases[0]["title_sv"] == "=Publicerad" and cases[0]["focus_areas"] == ["participation"]

    spread = _json(client, "spread-records")
    assert [(row["id"], row["case_id"]) for row in spread] == [(record.pk, shown.pk)]
    assert spread[0]["licence"] == "CC-BY-4.0"
    assert [int(row["id"]) for row in _csv(client, "spread-records")] == [record.pk]


def test_empty_files_have_their_header(client: Any) -> None:
    response = client.get(reverse("showcase:open-data-file", args=["cases", "csv"]))
    header = response.content.decode().splitlines()[0].split(",")
    assert header[:3] == ["id", "url", "version"] and "licence" in header
    assert _json(client, "spread-records") == []


def test_unknown_files_are_not_found(client: Any) -> None:
    for dataset, fmt in (("people", "csv"), ("cases", "xml")):
        url = reverse("showcase:open-data-file", args=[dataset, fmt])
        assert client.get(url).status_code == 404


def test_dcat_catalogue_has_the_mandatory_properties(client: Any) -> None:
    published_case()
    response = client.get(reverse("showcase:open-data-catalog"))
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content.decode(), format="json-ld")

    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    catalogue = catalogues[0]
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset,
                 DCTERMS.license, DCTERMS.modified):  # fmt: skip
        assert graph.value(catalogue, prop) is not None, prop
    publisher = graph.value(catalogue, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) is not None

    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert {str(d).rsplit("#", 1)[1] for d in datasets} == {"cases", "spread-records", "aggregates"}
    files = set()
    for dataset in datasets:
        for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license,
                     DCTERMS.modified):  # fmt: skip
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        titles = {literal.language for literal in graph.objects(dataset, DCTERMS.title)}
        assert titles == {"sv", "en"}
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 2
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            access = graph.value(distribution, DCAT.accessURL)
            assert isinstance(access, URIRef)
            assert graph.value(distribution, DCAT.downloadURL) == access
            for prop in (DCTERMS.format, DCAT.mediaType, DCTERMS.license):
                assert graph.value(distribution, prop) is not None, (distribution, prop)
            files.add(str(access))
    # Every distribution's address answers with its file.
    for url in files:
        path = url.removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


def test_open_data_page_explains_reuse(client: Any) -> None:
    published_case()
    body = client.get(reverse("showcase:open-data")).content.decode()
    assert "CC BY 4.0" in body
    assert (
        reverse("showcase:open-data-catalog").replace("/en/", "/") in body
        or "catalog.jsonld" in body
    )


def test_the_results_files_hold_the_apis_figures_and_never_a_hidden_value(
    client: Any, settings: Any
) -> None:
    settings.SAMSKAPA_API_RATE = "1000/min"
    world = published_world(timezone.localdate() - datetime.timedelta(days=30))
    api = client.get(reverse("api:aggregate-list"), {"page_size": 200}).json()["results"]
    figures = _json(client, "aggregates")
    key = ("level", "call", "indicator", "period", "value", "suppressed", "projects")
    assert sorted(tuple(str(f[k]) for k in key) for f in figures) == sorted(
        tuple(str(f[k]) for k in key) for f in api
    )
    shown = [
        f for f in figures if f["indicator"] == "API1" and f["level"] == "call" and not f["period"]
    ]
    assert [(f["call"], f["value"], f["projects"]) for f in shown] == [
        (world.call.reference, 120, 3)
    ]
    rows = _csv(client, "aggregates")
    small = [row for row in rows if row["indicator"] == "API2"]
    assert small and all(row["value"] == "" and row["suppressed"] == "True" for row in small)
    assert all(row["licence"] == "CC-BY-4.0" for row in rows)
