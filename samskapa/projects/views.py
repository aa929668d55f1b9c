from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts.models import User
from samskapa.accounts.rules import is_admin
from samskapa.core import ratelimit, uploads
from samskapa.core.access import get_object_for_user
from samskapa.core.audit import record_event
from samskapa.core.charts import bar_chart, format_number, leader
from samskapa.core.exports import csv_response, xlsx_response
from samskapa.core.models import AuditAction
from samskapa.core.pagecache import personal_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects import importer, selectors, services
from samskapa.projects.enums import NoveltyKind
from samskapa.projects.forms import (
    AcceptInvitationForm,
    CallForm,
    ImportUploadForm,
    InvitationForm,
    PartnerForm,
    ProjectAdminForm,
    ProjectFilterForm,
    ProjectForm,
)
from samskapa.projects.models import (
    Call,
    Invitation,
    Project,
    ProjectMember,
    ProjectOrganisation,
    project_field_label,
)

IMPORT_SESSION_KEY = "projects_import"


# --- Calls --------------------------------------------------------------------------------


@permission_required("projects.view_call", raise_exception=True)
def call_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.list_calls(), 25).get_page(request.GET.get("page"))
    return render(request, "projects/call_list.html", {"page": page})


def call_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_object_for_user(
        Call.objects.all(), user=request.user, perm="projects.view_call", path=request.path, pk=pk
    )
    projects = Project.objects.filter(call=call).select_related("owner").order_by("number")
    page = Paginator(projects, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/call_detail.html",
        {
            "call": call,
            "projects": page.object_list,
            "page": page,
            "figures": selectors.call_key_figures(call),
        },
    )


@permission_required("projects.add_call", raise_exception=True)
@require_http_methods(["GET", "POST"])
def call_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = services.save_call(call=form.save(commit=False), by=request.user)
        messages.success(request, _("The call has been added."))
        return redirect(call)
    return render(request, "projects/call_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def call_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_object_for_user(
        Call.objects.all(), user=request.user, perm="projects.change_call", path=request.path, pk=pk
    )
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        services.save_call(call=form.save(commit=False), by=request.user)
        messages.success(request, _("The call has been saved."))
        return redirect(call)
    return render(request, "projects/call_form.html", {"form": form, "call": call})


# --- Project list and export --------------------------------------------------------------


def _filtered_projects(
    request: AuthenticatedHttpRequest,
) -> tuple[ProjectFilterForm, QuerySet[Project]]:
    form = ProjectFilterForm(request.GET or None)
    projects = selectors.list_projects_for_user(user=request.user)
    return form, selectors.filter_projects(projects, form.filters())


@permission_required("projects.list_projects", raise_exception=True)
def project_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, projects = _filtered_projects(request)
    page = Paginator(projects, 25).get_page(request.GET.get("page"))
    return render(request, "projects/project_list.html", {"form": form, "page": page})


EXPORT_FIELDS = (
    "number", "name", "call", "owner", "phase", "start", "end", "granted_support",
    "total_budget", "cofinancing_rate", "region", "nuts_region", "planned_participants",
    "process_element", "summary",
)  # fmt: skip


def _export_rows(projects: QuerySet[Project]) -> tuple[list[str], list[list[Any]]]:
    header = [project_field_label(name) for name in EXPORT_FIELDS]
    header.insert(4, _("Owner's organisation number"))
    header.insert(5, _("Owner's sector"))
    rows = []
    for p in projects:
        rows.append([
            p.number, p.name, p.call.reference if p.call else "", p.owner.name,
            p.owner.org_number, p.owner.get_sector_display(), p.get_phase_display(), p.start,
            p.end, p.granted_support, p.total_budget, p.cofinancing_rate,
            p.get_region_display(), p.get_nuts_region_display(), p.planned_participants,
            p.get_process_element_display(), p.summary,
        ])  # fmt: skip
    return header, rows


def _export(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    if ratelimit.person_exceeded(request, ratelimit.EXPORT):
        return ratelimit.too_many(request, ratelimit.EXPORT)
    _form, projects = _filtered_projects(request)
    header, rows = _export_rows(projects)
    record_event(
        action=AuditAction.EXPORT,
        actor=request.user,
        path=request.path,
        detail=f"{kind}:{len(rows)}",
    )
    name = f"samskapa-projects-{timezone.localdate().isoformat()}.{kind}"
    if kind == "csv":
        return csv_response(name, header, rows)
    return xlsx_response(name, header, rows, title=_("Projects"))


@permission_required("projects.export_projects", raise_exception=True)
def project_export_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@permission_required("projects.export_projects", raise_exception=True)
def project_export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, "csv")


# --- Workspace ----------------------------------------------------------------------------


