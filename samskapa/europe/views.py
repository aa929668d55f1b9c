"""The European catalogue's pages. Public pages are @login_not_required and served from the
shared cache (area "europe", touched by every write in services.py); the import and the
directory's management pages are the admin's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.core import uploads
from samskapa.core.access import get_object_for_user
from samskapa.core.pagecache import public_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.europe import importer, selectors, services
from samskapa.europe.forms import CentreForm, FilterForm, ImportForm
from samskapa.europe.models import CompetenceCentre

PAGE_SIZE = 20


# --- Public -----------------------------------------------------------------------------------


@login_not_required
@public_cache("europe")
def index(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None, countries=selectors.catalogue_countries())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.InitiativeFilters(
        q=(data.get("q") or "").strip(),
        country=data.get("country") or "",
        source=data.get("source") or "",
        theme=(data.get("theme") or "").strip(),
    )
    page = Paginator(selectors.search_initiatives(filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "europe/index.html",
        {"form": form, "page": page, "filtered": any(vars(filters).values())},
    )


@login_not_required
@public_cache("europe")
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_for_user(
        selectors.public_initiatives(),
        user=request.user,
        perm="europe.view_initiative",
        path=request.path,
        pk=pk,
    )
    return render(request, "europe/initiative_detail.html", {"initiative": initiative})


@login_not_required
@public_cache("europe")
def centres(request: HttpRequest) -> HttpResponse:
    return render(request, "europe/centres.html", {"centres": list(selectors.public_centres())})


# --- Import (admin) ---------------------------------------------------------------------------

IMPORT_SESSION_KEY = "europe_import"


def _stored_upload(request: HttpRequest) -> tuple[dict[str, Any], bytes] | None:
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state:
        return None
    path = uploads.path(state["token"], state["ext"])  # kept like every import file
    return (state, path.read_bytes()) if path.exists() else None


def _parse(state: dict[str, Any], data: bytes) -> importer.InitiativeImport:
    return importer.parse(data, f"upload.{state['ext']}", source=state["source"])


@permission_required("europe.import_initiatives", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads.purge(now=timezone.now(), dry_run=False)
        upload = form.cleaned_data["file"]
        ext = "json" if upload.name.lower().endswith(".json") else "csv"
        token = uploads.store(upload.read(), ext)
        request.session[IMPORT_SESSION_KEY] = {
            "token": token,
            "ext": ext,
            "source": form.cleaned_data["source"],
            "original": upload.name[:200],
        }
        return redirect("europe:import-preview")
    return render(request, "europe/import_upload.html", {"form": form})


@permission_required("europe.import_initiatives", raise_exception=True)
def import_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("europe:import")
    state, data = stored
    return render(
        request, "europe/import_preview.html", {"state": state, "parsed": _parse(state, data)}
    )


@permission_required("europe.import_initiatives", raise_exception=True)
@require_POST
def import_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("europe:import")
    state, data = stored
    try:
        counts = importer.commit(_parse(state, data), by=request.user)
    except importer.ImportFailed:
        messages.error(request, _("Nothing was imported: the file has errors."))
        return redirect("europe:import-preview")
    uploads.delete(state["token"], state["ext"])
    del request.session[IMPORT_SESSION_KEY]
    messages.success(
        request,
        _("Imported: %(created)s new initiatives, %(updated)s updated, %(unchanged)s unchanged.")
        % {
            "created": counts["create"],
            "updated": counts["update"],
            "unchanged": counts["unchanged"],
        },
    )
    return redirect("europe:index")


# --- The directory of competence centres (admin) ------------------------------------------------


@permission_required("europe.manage_centres", raise_exception=True)
def manage_centres(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request, "europe/manage_centres.html", {"centres": list(selectors.public_centres())}
    )


def _centre(request: HttpRequest, pk: int) -> CompetenceCentre:
    return get_object_for_user(
        selectors.public_centres(),
        user=request.user,
        perm="europe.manage_centres",
        path=request.path,
        pk=pk,
    )


def _centre_form(request: HttpRequest, centre: CompetenceCentre | None) -> HttpResponse:
    form = CentreForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        services.save_centre(centre=form.save(commit=False))
        messages.success(request, _("The competence centre has been saved."))
        return redirect("europe:manage-centres")
    return render(request, "europe/centre_form.html", {"form": form, "centre": centre})


@permission_required("europe.manage_centres", raise_exception=True)
@require_http_methods(["GET", "POST"])
def centre_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _centre_form(request, None)


@permission_required("europe.manage_centres", raise_exception=True)
@require_http_methods(["GET", "POST"])
def centre_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _centre_form(request, _centre(request, pk))


@permission_required("europe.manage_centres", raise_exception=True)
@require_POST
def centre_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    services.delete_centre(centre=_centre(request, pk))
    messages.success(request, _("The competence centre has been removed from the directory."))
    return redirect("europe:manage-centres")
