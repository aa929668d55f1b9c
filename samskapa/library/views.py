from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.core import ratelimit
from samskapa.core.access import get_object_for_user
from samskapa.core.pagecache import public_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.library import selectors, services
from samskapa.library.enums import Language, Status, Topic
from samskapa.library.forms import (
    STATUS_FILTER_CHOICES,
    AttachmentForm,
    FeedbackForm,
    FilterForm,
    MaterialForm,
)
from samskapa.library.markdown import check_markdown, render_markdown
from samskapa.library.models import Attachment, Material

PAGE_SIZE = 20
FEEDBACK_SESSION_KEY = "library_feedback_given"


def _active_language() -> str:
    return Language.ENGLISH if (get_language() or "").startswith("en") else Language.SWEDISH


@login_not_required
@public_cache("library")
def index(request: HttpRequest) -> HttpResponse:
    params = request.GET.copy()
    if params.get("language") not in Language.values:
        params["language"] = _active_language()
    form = FilterForm(params)
    data = form.cleaned_data if form.is_valid() else {"language": params["language"]}
    filters = selectors.MaterialFilters(
        language=data.get("language") or _active_language(),
        topic=data.get("topic", ""),
        focus_area=data.get("focus_area", ""),
        process_element=data.get("process_element", ""),
        material_type=data.get("material_type", ""),
    )
    query = data.get("q", "").strip()
    if query:
        materials = selectors.search_materials(query=query, filters=filters)
    else:
        materials = selectors.list_published_materials(filters=filters)
    page = Paginator(materials, PAGE_SIZE).get_page(request.GET.get("page"))
    if query:
        selectors.add_snippets(page.object_list, query=query)
    other_language = Language.ENGLISH if filters.language == Language.SWEDISH else Language.SWEDISH
    return render(
        request,
        "library/index.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "filters": filters,
            "filtered": any(
                [
                    query,
                    filters.topic,
                    filters.focus_area,
                    filters.process_element,
                    filters.material_type,
                ]
            ),
            "topics": Topic.choices,
            "other_language": other_language,
        },
    )


def _detail_context(request: HttpRequest, material: Material) -> dict[str, Any]:
    context: dict[str, Any] = {
        "material": material,
        "translation": selectors.get_published_translation(material=material),
        "related": selectors.list_related_materials(material=material),
        "attachments": list(material.attachments.all()),
        "authors": list(material.authors.order_by("name")),
        "feedback_form": FeedbackForm(),
    }
    if request.user.has_perm("library.view_feedback"):
        context["feedback_counts"] = material.feedback.aggregate(
            yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
        )
        context["findings"] = check_markdown(material.body)
        selectors.add_view_counts([material])
    return context


@login_not_required
def material_detail(request: HttpRequest, slug: str) -> HttpResponse:
    response = _material_page(request, slug)
    if not request.user.is_authenticated and response.status_code in (200, 304):
        # Every anonymous reader's visit counts, also one served from the public cache or
        # answered "not modified" (either, for an anonymous visitor, is a published material).
        services.record_view_of_published(slug=slug)
    return response


# The same for every anonymous reader: the feedback form carries no CSRF token (it fetches one
# when it is sent, core/js/token-on-use.js) and whether the visitor has answered is shown on the
# feedback page, not here.
@public_cache("library")
def _material_page(request: HttpRequest, slug: str) -> HttpResponse:
    material = get_object_for_user(
        Material.objects.all(),
        user=request.user,
        perm="library.view_material",
        path=request.path,
        slug=slug,
    )
    user = request.user
    if (
        user.is_authenticated
        and material.is_published
        and not user.has_perm("library.view_feedback")
    ):
        services.record_view(material=material)  # readers only: staff visits are not counted
    return render(request, "library/material_detail.html", _detail_context(request, material))


