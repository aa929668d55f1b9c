from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts import personal_data, services
from samskapa.accounts.forms import (
    ErasureForm,
    OrganisationFilterForm,
    OrganisationForm,
    PeopleFilterForm,
    ProfileForm,
    StaffInvitationForm,
    StaffRoleForm,
)
from samskapa.accounts.models import Organisation, User
from samskapa.accounts.selectors import list_organisations, list_people
from samskapa.core import ratelimit
from samskapa.core.access import get_object_for_user
from samskapa.core.typing import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.save_profile(user=form.save(commit=False), fields=form.changed_data)
        # The next page speaks the saved language at once, and so does its message.
        with translation.override(user.language):
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
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


# --- People and staff roles (administrators) --------------------------------------------------


@permission_required("accounts.manage_people", raise_exception=True)
def people(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = list_people(q=filters.get("q", ""), role=filters.get("role", ""))
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    return render(request, "accounts/people.html", {"form": form, "page": page})


@permission_required("accounts.manage_people", raise_exception=True)
@require_http_methods(["GET", "POST"])
def person_invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.person_exceeded(request, ratelimit.INVITATION):
            return ratelimit.too_many(request, ratelimit.INVITATION)
        if form.is_valid():
            person = services.invite_staff(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                role=form.cleaned_data["staff_role"],
                by=request.user,
                site_url=request.build_absolute_uri("/"),
            )
            messages.success(
                request,
                _("%(name)s has an account now and has been sent a link to choose a password.")
                % {"name": person.get_full_name()},
            )
            return redirect("accounts:person", pk=person.pk)
    return render(request, "accounts/person_invite.html", {"form": form})


def _person(request: AuthenticatedHttpRequest, pk: int) -> User:
    return get_object_for_user(
        User.objects.filter(erased_at__isnull=True).select_related("organisation"),
        user=request.user,
        perm="accounts.manage_people",
        path=request.path,
        pk=pk,
    )


def _person_page(
    request: AuthenticatedHttpRequest,
    person: User,
    form: StaffRoleForm | None = None,
    account_error: str = "",
) -> HttpResponse:
    context = {
        "person": person,
        "form": form or StaffRoleForm(initial={"staff_role": person.staff_role}),
        "account_error": account_error,
        "is_self": person.pk == request.user.pk,
    }
    return render(request, "accounts/person.html", context)


@permission_required("accounts.manage_people", raise_exception=True)
@require_http_methods(["GET", "POST"])
def person(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A person's account: their staff role (changed here) and whether they can log in."""
    person = _person(request, pk)
    if request.method != "POST":
        return _person_page(request, person)
    form = StaffRoleForm(request.POST)
    if form.is_valid():
        try:
            services.set_staff_role(
                person=person, role=form.cleaned_data["staff_role"], by=request.user
            )
        except services.PeopleRuleError as error:
            form.add_error("staff_role", str(error))
        else:
            messages.success(
                request,
                _("The role of %(name)s has been saved.") % {"name": person.get_full_name()},
            )
            return redirect("accounts:person", pk=person.pk)
    person.refresh_from_db()
    return _person_page(request, person, form=form)


@permission_required("accounts.manage_people", raise_exception=True)
@require_POST
def person_deactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    try:
        services.deactivate_person(person=person, by=request.user)
    except services.PeopleRuleError as error:
        return _person_page(request, person, account_error=str(error))
    messages.success(
        request,
        _("%(name)s can no longer log in. Their work stays in Samskapa.")
        % {"name": person.get_full_name()},
    )
    return redirect("accounts:person", pk=person.pk)


@permission_required("accounts.manage_people", raise_exception=True)
@require_POST
def person_reactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    services.reactivate_person(person=person, by=request.user)
    messages.success(request, _("%(name)s can log in again.") % {"name": person.get_full_name()})
    return redirect("accounts:person", pk=person.pk)
