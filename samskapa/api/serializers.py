"""What each endpoint publishes: the fields of the public pages, nothing more (no e-mail
addresses, no internal notes, speakers only with their consent, figures only after
disclosure control)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samskapa.api.base import PageUrlField
from samskapa.conference.models import Session, Speaker
from samskapa.europe.models import CompetenceCentre, Initiative
from samskapa.showcase.models import SpreadRecord


class InitiativeSerializer(serializers.ModelSerializer):
    themes = serializers.ListField(
        source="theme_list", child=serializers.CharField(), read_only=True
    )
    page_url = PageUrlField()

    class Meta:
        model = Initiative
        fields = [
            "id", "title", "summary", "country", "organisation", "programme", "themes",
            "starts_on", "ends_on", "source", "source_id", "source_url", "is_example", "page_url",
        ]  # fmt: skip


class CompetenceCentreSerializer(serializers.ModelSerializer):
    class Meta:
        model = CompetenceCentre
        fields = ["id", "name", "country", "organisation", "url", "description", "is_example"]


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["name", "organisation"]


class TrackSerializer(serializers.Serializer):
    name_sv = serializers.CharField()
    name_en = serializers.CharField()


class SessionSerializer(serializers.ModelSerializer):
    edition = serializers.IntegerField(source="edition.year", read_only=True)
    track = TrackSerializer(read_only=True, allow_null=True)
    room = serializers.CharField(source="place", read_only=True)
    speakers = serializers.SerializerMethodField()
    page_url = PageUrlField()

    class Meta:
        model = Session
        fields = [
            "id", "edition", "title", "description", "format", "language", "starts_at",
            "ends_at", "track", "room", "speakers", "page_url",
        ]  # fmt: skip

    @extend_schema_field(SpeakerSerializer(many=True))
    def get_speakers(self, session: Session) -> Any:
        """Only the speakers who consented to be named in the public programme."""
        return SpeakerSerializer(getattr(session, "public_speakers", []), many=True).data


@extend_schema_field({"type": "number", "nullable": True})
class NumberField(serializers.Field):
    """A count as a whole number, a percentage with its decimal, or null."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> Any:
        return value


class AggregateSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["programme", "call"])
    call = serializers.CharField(
        allow_null=True, help_text="The call's reference number (call level)."
    )
    indicator = serializers.CharField(help_text="The indicator's code.")
    indicator_name_sv = serializers.CharField()
    indicator_name_en = serializers.CharField()
    measure = serializers.ChoiceField(choices=["count", "percentage"])
    period = serializers.CharField(
        allow_null=True, help_text="The reporting period; null for all periods together."
    )
    period_starts = serializers.DateField(allow_null=True)
    value = NumberField(
        help_text="The figure (a percentage in per cent); null when it is not published.",
    )
    suppressed = serializers.BooleanField(
        help_text="True when disclosure control keeps the figure unpublished."
    )
    projects = serializers.IntegerField(help_text="How many projects the figure is built from.")
    breakdown = serializers.DictField(
        child=NumberField(),
        help_text="Gender and age categories; null where not published.",
    )


class CounterpartSerializer(serializers.Serializer):
    initiative = serializers.IntegerField(
        source="initiative.pk", read_only=True, help_text="The initiative's id (/initiatives/)."
    )
    title = serializers.CharField(source="initiative.title", read_only=True)
    source = serializers.CharField(source="initiative.source", read_only=True)
    source_id = serializers.CharField(source="initiative.source_id", read_only=True)
    source_url = serializers.CharField(source="initiative.source_url", read_only=True)


class CaseSerializer(serializers.Serializer):
    """A published case: the fields of its public page and of the open-data file
    (`/open-data/cases.json`), from the published version only."""

    id = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(source="public_version.number", read_only=True)
    title_sv = serializers.CharField(source="public_version.title", read_only=True)
    title_en = serializers.CharField(source="public_version.title_en", read_only=True)
    summary_sv = serializers.CharField(source="public_version.summary", read_only=True)
    summary_en = serializers.CharField(source="public_version.summary_en", read_only=True)
    problem_sv = serializers.CharField(source="public_version.problem", read_only=True)
    problem_en = serializers.CharField(source="public_version.problem_en", read_only=True)
    target_group_sv = serializers.CharField(source="public_version.target_group", read_only=True)
    target_group_en = serializers.CharField(source="public_version.target_group_en", read_only=True)
    approach_sv = serializers.CharField(source="public_version.approach", read_only=True)
    approach_en = serializers.CharField(source="public_version.approach_en", read_only=True)
    co_creation_sv = serializers.CharField(source="public_version.co_creation", read_only=True)
    co_creation_en = serializers.CharField(source="public_version.co_creation_en", read_only=True)
    results_sv = serializers.CharField(source="public_version.results", read_only=True)
    results_en = serializers.CharField(source="public_version.results_en", read_only=True)
    scaling_sv = serializers.CharField(source="public_version.scaling", read_only=True)
    scaling_en = serializers.CharField(source="public_version.scaling_en", read_only=True)
    project_number = serializers.CharField(source="public_version.project_number", read_only=True)
    owner = serializers.CharField(source="public_version.owner_name", read_only=True)
    call = serializers.CharField(
        source="public_version.call_reference",
        read_only=True,
        help_text="The call's reference number.",
    )
    programme_area = serializers.CharField(source="public_version.programme_area", read_only=True)
    specific_objective = serializers.CharField(
        source="public_version.specific_objective", read_only=True
    )
    region = serializers.CharField(source="public_version.region", read_only=True)
    nuts2 = serializers.CharField(source="public_version.nuts_region", read_only=True)
    intervention_type = serializers.CharField(
        source="public_version.intervention_type", read_only=True
    )
    status = serializers.CharField(
        source="public_version.phase", read_only=True, help_text="The project's phase."
    )
    start = serializers.DateField(source="public_version.start", read_only=True, allow_null=True)
    end = serializers.DateField(source="public_version.end", read_only=True, allow_null=True)
    focus_areas = serializers.ListField(
        source="public_version.focus_areas", child=serializers.CharField(), read_only=True
    )
    target_groups = serializers.ListField(
        source="public_version.target_groups", child=serializers.CharField(), read_only=True
    )
    links = serializers.SerializerMethodField()
    counterparts = CounterpartSerializer(
        many=True,
        read_only=True,
        help_text="The case's counterparts in the European catalogue (SIM, Kohesio), kept by "
        "the centre.",
    )
    published = serializers.DateTimeField(source="public_version.published_at", read_only=True)
    licence = serializers.CharField(source="public_version.licence", read_only=True)
    page_url = PageUrlField()

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_links(self, case: Any) -> list[str]:
        return [link["url"] for link in case.public_version.links]


class CaseUrlField(PageUrlField):
    """The absolute address of the public page of the record's case."""

    def __init__(self) -> None:
        serializers.Field.__init__(
            self,
            source="project.case",
            read_only=True,
            help_text="The address of the case's public page.",
        )


class SpreadRecordSerializer(serializers.ModelSerializer):
    """A published spread record of a public case (the open-data file
    `/open-data/spread-records.json`)."""

    case_id = serializers.IntegerField(source="project.case.pk", read_only=True)
    case_url = CaseUrlField()
    adopting_organisation = serializers.CharField(source="organisation", read_only=True)
    description_sv = serializers.CharField(source="description", read_only=True)

    class Meta:
        model = SpreadRecord
        fields = [
            "id", "case_id", "case_url", "scaling", "kind", "adopting_organisation", "level",
            "instrument", "status", "date", "evidence_url", "description_sv", "description_en",
        ]  # fmt: skip