def _feedback_page(request: HttpRequest, material: Material, form: FeedbackForm) -> HttpResponse:
    given = material.pk in request.session.get(FEEDBACK_SESSION_KEY, [])
    context = {"material": material, "form": form, "feedback_given": given}
    return render(request, "library/material_feedback.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def material_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """The feedback form with a CSRF token, on a page of its own: the material page's form comes
    here without JavaScript (a GET with the answer chosen there, shown again to be sent)."""
    material = get_object_for_user(
        Material.objects.published(),
        user=request.user,
        perm="library.view_material",
        path=request.path,
        slug=slug,
    )
    if request.method == "GET":
        answer = request.GET.get("helpful", "")
        initial = {
            "helpful": answer if answer in ("yes", "no") else None,
            "comment": request.GET.get("comment", "")[:2000],
        }
        return _feedback_page(request, material, FeedbackForm(initial=initial))
    given = request.session.get(FEEDBACK_SESSION_KEY, [])
    if material.pk in given:
        # One answer per material and browser session: a light rate limit without tracking.
        messages.info(request, _("You have already given feedback on this material. Thank you!"))
        return redirect(material.get_absolute_url() + "#feedback")
    if ratelimit.client_exceeded(request, ratelimit.PUBLIC_FORM):
        return ratelimit.too_many(request, ratelimit.PUBLIC_FORM)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _feedback_page(request, material, form)
    services.record_feedback(
        material=material,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    request.session[FEEDBACK_SESSION_KEY] = [*given, material.pk][-200:]
    messages.success(request, _("Thank you for your feedback!"))
    return redirect(material.get_absolute_url() + "#feedback")


@login_not_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_for_user(
        Attachment.objects.select_related("material"),
        user=request.user,
        perm="library.download_attachment",
        path=request.path,
        pk=pk,
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Authoring -------------------------------------------------------------------------------


@permission_required("library.add_material", raise_exception=True)
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    materials = selectors.list_materials_for_authoring(status=status)
    page = Paginator(materials, 25).get_page(request.GET.get("page"))
    selectors.add_view_counts(page.object_list)
    return render(
        request,
        "library/manage.html",
        {"page": page, "status": status, "status_choices": STATUS_FILTER_CHOICES},
    )


def _material(request: AuthenticatedHttpRequest, pk: int, perm: str) -> Material:
    """The material `pk` if the person may `perm` it; 404 (audited) otherwise."""
    return get_object_for_user(
        Material.objects.all(), user=request.user, perm=perm, path=request.path, pk=pk
    )


def _editor(
    request: AuthenticatedHttpRequest,
    form: MaterialForm,
    material: Material | None,
    status: int = 200,
) -> HttpResponse:
    body = form.data.get("body", "") if form.is_bound else (material.body if material else "")
    context: dict[str, Any] = {
        "form": form,
        "material": material,
        "findings": check_markdown(body),
        "preview": render_markdown(body) if "preview" in request.POST else None,
        "attachment_form": AttachmentForm(),
    }
    if material is not None:
        context["attachments"] = list(material.attachments.all())
    return render(request, "library/material_form.html", context, status=status)


@permission_required("library.add_material", raise_exception=True)
def material_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _editor(request, MaterialForm(initial={"language": _active_language()}), None)
    form = MaterialForm(request.POST)
    if "preview" in request.POST or not form.is_valid():
        return _editor(request, form, None)
    material = services.save_material(
        material=form.save(commit=False),
        translation_of=form.cleaned_data.get("translation_of"),
        by=request.user,
    )
    messages.success(request, _("The draft is saved."))
    return redirect("library:material-edit", pk=material.pk)


@permission_required("library.add_material", raise_exception=True)
def material_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.change_material")
    if request.method != "POST":
        return _editor(request, MaterialForm(instance=material), material)
    form = MaterialForm(request.POST, instance=material)
    if "preview" in request.POST or not form.is_valid():
        return _editor(request, form, material)
    material = services.save_material(
        material=form.save(commit=False),
        translation_of=form.cleaned_data.get("translation_of"),
        by=request.user,
    )
    messages.success(request, _("Your changes are saved."))
    return redirect("library:material-edit", pk=material.pk)


@require_POST
@permission_required("library.add_material", raise_exception=True)
def material_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.change_material")
    if material.is_draft:  # a second click, or a stale page: nothing to do
        services.submit_for_review(material=material, by=request.user)
        messages.success(request, _("The material is waiting for review."))
    return redirect("library:material-edit", pk=material.pk)


@permission_required("library.publish_materials", raise_exception=True)
def material_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.publish_material")
    if request.method == "POST":
        services.publish_material(material=material, by=request.user)
        messages.success(request, _("The material is published."))
        return redirect(material)
    return render(
        request,
        "library/material_publish.html",
        {"material": material, "findings": check_markdown(material.body)},
    )


@require_POST
@permission_required("library.publish_materials", raise_exception=True)
def material_return(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.return_material")
    services.return_to_draft(material=material, by=request.user)
    messages.success(request, _("The material is back in draft."))
    return redirect("library:material-edit", pk=material.pk)


@require_POST
@permission_required("library.publish_materials", raise_exception=True)
def material_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.withdraw_material")
    services.withdraw_material(material=material, by=request.user)
    messages.success(request, _("The material is withdrawn and back in draft."))
    return redirect("library:material-edit", pk=material.pk)


@permission_required("library.view_history", raise_exception=True)
def material_history(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.view_history")
    records = list(material.history.select_related("history_user").order_by("-history_date")[:50])
    versions = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = newer.diff_against(older).changed_fields if older is not None else []
        versions.append({"record": newer, "changed": changed})
    return render(
        request, "library/material_history.html", {"material": material, "versions": versions}
    )


@permission_required("library.view_feedback", raise_exception=True)
def feedback_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.list_feedback(), 50).get_page(request.GET.get("page"))
    return render(request, "library/feedback_list.html", {"page": page})


@require_POST
@permission_required("library.add_material", raise_exception=True)
def attachment_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request, pk, "library.change_material")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        context = {
            "form": MaterialForm(instance=material),
            "material": material,
            "findings": check_markdown(material.body),
            "preview": None,
            "attachment_form": form,
            "attachments": list(material.attachments.all()),
        }
        return render(request, "library/material_form.html", context)
    services.add_attachment(
        material=material,
        upload=form.cleaned_data["file"],
        content_type=form.cleaned_data["content_type"],
        by=request.user,
    )
    messages.success(request, _("The file is attached."))
    return redirect("library:material-edit", pk=material.pk)


@require_POST
@permission_required("library.add_material", raise_exception=True)
def attachment_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_for_user(
        Attachment.objects.select_related("material"),
        user=request.user,
        perm="library.change_material",
        path=request.path,
        pk=pk,
    )
    material = attachment.material
    services.delete_attachment(attachment=attachment, by=request.user)
    messages.success(request, _("The attachment is removed."))
    return redirect("library:material-edit", pk=material.pk)
