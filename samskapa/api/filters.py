"""The endpoints' filters (django-filter); each is documented in the schema."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet

from samskapa.accounts.enums import Country, NutsRegion
from samskapa.conference.enums import Language, SubmissionFormat
from samskapa.conference.models import Session
from samskapa.core.enums import FocusArea
from samskapa.europe import selectors as europe
from samskapa.europe.enums import Source
from samskapa.europe.models import CompetenceCentre, Initiative
from samskapa.projects.enums import ParticipantCategory, Phase
from samskapa.showcase import selectors as showcase
from samskapa.showcase.enums import Scaling, SpreadKind, SpreadLevel, SpreadStatus
from samskapa.showcase.models import Case, SpreadRecord


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


def _cases(**filters: Any) -> QuerySet[Case]:
    return showcase.list_public_cases(filters=showcase.CaseFilters(**filters))


class CaseFilter(django_filters.FilterSet):
    """The public case list's filters (`/cases/`), applied by the same selector."""

    q = django_filters.CharFilter(method="search", label="Search words in titles and summaries")
    focus_area = django_filters.ChoiceFilter(choices=FocusArea.choices, method="by_focus_area")
    target_group = django_filters.ChoiceFilter(
        choices=ParticipantCategory.choices, method="by_target_group"
    )
    region = django_filters.ChoiceFilter(
        choices=NutsRegion.choices, method="by_region", label="A NUTS-2 code"
    )
    call = django_filters.CharFilter(method="by_call", label="A call's reference number")
    status = django_filters.ChoiceFilter(
        choices=Phase.choices, method="by_phase", label="The project's phase"
    )

    class Meta:
        model = Case
        fields = ["q", "focus_area", "target_group", "region", "call", "status"]

    def search(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(query=value.strip())

    def by_focus_area(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(focus_area=value)

    def by_target_group(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(target_group=value)

    def by_region(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(region=value)

    def by_call(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(call=value)

    def by_phase(self, qs: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return qs & _cases(phase=value)


class SpreadRecordFilter(django_filters.FilterSet):
    case = django_filters.NumberFilter(field_name="project__case", label="A case's id")
    scaling = django_filters.ChoiceFilter(choices=Scaling.choices)
    kind = django_filters.ChoiceFilter(choices=SpreadKind.choices)
    level = django_filters.ChoiceFilter(choices=SpreadLevel.choices)
    status = django_filters.ChoiceFilter(choices=SpreadStatus.choices)

    class Meta:
        model = SpreadRecord
        fields = ["case", "scaling", "kind", "level", "status"]
