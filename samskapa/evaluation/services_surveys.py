"""Every write of surveys: a survey and its versions, sections and questions (copy on write
once a version is frozen), freezing a version, and the XLSForm import.

A frozen version is never changed: `editable_version` copies it into a new version first, and
every change below goes through it. Questions keep their `name` across versions, so answers
to the same question can be compared from one version to the next.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.core import mail
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.surveys import (
    CHOICE_TYPES,
    Answer,
    Choice,
    InstrumentVersion,
    Question,
    QuestionType,
    Response,
    Section,
    Survey,
    Wave,
    WaveLink,
    WaveParticipant,
)
from samskapa.evaluation.xlsform import ParsedInstrument
from samskapa.projects.models import Project

ChoiceRow = tuple[str, str, str]  # value, Swedish label, English label


def latest_version(survey: Survey) -> InstrumentVersion:
    version = survey.versions.order_by("-number").first()
    if version is None:  # every survey is created with a version; this only repairs
        version = InstrumentVersion.objects.create(survey=survey, number=1)
    return version


@transaction.atomic
def create_survey(*, cycle: EvaluationCycle, title_sv: str, title_en: str = "", by: User) -> Survey:
    survey = Survey(cycle=cycle, title_sv=title_sv, title_en=title_en)
    survey.full_clean()
    survey.save()
    InstrumentVersion.objects.create(survey=survey, number=1)
    record_event(action=AuditAction.CREATE, actor=by, obj=survey)
    return survey


def save_survey_titles(*, survey: Survey, by: User) -> Survey:
    survey.full_clean()
    survey.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=survey, fields=["title_sv", "title_en"])
    return survey


@transaction.atomic
def copy_version(version: InstrumentVersion) -> InstrumentVersion:
    """A new, unfrozen version with the same sections, questions and choices."""
    number = (version.survey.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    new = InstrumentVersion.objects.create(survey=version.survey, number=number)
    sections = {}
    for section in version.sections.all():
        old_pk = section.pk
        section.pk = None
        section.version = new
        section.save()
        sections[old_pk] = section
    for question in version.questions.prefetch_related("choices"):
        choices = list(question.choices.all())
        question.pk = None
        question.version = new
        question.section = sections.get(question.section_id) if question.section_id else None
        question.save()
        Choice.objects.bulk_create(
            Choice(
                question=question,
                position=c.position,
                value=c.value,
                label_sv=c.label_sv,
                label_en=c.label_en,
            )
            for c in choices
        )
    return new


def editable_version(survey: Survey) -> InstrumentVersion:
    """The version changes go to: the latest one, or a copy of it when it is frozen."""
    version = latest_version(survey)
    return copy_version(version) if version.frozen else version


def freeze_version(*, version: InstrumentVersion, by: User) -> InstrumentVersion:
    if not version.questions.exists():
        raise ValidationError(_("A version without questions cannot be frozen."))
    if not version.frozen:
        version.frozen = True
        version.save(update_fields=["frozen"])
        record_event(action=AuditAction.CHANGE, actor=by, obj=version.survey, fields=["frozen"])
    return version


@transaction.atomic
def save_section(
    *, survey: Survey, name: str, title_sv: str, title_en: str, by: User, section: Section | None
) -> Section:
    """Add a section to the survey, or change one (in the editable version)."""
    version = editable_version(survey)
    if section is None:
        position = (version.sections.aggregate(m=Max("position"))["m"] or 0) + 1
        section = Section(version=version, position=position)
    else:
        section = version.sections.get(name=section.name)
    section.name, section.title_sv, section.title_en = name, title_sv, title_en
    if version.sections.filter(name=name).exclude(pk=section.pk).exists():
        raise ValidationError({"name": _("The survey already has a section with this name.")})
    section.full_clean()
    section.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=survey, fields=["sections"])
    return section


def _check_condition(question: Question, version: InstrumentVersion) -> None:
    if not question.relevant_name:
        return
    earlier = version.questions.filter(name=question.relevant_name).first()
    if earlier is None or (question.pk and earlier.position >= question.position):
        raise ValidationError(
            {"relevant_name": _("The condition must refer to an earlier question.")}
        )
    if earlier.is_note:
        raise ValidationError({"relevant_name": _("A note has no answer to refer to.")})
    if earlier.has_choices and not earlier.choices.filter(value=question.relevant_value).exists():
        raise ValidationError(
            {
                "relevant_value": _("“%(value)s” is not a choice of the earlier question.")
                % {"value": question.relevant_value}
            }
        )


@transaction.atomic
def save_question(
    *,
    survey: Survey,
    question: Question,
    section_name: str,
    choices: Sequence[ChoiceRow],
    by: User,
) -> Question:
    """Add `question` (unsaved) to the survey, or save the changes to one of its questions.

    The change goes to the editable version: when the question's version is frozen, the
    version is copied first and the copy's question of the same name is changed."""
    version = editable_version(survey)
    original_name = question.name if question.pk is None else None
    if question.pk is not None:
        original_name = Question.objects.get(pk=question.pk).name
        target = version.questions.get(name=original_name)
        question.pk, question.version, question.position = target.pk, version, target.position
        question.choice_list = target.choice_list
    else:
        question.version = version
        question.position = (version.questions.aggregate(m=Max("position"))["m"] or 0) + 1
    if version.questions.filter(name=question.name).exclude(pk=question.pk).exists():
        raise ValidationError({"name": _("The survey already has a question with this name.")})
    question.section = version.sections.filter(name=section_name).first() if section_name else None
    if question.kind in CHOICE_TYPES and not choices:
        raise ValidationError({"choices": _("A choice question needs at least one choice.")})
    if question.kind not in CHOICE_TYPES:
        choices = []
    values = [value for value, _sv, _en in choices]
    if len(set(values)) != len(values):
        raise ValidationError({"choices": _("Each choice needs its own value.")})
    if question.kind == QuestionType.NOTE:
        question.required = False
    question.full_clean(exclude=["version", "section"])
    _check_condition(question, version)
    old_choices = (
        [(c.value, c.label_sv, c.label_en) for c in question.choices.all()] if question.pk else []
    )
    if question.kind in CHOICE_TYPES and (not question.choice_list or old_choices != list(choices)):
        question.choice_list = question.name  # its own list, no longer shared
    if question.kind not in CHOICE_TYPES:
        question.choice_list = ""
    question.save()
    if original_name and original_name != question.name:
        version.questions.filter(relevant_name=original_name).update(relevant_name=question.name)
    if old_choices != list(choices):
        question.choices.all().delete()
        Choice.objects.bulk_create(
            Choice(question=question, position=n, value=value, label_sv=sv, label_en=en)
            for n, (value, sv, en) in enumerate(choices, start=1)
        )
    record_event(action=AuditAction.CHANGE, actor=by, obj=survey, fields=["questions"])
    return question


