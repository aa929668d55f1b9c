"""Survey pages of an evaluation cycle: the cycle's surveys, a survey's questions by version,
adding and changing sections and questions, freezing a version, and XLSForm import (upload,
preview, confirm; all or nothing) and export."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.core.access import get_object_for_user
from samskapa.core.exports import XLSX_TYPE
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.evaluation import selectors_surveys as selectors
from samskapa.evaluation import services_surveys as services
from samskapa.evaluation import xlsform
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.forms_surveys import (
    QuestionForm,
    SectionForm,
    SurveyForm,
    XLSFormUploadForm,
)
from samskapa.evaluation.surveys import Question, Survey


def _cycle(request: AuthenticatedHttpRequest, pk: int, perm: str) -> EvaluationCycle:
    return get_object_for_user(
        EvaluationCycle.objects.all(), user=request.user, perm=perm, pk=pk, path=request.path
    )


def _survey(request: AuthenticatedHttpRequest, pk: int, perm: str) -> Survey:
    return get_object_for_user(
        Survey.objects.select_related("cycle"),
        user=request.user,
        perm=perm,
        pk=pk,
        path=request.path,
    )


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def surveys(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.view_surveys")
    can_add = request.user.has_perm("evaluation.add_survey", cycle)
    if request.method == "POST" and not can_add:
        raise PermissionDenied
    form = SurveyForm(request.POST or None) if can_add else None
    if form is not None and request.method == "POST" and form.is_valid():
        survey = services.create_survey(
            cycle=cycle,
            title_sv=form.cleaned_data["title_sv"],
            title_en=form.cleaned_data["title_en"],
            by=request.user,
        )
        messages.success(request, _("The survey has been created. Add its questions."))
        return redirect(survey)
    return render(
        request,
        "evaluation/surveys/list.html",
        {"cycle": cycle, "surveys": selectors.surveys_of(cycle), "form": form, "can_add": can_add},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.view_survey")
    versions = list(selectors.versions_of(survey))
    if not versions:
        raise Http404
    wanted = request.GET.get("version", "")
    version = next((v for v in versions if str(v.number) == wanted), versions[0])
    return render(
        request,
        "evaluation/surveys/detail.html",
        {
            "cycle": survey.cycle,
            "survey": survey,
            "version": version,
            "is_latest": version == versions[0],
            "versions": versions,
            "parts": selectors.version_parts(version),
            "can_change": request.user.has_perm("evaluation.change_survey", survey),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        services.save_survey_titles(survey=form.save(commit=False), by=request.user)
        messages.success(request, _("The survey has been saved."))
        return redirect(survey)
    return render(
        request,
        "evaluation/surveys/form.html",
        {
            "cycle": survey.cycle,
            "survey": survey,
            "form": form,
            "title": _("Edit the survey"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_section(
                survey=survey,
                name=form.cleaned_data["name"],
                title_sv=form.cleaned_data["title_sv"],
                title_en=form.cleaned_data["title_en"],
                section=None,
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The section has been added."))
            return redirect(survey)
    return render(
        request,
        "evaluation/surveys/form.html",
        {"cycle": survey.cycle, "survey": survey, "form": form, "title": _("Add a section")},
        status=400 if form.errors else 200,
    )


def _question_form(
    request: AuthenticatedHttpRequest, survey: Survey, question: Question
) -> HttpResponse:
    version = services.latest_version(survey)
    form = QuestionForm(request.POST or None, instance=question, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(
                survey=survey,
                question=form.save(commit=False),
                section_name=form.cleaned_data["section_name"],
                choices=form.cleaned_data["choices"],
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The question has been saved."))
            return redirect(survey)
    return render(
        request,
        "evaluation/surveys/form.html",
        {
            "cycle": survey.cycle,
            "survey": survey,
            "form": form,
            "title": _("Edit the question") if question.pk else _("Add a question"),
            "frozen": version.frozen,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    return _question_form(request, survey, Question())


def _question(request: AuthenticatedHttpRequest, pk: int) -> tuple[Survey, Question]:
    """A question of the survey's latest version (earlier versions are read-only)."""
    question = get_object_for_user(
        Question.objects.select_related("version__survey__cycle", "section"),
        user=request.user,
        perm="evaluation.change_survey_question",
        pk=pk,
        path=request.path,
    )
    survey = question.version.survey
    if question.version != services.latest_version(survey):
        raise Http404
    return survey, question


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey, question = _question(request, pk)
    return _question_form(request, survey, question)


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey, question = _question(request, pk)
    try:
        services.delete_question(survey=survey, question=question, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question has been removed."))
    return redirect(survey)


@login_required
@require_POST
def survey_freeze(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    try:
        services.freeze_version(version=services.latest_version(survey), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The version is frozen: later changes make a new version."))
    return redirect(survey)


@login_required
def survey_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    versions = {str(v.number): v for v in survey.versions.all()}
    version = versions.get(request.GET.get("version", "")) or services.latest_version(survey)
    response = HttpResponse(xlsform.export(version), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="survey-{survey.pk}-v{version.number}.xlsx"'
    )
    return response


# --- XLSForm import -------------------------------------------------------------------------

IMPORT_SESSION_KEY = "evaluation_xlsform_import"
IMPORT_FILE_MAX_AGE = 24 * 60 * 60  # seconds an unconfirmed upload is kept


def _import_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "evaluation-xlsforms"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _stored_upload(
    request: AuthenticatedHttpRequest, cycle: EvaluationCycle
) -> tuple[dict[str, Any], bytes] | None:
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state or state.get("cycle") != cycle.pk:
        return None
    path = _import_dir() / f"{state['token']}.xlsx"
    return (state, path.read_bytes()) if path.exists() else None


@login_required
@require_http_methods(["GET", "POST"])
def survey_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.add_survey")
    form = XLSFormUploadForm(
        request.POST or None, request.FILES or None, surveys=selectors.surveys_of(cycle)
    )
    if request.method == "POST" and form.is_valid():
        cutoff = time.time() - IMPORT_FILE_MAX_AGE
        for stale in _import_dir().iterdir():
            if stale.is_file() and stale.stat().st_mtime < cutoff:
                stale.unlink(missing_ok=True)
        token = secrets.token_urlsafe(16)  # a random stored name, never the uploaded one
        (_import_dir() / f"{token}.xlsx").write_bytes(form.cleaned_data["file"].read())
        request.session[IMPORT_SESSION_KEY] = {
            "token": token,
            "cycle": cycle.pk,
            "survey": form.cleaned_data["survey"] or "",
            "original": form.cleaned_data["file"].name[:200],
        }
        return redirect("evaluation:survey-import-preview", pk=cycle.pk)
    return render(
        request,
        "evaluation/surveys/import.html",
        {"cycle": cycle, "form": form},
        status=400 if form.errors else 200,
    )


def _target_survey(cycle: EvaluationCycle, state: dict[str, Any]) -> Survey | None:
    if not state.get("survey"):
        return None
    return cycle.surveys.filter(pk=state["survey"]).first()


@login_required
def survey_import_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.add_survey")
    stored = _stored_upload(request, cycle)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("evaluation:survey-import", pk=cycle.pk)
    state, data = stored
    parsed = xlsform.parse(data)
    return render(
        request,
        "evaluation/surveys/import_preview.html",
        {
            "cycle": cycle,
            "state": state,
            "parsed": parsed,
            "target": _target_survey(cycle, state),
        },
        status=200 if parsed.ok else 400,
    )


@login_required
@require_POST
def survey_import_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.add_survey")
    stored = _stored_upload(request, cycle)
    if stored is None:
        messages.error(request, _("Upload the file again: the import has expired."))
        return redirect("evaluation:survey-import", pk=cycle.pk)
    state, data = stored
    try:
        survey = services.import_instrument(
            cycle=cycle,
            parsed=xlsform.parse(data),
            survey=_target_survey(cycle, state),
            by=request.user,
        )
    except ValidationError:
        messages.error(request, _("Nothing was imported: the file has errors."))
        return redirect("evaluation:survey-import-preview", pk=cycle.pk)
    (_import_dir() / f"{state['token']}.xlsx").unlink(missing_ok=True)
    del request.session[IMPORT_SESSION_KEY]
    messages.success(request, _("The form has been imported."))
    return redirect(survey)
