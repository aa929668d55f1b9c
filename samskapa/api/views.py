"""The public read-only API (docs/api.md). Every endpoint reads through the selector the public
pages use, so the API and the pages show the same records."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from samskapa.api import serializers
from samskapa.api.base import PublicReadOnlyViewSet
from samskapa.api.filters import (
    CaseFilter,
    CompetenceCentreFilter,
    InitiativeFilter,
    SessionFilter,
    SpreadRecordFilter,
)
from samskapa.api.pagination import Pagination
from samskapa.api.permissions import ReadOnly
from samskapa.conference import selectors as conference
from samskapa.connect import selectors as connect
from samskapa.core.pagecache import public_cache
from samskapa.europe import selectors as europe
from samskapa.evaluation.published import cached_published_aggregates
from samskapa.showcase import selectors as showcase


class InitiativeViewSet(PublicReadOnlyViewSet):
    """European initiatives from Social Innovation Match and Kohesio (English text)."""

    serializer_class = serializers.InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self) -> Any:
        return europe.public_initiatives()


class CompetenceCentreViewSet(PublicReadOnlyViewSet):
    """National competence centres for social innovation in the EU."""

    serializer_class = serializers.CompetenceCentreSerializer
    filterset_class = CompetenceCentreFilter

    def get_queryset(self) -> Any:
        return europe.public_centres()


class CaseViewSet(PublicReadOnlyViewSet):
    """Published innovation cases: the published version of each (the public case pages and
    the open-data file). A withdrawn or never published case is absent, and 404 on its id."""

    serializer_class = serializers.CaseSerializer
    filterset_class = CaseFilter

    def get_queryset(self) -> Any:
        return showcase.published_cases().prefetch_related(
            Prefetch("counterparts", queryset=connect.counterparts())
        )


class SpreadRecordViewSet(PublicReadOnlyViewSet):
    """Published records of how the innovations spread, of public cases only (the case pages
    and the open-data file)."""

    serializer_class = serializers.SpreadRecordSerializer
    filterset_class = SpreadRecordFilter

    def get_queryset(self) -> Any:
        return showcase.published_spread_records()


class SessionViewSet(PublicReadOnlyViewSet):
    """The conference programme: the sessions of every edition whose programme is published."""

    serializer_class = serializers.SessionSerializer
    filterset_class = SessionFilter

    def get_queryset(self) -> Any:
        return conference.public_programme_sessions()


AGGREGATE_FILTERS = ("level", "call", "indicator")


class AggregateViewSet(viewsets.GenericViewSet):
    """Published results: aggregates of the projects' approved indicator values at the
    programme and call levels, after disclosure control (docs/evaluation.md). A figure that
    is not published has the value null and `suppressed` true."""

    authentication_classes: list[Any] = []
    permission_classes = [ReadOnly]
    serializer_class = serializers.AggregateSerializer
    pagination_class = Pagination
    filter_backends: list[Any] = []

    @extend_schema(
        parameters=[
            OpenApiParameter("level", OpenApiTypes.STR, enum=["programme", "call"]),
            OpenApiParameter("call", OpenApiTypes.STR, description="A call's reference number."),
            OpenApiParameter("indicator", OpenApiTypes.STR, description="An indicator's code."),
        ],
    )
    def list(self, request: Request) -> Response:
        rows = cached_published_aggregates()
        for name in AGGREGATE_FILTERS:
            wanted = request.query_params.get(name)
            if wanted:
                rows = [row for row in rows if getattr(row, name) == wanted]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@login_not_required
@public_cache("api")
def docs(request: HttpRequest) -> HttpResponse:
    """The API's documentation, rendered on the server from the OpenAPI schema: no script, no
    external host (the CSP allows neither inline code nor other origins)."""
    schema = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("description", "").split("\n\n")[0],
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "description": p.get("description", ""),
                            "enum": p.get("schema", {}).get("enum", []),
                            "type": p.get("schema", {}).get("type", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                }
            )
    return render(
        request,
        "api/docs.html",
        {"schema": schema, "operations": operations},
    )