@transaction.atomic
def delete_question(*, survey: Survey, question: Question, by: User) -> None:
    version = editable_version(survey)
    target = version.questions.get(name=question.name)
    dependent = version.questions.filter(relevant_name=target.name).first()
    if dependent is not None:
        raise ValidationError(
            _("The question “%(name)s” is shown depending on this one: change it first.")
            % {"name": dependent.name}
        )
    target.delete()
    record_event(action=AuditAction.CHANGE, actor=by, obj=survey, fields=["questions"])


@transaction.atomic
def import_instrument(
    *,
    cycle: EvaluationCycle,
    parsed: ParsedInstrument,
    by: User,
    survey: Survey | None = None,
    title_sv: str = "",
    title_en: str = "",
) -> Survey:
    """Write a parsed XLSForm: a new survey, or a new version of `survey`. All or nothing."""
    if not parsed.ok:
        raise ValidationError(_("Nothing was imported: the file has errors."))
    if survey is None:
        survey = create_survey(
            cycle=cycle,
            title_sv=(title_sv or parsed.title_sv or _("Imported survey"))[:200],
            title_en=(title_en or parsed.title_en)[:200],
            by=by,
        )
        version = latest_version(survey)
    else:
        version = latest_version(survey)
        if version.frozen or version.questions.exists() or version.sections.exists():
            number = (survey.versions.aggregate(m=Max("number"))["m"] or 0) + 1
            if not version.frozen:  # an unfrozen draft is replaced, not kept
                version.delete()
                number -= 1
            version = InstrumentVersion.objects.create(survey=survey, number=number)
    sections = {}
    for position, parsed_section in enumerate(parsed.sections, start=1):
        sections[parsed_section.name] = Section.objects.create(
            version=version,
            position=position,
            name=parsed_section.name,
            title_sv=parsed_section.title_sv[:200],
            title_en=parsed_section.title_en[:200],
        )
    for position, parsed_question in enumerate(parsed.questions, start=1):
        question = Question.objects.create(
            version=version,
            section=sections.get(parsed_question.section),
            position=position,
            name=parsed_question.name,
            kind=parsed_question.kind,
            label_sv=parsed_question.label_sv,
            label_en=parsed_question.label_en,
            required=parsed_question.required,
            focus_area=parsed_question.focus_area,
            choice_list=parsed_question.choice_list,
            relevant_name=parsed_question.relevant_name,
            relevant_value=parsed_question.relevant_value,
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                position=n,
                value=c.value[:60],
                label_sv=c.label_sv[:200],
                label_en=c.label_en[:200],
            )
            for n, c in enumerate(parsed_question.choices, start=1)
        )
    record_event(action=AuditAction.IMPORT, actor=by, obj=survey, fields=["questions"])
    return survey


