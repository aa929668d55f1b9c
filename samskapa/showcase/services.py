"""Writes in the showcase: preparing, reviewing, publishing and withdrawing public cases, the
case picture, contact through the platform, and spread records.

Every change to what the public sees calls `pagecache.touch(AREA)`: the public list, the case
pages and the open-data files are stored under that area.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from samskapa.core import mail, pagecache
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.library.uploads import CANONICAL_EXTENSION
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import Project
from samskapa.showcase import selectors
from samskapa.showcase.enums import VersionStatus
from samskapa.showcase.models import COPIED_FIELDS, REGISTER_FIELDS, Case, CaseVersion, SpreadRecord

AREA = "showcase"


class NotAllowedNow(Exception):
    """The step does not start from the version's present status (a stale page, a second
    click): nothing was changed."""


def _require(version: CaseVersion, *statuses: str) -> None:
    # Checked here as well as by the views, because Django grants a superuser every permission.
    if version.status not in statuses:
        raise NotAllowedNow(version.status)


def _locked(version: CaseVersion) -> CaseVersion:
    """The version as stored, locked for this transaction: a step changes only its own fields,
    never unsaved changes of the object it was given."""
    return CaseVersion.objects.select_for_update().select_related("case").get(pk=version.pk)


@transaction.atomic
def start_version(*, project: Project, by: Any) -> CaseVersion:
    """The project's working draft: the one in progress if there is one; otherwise a new
    version, copied from the latest one (texts, translations, picture, links) with the register
    fields taken afresh from the project, or filled from the project for a first case."""
    case, _created = Case.objects.get_or_create(project=project)
    working = selectors.working_version(case)
    if working is not None:
        return working
    latest = case.versions.order_by("-number").first()
    values = selectors.prefill(project)
    if latest is not None:
        copied = {name: getattr(latest, name) for name in COPIED_FIELDS}
        copied.update({name: values[name] for name in REGISTER_FIELDS if name in values})
        values = copied
    version = CaseVersion.objects.create(
        case=case, number=selectors.next_version_number(case), created_by=by, **values
    )
    record_event(action=AuditAction.CREATE, actor=by, obj=version)
    return version


@transaction.atomic
def refill_from_project(*, version: CaseVersion, by: Any) -> CaseVersion:
    """Take the Swedish texts and register fields of a draft from the project's profile and
    toolkit again (after the project has changed them)."""
    _require(version, VersionStatus.DRAFT)
    for name, value in selectors.prefill(version.case.project).items():
        if name == "focus_areas" or (name.endswith("_en") and not value):
            continue  # keep what the lead chose and what was translated
        setattr(version, name, value)
    version.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=version)
    return version


@transaction.atomic
def save_version(*, version: CaseVersion, by: Any) -> CaseVersion:
    """Save a draft the form has changed. A version in review or published is never edited."""
    stored = CaseVersion.objects.select_for_update().get(pk=version.pk)
    _require(stored, VersionStatus.DRAFT)
    version.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=version)
    return version


@transaction.atomic
def set_picture(
    *,
    version: CaseVersion,
    upload: UploadedFile,
    content_type: str,
    credit: str,
    alt: str,
    alt_en: str,
    by: Any,
) -> CaseVersion:
    """Store a picture whose type (by content), size and dimensions the form has checked, with
    its copyright line; the person has confirmed the right to publish it and the consent of the
    people shown."""
    _require(version, VersionStatus.DRAFT)
    upload.seek(0)
    version.picture.save(f"picture{CANONICAL_EXTENSION[content_type]}", upload, save=False)
    version.picture_type = content_type
    version.picture_credit = credit
    version.picture_alt = alt
    version.picture_alt_en = alt_en
    version.picture_rights_confirmed = True
    version.picture_consent_confirmed = True
    version.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=version, fields=["picture"])
    return version


@transaction.atomic
def remove_picture(*, version: CaseVersion, by: Any) -> CaseVersion:
    """Take the picture off a draft. The file stays while an earlier version shows it."""
    _require(version, VersionStatus.DRAFT)
    for name in ("picture", "picture_type", "picture_credit", "picture_alt", "picture_alt_en"):
        setattr(version, name, "")
    version.picture_rights_confirmed = version.picture_consent_confirmed = False
    version.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=version, fields=["picture"])
    return version


@transaction.atomic
def submit_version(*, version: CaseVersion, licence: str, by: Any) -> CaseVersion:
    """The project lead sends a draft to review and grants `licence` on its texts and picture."""
    version = _locked(version)
    _require(version, VersionStatus.DRAFT)
    version.status = VersionStatus.REVIEW
    version.licence = licence
    version.submitted_by = by
    version.submitted_at = timezone.now()
    version.review_note = ""
    version.save(
        update_fields=[
            "status", "licence", "submitted_by", "submitted_at", "review_note", "updated_at"
        ]
    )  # fmt: skip
    record_event(action=AuditAction.CHANGE, actor=by, obj=version, fields=["status", "licence"])
    return version


@transaction.atomic
def publish_version(*, version: CaseVersion, by: Any) -> CaseVersion:
    """Publish a version in review: it becomes what the public sees, and the version it
    replaces is kept, marked as replaced."""
    case = Case.objects.select_for_update().get(pk=version.case_id)
    version = _locked(version)
    _require(version, VersionStatus.REVIEW)
    case.versions.filter(status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.SUPERSEDED, updated_at=timezone.now()
    )
    version.status = VersionStatus.PUBLISHED
    version.reviewed_by = by
    version.published_at = timezone.now()
    version.save(update_fields=["status", "reviewed_by", "published_at", "updated_at"])
    case.public_version = version
    case.save(update_fields=["public_version"])
    version.case = case
    pagecache.touch(AREA)
    record_event(action=AuditAction.CHANGE, actor=by, obj=version, fields=["status"])
    return version


@transaction.atomic
def return_version(*, version: CaseVersion, note: str, by: Any) -> CaseVersion:
    """Send a version in review back to its project as a draft, with what to change."""
    version = _locked(version)
    _require(version, VersionStatus.REVIEW)
    version.status = VersionStatus.DRAFT
    version.reviewed_by = by
    version.review_note = note.strip()
    version.save(update_fields=["status", "reviewed_by", "review_note", "updated_at"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=version, fields=["status"])
    return version


@transaction.atomic
def withdraw_case(*, case: Case, by: Any) -> Case:
    """Take a published case off every public surface. Its versions are kept; publishing a
    new version makes it public again."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.public_version_id is None:
        return case
    case.versions.filter(status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.WITHDRAWN, updated_at=timezone.now()
    )
    case.public_version = None
    case.save(update_fields=["public_version"])
    pagecache.touch(AREA)
    record_event(action=AuditAction.CHANGE, actor=by, obj=case, fields=["public_version"])
    return case


