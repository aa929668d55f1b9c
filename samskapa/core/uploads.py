"""Uploaded import files (projects, results values, XLSForms, the European catalogue), kept
under MEDIA_ROOT/imports only while the import is in progress.

The files may hold names and e-mail addresses of contact persons, so they live no longer than
the import: the import view deletes the file when the import is done or has failed, the
`core.import_uploads` retention rule (`manage.py purge`) deletes any upload older than a day,
and an erasure deletes every waiting upload that names the person.
"""

from __future__ import annotations

import datetime
import secrets
import zipfile
from pathlib import Path

from django.conf import settings

MAX_AGE = datetime.timedelta(days=1)  # an unconfirmed upload is kept at most this long


def directory() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(data: bytes, ext: str) -> str:
    """Keep an upload under a random name (never the uploaded one); returns its token."""
    token = secrets.token_urlsafe(16)
    path(token, ext).write_bytes(data)
    return token


def path(token: str, ext: str) -> Path:
    return directory() / f"{token}.{ext}"


def delete(token: str, ext: str) -> None:
    path(token, ext).unlink(missing_ok=True)


def purge(*, now: datetime.datetime, dry_run: bool) -> int:
    """Retention rule: uploads older than a day (an import abandoned half-way)."""
    cutoff = (now - MAX_AGE).timestamp()
    stale = [f for f in directory().iterdir() if f.is_file() and f.stat().st_mtime < cutoff]
    if not dry_run:
        for file in stale:
            file.unlink(missing_ok=True)
    return len(stale)


def _text(file: Path) -> str:
    data = file.read_bytes()
    if zipfile.is_zipfile(file):  # xlsx: the cell texts are in the XML parts
        try:
            with zipfile.ZipFile(file) as archive:
                data = b"".join(
                    archive.read(name)[: 50 * 1024 * 1024]
                    for name in archive.namelist()
                    if name.endswith(".xml")
                )
        except (zipfile.BadZipFile, OSError):
            pass
    return data.decode("utf-8", errors="replace").casefold()


def delete_naming(values: list[str]) -> int:
    """Erasure: delete every waiting upload that contains one of `values` (name, e-mail)."""
    needles = [value.casefold() for value in values if value]
    deleted = 0
    for file in directory().iterdir():
        if file.is_file() and any(needle in _text(file) for needle in needles):
            file.unlink(missing_ok=True)
            deleted += 1
    return deleted