# --- Waves ---------------------------------------------------------------------------------


class LinkRefused(Exception):
    """The link is unknown, already used, or its wave is not open; the message says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def save_wave(*, wave: Wave, by: User) -> Wave:
    """A new wave asks the survey's latest version, which is frozen from then on; an existing
    wave keeps its version (only its names and dates change)."""
    if wave.pk is None:
        version = latest_version(wave.survey)
        freeze_version(version=version, by=by)
        wave.version = version
    wave.full_clean()
    wave.save()
    record_event(action=AuditAction.CHANGE, actor=by, obj=wave.survey, fields=["waves"])
    return wave


def _link_message(
    *, email: str, token: str, wave_pk: int, language: str, site_url: str, reminder: bool
) -> EmailMessage | None:
    wave = Wave.objects.select_related("survey").filter(pk=wave_pk).first()
    if wave is None:
        return None
    with translation.override(language):  # the link in the recipient's language
        path = reverse("evaluation:answer-link", args=[token])
    return mail.render_message(
        to=email,
        language=language,
        subject_template="evaluation/surveys/email/link_subject.txt",
        body_template="evaluation/surveys/email/link_body.txt",
        context={
            "wave": wave,
            "survey": wave.survey,
            "link": site_url.rstrip("/") + path,
            "reminder": reminder,
        },
    )


@transaction.atomic
def invite(
    *,
    wave: Wave,
    project: Project,
    addresses: Sequence[str],
    language: str,
    by: User,
    site_url: str,
) -> int:
    """A single-use link for each new address, sent after commit through the task queue.
    An address the wave already has a link for gets none (and is not told apart)."""
    if wave.is_closed():
        raise ValidationError(_("The wave has closed: no more links can be sent."))
    if not wave.survey.cycle.projects.filter(pk=project.pk).exists():
        raise ValidationError(_("The project is not one of the cycle's projects."))
    known = set(wave.links.filter(email__in=addresses).values_list("email", flat=True))
    count = 0
    for email in addresses:
        if email in known:
            continue
        token = secrets.token_urlsafe(32)
        WaveLink.objects.create(
            wave=wave,
            project=project,
            email=email,
            language=language,
            token_hash=hash_token(token),
        )
        mail.send_later(
            partial(
                _link_message,
                email=email,
                token=token,
                wave_pk=wave.pk,
                language=language,
                site_url=site_url,
                reminder=False,
            )
        )
        count += 1
    record_event(action=AuditAction.CREATE, actor=by, obj=wave.survey, fields=["links"])
    return count


@transaction.atomic
def remind(*, wave: Wave, by: User, site_url: str) -> int:
    """A reminder to every address whose link is still unused (used links are deleted, so
    nobody is told who answered). Only hashes are stored, so each gets a fresh link and the
    old one stops working."""
    if not wave.is_open():
        raise ValidationError(_("Reminders are sent only while the wave is open."))
    count = 0
    for link in wave.links.select_for_update():
        token = secrets.token_urlsafe(32)
        link.token_hash = hash_token(token)
        link.save(update_fields=["token_hash"])
        mail.send_later(
            partial(
                _link_message,
                email=link.email,
                token=token,
                wave_pk=wave.pk,
                language=link.language,
                site_url=site_url,
                reminder=True,
            )
        )
        count += 1
    record_event(action=AuditAction.CHANGE, actor=by, obj=wave.survey, fields=["reminders"])
    return count


def link_wave(token: str) -> tuple[WaveLink, Wave]:
    """The unused link and its open wave, or LinkRefused with the reason."""
    link = (
        WaveLink.objects.select_related("wave__survey", "wave__version")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None:
        raise LinkRefused(_("This link has already been used, or it is not valid."))
    if not link.wave.is_open():
        raise LinkRefused(_("The survey is not open: this link can no longer be used."))
    return link, link.wave


def _write_response(*, wave: Wave, project: Project | None, answers: dict[str, Any]) -> None:
    """The answers, in their own transaction, with random keys and no time."""
    questions = {q.name: q for q in wave.version.questions.all()}
    with transaction.atomic():
        response = Response.objects.create(wave=wave, project=project)
        rows = []
        for name, value in answers.items():
            question = questions.get(name)
            if question is None or question.is_note:
                continue
            if question.is_multiple:
                rows += [Answer(response=response, question=question, value=v) for v in value]
            elif question.is_free_text:
                rows.append(Answer(response=response, question=question, text=str(value)))
            else:
                text = value.isoformat() if hasattr(value, "isoformat") else str(value)
                rows.append(Answer(response=response, question=question, value=text[:100]))
        Answer.objects.bulk_create(rows)


def answer_by_link(*, token: str, answers: dict[str, Any]) -> None:
    """Spend the link (deleted, in a transaction of its own), then write the answers (in
    another): no row, key or time pairs them."""
    with transaction.atomic():
        link_hash = hash_token(token)
        link = WaveLink.objects.select_for_update().filter(token_hash=link_hash).first()
        if link is None:
            raise LinkRefused(_("This link has already been used, or it is not valid."))
        wave = Wave.objects.select_related("version").get(pk=link.wave_id)
        if not wave.is_open():
            raise LinkRefused(_("The survey is not open: this link can no longer be used."))
        project = Project.objects.filter(pk=link.project_id).first()
        link.delete()
    _write_response(wave=wave, project=project, answers=answers)


def has_answered(*, wave: Wave, user: User) -> bool:
    return WaveParticipant.objects.filter(wave=wave, user=user).exists()


def answer_as_member(*, wave: Wave, user: User, project: Project, answers: dict[str, Any]) -> None:
    """One answer per person and wave: the person is recorded as having answered (in a
    transaction of its own), and the answers are written apart from them."""
    if not wave.is_open():
        raise ValidationError(_("The survey is not open."))
    if not project.members.filter(user=user).exists():
        raise ValidationError(_("You are not a member of this project."))
    try:
        with transaction.atomic():
            WaveParticipant.objects.create(wave=wave, user=user)
    except IntegrityError:
        raise ValidationError(_("You have already answered this survey.")) from None
    _write_response(wave=wave, project=project, answers=answers)


def purge_wave_links(*, now: datetime.datetime, dry_run: bool) -> int:
    """Retention: the addresses of closed waves (every remaining link) are deleted."""
    stale = WaveLink.objects.filter(wave__closes__lt=timezone.localdate(now))
    count = stale.count()
    if not dry_run:
        stale.delete()
    return count
