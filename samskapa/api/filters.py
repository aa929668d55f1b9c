"""The endpoints' filters (django-filter); each is documented in the schema."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet

from samskapa.accounts.enums import Country
from samskapa.conference.enums import Language, SubmissionFormat
from samskapa.conference.models import Session
from samskapa.europe import selectors as europe
from samskapa.europe.enums import Source
from samskapa.europe.models import CompetenceCentre, Initiative


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search words in the text")
    country = django_filters.ChoiceFilter(choices=Country.choices)
    source = django_filters.ChoiceFilter(choices=Source.choices)
    theme = django_filters.CharFilter(method="by_theme", label="A theme (part of its name)")
    is_example = django_filters.BooleanFilter()

    class Meta:
        model = Initiative
        fields = ["q", "country", "source", "theme", "is_example"]

    def search(self, qs: QuerySet[Initiative], name: str, value: Any) -> QuerySet[Initiative]:
        return qs & europe.search_initiatives(europe.InitiativeFilters(q=value))

    def by_theme(self, qs: QuerySet[Initiative], name: str, value: Any) -> QuerySet[Initiative]:
        return qs & europe.search_initiatives(europe.InitiativeFilters(theme=value))


class CompetenceCentreFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(choices=Country.choices)

    class Meta:
        model = CompetenceCentre
        fields = ["country"]


class SessionFilter(django_filters.FilterSet):
    edition = django_filters.NumberFilter(field_name="edition__year", label="The edition's year")
    format = django_filters.ChoiceFilter(choices=SubmissionFormat.choices)
    language = django_filters.ChoiceFilter(choices=Language.choices)

    class Meta:
        model = Session
        fields = ["edition", "format", "language"]
