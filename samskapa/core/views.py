from __future__ import annotations

import logging
import sys
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from samskapa.accounts import services as accounts_services
from samskapa.accounts.models import User
from samskapa.core import health, languages
from samskapa.core.dashboard import panels_for
from samskapa.core.logs import route_of
from samskapa.core.models import AuditEvent
from samskapa.core.pagecache import personal_cache, public_cache
from samskapa.core.typing import AuthenticatedHttpRequest

logger = logging.getLogger("samskapa.incidents")


@login_not_required
@require_http_methods(["GET", "POST"])
def set_language(request: HttpRequest) -> HttpResponse:
    """The old language switch (a form posted here), kept so that pages open in a browser from
    before still work: stores the choice in the person's account and sends them to the `next`
    page's address in that language. Today's switch is a link (samskapa.core.languages)."""
    data = request.POST if request.method == "POST" else request.GET
    language = data.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    user = request.user
    if isinstance(user, User):
        accounts_services.set_language(user=user, language=language)
    next_url = data.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    # The `next` address resolves in its own language, which its prefix names.
    with translation.override(languages.from_path(next_url) or settings.LANGUAGE_CODE):
        return redirect(languages.address_in(next_url, language))


@login_not_required
@public_cache()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@login_not_required
@public_cache()
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@login_not_required
@public_cache()
def support(request: HttpRequest) -> HttpResponse:
    return render(request, "core/support.html")


@login_not_required
@public_cache()
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@personal_cache
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "core/dashboard.html", {"panels": panels_for(request)})


@permission_required("core.view_auditevent", raise_exception=True)
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    events = AuditEvent.objects.select_related("actor")
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "action": action})


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The database, the shared cache, the task backlog and the mail configuration; 503 when
    the database or the cache is down (samskapa.core.health)."""
    body, healthy = health.report()
    return JsonResponse(body, status=200 if healthy else 503)


@login_not_required
def security_txt(request: HttpRequest) -> HttpResponse:
    expires = (timezone.now() + timedelta(days=365)).strftime("%Y-%m-%dT00:00:00Z")
    body = (
        f"Contact: mailto:{settings.SAMSKAPA_SECURITY_CONTACT}\n"
        f"Expires: {expires}\n"
        "Preferred-Languages: sv, en\n"
        f"Policy: {request.build_absolute_uri('/about/')}\n"
    )
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@login_not_required
@never_cache
@require_http_methods(["GET"])
def csrf_token(request: HttpRequest) -> JsonResponse:
    """A CSRF token for a form on a page from the public cache, fetched when the form is sent
    (core/js/token-on-use.js; docs/architecture.md, "Public pages from the cache"). Sets the
    CSRF cookie as any page with a form does."""
    return JsonResponse({"token": get_token(request)})


@login_not_required
def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@login_not_required
def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    """Log the error under an incident id and show the id, never a traceback.

    Rendered without context processors: the failure may lie in them, or in the database.
    """
    incident = uuid.uuid4().hex[:12]
    logger.error("Incident %s at %s", incident, route_of(request.path), exc_info=sys.exc_info())
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"incident_id": incident}), status=500)
