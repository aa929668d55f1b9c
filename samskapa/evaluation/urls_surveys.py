"""Survey pages (included from evaluation/urls.py, in the `evaluation` namespace)."""

from django.urls import path

from samskapa.evaluation import views_surveys as views

urlpatterns = [
    path("evaluation/cycles/<int:pk>/surveys/", views.surveys, name="surveys"),
    path("evaluation/cycles/<int:pk>/surveys/import/", views.survey_import, name="survey-import"),
    path(
        "evaluation/cycles/<int:pk>/surveys/import/preview/",
        views.survey_import_preview,
        name="survey-import-preview",
    ),
    path(
        "evaluation/cycles/<int:pk>/surveys/import/confirm/",
        views.survey_import_confirm,
        name="survey-import-confirm",
    ),
    path("evaluation/surveys/<int:pk>/", views.survey_detail, name="survey"),
    path("evaluation/surveys/<int:pk>/edit/", views.survey_edit, name="survey-edit"),
    path("evaluation/surveys/<int:pk>/freeze/", views.survey_freeze, name="survey-freeze"),
    path("evaluation/surveys/<int:pk>/xlsform.xlsx", views.survey_export, name="survey-export"),
    path("evaluation/surveys/<int:pk>/sections/new/", views.section_new, name="section-new"),
    path("evaluation/surveys/<int:pk>/questions/new/", views.question_new, name="question-new"),
    path("evaluation/survey-questions/<int:pk>/", views.question_edit, name="question-edit"),
    path(
        "evaluation/survey-questions/<int:pk>/delete/",
        views.question_delete,
        name="question-delete",
    ),
]

urlpatterns += [
    path("evaluation/surveys/<int:pk>/waves/new/", views.wave_new, name="wave-new"),
    path("evaluation/surveys/<int:pk>/results/", views.survey_results, name="survey-results"),
    path(
        "evaluation/surveys/<int:pk>/results.<str:fmt>",
        views.survey_results_export,
        name="survey-results-export",
    ),
    path("evaluation/waves/<int:pk>/", views.wave_detail, name="wave"),
    path("evaluation/waves/<int:pk>/edit/", views.wave_edit, name="wave-edit"),
    path("evaluation/waves/<int:pk>/links/", views.wave_invite, name="wave-invite"),
    path("evaluation/waves/<int:pk>/remind/", views.wave_remind, name="wave-remind"),
    path("evaluation/waves/<int:pk>/answer/", views.wave_answer, name="wave-answer"),
    path("survey/<str:token>/", views.answer_link, name="answer-link"),
]
