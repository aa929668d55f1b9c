from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskapa.evaluation.models import (
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "kind", "level", "measure", "aggregation", "active"]
    list_filter = ["kind", "level", "measure", "active"]
    search_fields = ["code", "name_sv", "name_en"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["name", "call", "starts", "ends", "due", "locks"]
    list_filter = ["call"]


class PeriodTargetInline(admin.TabularInline):
    model = PeriodTarget
    extra = 0


@admin.register(ProjectIndicator)
class ProjectIndicatorAdmin(admin.ModelAdmin):
    list_display = ["project", "indicator", "target"]
    raw_id_fields = ["project"]
    inlines = [PeriodTargetInline]


@admin.register(Value)
class ValueAdmin(SimpleHistoryAdmin):
    list_display = ["project", "indicator", "period", "status", "value", "version"]
    list_filter = ["status", "indicator"]
    raw_id_fields = ["project"]
