from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.core import charts, ratelimit
from samskapa.core.access import get_object_for_user
from samskapa.core.pagecache import public_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects.models import Project
from samskapa.showcase import selectors, services
from samskapa.showcase.forms import (
    CaseFilterForm,
    CaseForm,
    ContactForm,
    PictureForm,
    ReturnForm,
    SpreadRecordForm,
    SubmitForm,
)
from samskapa.showcase.models import CaseVersion, SpreadRecord

PAGE_SIZE = 20
AREA = services.AREA


# --- Public pages ----------------------------------------------------------------------------


@login_not_required
@public_cache(AREA)
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET, calls=selectors.public_call_choices())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.CaseFilters(
        query=(data.get("q") or "").strip(),
        focus_area=data.get("focus_area", ""),
        target_group=data.get("target_group", ""),
        region=data.get("region", ""),
        call=data.get("call", ""),
        phase=data.get("phase", ""),
    )
    page = Paginator(selectors.list_public_cases(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    filtered = any(
        [
            filters.query,
            filters.focus_area,
            filters.target_group,
            filters.region,
            filters.call,
            filters.phase,
        ]
    )
    return render(
        request,
        "showcase/case_list.html",
        {"form": form, "page": page, "filters": filters, "filtered": filtered},
    )


@login_not_required
# The page shows the case's peers in the European catalogue: an import there renews it too.
@public_cache(AREA, "europe")
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.public_case(pk=pk)
    if case is None:
        raise Http404
    return render(
        request,
        "showcase/case_detail.html",
        {
            "case": case,
            "version": case.public_version,
            "spread_records": selectors.public_spread_records_of(case),
        },
    )


@login_not_required
def case_picture(request: HttpRequest, pk: int) -> FileResponse:
    """A version's picture: the public version's for everyone, drafts for the project and
    the centre staff."""
    version = get_object_for_user(
        CaseVersion.objects.select_related("case"),
        user=request.user,
        perm="showcase.view_version",
        path=request.path,
        pk=pk,
    )
    if not version.picture:
        raise Http404
    response = FileResponse(version.picture.open("rb"), content_type=version.picture_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Not from the public cache: the form carries a CSRF token.
@login_not_required
def case_contact(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.public_case(pk=pk)
    if case is None:
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.client_exceeded(request, ratelimit.PUBLIC_FORM):
            return ratelimit.too_many(request, ratelimit.PUBLIC_FORM)
        if form.is_valid():
            if services.send_contact(case=case, **form.cleaned_data):
                messages.success(
                    request, _("Thank you! Your message has been sent to the project.")
                )
            else:  # no active lead to write to: say so rather than drop the message silently
                messages.error(
                    request,
                    _(
                        "The project cannot be reached through Samskapa at the moment. "
                        "Please contact the competence centre."
                    ),
                )
            return redirect(case)
    return render(
        request,
        "showcase/case_contact.html",
        {"case": case, "version": case.public_version, "form": form},
    )


# --- The project's case ----------------------------------------------------------------------


def _project(request: AuthenticatedHttpRequest, project_pk: int, perm: str) -> Project:
    return get_object_for_user(
        Project.objects.select_related("owner", "call"),
        user=request.user,
        perm=perm,
        path=request.path,
        pk=project_pk,
    )


def _working(project: Project) -> CaseVersion:
    version = selectors.working_version(selectors.case_of(project))
    if version is None:
        raise Http404
    return version


def project_case(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.view_case_workspace")
    case = selectors.case_of(project)
    working = selectors.working_version(case)
    return render(
        request,
        "showcase/project_case.html",
        {
            "project": project,
            "case": case,
            "working": working,
            "versions": selectors.versions_of(case),
            "can_prepare": request.user.has_perm("showcase.prepare_case", project),
            "can_withdraw": request.user.has_perm("showcase.withdraw_case", project),
        },
    )


@require_POST
def case_start(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    services.start_version(project=project, by=request.user)
    messages.success(request, _("A draft is ready. Check the texts and add the English."))
    return redirect("showcase:case-edit", project_pk=project.pk)


def _editor(
    request: AuthenticatedHttpRequest,
    project: Project,
    version: CaseVersion,
    form: CaseForm,
    picture_form: PictureForm | None = None,
) -> HttpResponse:
    return render(
        request,
        "showcase/case_form.html",
        {
            "project": project,
            "version": version,
            "form": form,
            "picture_form": picture_form or PictureForm(),
        },
    )


def case_edit(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    version = _working(project)
    if not version.is_draft:
        messages.info(request, _("This version is in review and cannot be changed now."))
        return redirect("showcase:project-case", project_pk=project.pk)
    if request.method != "POST":
        return _editor(request, project, version, CaseForm(instance=version))
    form = CaseForm(request.POST, instance=version)
    if not form.is_valid():
        return _editor(request, project, version, form)
    try:
        services.save_version(version=form.save(commit=False), by=request.user)
    except services.NotAllowedNow:
        messages.error(request, _("This version can no longer be changed."))
        return redirect("showcase:project-case", project_pk=project.pk)
    messages.success(request, _("Your changes are saved."))
    return redirect("showcase:case-edit", project_pk=project.pk)


@require_POST
def case_refill(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    try:
        services.refill_from_project(version=_working(project), by=request.user)
        messages.success(request, _("The texts are filled in again from the project profile."))
    except services.NotAllowedNow:
        messages.error(request, _("This version can no longer be changed."))
    return redirect("showcase:case-edit", project_pk=project.pk)


@require_POST
def case_picture_upload(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    version = _working(project)
    form = PictureForm(request.POST, request.FILES)
    if not form.is_valid():
        return _editor(request, project, version, CaseForm(instance=version), form)
    try:
        services.set_picture(
            version=version,
            upload=form.cleaned_data["file"],
            content_type=form.cleaned_data["content_type"],
            credit=form.cleaned_data["credit"],
            alt=form.cleaned_data["alt"],
            alt_en=form.cleaned_data["alt_en"],
            by=request.user,
        )
        messages.success(request, _("The picture is added."))
    except services.NotAllowedNow:
        messages.error(request, _("This version can no longer be changed."))
    return redirect("showcase:case-edit", project_pk=project.pk)


@require_POST
def case_picture_remove(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    try:
        services.remove_picture(version=_working(project), by=request.user)
        messages.success(request, _("The picture is removed."))
    except services.NotAllowedNow:
        messages.error(request, _("This version can no longer be changed."))
    return redirect("showcase:case-edit", project_pk=project.pk)


def case_submit(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.prepare_case")
    version = _working(project)
    if not version.is_draft:
        return redirect("showcase:project-case", project_pk=project.pk)
    form = SubmitForm(request.POST or None, initial={"licence": version.licence})
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_version(
                version=version, licence=form.cleaned_data["licence"], by=request.user
            )
            messages.success(request, _("The case is sent to the centre for review."))
        except services.NotAllowedNow:
            messages.error(request, _("This version can no longer be changed."))
        return redirect("showcase:project-case", project_pk=project.pk)
    return render(
        request,
        "showcase/case_submit.html",
        {"project": project, "version": version, "form": form},
    )


@require_POST
def case_withdraw(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.withdraw_case")
    case = selectors.case_of(project)
    if case is not None and case.is_public:
        services.withdraw_case(case=case, by=request.user)
        messages.success(request, _("The case is withdrawn: it is no longer public."))
    if request.user.has_perm("showcase.review_cases"):
        return redirect("showcase:review-queue")
    return redirect("showcase:project-case", project_pk=project.pk)


# --- Review ----------------------------------------------------------------------------------


@permission_required("showcase.review_cases", raise_exception=True)
def review_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "showcase/review_queue.html",
        {
            "waiting": list(selectors.review_queue()),
            "published": list(selectors.public_cases_for_staff()),
        },
    )


def _in_review(request: AuthenticatedHttpRequest, pk: int) -> CaseVersion:
    version = get_object_for_user(
        CaseVersion.objects.select_related("case__project", "submitted_by"),
        user=request.user,
        perm="showcase.view_version",
        path=request.path,
        pk=pk,
    )
    if not version.is_in_review:
        raise Http404
    return version


@permission_required("showcase.review_cases", raise_exception=True)
def review_version(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = _in_review(request, pk)
    return render(
        request,
        "showcase/review_version.html",
        {
            "version": version,
            "case": version.case,
            "project": version.case.project,
            "return_form": ReturnForm(),
        },
    )


@require_POST
@permission_required("showcase.review_cases", raise_exception=True)
def review_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = _in_review(request, pk)
    services.publish_version(version=version, by=request.user)
    messages.success(request, _("The case is published."))
    return redirect("showcase:review-queue")


@require_POST
@permission_required("showcase.review_cases", raise_exception=True)
def review_return(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    version = _in_review(request, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        context: dict[str, Any] = {
            "version": version,
            "case": version.case,
            "project": version.case.project,
            "return_form": form,
        }
        return render(request, "showcase/review_version.html", context)
    services.return_version(version=version, note=form.cleaned_data["note"], by=request.user)
    messages.success(request, _("The case is returned to the project."))
    return redirect("showcase:review-queue")


# --- Spread records --------------------------------------------------------------------------


def spread_list(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.view_spread")
    return render(
        request,
        "showcase/spread_list.html",
        {
            "project": project,
            "records": selectors.spread_records_of(project),
            "can_change": request.user.has_perm("showcase.change_spread", project),
        },
    )


def _spread_form_page(
    request: AuthenticatedHttpRequest,
    project: Project,
    form: SpreadRecordForm,
    record: SpreadRecord | None,
) -> HttpResponse:
    return render(
        request,
        "showcase/spread_form.html",
        {"project": project, "form": form, "record": record},
    )


def spread_create(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    project = _project(request, project_pk, "showcase.change_spread")
    form = SpreadRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.project = project
        services.save_spread_record(record=record, by=request.user)
        messages.success(request, _("The spread record is saved."))
        return redirect("showcase:spread-list", project_pk=project.pk)
    return _spread_form_page(request, project, form, None)


def _record(request: AuthenticatedHttpRequest, pk: int) -> SpreadRecord:
    return get_object_for_user(
        SpreadRecord.objects.select_related("project"),
        user=request.user,
        perm="showcase.change_spread",
        path=request.path,
        pk=pk,
    )


def spread_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    form = SpreadRecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        services.save_spread_record(record=form.save(commit=False), by=request.user)
        messages.success(request, _("The spread record is saved."))
        return redirect("showcase:spread-list", project_pk=record.project_id)
    return _spread_form_page(request, record.project, form, record)


@require_POST
def spread_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    project_pk = record.project_id
    services.delete_spread_record(record=record, by=request.user)
    messages.success(request, _("The spread record is deleted."))
    return redirect("showcase:spread-list", project_pk=project_pk)


@permission_required("showcase.view_spread_dashboard", raise_exception=True)
def spread_dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    overview = selectors.spread_overview()
    sections = []
    if overview.adopted:
        by_year = [(str(year), count) for year, count in overview.by_year]
        for key, heading, label_title, rows in (
            ("scaling", _("Adoptions by way of scaling"), _("Way of scaling"), overview.by_scaling),
            ("level", _("Adoptions by level"), _("Level"), overview.by_level),
            ("year", _("Adoptions by year"), _("Year"), by_year),
        ):
            chart = charts.bar_chart(
                rows,
                alt=_("%(heading)s. The table below the chart has the numbers.")
                % {"heading": heading},
                value_title=_("Adoptions"),
                label_title=label_title,
                value_axis={"tickMinStep": 1, "format": "d"},  # whole adoptions
            )
            sections.append(
                {
                    "key": key,
                    "heading": heading,
                    "label_title": label_title,
                    "rows": rows,
                    "chart": chart,
                }
            )
    return render(
        request,
        "showcase/spread_dashboard.html",
        {"overview": overview, "sections": sections},
    )
