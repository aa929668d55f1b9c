from django.urls import path

from samskapa.conference import views

app_name = "conference"

urlpatterns = [
    path("conference/", views.index, name="index"),
    path("conference/<int:year>/", views.edition_detail, name="edition-detail"),
    path("conference/<int:year>/programme/", views.programme, name="programme"),
    path("conference/<int:year>/programme.ics", views.programme_ics, name="programme-ics"),
    path("conference/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("conference/sessions/<int:pk>/session.ics", views.session_ics, name="session-ics"),
    path("conference/<int:year>/register/", views.register, name="register"),
    path("conference/<int:year>/call/", views.submit, name="submit"),
    # Token pages: no account, an unguessable link; unknown or expired tokens answer 404.
    path("conference/r/<str:token>/", views.registration_manage, name="registration-manage"),
    path("conference/r/<str:token>/agenda.ics", views.registration_ics, name="registration-ics"),
    path("conference/r/<str:token>/cancel/", views.registration_cancel, name="registration-cancel"),
    path("conference/feedback/<str:token>/", views.feedback, name="feedback"),
    path("conference/input/<str:token>/", views.submission_manage, name="submission-manage"),
    path(
        "conference/input/<str:token>/withdraw/",
        views.submission_withdraw,
        name="submission-withdraw",
    ),
    # Organisers
    path("conference/organise/", views.organise, name="organise"),
    path("conference/organise/<int:year>/", views.organise_edition, name="organise-edition"),
    path("conference/organise/<int:year>/needs/", views.needs_list, name="needs"),
    path("conference/organise/<int:year>/participants/", views.participants, name="participants"),
    path(
        "conference/organise/<int:year>/participants/<int:pk>/check-in/",
        views.check_in,
        name="check-in",
    ),
    path(
        "conference/organise/<int:year>/participants.xlsx",
        views.participants_export,
        name="participants-export",
    ),
    path("conference/organise/<int:year>/badges.pdf", views.badges, name="badges"),
    path("conference/organise/<int:year>/statistics/", views.statistics, name="statistics"),
    path(
        "conference/organise/<int:year>/feedback/", views.feedback_results, name="feedback-results"
    ),
    path("conference/organise/<int:year>/input/", views.submissions, name="submissions"),
    path(
        "conference/organise/<int:year>/input/<int:pk>/",
        views.submission_decide,
        name="submission-decide",
    ),
    path(
        "conference/organise/<int:year>/feedback/invite/",
        views.feedback_invite,
        name="feedback-invite",
    ),
    # The back office
    path("conference/organise/new/", views.edition_create, name="edition-create"),
    path(
        "conference/organise/programme/",
        views.programme_grid_current,
        name="programme-grid-current",
    ),
    path(
        "conference/organise/<int:year>/settings/", views.edition_settings, name="edition-settings"
    ),
    path(
        "conference/organise/<int:year>/rooms-tracks-criteria/",
        views.edition_structure,
        name="edition-structure",
    ),
    path("conference/organise/<int:year>/programme/", views.programme_grid, name="programme-grid"),
    path(
        "conference/organise/<int:year>/programme/<int:pk>/place/",
        views.session_place,
        name="session-place",
    ),
    path(
        "conference/organise/<int:year>/sessions/new/",
        views.session_create,
        name="session-create",
    ),
    path(
        "conference/organise/<int:year>/sessions/<int:pk>/", views.session_edit, name="session-edit"
    ),
    path(
        "conference/organise/<int:year>/sessions/<int:pk>/delete/",
        views.session_delete,
        name="session-delete",
    ),
    path(
        "conference/organise/<int:year>/sessions/<int:pk>/documents/",
        views.document_upload,
        name="document-upload",
    ),
    path(
        "conference/organise/<int:year>/documents/<int:pk>/delete/",
        views.document_delete,
        name="document-delete",
    ),
    path("conference/documents/<int:pk>/", views.document_download, name="document-download"),
    path("conference/reviews/", views.review_list, name="review-list"),
    path("conference/reviews/<int:pk>/", views.review, name="review"),
]
