from django.contrib import admin

from samskapa.coalitions.models import Coalition, CoalitionProject


class CoalitionProjectInline(admin.TabularInline[CoalitionProject, Coalition]):
    model = CoalitionProject
    extra = 0
    autocomplete_fields = ("project",)


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin[Coalition]):
    list_display = ("name", "call", "theme")
    list_select_related = ("call",)
    filter_horizontal = ("process_leaders",)
    inlines = (CoalitionProjectInline,)
