"""The yearly analysis report: sections edited and previewed by the cycle's editors, published
as immutable versions, read by everyone as public pages in Swedish and English, as PDF and
with an Excel annex of the data behind every figure; and a project's consent to be named."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.core import charts, exports, pdf
from samskapa.core.access import get_object_for_user
from samskapa.core.pagecache import public_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.evaluation import services
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.disclosure import SUPPRESSED
from samskapa.evaluation.forms_findings import ConsentForm, ReportForm
from samskapa.evaluation.reports import AnalysisReport, NamingConsent, ReportVersion, assemble
from samskapa.projects.models import Project


def _chart(content: dict[str, Any]) -> Any:
    """A bar chart of the report's published counts (suppressed and percentage figures are
    left out of the chart; the table has them all)."""
    rows = [
        (f"{row['code']} {row['name']}", row["value"])
        for row in content["indicators"]
        if row["value"] not in (None, SUPPRESSED) and not row["percentage"]
    ]
    if not rows:
        return None
    return charts.bar_chart(
        rows,
        alt=_("The cluster's figures per indicator over all periods; the table below has them."),
        value_title=_("Count"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Edit the report's sections and preview the whole report as it would be published."""
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.change_report",
        pk=pk,
        path=request.path,
    )
    report = AnalysisReport.objects.filter(cycle=cycle).first() or AnalysisReport(cycle=cycle)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        services.save_report(report=form.save(commit=False), by=request.user)
        messages.success(request, _("The report has been saved."))
        return redirect("evaluation:report-edit", pk=cycle.pk)
    content = assemble(cycle)[translation.get_language() or "sv"]
    if request.method == "GET":  # the preview quotes excerpts not yet published
        services.record_excerpt_read(cycle=cycle, by=request.user, path=request.path)
    return render(
        request,
        "evaluation/reports/edit.html",
        {
            "cycle": cycle,
            "form": form,
            "content": content,
            "chart": _chart(content),
            "versions": report.versions.all() if report.pk else [],
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def report_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_for_user(
        EvaluationCycle.objects.all(),
        user=request.user,
        perm="evaluation.change_report",
        pk=pk,
        path=request.path,
    )
    try:
        version = services.publish_report(cycle=cycle, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("evaluation:report-edit", pk=cycle.pk)
    messages.success(
        request, _("Version %(number)s of the report is published.") % {"number": version.number}
    )
    return redirect(version)


def _latest_versions() -> list[ReportVersion]:
    """The latest published version of each report, the newest first."""
    latest: dict[int, ReportVersion] = {}
    for version in ReportVersion.objects.select_related("report__cycle").order_by(
        "-published_at", "-number"
    ):
        latest.setdefault(version.report_id, version)
    return list(latest.values())


@login_not_required
@public_cache(services.PUBLIC_REPORTS)
def published_reports(request: HttpRequest) -> HttpResponse:
    return render(request, "evaluation/reports/list.html", {"versions": _latest_versions()})


@login_not_required
@public_cache(services.PUBLIC_REPORTS)
def published_report(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(ReportVersion.objects.select_related("report"), pk=pk)
    content = version.in_language()
    newer = version.report.versions.filter(number__gt=version.number).order_by("-number").first()
    return render(
        request,
        "evaluation/reports/public.html",
        {
            "version": version,
            "content": content,
            "chart": _chart(content),
            "newer": newer,
            "pdf_available": pdf.available(),
        },
    )


@login_not_required
def published_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(ReportVersion, pk=pk)
    content = version.in_language()
    return pdf.render_pdf(
        request,
        "evaluation/reports/pdf.html",
        {"version": version, "content": content, "chart": _chart(content)},
        title=content["title"],
        filename=f"report-{version.report_id}-v{version.number}.pdf",
    )


@login_not_required
def published_report_annex(request: HttpRequest, pk: int) -> HttpResponse:
    """The data behind every figure of the version: the published (protected) values only."""
    version = get_object_or_404(ReportVersion, pk=pk)
    content = version.in_language()
    rows: list[list[Any]] = []
    for area in content["areas"]:
        for finding in area["findings"]:
            for figure in finding["figures"]:
                rows.append(
                    [
                        area["label"],
                        finding["claim"],
                        figure["code"],
                        figure["name"],
                        figure["value"],
                        figure["projects"],
                    ]
                )
    header = [
        _("Focus area"),
        _("Finding"),
        _("Code"),
        _("Indicator or survey question"),
        _("Figure"),
        _("Projects"),
    ]
    # The survey results a finding cites, one row an answer and wave, in the same columns:
    # the question's name as its code, "survey: question – answer (wave)" as its label.
    for area in content["areas"]:
        for finding in area["findings"]:
            for item in finding.get("survey_figures", []):
                for result in item["rows"]:
                    for cell in result["cells"]:
                        rows.append(
                            [
                                area["label"],
                                finding["claim"],
                                item["name"],
                                f"{item['survey']}: {item['question']} – {result['label']} "
                                f"({cell['wave']})",
                                cell["value"],
                                None,
                            ]
                        )
    return exports.xlsx_response(
        f"report-{version.report_id}-v{version.number}-annex.xlsx",
        header,
        rows,
        title=_("Figures"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def naming_consent(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The project's lead states whether the project may be named and quoted."""
    project = get_object_for_user(
        Project.objects.all(),
        user=request.user,
        perm="evaluation.set_naming_consent",
        pk=pk,
        path=request.path,
    )
    consent = NamingConsent.objects.filter(project=project).first()
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"may_be_named": bool(consent and consent.may_be_named)},
    )
    if request.method == "POST" and form.is_valid():
        services.set_naming_consent(
            project=project, may_be_named=form.cleaned_data["may_be_named"], by=request.user
        )
        messages.success(request, _("Your answer has been saved."))
        return redirect("evaluation:naming-consent", pk=project.pk)
    return render(
        request,
        "evaluation/reports/consent.html",
        {"project": project, "form": form, "consent": consent},
    )
