from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.library.models import Attachment
from samskapa.library.uploads import DOCX, ODT, PDF, PPTX, XLSX, detect_type
from tests.factories.accounts import staff
from tests.factories.library import PDF_BYTES, DraftFactory, MaterialFactory
from tests.factories.projects import lead_of
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PDF_BYTES, PDF),
        (PNG_BYTES, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        (_ooxml("word/"), DOCX),
        (_ooxml("xl/"), XLSX),
        (_ooxml("ppt/"), PPTX),
        (_odt(), ODT),
        (b"MZ\x90\x00 an executable", None),
        (b"<html><script>alert(1)</script>", None),
        (b"PK\x03\x04 not really a zip", None),
        (b"<svg onload=alert(1)>", None),
    ],
)
def test_detect_type_by_content(data: bytes, expected: str | None) -> None:
    assert detect_type(data[:512], "file.bin", data=data) == expected


def _upload(client: Any, material: Any, name: str, data: bytes) -> Any:
    url = reverse("library:attachment-upload", kwargs={"pk": material.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_upload_stores_the_file_under_a_random_name(client_for: Any) -> None:
    draft = DraftFactory()
    response = _upload(client_for(staff(StaffRole.COACH)), draft, "Min checklista.pdf", PDF_BYTES)
    assert response.status_code == 302
    attachment = Attachment.objects.get(material=draft)
    assert attachment.original_name == "Min checklista.pdf"
    assert attachment.content_type == PDF
    assert "checklista" not in attachment.file.name
    assert attachment.file.name.startswith("library/attachments/")
    assert attachment.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("program.pdf", b"MZ\x90\x00 an executable", "cannot be attached"),
        ("sida.html", b"<html><script>alert(1)</script>", "cannot be attached"),
        ("bild.pdf", PNG_BYTES, "does not match"),
    ],
)
def test_upload_refuses_files_by_their_content(
    client_for: Any, name: str, data: bytes, message: str
) -> None:
    client = in_english(client_for(staff(StaffRole.COACH)))
    draft = DraftFactory()
    response = _upload(client, draft, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.filter(material=draft).exists()


def test_upload_refuses_files_over_10_mb(client_for: Any) -> None:
    client = in_english(client_for(staff(StaffRole.COACH)))
    draft = DraftFactory()
    big = PDF_BYTES + b"0" * (10 * 1024 * 1024)
    response = _upload(client, draft, "stor.pdf", big)
    assert response.status_code == 200
    assert "larger than 10 MB" in response.content.decode()


def test_download_of_published_attachment_is_an_attachment(client_for: Any) -> None:
    material = MaterialFactory()
    _upload(client_for(staff(StaffRole.ADMIN)), material, "Mall.pdf", PDF_BYTES)
    attachment = Attachment.objects.get(material=material)
    response = client_for(None).get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Mall.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == PDF
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_attachments_of_drafts_are_not_downloadable_by_readers(client_for: Any) -> None:
    draft = DraftFactory()
    _upload(client_for(staff(StaffRole.COACH)), draft, "Utkast.pdf", PDF_BYTES)
    attachment = Attachment.objects.get(material=draft)
    for reader in (None, lead_of(), staff(StaffRole.FUNDER)):
        assert client_for(reader).get(attachment.get_absolute_url()).status_code == 404
    evaluator = client_for(staff(StaffRole.EVALUATOR))
    assert evaluator.get(attachment.get_absolute_url()).status_code == 200


def test_remove_attachment(client_for: Any) -> None:
    draft = DraftFactory()
    client = client_for(staff(StaffRole.COACH))
    _upload(client, draft, "Bort.pdf", PDF_BYTES)
    attachment = Attachment.objects.get(material=draft)
    url = reverse("library:attachment-delete", kwargs={"pk": attachment.pk})
    assert client.post(url).status_code == 302
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
