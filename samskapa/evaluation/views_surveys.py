"""Survey pages of an evaluation cycle: the cycle's surveys, a survey's questions by version,
adding and changing sections and questions, freezing a version, and XLSForm import (upload,
preview, confirm; all or nothing) and export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.core import charts, exports, uploads
from samskapa.core.access import get_object_for_user
from samskapa.core.audit import record_event
from samskapa.core.exports import XLSX_TYPE
from samskapa.core.models import AuditAction
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.evaluation import selectors_surveys as selectors
from samskapa.evaluation import services_surveys as services
from samskapa.evaluation import xlsform
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.disclosure import is_internal
from samskapa.evaluation.forms_surveys import (
    AnswerForm,
    InviteForm,
    QuestionForm,
    SectionForm,
    SurveyForm,
    WaveForm,
    XLSFormUploadForm,
)
from samskapa.evaluation.selectors_surveys import SUPPRESSED
from samskapa.evaluation.surveys import Question, QuestionType, Survey, Wave
from samskapa.projects.models import Project


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
            "waves": selectors.waves_of(survey),
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


def _stored_upload(
    request: AuthenticatedHttpRequest, cycle: EvaluationCycle
) -> tuple[dict[str, Any], bytes] | None:
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state or state.get("cycle") != cycle.pk:
        return None
    path = uploads.path(state["token"], "xlsx")  # kept like every import file
    return (state, path.read_bytes()) if path.exists() else None


@login_required
@require_http_methods(["GET", "POST"])
def survey_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk, "evaluation.add_survey")
    form = XLSFormUploadForm(
        request.POST or None, request.FILES or None, surveys=selectors.surveys_of(cycle)
    )
    if request.method == "POST" and form.is_valid():
        uploads.purge(now=timezone.now(), dry_run=False)
        token = uploads.store(form.cleaned_data["file"].read(), "xlsx")
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
    uploads.delete(state["token"], "xlsx")
    del request.session[IMPORT_SESSION_KEY]
    messages.success(request, _("The form has been imported."))
    return redirect(survey)


# --- Waves ----------------------------------------------------------------------------------


def _wave(request: HttpRequest, pk: int, perm: str) -> Wave:
    return get_object_for_user(
        Wave.objects.select_related("survey__cycle", "version"),
        user=request.user,
        perm=perm,
        pk=pk,
        path=request.path,
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.change_survey")
    return _wave_form(request, survey, Wave(survey=survey))


@login_required
@require_http_methods(["GET", "POST"])
def wave_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave = _wave(request, pk, "evaluation.change_wave")
    return _wave_form(request, wave.survey, wave)


def _wave_form(request: AuthenticatedHttpRequest, survey: Survey, wave: Wave) -> HttpResponse:
    form = WaveForm(request.POST or None, instance=wave)
    if request.method == "POST" and form.is_valid():
        try:
            wave = services.save_wave(wave=form.save(commit=False), by=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The wave has been saved."))
            return redirect(wave)
    return render(
        request,
        "evaluation/surveys/form.html",
        {
            "cycle": survey.cycle,
            "survey": survey,
            "form": form,
            "title": _("Edit the wave") if wave.pk else _("New wave"),
            "wave_note": wave.pk is None,
        },
        status=400 if form.errors else 200,
    )


def _site_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@login_required
def wave_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave = _wave(request, pk, "evaluation.view_wave")
    return render(
        request,
        "evaluation/surveys/wave.html",
        {
            "cycle": wave.survey.cycle,
            "survey": wave.survey,
            "wave": wave,
            "counts": selectors.counts_by_project(wave, wave.survey.cycle.projects.all()),
            "can_change": request.user.has_perm("evaluation.change_wave", wave),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave = _wave(request, pk, "evaluation.invite_to_wave")
    projects = selectors.invitable_projects(wave, request.user)
    form = InviteForm(
        request.POST or None,
        projects=projects,
        initial={"language": translation.get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            count = services.invite(
                wave=wave,
                project=form.cleaned_data["project"],
                addresses=form.cleaned_data["addresses"],
                language=form.cleaned_data["language"],
                by=request.user,
                site_url=_site_url(request),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                ngettext("%(count)s link has been sent.", "%(count)s links have been sent.", count)
                % {"count": count},
            )
            return redirect("evaluation:wave-invite", pk=wave.pk)
    return render(
        request,
        "evaluation/surveys/invite.html",
        {
            "cycle": wave.survey.cycle,
            "survey": wave.survey,
            "wave": wave,
            "form": form,
            "counts": selectors.counts_by_project(wave, projects),
            "can_view": request.user.has_perm("evaluation.view_wave", wave),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def wave_remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave = _wave(request, pk, "evaluation.change_wave")
    try:
        count = services.remind(wave=wave, by=request.user, site_url=_site_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "A reminder has been sent to %(count)s address that has not answered.",
                "A reminder has been sent to %(count)s addresses that have not answered.",
                count,
            )
            % {"count": count},
        )
    return redirect(wave)


def _answer_context(wave: Wave, form: AnswerForm) -> dict[str, Any]:
    return {
        "wave": wave,
        "survey": wave.survey,
        "form": form,
        "parts": [
            (
                part.section,
                [(q, form[q.name] if q.name in form.fields else None) for q in part.questions],
            )
            for part in selectors.version_parts(wave.version)
        ],
    }


@login_required
@require_http_methods(["GET", "POST"])
def wave_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A member of one of the cycle's projects answers, logged in, once."""
    wave = _wave(request, pk, "evaluation.answer_wave")
    projects = selectors.member_projects(wave, request.user)
    if not projects:  # an admin may do anything, but answers only as a project member
        raise Http404
    if services.has_answered(wave=wave, user=request.user) or not wave.is_open():
        return render(
            request,
            "evaluation/surveys/answer_closed.html",
            {"wave": wave, "survey": wave.survey, "answered": wave.is_open()},
        )
    questions = list(wave.version.questions.prefetch_related("choices"))
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_as_member(
                wave=wave, user=request.user, project=projects[0], answers=form.answers()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("core:dashboard")
        return render(request, "evaluation/surveys/answer_thanks.html", {"survey": wave.survey})
    return render(
        request,
        "evaluation/surveys/answer.html",
        {**_answer_context(wave, form), "project": projects[0]},
        status=400 if form.errors else 200,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def answer_link(request: HttpRequest, token: str) -> HttpResponse:
    """Answer a wave through a single-use link, without an account. Never cached: the page
    belongs to one link."""
    try:
        _link, wave = services.link_wave(token)
    except services.LinkRefused as refused:
        return render(
            request, "evaluation/surveys/link_refused.html", {"reason": refused.message}, status=410
        )
    questions = list(wave.version.questions.prefetch_related("choices"))
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_by_link(token=token, answers=form.answers())
        except services.LinkRefused as refused:
            return render(
                request,
                "evaluation/surveys/link_refused.html",
                {"reason": refused.message},
                status=410,
            )
        return render(request, "evaluation/surveys/answer_thanks.html", {"survey": wave.survey})
    response = render(
        request,
        "evaluation/surveys/answer.html",
        {**_answer_context(wave, form), "anonymous": True},
        status=400 if form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"  # the token never leaves in a Referer
    return response


# --- Results --------------------------------------------------------------------------------


def _results_project(request: HttpRequest, survey: Survey) -> Project | None:
    wanted = request.GET.get("project", "")
    if not wanted:
        return None
    project = survey.cycle.projects.filter(pk=wanted).first() if wanted.isdigit() else None
    if project is None:
        raise Http404
    return project


def _likert_chart(result: Any, waves: list[Wave]) -> Any:
    rows = [
        (wave.name, round(mean, 2))
        for wave, mean in zip(waves, result.means, strict=False)
        if mean is not None
    ]
    if not rows:
        return None
    return charts.bar_chart(
        rows,
        alt=_("Mean answer per wave: %(question)s") % {"question": result.question.label},
        value_title=_("Mean answer"),
        label_title=_("Wave"),
        value_format=".2f",
    )


@login_required
def survey_results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "evaluation.view_survey")
    project = _results_project(request, survey)
    results = selectors.survey_results(survey, project=project, internal=is_internal(request.user))
    questions = [
        (r, _likert_chart(r, results.waves) if r.question.kind == QuestionType.LIKERT else None)
        for r in results.questions
    ]
    return render(
        request,
        "evaluation/surveys/results.html",
        {
            "cycle": survey.cycle,
            "survey": survey,
            "project": project,
            "projects": survey.cycle.projects.order_by("number"),
            "results": results,
            "questions": questions,
            "internal": is_internal(request.user),
        },
    )


def _result_rows(results: Any) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for result in results.questions:
        q = result.question
        for n, wave in enumerate(results.waves):
            base = [q.name, q.label, q.get_kind_display(), wave.name]
            if not results.disclosed[n]:
                rows.append([*base, "", SUPPRESSED, ""])
                continue
            for row in result.rows:
                rows.append([*base, row.label, row.cells[n].value, ""])
            if result.means:
                mean = result.means[n]
                rows.append([*base, _("Mean"), "", SUPPRESSED if mean is None else round(mean, 2)])
            if result.texts:
                rows.append([*base, _("Free-text answers"), result.texts[n], ""])
    return rows


@login_required
def survey_results_export(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("xlsx", "csv"):
        raise Http404
    survey = _survey(request, pk, "evaluation.view_survey")
    project = _results_project(request, survey)
    results = selectors.survey_results(survey, project=project, internal=is_internal(request.user))
    header = [_("Question"), _("Text"), _("Type"), _("Wave"), _("Answer"), _("Count"), _("Mean")]
    rows: list[list[Any]] = [
        ["", "", "", wave.name, _("Respondents"), n if shown else SUPPRESSED, ""]
        for wave, n, shown in zip(
            results.waves, results.respondents, results.disclosed, strict=True
        )
    ]
    rows += _result_rows(results)
    record_event(
        action=AuditAction.EXPORT,
        actor=request.user,
        obj=survey,
        fields=["results"],
        path=request.path,
    )
    filename = f"survey-{survey.pk}-results.{fmt}"
    if fmt == "csv":
        return exports.csv_response(filename, header, rows)
    return exports.xlsx_response(filename, header, rows, title=_("Results"))
