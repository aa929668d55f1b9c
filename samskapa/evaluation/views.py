"""Results pages: the programme overview with drill-down to call, coalition and project, a
project's figures and reporting form, the approval queue, the catalogue, reporting periods,
exports and the audited reveal of a pseudonym. Every figure goes through disclosure control
(samskapa.evaluation.disclosure)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.coalitions.models import Coalition
from samskapa.core import charts, uploads
from samskapa.core.access import get_object_for_user
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.evaluation import (
    assessments,
    exports,
    importer,
    pseudonyms,
    selectors,
    services,
    tables,
)
from samskapa.evaluation.cycles import Code, CycleStatus, EvaluationCycle, Excerpt
from samskapa.evaluation.disclosure import Protected, is_internal, protected_figures
from samskapa.evaluation.forms import (
    CodeForm,
    CodingForm,
    CopyCodesForm,
    CycleForm,
    ExcerptForm,
    ImportForm,
    IndicatorForm,
    PeriodForm,
    ProjectIndicatorForm,
    ReturnForm,
    RevealForm,
    ValueForm,
    cycle_formsets,
    filled_rows,
)
from samskapa.evaluation.models import Indicator, ReportingPeriod, Value
from samskapa.evaluation.selectors import (
    CALL,
    COALITION,
    LEVELS,
    NO_CALL,
    PROGRAMME,
    PROJECT,
    PUBLISHED_LEVELS,
    TOTAL,
)
from samskapa.projects.models import Call, Project

KEY_INDICATOR = "EECO01"
FORMATS = ("xlsx", "csv")


def _key_row(rows: list[tables.FigureRow], wanted: str | None) -> tables.FigureRow | None:
    counts = [r for r in rows if not r.indicator.is_qualitative]
    for row in counts:
        if row.indicator.code == (wanted or KEY_INDICATOR):
            return row
    return counts[0] if counts else None


def _charts(protected: Protected, row: tables.FigureRow | None, where: str) -> dict[str, Any]:
    """The trend of one indicator over periods and its gender breakdown, as the shared
    chart helper's SVG; the data tables on the page hold the same published cells."""
    if row is None:
        return {}
    names = tables.period_names(protected)
    points = tables.chart_points(row, names)
    context: dict[str, Any] = {"key_row": row, "how": tables.how_computed(row.indicator)}
    if len(points) > 1:
        context["trend_chart"] = charts.line_chart(
            points,
            alt=_("%(indicator)s per period, %(where)s; the table above has the figures.")
            % {"indicator": row.indicator.name, "where": where},
            x_title=pgettext("results", "Period"),
            y_title=row.indicator.name[:60],
        )
    gender = [
        (str(tables.CATEGORY_LABELS[f]), c.value)
        for f, c in zip(tables.GENDER_FIELDS, row.gender, strict=False)
        if c is not None and c.shown and c.value is not None
    ]
    if gender:
        context["gender_chart"] = charts.bar_chart(
            gender,
            alt=_("%(indicator)s by gender, all periods; the table below has the figures.")
            % {"indicator": row.indicator.name},
            value_title=_("Number"),
        )
    return context


def _levels(request: AuthenticatedHttpRequest) -> tuple[str, ...]:
    """Admins and evaluators see projects (under pseudonyms); published figures never need a
    single project's figure, so they are computed without that level."""
    return LEVELS if is_internal(request.user) else PUBLISHED_LEVELS


def _base_context(request: AuthenticatedHttpRequest, protected: Protected) -> dict[str, Any]:
    return {
        "protected": protected,
        "period_names": tables.period_names(protected),
        "internal": protected.internal,
        "footnote": protected.footnote(),
        "gender_labels": [tables.CATEGORY_LABELS[f] for f in tables.GENDER_FIELDS],
        "age_labels": [tables.CATEGORY_LABELS[f] for f in tables.AGE_FIELDS],
        "targets_how": tables.TARGETS_HOW,
    }


# --- Programme, call, coalition ------------------------------------------------------------


