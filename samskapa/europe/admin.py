"""Django's admin site is for superusers only; the admin role imports initiatives and keeps
the directory of competence centres on the site's own pages (europe:import, europe:manage)."""

from __future__ import annotations

from django.contrib import admin

from samskapa.core.pagecache import TouchingAdmin
from samskapa.europe.models import CompetenceCentre, Initiative


@admin.register(Initiative)
class InitiativeAdmin(TouchingAdmin):
    public_areas = ("europe",)
    list_display = ["title", "country", "source", "source_id", "is_example"]
    list_filter = ["source", "country", "is_example"]
    search_fields = ["title", "source_id", "organisation"]


@admin.register(CompetenceCentre)
class CompetenceCentreAdmin(TouchingAdmin):
    public_areas = ("europe",)
    list_display = ["name", "country", "organisation", "is_example"]
    list_filter = ["country", "is_example"]
