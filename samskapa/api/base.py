"""The base of every endpoint: anonymous, read-only, paginated, throttled, filtered with
django-filter. An endpoint is a `PublicReadOnlyViewSet` whose `get_queryset()` returns a public
selector's queryset (the same function the public pages use), a serializer and a filter set;
it is registered in `samskapa/api/urls.py` (docs/api.md, "Adding an endpoint")."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from samskapa.api.permissions import ReadOnly


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes: list[Any] = []  # every caller is anonymous
    permission_classes = [ReadOnly]
    lookup_value_converter = "int"


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's public page (its Swedish address; the English one
    is the same under /en/)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "The address of the public page.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str:
        path = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


def absolute(request: Any, name: str, *args: Any) -> str:
    path = reverse(name, args=args)
    return request.build_absolute_uri(path) if request is not None else path