# --- Contact through the platform ------------------------------------------------------------


def _contact_message(
    case_pk: int, to: str, language: str, name: str, email: str, message: str
) -> EmailMessage | None:
    case = Case.objects.select_related("project").filter(pk=case_pk).first()
    if case is None:
        return None
    built = mail.render_message(
        to=to,
        language=language,
        subject_template="showcase/mail/contact_subject.txt",
        body_template="showcase/mail/contact_body.txt",
        context={
            "case": case,
            "project": case.project,
            "name": name,
            "email": email,
            "message": message,
        },
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )
    built.reply_to = [email]
    return built


def send_contact(*, case: Case, name: str, email: str, message: str) -> int:
    """Mail a visitor's message to the project's leads (their addresses are never shown);
    replies go straight to the visitor. Returns how many leads it goes to."""
    leads = [
        membership.user
        for membership in case.project.members.filter(role=MemberRole.LEAD).select_related("user")
        if membership.user.is_active and membership.user.email
    ]
    for lead in leads:
        mail.send_later(
            partial(
                _contact_message,
                case.pk,
                lead.email,
                mail.language_of(lead),
                name.strip(),
                email.strip(),
                message.strip(),
            )
        )
    return len(leads)


# --- Spread records --------------------------------------------------------------------------


@transaction.atomic
def save_spread_record(*, record: SpreadRecord, by: Any) -> SpreadRecord:
    creating = record.pk is None
    if creating:
        record.created_by = by
    record.save()
    pagecache.touch(AREA)  # a published record shows on the case page and in the open data
    record_event(
        action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=record
    )
    return record


@transaction.atomic
def delete_spread_record(*, record: SpreadRecord, by: Any) -> None:
    record_event(action=AuditAction.DELETE, actor=by, obj=record)
    record.delete()
    pagecache.touch(AREA)
