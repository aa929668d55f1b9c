from django.urls import path

from samskapa.evaluation import views, views_findings, views_reports
from samskapa.evaluation.urls_surveys import urlpatterns as survey_urlpatterns

app_name = "evaluation"

urlpatterns = [
    path("results/", views.overview, name="overview"),
    path("results/calls/<int:pk>/", views.call_detail, name="call"),
    path("results/calls/<int:pk>/reveal/", views.reveal, name="reveal"),
    path("results/calls/<int:pk>/periods/", views.periods, name="periods"),
    path("results/coalitions/<int:pk>/", views.coalition_detail, name="coalition"),
    path("results/projects/<int:pk>/", views.project_figures, name="project"),
    path(
        "results/projects/<int:pk>/indicators/<int:link_pk>/targets/",
        views.targets,
        name="targets",
    ),
    path("results/projects/<int:pk>/periods/<int:period_pk>/", views.report, name="report"),
    path("results/approval/", views.queue, name="queue"),
    path("results/approval/<int:pk>/", views.review, name="review"),
    path("results/indicators/", views.catalogue, name="catalogue"),
    path("results/indicators/new/", views.indicator_create, name="indicator-create"),
    path("results/indicators/<int:pk>/", views.indicator_edit, name="indicator-edit"),
    path("results/import/", views.import_upload, name="import"),
    path("results/import/preview/", views.import_preview, name="import-preview"),
    path("results/import/confirm/", views.import_confirm, name="import-confirm"),
    path("results/import/example.xlsx", views.import_example, name="import-example"),
    path("results/export.<fmt>", views.export, name="export"),
    path("results/raw.<fmt>", views.export_raw, name="export-raw"),
    path("evaluation/cycles/", views.cycles, name="cycles"),
    path("evaluation/cycles/new/", views.cycle_create, name="cycle-create"),
    path("evaluation/cycles/<int:pk>/", views.cycle_detail, name="cycle"),
    path("evaluation/cycles/<int:pk>/edit/", views.cycle_edit, name="cycle-edit"),
    path("evaluation/cycles/<int:pk>/status/", views.cycle_status, name="cycle-status"),
    path("evaluation/cycles/<int:pk>/codebook/", views.codebook, name="codebook"),
    path("evaluation/cycles/<int:pk>/codebook/copy/", views.codebook_copy, name="codebook-copy"),
    path("evaluation/codes/<int:pk>/edit/", views.code_edit, name="code-edit"),
    path("evaluation/cycles/<int:pk>/excerpts/", views.excerpts, name="excerpts"),
    path("evaluation/cycles/<int:pk>/excerpts/new/", views.excerpt_new, name="excerpt-new"),
    path("evaluation/excerpts/<int:pk>/", views.excerpt_edit, name="excerpt-edit"),
]

# Themes, findings and recommendations (issue 14, point 3).
urlpatterns += [
    path("evaluation/findings/", views_findings.my_findings, name="my-findings"),
    path("evaluation/cycles/<int:pk>/themes/", views_findings.themes, name="themes"),
    path("evaluation/themes/<int:pk>/edit/", views_findings.theme_edit, name="theme-edit"),
    path("evaluation/cycles/<int:pk>/findings/", views_findings.findings, name="findings"),
    path(
        "evaluation/cycles/<int:pk>/findings/new/",
        views_findings.finding_new,
        name="finding-new",
    ),
    path("evaluation/findings/<int:pk>/edit/", views_findings.finding_edit, name="finding-edit"),
    path(
        "evaluation/findings/<int:pk>/recommendations/",
        views_findings.recommendation_new,
        name="recommendation-new",
    ),
    path(
        "evaluation/recommendations/<int:pk>/answer/",
        views_findings.recommendation_answer,
        name="recommendation-answer",
    ),
]

# The yearly analysis report and consent to be named (issue 14, points 4 and 5).
urlpatterns += [
    path("evaluation/cycles/<int:pk>/report/", views_reports.report_edit, name="report-edit"),
    path(
        "evaluation/cycles/<int:pk>/report/publish/",
        views_reports.report_publish,
        name="report-publish",
    ),
    path("evaluation/reports/", views_reports.published_reports, name="published-reports"),
    path("evaluation/reports/<int:pk>/", views_reports.published_report, name="published-report"),
    path(
        "evaluation/reports/<int:pk>/report.pdf",
        views_reports.published_report_pdf,
        name="published-report-pdf",
    ),
    path(
        "evaluation/reports/<int:pk>/annex.xlsx",
        views_reports.published_report_annex,
        name="published-report-annex",
    ),
    path(
        "evaluation/projects/<int:pk>/consent/",
        views_reports.naming_consent,
        name="naming-consent",
    ),
]
# Surveys of evaluation cycles (issue 15).
urlpatterns += survey_urlpatterns
