"""The knowledge bank's pages. Public pages are open to everyone; authoring is the centre
team's; publishing is the admin's. Objects are created per request (the kwargs run for each
role inside the rolled-back test), so one role's action does not change the next one's."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from samskapa.library.enums import Status
from samskapa.library.models import Attachment, Material
from tests.access.matrix import CENTRE_TEAM, EVERYONE, Page

ADMIN = frozenset({"admin"})
# One small file shared by every attachment row the matrix creates: rows roll back, the file
# stays, so it is written once rather than once per run.
MATRIX_FILE = "library/attachments/access-matrix.pdf"


def _published() -> dict[str, str]:
    material = Material.objects.published().filter(language="sv").order_by("pk").first()
    assert material is not None, "the demo data has published material"
    return {"slug": material.slug}


def _draft() -> dict[str, int]:
    material = Material.objects.create(
        title="Utkast för åtkomsttest",
        slug=f"utkast-{Material.objects.count() + 1}",
        summary="Ett utkast.",
        body="## Rubrik\n\nText.",
        material_type="guide",
        topics=["collaboration"],
        language="sv",
        status=Status.DRAFT,
    )
    return {"pk": material.pk}


def _in_review() -> dict[str, int]:
    pk = _draft()["pk"]
    Material.objects.filter(pk=pk).update(status=Status.REVIEW)
    return {"pk": pk}


def _published_pk() -> dict[str, int]:
    return {"pk": Material.objects.published().order_by("pk").values_list("pk", flat=True)[0]}


def _attachment(material: Material) -> Attachment:
    if not default_storage.exists(MATRIX_FILE):
        default_storage.save(MATRIX_FILE, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return Attachment.objects.create(
        material=material,
        file=MATRIX_FILE,
        original_name="checklista.pdf",
        content_type="application/pdf",
        size=15,
    )


def _published_attachment() -> dict[str, int]:
    material = Material.objects.published().order_by("pk").first()
    assert material is not None
    return {"pk": _attachment(material).pk}


def _draft_attachment() -> dict[str, int]:
    material = Material.objects.get(pk=_draft()["pk"])
    return {"pk": _attachment(material).pk}


PAGES = [
    Page("library:index", EVERYONE),
    Page("library:index", EVERYONE, query="?q=samverkan", variant="search"),
    Page("library:index", EVERYONE, query="?language=en&topic=participation", variant="english"),
    Page("library:feed", EVERYONE, scan=False),
    Page("library:material-detail", EVERYONE, kwargs=_published),
    Page(
        "library:material-feedback",
        EVERYONE,
        kwargs=_published,
        method="POST",
        ok=frozenset({302}),
        data=lambda: {"helpful": "yes", "comment": ""},
        scan=False,
    ),
    Page("library:attachment-download", EVERYONE, kwargs=_published_attachment, scan=False),
    Page("library:manage", CENTRE_TEAM),
    Page("library:material-create", CENTRE_TEAM),
    Page("library:feedback-list", CENTRE_TEAM),
    Page("library:material-edit", CENTRE_TEAM, kwargs=_draft),
    Page("library:material-history", CENTRE_TEAM, kwargs=_draft),
    Page(
        "library:material-submit",
        CENTRE_TEAM,
        kwargs=_draft,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("library:material-publish", ADMIN, kwargs=_in_review),
    Page(
        "library:material-publish",
        ADMIN,
        kwargs=_in_review,
        method="POST",
        ok=frozenset({302}),
        scan=False,
        variant="post",
    ),
    Page(
        "library:material-return",
        ADMIN,
        kwargs=_in_review,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page(
        "library:material-withdraw",
        ADMIN,
        kwargs=_published_pk,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    # An empty upload is a form error: the edit page again, with the message.
    Page(
        "library:attachment-upload",
        CENTRE_TEAM,
        kwargs=_draft,
        method="POST",
        ok=frozenset({200}),
        scan=False,
    ),
    Page(
        "library:attachment-delete",
        CENTRE_TEAM,
        kwargs=_draft_attachment,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
]
