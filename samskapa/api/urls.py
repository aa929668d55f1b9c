"""The public API under /api/v1/ (outside the language prefixes; its documentation page is in
docs_urls.py, with a Swedish and an English address). One router: an endpoint is
one `router.register(...)` line (docs/api.md, "Adding an endpoint")."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from samskapa.api import views

app_name = "api"

router = DefaultRouter(trailing_slash=True, use_regex_path=False)
router.include_format_suffixes = False
router.register("cases", views.CaseViewSet, basename="case")
router.register("spread-records", views.SpreadRecordViewSet, basename="spread-record")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("aggregates", views.AggregateViewSet, basename="aggregate")
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
router.register("competence-centres", views.CompetenceCentreViewSet, basename="competence-centre")

urlpatterns = [
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
]
# Every endpoint is public: Django's LoginRequiredMiddleware lets anonymous callers through.
for pattern in router.urls:
    pattern.callback = login_not_required(pattern.callback)
    urlpatterns.append(pattern)
