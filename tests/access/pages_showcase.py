"""The showcase's pages. Public cases, their pictures, the contact form and the open data are
everyone's; a project's case workspace and spread records belong to its members (the lead
prepares the case); review is the admin's and the process leaders'; the spread dashboard is
the centre staff's and the funder's. Objects are built per request, so one role's POST does not
change the next one's."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from PIL import Image

from samskapa.showcase import services
from samskapa.showcase.enums import Licence, VersionStatus
from samskapa.showcase.models import Case, CaseVersion
from tests.access.matrix import EVERYONE, STAFF, Page
from tests.access.world import World
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory

MEMBER = frozenset({"member"})
MEMBER_ADMIN = frozenset({"member", "admin"})  # the admin is a superuser
REVIEWERS = frozenset({"admin", "process_leader"})
PROJECT_PEOPLE = STAFF | MEMBER


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (0, 89, 79)).save(buffer, format="PNG")
    return buffer.getvalue()


def _public_case(world: World) -> Case:
    """world.project's case, published (as the demo's 23-012-S01 is)."""

    def build() -> Case:
        project = world.project
        lead = world.user("member")
        case = Case.objects.filter(project=project).first()
        if case is None or not case.is_public:
            version = services.start_version(project=project, by=lead)
            if version.is_draft:
                services.submit_version(version=version, licence=Licence.CC_BY_4_0, by=lead)
            services.publish_version(version=version, by=world.user("admin"))
            case = Case.objects.get(project=project)
        version = case.public_version
        assert version is not None
        if not version.picture:
            version.picture.save("picture.png", ContentFile(_png()), save=False)
            CaseVersion.objects.filter(pk=version.pk).update(
                picture=version.picture.name,
                picture_type="image/png",
                picture_credit="Foto: Test",
                picture_alt="En bild",
                picture_rights_confirmed=True,
                picture_consent_confirmed=True,
            )
        SpreadRecordFactory(project=project, organisation="Region Test")
        return case

    return world.get("showcase-public-case", build)


def _cases(world: World) -> dict[str, Any]:
    _public_case(world)
    return {}


def _case(world: World) -> dict[str, Any]:
    return {"pk": _public_case(world).pk}


def _picture(world: World) -> dict[str, Any]:
    case = _public_case(world)
    return {"pk": case.public_version_id}


def _project(world: World) -> dict[str, Any]:
    return {"project_pk": world.project.pk}


def _with_case(world: World) -> dict[str, Any]:
    _public_case(world)
    return {"project_pk": world.project.pk}


def _with_draft(world: World) -> dict[str, Any]:
    """world.project with a draft being prepared."""
    services.start_version(project=world.project, by=world.user("member"))
    return {"project_pk": world.project.pk}


def _in_review(world: World) -> dict[str, Any]:
    return {"pk": CaseVersionFactory(status=VersionStatus.REVIEW).pk}


def _record(world: World) -> dict[str, Any]:
    return {"pk": SpreadRecordFactory(project=world.project).pk}


def _post(name: str, allowed: frozenset[str], kwargs: Any, **extra: Any) -> Page:
    return Page(
        name,
        allowed,
        kwargs=kwargs,
        method="POST",
        ok=extra.pop("ok", frozenset({302})),
        denied=extra.pop("denied", 404),
        scan=False,
        **extra,
    )


PAGES = [
    Page("showcase:case-list", EVERYONE, kwargs=_cases),
    Page("showcase:case-list", EVERYONE, kwargs=_cases, query="?q=a", variant="search"),
    Page(
        "showcase:case-list",
        EVERYONE,
        kwargs=_cases,
        query="?focus_area=participation&region=SE12",
        variant="filtered",
    ),
    Page("showcase:case-feed", EVERYONE, kwargs=_cases, scan=False),
    Page("showcase:case-detail", EVERYONE, kwargs=_case),
    Page("showcase:case-contact", EVERYONE, kwargs=_case),
    _post(
        "showcase:case-contact",
        EVERYONE,
        _case,
        variant="post",
        data=lambda: {"name": "Kim", "email": "kim@example.se", "message": "Hej"},
    ),
    Page("showcase:case-picture", EVERYONE, kwargs=_picture, scan=False),
    Page("showcase:open-data", EVERYONE, kwargs=_cases),
    Page("showcase:open-data-catalog", EVERYONE, kwargs=_cases, scan=False),
    Page(
        "showcase:open-data-file",
        EVERYONE,
        kwargs=lambda world: {**_cases(world), "dataset": "cases", "fmt": "csv"},
        scan=False,
    ),
    Page(
        "showcase:open-data-file",
        EVERYONE,
        kwargs=lambda world: {**_cases(world), "dataset": "spread-records", "fmt": "json"},
        scan=False,
        variant="spread-json",
    ),
    Page("showcase:project-case", PROJECT_PEOPLE, kwargs=_with_case, denied=404),
    _post("showcase:case-start", MEMBER_ADMIN, _project),
    Page("showcase:case-edit", MEMBER_ADMIN, kwargs=_with_draft, denied=404),
    _post("showcase:case-refill", MEMBER_ADMIN, _with_draft),
    # An empty upload is a form error: the edit page again, with the message.
    _post("showcase:case-picture-upload", MEMBER_ADMIN, _with_draft, ok=frozenset({200})),
    _post("showcase:case-picture-remove", MEMBER_ADMIN, _with_draft),
    Page("showcase:case-submit", MEMBER_ADMIN, kwargs=_with_draft, denied=404),
    _post("showcase:case-withdraw", MEMBER | REVIEWERS, _with_case),
    Page("showcase:review-queue", REVIEWERS, kwargs=_cases),
    Page("showcase:review-version", REVIEWERS, kwargs=_in_review),
    _post("showcase:review-publish", REVIEWERS, _in_review, denied=403),
    _post(
        "showcase:review-return",
        REVIEWERS,
        _in_review,
        denied=403,
        data=lambda: {"note": "Komplettera resultaten."},
    ),
    Page("showcase:spread-dashboard", STAFF, kwargs=_cases),
    Page("showcase:spread-list", PROJECT_PEOPLE, kwargs=_with_case, denied=404),
    Page("showcase:spread-create", MEMBER_ADMIN, kwargs=_project, denied=404),
    Page("showcase:spread-edit", MEMBER_ADMIN, kwargs=_record, denied=404),
    _post("showcase:spread-delete", MEMBER_ADMIN, _record),
]
