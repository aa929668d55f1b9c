from django.contrib import admin

from samskapa.toolkit.models import SelfAssessment, SelfAssessmentRating, ToolkitSettings


@admin.register(ToolkitSettings)
class ToolkitSettingsAdmin(admin.ModelAdmin[ToolkitSettings]):
    """The centre's one row of settings: which participation scale new projects use."""

    list_display = ["__str__", "participation_scale"]

    def has_add_permission(self, request: object) -> bool:
        return not ToolkitSettings.objects.exists()

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


class RatingInline(admin.TabularInline[SelfAssessmentRating, SelfAssessment]):
    model = SelfAssessmentRating
    extra = 0


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin[SelfAssessment]):
    list_display = ["project", "assessed_on", "context"]
    list_select_related = ["project"]
    raw_id_fields = ["project", "created_by"]
    inlines = [RatingInline]
