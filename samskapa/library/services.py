"""Writes in the knowledge bank: the publishing workflow, views, feedback and attachments."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samskapa.core import pagecache
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.library import selectors
from samskapa.library.enums import Status
from samskapa.library.models import Attachment, Feedback, Material
from samskapa.library.uploads import CANONICAL_EXTENSION

# Which status each step may start from. Checked here as well as in rules.py, because Django
# grants a superuser every permission regardless of the material's state.
_ALLOWED_FROM = {
    "submit": {Status.DRAFT},
    "publish": {Status.DRAFT, Status.REVIEW},
    "return": {Status.REVIEW},
    "withdraw": {Status.PUBLISHED},
}


def _set_status(*, material: Material, step: str, status: str, by: Any) -> Material:
    if material.status not in _ALLOWED_FROM[step]:
        return material  # not a step from here: nothing changes
    material.status = status
    if status == Status.PUBLISHED and material.published_at is None:
        material.published_at = timezone.now()
    material._history_user = by  # type: ignore[attr-defined]
    material.save()
    pagecache.touch("library")  # published, withdrawn: the public lists change
    record_event(action=AuditAction.CHANGE, actor=by, obj=material, fields=["status"])
    return material


def submit_for_review(*, material: Material, by: Any) -> Material:
    return _set_status(material=material, step="submit", status=Status.REVIEW, by=by)


def publish_material(*, material: Material, by: Any) -> Material:
    return _set_status(material=material, step="publish", status=Status.PUBLISHED, by=by)


def return_to_draft(*, material: Material, by: Any) -> Material:
    return _set_status(material=material, step="return", status=Status.DRAFT, by=by)


def withdraw_material(*, material: Material, by: Any) -> Material:
    return _set_status(material=material, step="withdraw", status=Status.DRAFT, by=by)


@transaction.atomic
def save_material(*, material: Material, translation_of: Material | None, by: Any) -> Material:
    """Save a new or changed material in one transaction: its translation group (joined to
    `translation_of`'s, or a group of its own when the link was removed) and its author."""
    if translation_of is not None:
        material.group = translation_of.group
    elif (
        material.pk
        and Material.objects.filter(group=material.group).exclude(pk=material.pk).exists()
    ):
        material.group = uuid.uuid4()
    creating = material.pk is None
    material._history_user = by  # type: ignore[attr-defined]
    material.save()
    material.authors.add(by)
    pagecache.touch("library")  # an edit of a published material shows at once
    record_event(
        action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=material
    )
    return material


# Views are counted in the shared cache and written to the material in batches: a database
# write on every read would make each page view a write (and, for the personal page cache,
# samskapa.core.writes, renew every stored page). At most VIEW_BATCH - 1 views of a material
# wait in the cache; selectors.add_view_counts adds them to what the database holds.
VIEW_BATCH = 50


def record_view(*, material: Material) -> None:
    """A reader's visit to the published `material` (staff visits are not counted)."""
    record_view_of_published(slug=material.slug)


def record_view_of_published(*, slug: str) -> None:
    """A visit to the published material at `slug`, counted by the address without reading the
    material (the page itself may come from the public cache)."""
    key = selectors.pending_views_key(slug)
    try:
        pending = cache.incr(key)
    except ValueError:  # the first waiting view (or another process's add came first)
        pending = 1 if cache.add(key, 1, None) else cache.incr(key)
    if pending >= VIEW_BATCH:
        cache.decr(key, pending)
        Material.objects.published().filter(slug=slug).update(view_count=F("view_count") + pending)


def record_feedback(*, material: Material, helpful: bool, comment: str) -> Feedback:
    return Feedback.objects.create(material=material, helpful=helpful, comment=comment.strip())


@transaction.atomic
def add_attachment(
    *, material: Material, upload: UploadedFile, content_type: str, by: Any
) -> Attachment:
    """Store an upload whose size and type (by content) the form has checked."""
    upload.seek(0)
    attachment = Attachment(
        material=material,
        original_name=(upload.name or "file")[:200],
        content_type=content_type,
        size=upload.size or 0,
    )
    attachment.file.save(f"file{CANONICAL_EXTENSION[content_type]}", upload, save=False)
    attachment.save()
    pagecache.touch("library")
    record_event(action=AuditAction.CREATE, actor=by, obj=attachment, fields=["file"])
    return attachment


@transaction.atomic
def delete_attachment(*, attachment: Attachment, by: Any) -> None:
    record_event(action=AuditAction.DELETE, actor=by, obj=attachment, fields=["file"])
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    pagecache.touch("library")
    if name:
        transaction.on_commit(lambda: storage.delete(name))
