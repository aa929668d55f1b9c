from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskapa.evaluation.cycles import Code, CycleDate, EvaluationCycle, EvaluationQuestion
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


class QuestionInline(admin.TabularInline):
    model = EvaluationQuestion
    extra = 0


class CycleDateInline(admin.TabularInline):
    model = CycleDate
    extra = 0


@admin.register(EvaluationCycle)
class EvaluationCycleAdmin(admin.ModelAdmin):
    list_display = ["year", "title_sv", "status", "source"]
    list_filter = ["status", "year"]
    search_fields = ["title_sv", "title_en"]
    filter_horizontal = ["projects", "evaluators"]
    inlines = [QuestionInline, CycleDateInline]


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "cycle", "focus_area", "parent"]
    list_filter = ["focus_area"]
    search_fields = ["name_sv", "name_en"]


# Themes, findings and recommendations (issue 14, point 3).
from samskapa.evaluation.findings import (  # noqa: E402
    Finding,
    Recommendation,
    RecommendationResponse,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "cycle"]
    search_fields = ["name_sv", "name_en"]
    filter_horizontal = ["codes"]


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cycle", "focus_area", "strength", "shared"]
    list_filter = ["strength", "shared", "focus_area"]
    search_fields = ["claim_sv", "claim_en"]
    raw_id_fields = ["excerpts", "session"]
    filter_horizontal = ["indicators"]
    inlines = [RecommendationInline]


@admin.register(RecommendationResponse)
class RecommendationResponseAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "project", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["recommendation", "project", "created_by"]
