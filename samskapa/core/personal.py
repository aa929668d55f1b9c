"""What the shared machinery holds about a person: e-mails waiting in the task queue, and
import files waiting for confirmation (samskapa.core.uploads).

A queued message (samskapa.core.mail) is stored as JSON with its addresses and body, so a
message to or about an erased person would keep their address and name until the worker has
sent it, and the finished task row after that. Erasure deletes every task row that mentions
them: a message to someone who asked to be forgotten is no longer sent.
"""

from __future__ import annotations

import json
from typing import Any

from django_tasks_db.models import DBTaskResult

from samskapa.core import uploads


def _mentioning(user: Any) -> list[DBTaskResult[Any, Any]]:
    needles = [value.casefold() for value in (user.email, user.name) if value]
    return [
        task
        for task in DBTaskResult.objects.only("pk", "args_kwargs", "status")
        if any(
            needle in json.dumps(task.args_kwargs, ensure_ascii=False).casefold()
            for needle in needles
        )
    ]


def export_person(user: Any) -> dict[str, Any]:
    return {"queued_tasks_mentioning_you": len(_mentioning(user))}


def erase_person(user: Any) -> None:
    DBTaskResult.objects.filter(pk__in=[task.pk for task in _mentioning(user)]).delete()
    uploads.delete_naming([user.email, user.name])