def _sector_message(groups: list[dict[str, Any]]) -> str:
    top = leader([(str(g["sector"].label), g["count"]) for g in groups])
    if top is None:
        return ""
    return _("Largest sector: %(sector)s (%(count)s of %(total)s organisations)") % {
        "sector": top[0],
        "count": format_number(top[1]),
        "total": format_number(top[2]),
    }


def _sector_chart(groups: list[dict[str, Any]], project: Project) -> str:
    message = _sector_message(groups) or _("Organisations in %(project)s per sector") % {
        "project": project.name
    }
    return bar_chart(
        [(str(g["sector"].label), g["count"]) for g in groups],
        value_title=_("Organisations"),
        value_axis={"tickMinStep": 1, "format": "d"},
        alt=_("%(message)s. Bar chart; the table below shows the same numbers.")
        % {"message": message},
    )


@personal_cache
def project_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.view_project", request.path
    )
    groups = selectors.partners_by_sector(project)
    context = {
        "project": project,
        "sector_groups": groups,
        "sector_chart": _sector_chart(groups, project),
        "sector_message": _sector_message(groups),
        "target_counts": project.target_counts.all(),
        "novelty_labels": [NoveltyKind(v).label for v in project.novelty if v in NoveltyKind],
        "members": selectors.list_members(project),
        "timeline": selectors.project_timeline(project, limit=20),
        "can_change": request.user.has_perm("projects.change_project", project),
        "can_invite": request.user.has_perm("projects.invite_member", project),
    }
    return render(request, "projects/project_detail.html", context)


