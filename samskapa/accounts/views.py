from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts import personal_data, services
from samskapa.accounts.forms import (
    ErasureForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
)
from samskapa.accounts.models import Organisation
from samskapa.accounts.selectors import list_organisations
from samskapa.core.access import get_object_for_user
from samskapa.core.typing import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.save_profile(user=form.save(commit=False), fields=form.changed_data)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        # The page language follows the saved choice at once.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})


def _my_data_page(
    request: AuthenticatedHttpRequest, form: ErasureForm, *, status: int = 200
) -> HttpResponse:
    context = {"erasure_form": form, "refusals": personal_data.refusals(request.user)}
    return render(request, "accounts/my_data.html", context, status=status)


def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _my_data_page(request, ErasureForm(user=request.user))


def my_data_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = services.export_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="samskapa-my-data-{stamp}.json"'
    return response


@require_POST
def my_data_erase(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ErasureForm(request.POST, user=user)
    if not form.is_valid():
        return _my_data_page(request, form, status=400)
    try:
        services.erase_user(user=user, by=user)
    except services.ErasureRefused:
        return _my_data_page(request, form, status=400)
    logout(request)
    messages.success(request, _("Your personal data has been erased and you have been logged out."))
    return redirect("core:home")


@permission_required("accounts.view_organisation", raise_exception=True)
def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = list_organisations(
        q=filters.get("q", ""), sector=filters.get("sector", ""), region=filters.get("region", "")
    )
    page = Paginator(organisations, 25).get_page(request.GET.get("page"))
    return render(request, "accounts/organisation_list.html", {"form": form, "page": page})


def organisation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for_user(
        Organisation.objects.all(),
        user=request.user,
        perm="accounts.view_organisation",
        path=request.path,
        pk=pk,
    )
    return render(request, "accounts/organisation_detail.html", {"organisation": organisation})


@permission_required("accounts.add_organisation", raise_exception=True)
@require_http_methods(["GET", "POST"])
def organisation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.save_organisation(
            organisation=form.save(commit=False), by=request.user
        )
        messages.success(request, _("The organisation has been added."))
        return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for_user(
        Organisation.objects.all(),
        user=request.user,
        perm="accounts.change_organisation",
        path=request.path,
        pk=pk,
    )
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.save_organisation(organisation=form.save(commit=False), by=request.user)
        messages.success(request, _("The organisation has been saved."))
        return redirect(organisation)
    return render(
        request, "accounts/organisation_form.html", {"form": form, "organisation": organisation}
    )
