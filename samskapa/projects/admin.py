from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskapa.projects.models import Call, Invitation, Project, ProjectMember, ProjectOrganisation


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "call_type", "opens", "closes"]
    search_fields = ["reference", "title"]


class ProjectOrganisationInline(admin.TabularInline):
    model = ProjectOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


class ProjectMemberInline(admin.TabularInline):
    model = ProjectMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "call", "owner", "phase"]
    list_filter = ["phase", "call"]
    search_fields = ["number", "name"]
    raw_id_fields = ["owner"]
    inlines = [ProjectOrganisationInline, ProjectMemberInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "project", "role", "created_at", "expires_at", "accepted_at"]
    exclude = ["token"]
