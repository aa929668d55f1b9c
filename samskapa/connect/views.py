"""Pages of the connect app: projects like this one, and contact requests between projects.
HTTP only: permissions in rules.py, reads in selectors.py, writes in services.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.connect import selectors, services
from samskapa.connect.forms import ContactRequestForm, CounterpartForm
from samskapa.connect.models import ContactRequest
from samskapa.core import ratelimit
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects.selectors import get_project_for_user


def similar(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(request.user, pk, "connect.view_similar", request.path)
    suggestions = selectors.similar_projects(project, request.user)
    can_contact = request.user.has_perm("connect.send_request", project)
    context = {
        "project": project,
        "suggestions": suggestions,
        "can_contact": can_contact,
        "in_contact": selectors.projects_in_contact(project) if can_contact else set(),
    }
    return render(request, "connect/similar.html", context)


def request_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(request.user, pk, "connect.list_requests", request.path)
    context = {"project": project, **selectors.requests_of(project)}
    return render(request, "connect/requests.html", context)


@require_http_methods(["GET", "POST"])
def request_create(request: AuthenticatedHttpRequest, pk: int, target_pk: int) -> HttpResponse:
    project = get_project_for_user(request.user, pk, "connect.send_request", request.path)
    target = selectors.get_card_project_for_user(request.user, target_pk, request.path)
    if target.pk == project.pk:
        raise Http404
    existing = selectors.live_request_between(project, target)
    form = ContactRequestForm(request.POST or None)
    if request.method == "POST" and existing is None:
        if ratelimit.person_exceeded(request, ratelimit.CONTACT_REQUEST):
            return ratelimit.too_many(request, ratelimit.CONTACT_REQUEST)
        if form.is_valid():
            try:
                sent = services.send_request(
                    from_project=project,
                    to_project=target,
                    message=form.cleaned_data["message"],
                    by=request.user,
                    site_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your request has been sent. You will get an e-mail when they answer."),
                )
                return redirect(sent)
    context = {"project": project, "target": target, "form": form, "existing": existing}
    return render(request, "connect/request_form.html", context)


def _request(request: AuthenticatedHttpRequest, pk: int) -> ContactRequest:
    return selectors.get_request_for_user(request.user, pk, "connect.view_request", request.path)


def request_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = _request(request, pk)
    side = selectors.project_side(request.user, contact)
    can_add = request.user.has_perm("connect.add_to_map", contact)
    context = {
        "contact": contact,
        "project": side,
        "other": contact.other_project(side),
        "received": contact.to_project_id == side.pk,
        "details": selectors.contact_details(contact),
        "can_answer": request.user.has_perm("connect.answer_request", contact),
        "can_add_to_map": can_add,
        "map_actor": services.map_actor_for(contact, side) if can_add else None,
    }
    return render(request, "connect/request_detail.html", context)


@require_POST
def request_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = _request(request, pk)
    if not request.user.has_perm("connect.answer_request", contact):
        if contact.is_pending:
            raise PermissionDenied
        messages.error(request, _("This request has already been answered."))
        return redirect(contact)
    accept = request.POST.get("decision") == "accept"
    if not accept and request.POST.get("decision") != "decline":
        messages.error(request, _("Choose whether to accept or decline the request."))
        return redirect(contact)
    try:
        services.answer_request(
            request=contact,
            accept=accept,
            by=request.user,
            site_url=request.build_absolute_uri("/"),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(
                request, _("You have accepted. Both projects now see each other's contact details.")
            )
        else:
            messages.success(request, _("You have declined the request."))
    return redirect(contact)


@require_POST
def request_add_to_map(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = _request(request, pk)
    if not request.user.has_perm("connect.add_to_map", contact):
        raise PermissionDenied
    side = selectors.project_side(request.user, contact)
    services.add_to_ecosystem_map(request=contact, project=side, by=request.user)
    messages.success(
        request,
        _("%(name)s is on your ecosystem map.") % {"name": contact.other_project(side).owner.name},
    )
    return redirect(contact)


# --- Counterparts in Europe (staff who review cases) --------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("connect.link_counterparts", raise_exception=True)
def counterparts(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case(pk)
    form = CounterpartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_counterpart(
                case=case, initiative=form.cleaned_data["initiative"], by=request.user
            )
        except ValidationError as error:
            form.add_error("initiative", error)
        else:
            messages.success(request, _("The counterpart is linked."))
            return redirect("connect:counterparts", pk=case.pk)
    linked = selectors.counterparts_of(case)
    linked_ids = {c.initiative_id for c in linked}
    peers = [p for p in selectors.european_peers(case) if p.initiative.pk not in linked_ids]
    context = {"case": case, "form": form, "linked": linked, "peers": peers}
    return render(request, "connect/counterparts.html", context)


@require_POST
@permission_required("connect.link_counterparts", raise_exception=True)
def counterpart_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    counterpart = selectors.get_counterpart(pk)
    services.unlink_counterpart(counterpart=counterpart, by=request.user)
    messages.success(request, _("The link is removed."))
    return redirect("connect:counterparts", pk=counterpart.case_id)
