from django.urls import path

from samskapa.coalitions import views

app_name = "coalitions"

urlpatterns = [
    path("coalitions/", views.coalition_list, name="coalition-list"),
    path("coalitions/new/", views.coalition_create, name="coalition-create"),
    path("coalitions/lessons/", views.lessons, name="lessons"),
    path("coalitions/calendar/", views.my_calendar, name="my-calendar"),
    path("coalitions/calendar/reset/", views.my_calendar_reset, name="my-calendar-reset"),
    path("coalitions/calendar/<str:token>.ics", views.user_feed, name="user-feed"),
    path("coalitions/feed/<str:token>.ics", views.coalition_feed, name="coalition-feed"),
    path("coalitions/<int:pk>/", views.coalition_detail, name="coalition-detail"),
    path("coalitions/<int:pk>/edit/", views.coalition_edit, name="coalition-edit"),
    path(
        "coalitions/<int:pk>/feed/reset/", views.coalition_feed_reset, name="coalition-feed-reset"
    ),
    path("coalitions/<int:pk>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("coalitions/meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("coalitions/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("coalitions/meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting-ics"),
    path("coalitions/meetings/<int:pk>/invite/", views.meeting_invite, name="meeting-invite"),
    path(
        "coalitions/meetings/<int:pk>/attendance/",
        views.meeting_attendance,
        name="meeting-attendance",
    ),
    path(
        "coalitions/meetings/<int:pk>/documentation/",
        views.meeting_document,
        name="meeting-document",
    ),
    path("coalitions/meetings/<int:pk>/lessons/", views.lesson_add, name="lesson-add"),
    path("coalitions/meetings/<int:pk>/follow-ups/", views.follow_up_add, name="follow-up-add"),
    path("coalitions/follow-ups/<int:pk>/status/", views.follow_up_status, name="follow-up-status"),
    path(
        "coalitions/meetings/<int:pk>/reflections/<int:project_pk>/",
        views.reflection,
        name="reflection",
    ),
]
