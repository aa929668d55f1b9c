"""The erasure log: what was erased, kept outside the database so a restore cannot undo it.

A backup taken before someone was erased still holds their account. The log lives in a file
(settings.SAMSKAPA_ERASURE_LOG, next to the backups, never inside what `restore` replaces) and
holds one JSON line per erasure: the time and a keyed hash (HMAC-SHA256) of the e-mail address,
never the address itself, so the log names nobody to whoever reads it. After a restore,
`reapply` erases again every account whose address hash is in the log with an erasure time
after the account was created: every erasure made after the backup, and never a new account
that someone opened later with the same address.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Entry:
    at: datetime.datetime
    email_hash: str


def _key() -> bytes:
    configured = settings.SAMSKAPA_ERASURE_LOG_KEY
    if configured:
        return str(configured).encode()
    return hashlib.sha256(b"samskapa.erasure-log:" + settings.SECRET_KEY.encode()).digest()


def email_hash(email: str) -> str:
    return hmac.new(_key(), email.strip().lower().encode(), hashlib.sha256).hexdigest()


def _path() -> Path:
    return Path(settings.SAMSKAPA_ERASURE_LOG)


def append(*, email: str, at: datetime.datetime) -> None:
    """Record one erasure. Raises OSError when the log cannot be written, so that the erasure
    (in the same transaction) is not made without its entry."""
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"at": at.isoformat(), "email": email_hash(email)}) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as log:
        log.write(line)
        log.flush()
        os.fsync(log.fileno())


def entries() -> Iterator[Entry]:
    path = _path()
    if not path.exists():
        return
    with path.open(encoding="utf-8") as log:
        for line in log:
            if line.strip():
                record = json.loads(line)
                yield Entry(datetime.datetime.fromisoformat(record["at"]), record["email"])