@permission_required("evaluation.view_programme", raise_exception=True)
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    # The page shows the programme and its calls. Published figures are protected as one
    # cube with every published level; unsuppressed ones need only these two.
    levels = (PROGRAMME, CALL) if is_internal(request.user) else PUBLISHED_LEVELS
    protected = protected_figures(request.user, selectors.aggregate(levels=levels))
    rows = tables.indicator_rows(protected, PROGRAMME)
    calls = list(selectors.calls_with_periods())
    key = _key_row(rows, request.GET.get("indicator"))
    groups = [
        (c.pk, f"{c.reference} {c.title}", reverse("evaluation:call", args=[c.pk])) for c in calls
    ]
    call_rows = [
        row
        for row in (tables.group_rows(protected, CALL, key.indicator, groups) if key else [])
        if row.total is not None
    ]
    if key and protected.cell(CALL, key.indicator.pk, NO_CALL) is not None:
        call_rows += tables.group_rows(
            protected, CALL, key.indicator, [(NO_CALL, _("No call"), "")]
        )
    return render(
        request,
        "evaluation/overview.html",
        {
            **_base_context(request, protected),
            **_charts(protected, key, _("whole programme")),
            "rows": rows,
            "call_rows": call_rows,
            "completeness": selectors.programme_completeness(),
            "my_coalitions": list(selectors.coalitions_of_staff(request.user)),
        },
    )


def _codes(projects: list[Project], call_id: int | None) -> dict[int, str]:
    year = timezone.localdate().year
    return pseudonyms.pseudonyms(call_id or NO_CALL, year, [p.pk for p in projects])


def _pseudonymised(
    protected: Protected, projects: list[Project], call_id: int | None
) -> list[tuple[int, str, str]]:
    codes = _codes(projects, call_id)
    return sorted(((p.pk, codes[p.pk], "") for p in projects), key=lambda g: g[1])


def _project_level(key: tables.FigureRow, projects: list[Project]) -> Protected:
    """The projects' figures of the key indicator, for admins and evaluators (unsuppressed,
    so computed apart from the published levels and only for what the table shows)."""
    return Protected(
        selectors.aggregate(levels=(PROJECT,), indicator_ids=[key.indicator.pk], projects=projects),
        internal=True,
    )


PROJECTS_PER_PAGE = 50  # projects per page in a call's tables of projects


