"""Every e-mail leaves through here: built after the transaction commits, sent by the task worker.

    mail.send_later(partial(build_message, ...))

`build_message` returns a Django EmailMessage, usually from `render_message` (subject and body
rendered in the recipient's language). Once the surrounding transaction has committed, the
message is built and put on the task queue; `manage.py db_worker` sends it. A request never
waits for the mail server and never fails because it is down: a send that fails is re-enqueued
with a later `run_after` (RETRY_DELAYS, then given up and logged as an error, the task marked
failed). Nothing is enqueued when the transaction rolls back.

The queued message is plain JSON (django-tasks stores arguments as JSON): addresses, subject,
body, alternatives and attachments; a MIME attachment part travels as its text.
"""

from __future__ import annotations

import base64
import datetime
import email
import logging
import smtplib
from collections.abc import Callable
from email.mime.base import MIMEBase
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds to wait before each new attempt: about a day in all, then the message is given up.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


class MailNotSent(Exception):
    """A message could not be sent in MAX_ATTEMPTS attempts (or the backend cannot retry)."""


def language_of(user: Any) -> str:
    """The person's language for e-mail: their own choice where the account stores one."""
    chosen = getattr(user, "language", "") or ""
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_message(
    *,
    to: str,
    language: str,
    subject_template: str,
    body_template: str,
    context: dict[str, Any],
    subject_prefix: str = "",
) -> EmailMessage:
    """A message with subject and body rendered in `language` (the recipient's)."""
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return EmailMessage(subject_prefix + subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_later(build: Callable[[], EmailMessage | None]) -> None:
    """Once the current transaction commits (at once outside one), build the message and queue
    it for the worker. A build that returns None has found nothing to send."""

    def queue() -> None:
        message = build()
        if message is not None:
            enqueue(message)

    transaction.on_commit(queue)


def enqueue(message: EmailMessage) -> None:
    """Queue a built message now; prefer `send_later` inside a transaction."""
    deliver.enqueue(serialise(message))


@task()
def deliver(message: dict[str, Any], attempt: int = 1) -> str:
    """Send one queued message; on a mail-server error, queue the next attempt for later."""
    try:
        deserialise(message).send()
    except (smtplib.SMTPException, OSError) as error:
        _retry_or_give_up(message, attempt, error)
        return "retrying"
    if attempt > 1:
        logger.info("E-mail %r sent at attempt %d.", message["subject"], attempt)
    return "sent"


def _retry_or_give_up(message: dict[str, Any], attempt: int, error: Exception) -> None:
    subject = message["subject"]
    if attempt >= MAX_ATTEMPTS:
        logger.error("E-mail %r not sent after %d attempts: %s", subject, attempt, error)
        raise MailNotSent(subject) from error
    if not deliver.get_backend().supports_defer:  # the immediate backend of development
        logger.error("E-mail %r not sent (%s); this task backend cannot retry.", subject, error)
        raise MailNotSent(subject) from error
    run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    deliver.using(run_after=run_after).enqueue(message, attempt + 1)
    logger.warning(
        "E-mail %r not sent (attempt %d: %s); next attempt after %s.",
        subject,
        attempt,
        error,
        run_after.isoformat(),
    )


# --- Serialisation (the queue holds JSON) ---------------------------------------------------


def serialise(message: EmailMessage) -> dict[str, Any]:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,  # "html" for an HTML-only message
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_serialise_attachment(item) for item in message.attachments],
    }


def deserialise(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        bcc=data["bcc"],
        cc=data["cc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[(content, mimetype) for content, mimetype in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for item in data["attachments"]:
        if "mime" in item:
            message.attach(_part_from_text(item["mime"]))
        elif "text" in item:
            message.attach(item["filename"], item["text"], item["mimetype"])
        else:
            content = base64.b64decode(item["base64"])
            message.attach(item["filename"], content, item["mimetype"])
    return message


def _serialise_attachment(item: Any) -> dict[str, Any]:
    if isinstance(item, MIMEBase):
        return {"mime": item.as_string()}
    filename, content, mimetype = item
    if isinstance(content, str):
        return {"filename": filename, "mimetype": mimetype, "text": content}
    return {
        "filename": filename,
        "mimetype": mimetype,
        "base64": base64.b64encode(content).decode("ascii"),
    }


def _part_from_text(text: str) -> MIMEBase:
    """The MIME part again, headers (type parameters, file name, encoding) and payload as sent."""
    parsed = email.message_from_string(text)
    part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype())
    for name in list(part.keys()):
        del part[name]
    for name, value in parsed.items():
        part[name] = value
    part.set_payload(parsed.get_payload())
    return part
