"""Attachment types recognised by their content (magic bytes), never by name or browser."""

from __future__ import annotations

import io
import zipfile

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"

ALLOWED_EXTENSIONS = {
    PDF: {".pdf"},
    PNG: {".png"},
    JPEG: {".jpg", ".jpeg"},
    DOCX: {".docx"},
    XLSX: {".xlsx"},
    PPTX: {".pptx"},
    ODT: {".odt"},
}
CANONICAL_EXTENSION = {
    PDF: ".pdf", PNG: ".png", JPEG: ".jpg", DOCX: ".docx", XLSX: ".xlsx", PPTX: ".pptx", ODT: ".odt"
}  # fmt: skip
# The folder inside an Office Open XML package that tells the three kinds apart.
_OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}


def detect_type(head: bytes, name: str = "", *, data: bytes | None = None) -> str | None:
    """The allowed type that `head` (the first bytes of a file) is, or None.

    Zip-based formats need the whole file (`data`) to look inside; without it they are
    recognised from the file name's extension once the zip signature matches.
    """
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        # ODF stores its mimetype uncompressed as the first entry, right after the header.
        if head[30:38] == b"mimetype" and ODT.encode() in head[38:120]:
            return ODT
        if data is not None:
            return _ooxml_type(data)
        extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
        return {"docx": DOCX, "xlsx": XLSX, "pptx": PPTX}.get(extension)
    return None


def _ooxml_type(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, content_type in _OOXML_PARTS.items():
        if any(n.startswith(prefix) for n in names):
            return content_type
    return None