@permission_required("evaluation.view_programme", raise_exception=True)
def call_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_object_for_user(
        Call.objects.all(),
        user=request.user,
        perm="evaluation.view_group_figures",
        pk=pk,
        path=request.path,
    )
    protected = protected_figures(request.user, selectors.aggregate(levels=PUBLISHED_LEVELS))
    rows = tables.indicator_rows(protected, CALL, call.pk)
    key = _key_row(rows, request.GET.get("indicator"))
    context: dict[str, Any] = {
        **_base_context(request, protected),
        **_charts(protected, key, str(call.reference)),
        "call": call,
        "rows": rows,
        "coalitions": list(selectors.coalitions_of_call(call)),
        "completeness": selectors.completeness(call),
        "show_names": request.user.has_perm("evaluation.view_completeness_names"),
    }
    show_projects = protected.internal and key is not None
    show_assessments = request.user.has_perm("evaluation.view_call_self_assessments", call)
    if show_projects or show_assessments:
        # The projects under pseudonyms, a page at a time in the pseudonyms' order: the
        # codes are drawn over all the call's reporting projects, the figures and the
        # self-assessments read for the page's projects only.
        year = timezone.localdate().year
        ids = list(selectors.reporting_projects(call).values_list("pk", flat=True))
        codes = pseudonyms.pseudonyms(call.pk, year, ids)
        ordered = sorted(ids, key=lambda pk: pseudonyms.number(codes[pk]))
        page = Paginator(ordered, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
        projects = selectors.projects_in_order(list(page.object_list))
        context["project_page"] = page
    if show_projects and key is not None:
        context["project_rows"] = tables.group_rows(
            _project_level(key, projects),
            PROJECT,
            key.indicator,
            [(p.pk, codes[p.pk], "") for p in projects],
        )
        context["reveal_form"] = RevealForm()
    if show_assessments:
        context["assessment_heatmap"] = assessments.self_assessment_heatmap(projects, codes)
        context["show_assessments"] = context["pseudonymised"] = True
    return render(request, "evaluation/call.html", context)


@permission_required("evaluation.view_programme", raise_exception=True)
def coalition_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = get_object_for_user(
        Coalition.objects.select_related("call"),
        user=request.user,
        perm="evaluation.view_group_figures",
        pk=pk,
        path=request.path,
    )
    protected = protected_figures(request.user, selectors.aggregate(levels=PUBLISHED_LEVELS))
    rows = tables.indicator_rows(protected, COALITION, coalition.pk)
    key = _key_row(rows, request.GET.get("indicator"))
    context: dict[str, Any] = {
        **_base_context(request, protected),
        **_charts(protected, key, coalition.name),
        "coalition": coalition,
        "rows": rows,
    }
    if protected.internal and key is not None:
        projects = selectors.projects_of_coalition(coalition)
        context["project_rows"] = tables.group_rows(
            _project_level(key, projects),
            PROJECT,
            key.indicator,
            _pseudonymised(protected, projects, coalition.call_id),
        )
    if request.user.has_perm("evaluation.view_coalition_self_assessments", coalition):
        projects = selectors.projects_of_coalition(coalition)
        codes = _codes(projects, coalition.call_id) if protected.internal else None
        context["assessment_heatmap"] = assessments.self_assessment_heatmap(projects, codes)
        context["show_assessments"] = True
        context["pseudonymised"] = codes is not None
    return render(request, "evaluation/coalition.html", context)


@permission_required("evaluation.reveal_project", raise_exception=True)
@require_http_methods(["GET", "POST"])
def reveal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_object_for_user(
        Call.objects.all(),
        user=request.user,
        perm="evaluation.view_group_figures",
        pk=pk,
        path=request.path,
    )
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        projects = list(selectors.reporting_projects(call))
        found = pseudonyms.project_for(
            call.pk,
            timezone.localdate().year,
            [p.pk for p in projects],
            form.cleaned_data["pseudonym"],
        )
        if found is None:
            form.add_error("pseudonym", _("No project of this call has this pseudonym this year."))
        else:
            revealed = next(p for p in projects if p.pk == found)
            services.record_reveal(
                project=revealed,
                pseudonym=form.cleaned_data["pseudonym"],
                reason=form.cleaned_data["reason"],
                by=request.user,
                path=request.path,
            )
    return render(
        request, "evaluation/reveal.html", {"call": call, "form": form, "revealed": revealed}
    )


# --- A project's figures and its report ------------------------------------------------------


def _project(request: AuthenticatedHttpRequest, pk: int, perm: str) -> Project:
    return get_object_for_user(
        Project.objects.select_related("call"),
        user=request.user,
        perm=perm,
        pk=pk,
        path=request.path,
    )


@require_http_methods(["GET", "POST"])
def project_figures(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, "evaluation.view_project_figures")
    may_report = request.user.has_perm("evaluation.report_values", project)
    periods = list(selectors.periods_for_project(project))
    form = None
    if may_report:
        form = ProjectIndicatorForm(request.POST or None, project=project, periods=periods)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.save_project_indicator(
                link=form.save(commit=False), by=request.user, period_targets=form.period_targets()
            )
            messages.success(request, _("The indicator has been added."))
            return redirect("evaluation:project", pk=project.pk)
    # The project's own figures (its own indicators included), for those who see it; the
    # call's published figures are computed without the project level, as everywhere.
    own = Protected(
        selectors.aggregate(levels=(PROJECT,), projects=[project], own=True), internal=True
    )
    published = protected_figures(request.user, selectors.aggregate(levels=PUBLISHED_LEVELS))
    call_group = project.call_id or NO_CALL
    links = list(selectors.project_indicators(project))
    values = {(v.indicator_id, v.period_id): v for v in selectors.project_values(project)}
    period_targets = selectors.period_targets_of(links)
    rows = []
    for link in links:
        ind = link.indicator
        targets = period_targets.get(link.pk, {})
        rows.append(
            {
                "link": link,
                "indicator": ind,
                "values": [(values.get((ind.pk, p.pk)), targets.get(p.pk)) for p in periods],
                "own_total": own.cell(PROJECT, ind.pk, project.pk, TOTAL),
                "call_total": published.cell(CALL, ind.pk, call_group, TOTAL),
                "how": tables.how_computed(ind),
            }
        )
    return render(
        request,
        "evaluation/project.html",
        {
            "project": project,
            "rows": rows,
            "periods": periods,
            "form": form,
            "may_report": may_report,
            "internal": published.internal,
            "footnote": published.footnote(),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
def targets(request: AuthenticatedHttpRequest, pk: int, link_pk: int) -> HttpResponse:
    """A project indicator's overall target and its targets per period."""
    project = _project(request, pk, "evaluation.report_values")
    link = selectors.project_indicators(project).filter(pk=link_pk).first()
    if link is None:
        raise Http404
    periods = list(selectors.periods_for_project(project))
    form = ProjectIndicatorForm(
        request.POST or None,
        instance=link,
        project=project,
        periods=periods,
        current=selectors.period_targets_of([link]).get(link.pk, {}),
    )
    if request.method == "POST" and form.is_valid():
        services.save_project_indicator(
            link=form.save(commit=False), by=request.user, period_targets=form.period_targets()
        )
        messages.success(request, _("The targets have been saved."))
        return redirect("evaluation:project", pk=project.pk)
    return render(
        request, "evaluation/targets.html", {"project": project, "link": link, "form": form}
    )


@require_http_methods(["GET", "POST"])
def report(request: AuthenticatedHttpRequest, pk: int, period_pk: int) -> HttpResponse:
    project = _project(request, pk, "evaluation.report_values")
    period = selectors.periods_for_project(project).filter(pk=period_pk).first()
    if period is None:
        raise Http404
    links = list(selectors.project_indicators(project))
    existing = selectors.project_values_for_period(project, period)
    versions = selectors.earlier_versions(existing.values())
    writable = period.is_open() or request.user.has_perm("evaluation.review_values")
    forms_ = []
    for link in links:
        value = existing.get(link.indicator_id)
        initial = {}
        if value is not None:
            initial = {name: getattr(value, name) for name in services.VALUE_FIELDS}
        forms_.append(
            ValueForm(
                request.POST or None,
                prefix=f"i{link.indicator_id}",
                indicator=link.indicator,
                initial=initial,
            )
        )
    if request.method == "POST":
        if not writable:
            raise PermissionDenied
        if all(f.is_valid() for f in forms_):
            try:
                with transaction.atomic():
                    for f in forms_:
                        if f.has_input() or f.indicator.pk in existing:
                            services.save_value(
                                project=project,
                                indicator=f.indicator,
                                period=period,
                                data=f.cleaned_data,
                                by=request.user,
                            )
                    submitted = 0
                    if "submit" in request.POST:
                        submitted = services.submit_period(
                            project=project, period=period, by=request.user
                        )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if "submit" in request.POST:
                    messages.success(
                        request,
                        _("%(count)s values have been submitted for approval.")
                        % {"count": submitted},
                    )
                else:
                    messages.success(request, _("The values have been saved as a draft."))
                return redirect("evaluation:project", pk=project.pk)
    return render(
        request,
        "evaluation/report.html",
        {
            "project": project,
            "period": period,
            "entries": [
                (
                    f,
                    existing.get(f.indicator.pk),
                    versions.get(getattr(existing.get(f.indicator.pk), "pk", 0), []),
                )
                for f in forms_
            ],
            "writable": writable,
            "has_errors": any(f.errors for f in forms_),
        },
    )


# --- Approval ---------------------------------------------------------------------------------


@permission_required("evaluation.review_values", raise_exception=True)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.review_queue(), 25).get_page(request.GET.get("page"))
    return render(request, "evaluation/queue.html", {"page": page})


@permission_required("evaluation.review_values", raise_exception=True)
@require_POST
def review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    value = get_object_for_user(
        Value.objects.select_related("project", "indicator", "period"),
        user=request.user,
        perm="evaluation.review_values",
        pk=pk,
        path=request.path,
    )
    try:
        if request.POST.get("action") == "return":
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(
                    request, " ".join(str(m) for errors in form.errors.values() for m in errors)
                )
                return redirect("evaluation:queue")
            services.return_value(
                value=value, comment=form.cleaned_data["comment"], by=request.user
            )
            messages.success(request, _("The value has been returned to the project."))
        else:
            services.approve_value(value=value, by=request.user)
            messages.success(request, _("The value has been approved."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("evaluation:queue")


# --- Catalogue and periods ------------------------------------------------------------------


@permission_required("evaluation.view_catalogue", raise_exception=True)
def catalogue(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.catalogue(), 50).get_page(request.GET.get("page"))
    return render(request, "evaluation/catalogue.html", {"page": page})


@permission_required("evaluation.change_catalogue", raise_exception=True)
@require_http_methods(["GET", "POST"])
def indicator_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _indicator_form(request, Indicator())


@permission_required("evaluation.change_catalogue", raise_exception=True)
@require_http_methods(["GET", "POST"])
def indicator_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_for_user(
        Indicator.objects.all(), user=request.user, perm="evaluation.change_catalogue", pk=pk
    )
    return _indicator_form(request, indicator)


def _indicator_form(request: AuthenticatedHttpRequest, indicator: Indicator) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        services.save_indicator(indicator=form.save(commit=False), by=request.user)
        messages.success(request, _("The indicator has been saved."))
        return redirect("evaluation:catalogue")
    return render(
        request,
        "evaluation/indicator_form.html",
        {"form": form, "indicator": indicator.pk and indicator},
    )


@permission_required("evaluation.manage_periods", raise_exception=True)
@require_http_methods(["GET", "POST"])
def periods(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_object_for_user(
        Call.objects.all(), user=request.user, perm="evaluation.manage_periods", pk=pk
    )
    form = PeriodForm(request.POST or None, instance=ReportingPeriod(call=call))
    if request.method == "POST" and form.is_valid():
        services.save_period(period=form.save(commit=False), by=request.user)
        messages.success(request, _("The reporting period has been added."))
        return redirect("evaluation:periods", pk=call.pk)
    return render(
        request,
        "evaluation/periods.html",
        {"call": call, "form": form, "periods": list(selectors.periods_for_call(call))},
    )


# --- Exports --------------------------------------------------------------------------------


@permission_required("evaluation.view_programme", raise_exception=True)
def export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    protected = protected_figures(request.user, selectors.aggregate(levels=_levels(request)))
    services.record_export(by=request.user, what=f"evaluation aggregates {fmt}", path=request.path)
    return exports.aggregates_response(protected, fmt)


@permission_required("evaluation.export_raw", raise_exception=True)
def export_raw(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    services.record_export(by=request.user, what=f"evaluation raw values {fmt}", path=request.path)
    return exports.raw_values_response(fmt)


# --- Import -----------------------------------------------------------------------------------

IMPORT_SESSION_KEY = "evaluation_import"


def _stored_upload(request: AuthenticatedHttpRequest) -> tuple[dict[str, Any], bytes] | None:
    """The waiting upload, kept like every import file (`core.uploads`: purged after a
    day, searched on erasure)."""
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state:
        return None
    path = uploads.path(state["token"], state["ext"])
    return (state, path.read_bytes()) if path.exists() else None


@permission_required("evaluation.import_values", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads.purge(now=timezone.now(), dry_run=False)
        upload = form.cleaned_data["file"]
        ext = "xlsx" if upload.name.lower().endswith(".xlsx") else "csv"
        token = uploads.store(upload.read(), ext)
        request.session[IMPORT_SESSION_KEY] = {
            "token": token,
            "ext": ext,
            "original": upload.name[:200],
        }
        return redirect("evaluation:import-preview")
    return render(request, "evaluation/import_upload.html", {"form": form})


@permission_required("evaluation.import_values", raise_exception=True)
def import_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("evaluation:import")
    state, data = stored
    parsed = importer.parse(data, f"upload.{state['ext']}")
    return render(request, "evaluation/import_preview.html", {"state": state, "parsed": parsed})


@permission_required("evaluation.import_values", raise_exception=True)
@require_POST
def import_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("evaluation:import")
    state, data = stored
    try:
        count = importer.commit(importer.parse(data, f"upload.{state['ext']}"), by=request.user)
    except importer.ImportFailed:
        messages.error(request, _("Nothing was imported: the file has errors."))
        return redirect("evaluation:import-preview")
    uploads.delete(state["token"], state["ext"])
    del request.session[IMPORT_SESSION_KEY]
    messages.success(
        request,
        _("%(count)s values have been imported and submitted for approval.") % {"count": count},
    )
    return redirect("evaluation:queue")


@permission_required("evaluation.import_values", raise_exception=True)
def import_example(request: AuthenticatedHttpRequest) -> HttpResponse:
    response = HttpResponse(importer.example_workbook(), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="results-import-example.xlsx"'
    return response


# --- Evaluation cycles ------------------------------------------------------------------------


@permission_required("evaluation.view_cycles", raise_exception=True)
def cycles(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.cycles_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "evaluation/cycles.html", {"page": page})


@login_required
def cycle_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.view_cycle",
        pk=pk,
        path=request.path,
    )
    cycle = selectors.cycle_with_details(cycle)
    return render(
        request,
        "evaluation/cycle_detail.html",
        {
            "cycle": cycle,
            "questions": selectors.questions_by_focus_area(cycle),
            "statuses": CycleStatus.choices,
            "can_change": request.user.has_perm("evaluation.change_cycle", cycle),
            "can_work_on_excerpts": request.user.has_perm("evaluation.work_on_excerpts", cycle),
        },
    )


@permission_required("evaluation.add_cycle", raise_exception=True)
@require_http_methods(["GET", "POST"])
def cycle_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _cycle_form(request, EvaluationCycle(year=timezone.localdate().year))


@login_required
@require_http_methods(["GET", "POST"])
def cycle_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.change_cycle",
        pk=pk,
        path=request.path,
    )
    return _cycle_form(request, cycle)


def _cycle_form(request: AuthenticatedHttpRequest, cycle: EvaluationCycle) -> HttpResponse:
    form = CycleForm(request.POST or None, instance=cycle)
    questions, dates = cycle_formsets(cycle, request.POST or None)
    if request.method == "POST" and all([form.is_valid(), questions.is_valid(), dates.is_valid()]):
        data = form.cleaned_data
        cycle = services.save_cycle(
            cycle=form.save(commit=False),
            projects=services.cluster_projects(
                source=data["source"],
                call=data.get("call"),
                coalition=data.get("coalition"),
                chosen=data.get("projects") or (),
            ),
            evaluators=list(data.get("evaluators") or ()),
            questions=filled_rows(questions, "text_sv"),
            dates=filled_rows(dates, "date"),
            by=request.user,
        )
        messages.success(request, _("The evaluation cycle has been saved."))
        return redirect(cycle)
    has_errors = bool(form.errors) or any(f.errors for f in [*questions.forms, *dates.forms])
    return render(
        request,
        "evaluation/cycle_form.html",
        {"form": form, "questions": questions, "dates": dates, "cycle": cycle.pk and cycle},
        status=400 if has_errors else 200,
    )


@login_required
@require_POST
def cycle_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.change_cycle",
        pk=pk,
        path=request.path,
    )
    to = request.POST.get("status", "")
    try:
        cycle = services.change_cycle_status(cycle=cycle, to=to, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The cycle is now in the status “%(status)s”.")
            % {"status": CycleStatus(cycle.status).label},
        )
    return redirect(cycle)


# --- The codebook of a cycle ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def codebook(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.view_codebook",
        pk=pk,
        path=request.path,
    )
    can_change = request.user.has_perm("evaluation.change_codebook", cycle)
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    form = CodeForm(request.POST or None, cycle=cycle) if can_change else None
    if form is not None and request.method == "POST" and form.is_valid():
        services.save_code(code=form.save(commit=False), by=request.user)
        messages.success(request, _("The code has been added to the codebook."))
        return redirect("evaluation:codebook", pk=cycle.pk)
    sources = selectors.cycles_to_copy_codes_from(cycle)
    copy_form = CopyCodesForm(choices=sources) if can_change and sources.exists() else None
    return render(
        request,
        "evaluation/codebook.html",
        {
            "cycle": cycle,
            "codebook": selectors.codebook(cycle),
            "form": form,
            "copy_form": copy_form,
            "can_change": can_change,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def code_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    code = get_object_for_user(
        Code.objects.select_related("cycle"),
        user=request.user,
        perm="evaluation.change_code",
        pk=pk,
        path=request.path,
    )
    form = CodeForm(request.POST or None, instance=code, cycle=code.cycle)
    if request.method == "POST" and form.is_valid():
        services.save_code(code=form.save(commit=False), by=request.user)
        messages.success(request, _("The code has been saved."))
        return redirect("evaluation:codebook", pk=code.cycle_id)
    return render(
        request,
        "evaluation/code_form.html",
        {"form": form, "code": code, "cycle": code.cycle},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def codebook_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.change_codebook",
        pk=pk,
        path=request.path,
    )
    form = CopyCodesForm(request.POST, choices=selectors.cycles_to_copy_codes_from(cycle))
    if not form.is_valid():
        messages.error(request, _("Choose a cycle that has a codebook."))
        return redirect("evaluation:codebook", pk=cycle.pk)
    count = services.copy_codebook(cycle=cycle, source=form.cleaned_data["source"], by=request.user)
    messages.success(
        request,
        ngettext("%(count)s code has been copied.", "%(count)s codes have been copied.", count)
        % {"count": count},
    )
    return redirect("evaluation:codebook", pk=cycle.pk)


# --- Excerpts -------------------------------------------------------------------------------


def _excerpt_cycle(request: AuthenticatedHttpRequest, pk: int) -> EvaluationCycle:
    return get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.work_on_excerpts",
        pk=pk,
        path=request.path,
    )


@login_required
def excerpts(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _excerpt_cycle(request, pk)
    services.record_excerpt_read(cycle=cycle, by=request.user, path=request.path)
    page = Paginator(selectors.excerpts_of(cycle), 50).get_page(request.GET.get("page"))
    return render(request, "evaluation/excerpts.html", {"cycle": cycle, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def excerpt_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Choose a source (a plain GET form), then give the passage: selected with the mouse,
    or copied into the field without JavaScript."""
    cycle = _excerpt_cycle(request, pk)
    key = request.POST.get("source") or request.GET.get("source", "")
    source = selectors.excerpt_source(cycle, key) if key else None
    if key and source is None:
        raise Http404
    form = ExcerptForm(request.POST or None, cycle=cycle) if source else None
    if form is not None and source is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_excerpt(
                cycle=cycle,
                kind=source.kind,
                source=source.obj,
                passage=data["passage"],
                start=data.get("start"),
                codes=data["codes"],
                memo=data["memo"],
                by=request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The excerpt has been saved."))
            return redirect("evaluation:excerpts", pk=cycle.pk)
    return render(
        request,
        "evaluation/excerpt_new.html",
        {
            "cycle": cycle,
            "sources": selectors.excerpt_sources(cycle),
            "source": source,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def excerpt_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    excerpt = get_object_for_user(
        Excerpt.objects.select_related("cycle", "project", "lesson", "reflection", "note"),
        user=request.user,
        perm="evaluation.change_excerpt",
        pk=pk,
        path=request.path,
    )
    form = CodingForm(request.POST or None, instance=excerpt)
    if request.method == "POST" and form.is_valid():
        services.code_excerpt(
            excerpt=excerpt,
            codes=form.cleaned_data["codes"],
            memo=form.cleaned_data["memo"],
            by=request.user,
        )
        messages.success(request, _("The excerpt has been saved."))
        return redirect("evaluation:excerpts", pk=excerpt.cycle_id)
    if request.method == "GET":
        services.record_excerpt_read(cycle=excerpt.cycle, by=request.user, path=request.path)
    return render(
        request,
        "evaluation/excerpt_form.html",
        {"form": form, "excerpt": excerpt, "cycle": excerpt.cycle},
        status=400 if form.errors else 200,
    )
