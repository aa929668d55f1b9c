"""The erasure scan: a person is put everywhere a person can appear, erased, and then every
column of every table (live, historical, audit, task queue, admin log) and every file under
MEDIA_ROOT is searched for their name and e-mail address. Nothing may be found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import connection

from samskapa.accounts.models import User
from samskapa.core import mail, uploads
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction, AuditEvent
from tests.factories.accounts import PASSWORD, UserFactory, staff
from tests.factories.coalitions import (
    AttendanceFactory,
    CalendarFeedFactory,
    CoalitionFactory,
    FollowUpFactory,
    LessonFactory,
)
from tests.factories.conference import (
    EditionFactory,
    ParticipantNeedsFactory,
    RegistrationFactory,
    ReviewFactory,
    SpeakerFactory,
    SubmissionFactory,
)
from tests.factories.connect import ContactRequestFactory
from tests.factories.library import AttachmentFactory, MaterialFactory
from tests.factories.projects import InvitationFactory, ProjectFactory, lead_of
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory
from tests.factories.toolkit import SelfAssessmentFactory

pytestmark = pytest.mark.django_db

NAME = "Eskil Raderasson"
EMAIL = "eskil.raderasson@example.se"
NEEDLES = ("raderasson", EMAIL)  # the surname is in both the name and the address


def _everywhere(person: User) -> None:
    """The person in every place the apps keep people (factories across apps)."""
    admin = staff("admin")
    # Projects: lead (with a second lead, so erasure is allowed), contact person in the live
    # row and in history snapshots, invitations sent and received.
    project = ProjectFactory(contact_name=NAME, contact_email=EMAIL)
    project._history_user = person  # type: ignore[attr-defined]
    project.summary = "Ändrad av projektledaren."
    project.save()
    lead_of(project, person)
    lead_of(project)
    InvitationFactory(project=project, email=EMAIL.upper(), invited_by=admin)
    InvitationFactory(project=project, email="kollega@example.se", invited_by=person)
    SelfAssessmentFactory(project=project, created_by=person)
    # Connect: a contact request the person sent (signed with their name) and one they answered.
    ContactRequestFactory(from_project=project, sender=person, message=f"Hälsningar, {NAME}")
    ContactRequestFactory(to_project=project, status="accepted", answered_by=person)
    # Conference: participant with needs, submitter, speaker, reviewer.
    edition = EditionFactory()
    ParticipantNeedsFactory(
        registration=RegistrationFactory(edition=edition, name=NAME, email=EMAIL),
        accessibility="Rullstol",
    )
    SubmissionFactory(edition=edition, submitter_name=NAME, submitter_email=EMAIL)
    SpeakerFactory(edition=edition, name=NAME, bio="Eskil leder projektet.")
    ReviewFactory(reviewer=person, comment="Bra inspel.")
    # Coalitions: process leader, attendance, lesson, follow-up owner, calendar feed.
    coalition = CoalitionFactory(process_leaders=[person])
    AttendanceFactory(user=person)
    LessonFactory(author=person)
    FollowUpFactory(owner=NAME)
    CalendarFeedFactory(user=person)
    # Knowledge bank: author, an attachment whose file name carries the name.
    material = MaterialFactory()
    material.authors.add(person)
    AttachmentFactory(material=material, original_name=f"{NAME} presentation.pdf")
    # Showcase: a case version the person created and submitted, its copyright line naming
    # them, and a spread record they added.
    CaseVersionFactory(created_by=person, submitted_by=person, picture_credit=f"Foto: {NAME}")
    SpreadRecordFactory(created_by=person)
    # Audit log, admin log, a queued e-mail and an import upload waiting for confirmation.
    record_event(action=AuditAction.CHANGE, actor=person, obj=coalition, fields=["name"])
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message=f"Ändrade namn till {NAME}",
    )
    mail.enqueue(EmailMessage("Välkommen", f"Hej {NAME}!", "noreply@samskapa.test", [EMAIL]))
    uploads.store(f"Kontaktperson;E-post\n{NAME};{EMAIL}\n".encode(), "csv")


def _hits_in_database() -> list[str]:
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} WHERE 1 = 0")  # noqa: S608  (the schema's names)
            for column in [description[0] for description in cursor.description]:
                name = connection.ops.quote_name(column)
                for needle in NEEDLES:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted} "  # noqa: S608
                        f"WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.append(f"{table}.{column}: {needle}")
    return hits


def _hits_in_media(root: Path) -> list[str]:
    hits = []
    for file in root.rglob("*"):
        text = f"{file.relative_to(root)}".lower()
        if file.is_file():
            text += file.read_bytes().decode("utf-8", errors="replace").lower()
        hits += [f"{file}: {needle}" for needle in NEEDLES if needle.lower() in text]
    return hits


def test_erasure_leaves_nothing_in_any_table_or_file(
    client_for: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    person = UserFactory(name=NAME, email=EMAIL, job_title="Projektledare")
    _everywhere(person)
    client = client_for(person)  # a session and a login event
    # The scan finds the person before erasure (it would find a leftover).
    assert _hits_in_database() and _hits_in_media(settings.MEDIA_ROOT)

    response = client.post("/me/data/erase/", {"confirm_email": EMAIL, "password": PASSWORD})

    assert response.status_code == 302
    assert _hits_in_database() == []
    assert _hits_in_media(settings.MEDIA_ROOT) == []
    # The audit log keeps its events, with the actor as the erased account's pseudonym.
    person.refresh_from_db()
    assert AuditEvent.objects.filter(actor=person, action=AuditAction.CHANGE).exists()
    assert AuditEvent.objects.filter(action=AuditAction.ERASURE, object_id=str(person.pk))
