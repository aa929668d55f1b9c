from django.contrib.auth.decorators import login_not_required
from django.urls import path

from samskapa.core.pagecache import public_cache
from samskapa.showcase import opendata, views
from samskapa.showcase.feeds import LatestCasesFeed

app_name = "showcase"

urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path(
        "cases/feed/",
        login_not_required(public_cache("showcase")(LatestCasesFeed())),
        name="case-feed",
    ),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/contact/", views.case_contact, name="case-contact"),
    path("cases/pictures/<int:pk>/", views.case_picture, name="case-picture"),
    path("showcase/review/", views.review_queue, name="review-queue"),
    path("showcase/review/<int:pk>/", views.review_version, name="review-version"),
    path("showcase/review/<int:pk>/publish/", views.review_publish, name="review-publish"),
    path("showcase/review/<int:pk>/return/", views.review_return, name="review-return"),
    path("showcase/spread/", views.spread_dashboard, name="spread-dashboard"),
    path("projects/<int:project_pk>/case/", views.project_case, name="project-case"),
    path("projects/<int:project_pk>/case/start/", views.case_start, name="case-start"),
    path("projects/<int:project_pk>/case/edit/", views.case_edit, name="case-edit"),
    path("projects/<int:project_pk>/case/refill/", views.case_refill, name="case-refill"),
    path(
        "projects/<int:project_pk>/case/picture/",
        views.case_picture_upload,
        name="case-picture-upload",
    ),
    path(
        "projects/<int:project_pk>/case/picture/remove/",
        views.case_picture_remove,
        name="case-picture-remove",
    ),
    path("projects/<int:project_pk>/case/submit/", views.case_submit, name="case-submit"),
    path("projects/<int:project_pk>/case/withdraw/", views.case_withdraw, name="case-withdraw"),
    path("projects/<int:project_pk>/spread/", views.spread_list, name="spread-list"),
    path("projects/<int:project_pk>/spread/new/", views.spread_create, name="spread-create"),
    path("spread/<int:pk>/edit/", views.spread_edit, name="spread-edit"),
    path("spread/<int:pk>/delete/", views.spread_delete, name="spread-delete"),
    path("open-data/", opendata.index, name="open-data"),
    path("open-data/catalog.jsonld", opendata.catalog, name="open-data-catalog"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata.download, name="open-data-file"),
]
