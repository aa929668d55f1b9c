"""Django's admin site is for superusers only and no normal task needs it: organisers set up
editions, rooms, tracks, review criteria and the programme in the back office
(`conference:organise`, `conference:programme-grid`). Registrations are not edited here,
and dietary and accessibility needs are deliberately not registered: they are read only on
the organisers' needs page, which audits every visit."""

from __future__ import annotations

from django.contrib import admin

from samskapa.conference.models import Edition, ReviewCriterion, Session, Speaker, Track
from samskapa.core.pagecache import TouchingAdmin


class ReviewCriterionInline(admin.TabularInline):
    model = ReviewCriterion
    extra = 1


class TrackInline(admin.TabularInline):
    model = Track
    extra = 1


@admin.register(Edition)
class EditionAdmin(TouchingAdmin):
    public_areas = ("conference",)
    list_display = ["year", "title_sv", "starts_on", "ends_on", "capacity", "programme_published"]
    inlines = [ReviewCriterionInline, TrackInline]


@admin.register(Session)
class SessionAdmin(TouchingAdmin):
    public_areas = ("conference",)
    list_display = ["title", "edition", "track", "starts_at", "ends_at", "seats"]
    list_filter = ["edition", "track"]
    filter_horizontal = ["speakers"]
    raw_id_fields = ["submission"]


@admin.register(Speaker)
class SpeakerAdmin(TouchingAdmin):
    public_areas = ("conference",)
    list_display = ["name", "organisation", "edition", "publication_consent"]
    list_filter = ["edition"]
    search_fields = ["name", "organisation"]
