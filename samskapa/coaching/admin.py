"""Coaching notes are deliberately not in the admin site: reads there would bypass the audit."""

from django.contrib import admin

from samskapa.coaching.models import CoachAssignment


@admin.register(CoachAssignment)
class CoachAssignmentAdmin(admin.ModelAdmin[CoachAssignment]):
    list_display = ("project", "coach", "created_at")
    list_select_related = ("project", "coach")