@require_http_methods(["GET", "POST"])
def project_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.change_project", request.path
    )
    form_class = ProjectAdminForm if is_admin(request.user) else ProjectForm
    form = form_class(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        project = services.save_profile(
            project=form.save(commit=False),
            by=request.user,
            fields=form.changed_data,
            target_counts=form.target_counts(),
        )
        messages.success(request, _("The project has been saved."))
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@require_http_methods(["GET", "POST"])
def project_partners(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.change_project", request.path
    )
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_partner(
            project=project,
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
            by=request.user,
        )
        messages.success(request, _("The organisation has been added to the project."))
        return redirect("projects:project-partners", pk=project.pk)
    context = {
        "project": project,
        "form": form,
        "sector_groups": selectors.partners_by_sector(project),
    }
    return render(request, "projects/project_partners.html", context)


@require_POST
def partner_remove(request: AuthenticatedHttpRequest, pk: int, link_pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.change_project", request.path
    )
    link = get_object_or_404(ProjectOrganisation, project=project, pk=link_pk)
    if link.organisation_id == project.owner_id and link.is_owner:
        messages.error(request, _("The project owner cannot be removed here."))
    else:
        services.remove_partner(link=link, by=request.user)
        messages.success(request, _("The organisation has been removed from the project."))
    return redirect("projects:project-partners", pk=project.pk)


@require_POST
def member_remove(request: AuthenticatedHttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.invite_member", request.path
    )
    member = get_object_or_404(
        ProjectMember.objects.select_related("user"), pk=member_pk, project=project
    )
    try:
        services.remove_member(member=member, by=request.user)
    except services.LastLeadError:
        messages.error(
            request,
            _("%(name)s is the project's only lead. Make someone else lead before removing them.")
            % {"name": member.user},
        )
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": member.user})
    return redirect("projects:project-members", pk=project.pk)


@require_POST
def member_make_lead(request: AuthenticatedHttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.invite_member", request.path
    )
    member = get_object_or_404(
        ProjectMember.objects.select_related("user"), pk=member_pk, project=project
    )
    services.make_lead(member=member, by=request.user)
    messages.success(request, _("%(name)s is now a project lead.") % {"name": member.user})
    return redirect("projects:project-members", pk=project.pk)


@require_POST
def invitation_revoke(
    request: AuthenticatedHttpRequest, pk: int, invitation_pk: int
) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.invite_member", request.path
    )
    invitation = get_object_or_404(
        Invitation, pk=invitation_pk, project=project, accepted_at__isnull=True
    )
    services.revoke_invitation(invitation=invitation, by=request.user)
    messages.success(
        request,
        _("The invitation to %(email)s has been withdrawn; its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect("projects:project-members", pk=project.pk)


@require_http_methods(["GET", "POST"])
def project_members(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(
        request.user, pk, "projects.view_project", request.path
    )
    can_invite = request.user.has_perm("projects.invite_member", project)
    form = InvitationForm(request.POST or None, project=project) if can_invite else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if ratelimit.person_exceeded(request, ratelimit.INVITATION):
            return ratelimit.too_many(request, ratelimit.INVITATION)
        if form.is_valid():
            services.invite_member(
                project=project,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=request.user,
                site_url=request.build_absolute_uri("/"),
            )
            messages.success(
                request,
                _("An invitation has been sent to %(email)s. The link works for 14 days.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("projects:project-members", pk=project.pk)
    context = {
        "project": project,
        "form": form,
        "members": selectors.list_members(project),
        "invitations": selectors.list_open_invitations(project),
        "now": timezone.now(),
        "can_invite": can_invite,
    }
    return render(request, "projects/project_members.html", context)


# --- Invitations --------------------------------------------------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        Invitation.objects.select_related("project").filter(token=token).first()
        if len(token) <= 64
        else None
    )
    if invitation is None or not invitation.is_usable:
        return render(
            request,
            "projects/invitation_invalid.html",
            {"used": invitation is not None and invitation.accepted_at is not None},
            status=404,
        )
    user = request.user
    if user.is_authenticated:
        assert isinstance(user, User)
        if user.email.lower() != invitation.email.lower():
            return render(
                request,
                "projects/invitation_other_account.html",
                {"invitation": invitation},
                status=403,
            )
        if request.method == "POST":
            services.accept_invitation(invitation=invitation, user=user)
            messages.success(request, _("Welcome to the project."))
            return redirect(invitation.project)
        return render(request, "projects/invitation_accept.html", {"invitation": invitation})
    if User.objects.filter(email__iexact=invitation.email).exists():
        # An existing account logs in first and comes back here.
        return render(request, "projects/invitation_login.html", {"invitation": invitation})
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        new_user = services.create_account_from_invitation(
            invitation=invitation,
            name=form.cleaned_data["name"],
            password=form.cleaned_data["password1"],
            language=request.LANGUAGE_CODE,
        )
        login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account has been created. Welcome to the project."))
        return redirect(invitation.project)
    return render(
        request, "projects/invitation_accept.html", {"invitation": invitation, "form": form}
    )


# --- Import -------------------------------------------------------------------------------


def _end_import(request: AuthenticatedHttpRequest, state: dict[str, Any]) -> None:
    uploads.delete(state["token"], state["ext"])
    request.session.pop(IMPORT_SESSION_KEY, None)


def _stored_import(request: AuthenticatedHttpRequest) -> tuple[dict[str, Any], bytes] | None:
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state:
        return None
    path = uploads.path(state["token"], state["ext"])
    if not path.exists():
        return None
    return state, path.read_bytes()


def _parse_stored(state: dict[str, Any], data: bytes) -> tuple[importer.ParsedFile, Call | None]:
    parsed = importer.parse_file(data, state["filename"], mapping=state.get("mapping") or {})
    call = Call.objects.filter(pk=state["call"]).first() if state.get("call") else None
    return parsed, call


@permission_required("projects.import_projects", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads.purge(now=timezone.now(), dry_run=False)
        upload = form.cleaned_data["file"]
        ext = "xlsx" if upload.name.lower().endswith(".xlsx") else "csv"
        token = uploads.store(upload.read(), ext)
        call = form.cleaned_data["call"]
        request.session[IMPORT_SESSION_KEY] = {
            "token": token,
            "ext": ext,
            "filename": f"upload.{ext}",
            "original": upload.name[:200],
            "call": call.pk if call else None,
            "mapping": {},
        }
        return redirect("projects:import-preview")
    return render(request, "projects/import_upload.html", {"form": form})


@permission_required("projects.import_projects", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_import(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("projects:import-upload")
    state, data = stored
    if request.method == "POST":
        # The person's choices for headers the importer did not recognise.
        valid = {c.key for c in importer.COLUMNS}
        mapping = dict(state.get("mapping") or {})
        for key, value in request.POST.items():
            if key.startswith("map-") and (value in valid or value == ""):
                mapping[key[4:]] = value
        state["mapping"] = mapping
        request.session[IMPORT_SESSION_KEY] = state
        return redirect("projects:import-preview")
    parsed, call = _parse_stored(state, data)
    plan = importer.plan_import(parsed, call=call)
    context = {
        "state": state,
        "call": call,
        "parsed": parsed,
        "plan": plan,
        "unknown": [(importer.normalise_header(h), h) for h in parsed.unknown],
        "columns": importer.COLUMNS,
        "created": plan.count("create"),
        "updated": plan.count("update"),
        "unchanged": plan.count("unchanged"),
    }
    return render(request, "projects/import_preview.html", context)


@permission_required("projects.import_projects", raise_exception=True)
@require_POST
def import_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_import(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("projects:import-upload")
    state, data = stored
    parsed, call = _parse_stored(state, data)
    try:
        result = importer.commit_import(
            parsed, call=call, by=request.user, site_url=request.build_absolute_uri("/")
        )
    except importer.ImportFailed:
        # A failed import is not kept: the file may hold contact details (docs/quality.md).
        _end_import(request, state)
        messages.error(request, _("Nothing was imported: the file has errors."))
        return redirect("projects:import-upload")
    _end_import(request, state)
    return render(request, "projects/import_result.html", {"result": result, "call": call})
