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
