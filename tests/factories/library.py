"""The knowledge bank: materials (one language each; a translation shares the group),
attachments and readers' feedback."""

from __future__ import annotations

from typing import Any

import factory
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from samskapa.library.enums import Language, MaterialType, Status, Topic
from samskapa.library.models import Attachment, Feedback, Material

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# One small stored file shared by every AttachmentFactory row: rows roll back, files stay, so it
# is written once (into the MEDIA_ROOT of the moment) rather than once per attachment.
SHARED_FILE = "library/attachments/factory-checklista.pdf"


class MaterialFactory(factory.django.DjangoModelFactory):
    """A published Swedish guide. `authors=[user, ...]` adds authors."""

    class Meta:
        model = Material
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Testmaterial {n}")
    slug = factory.Sequence(lambda n: f"testmaterial-{n}")
    summary = "En kort sammanfattning."
    body = "## Bakgrund\n\nEn text om samverkan."
    material_type = MaterialType.GUIDE
    topics = factory.LazyFunction(lambda: [Topic.COLLABORATION.value])
    focus_areas = factory.LazyFunction(lambda: ["collaboration"])
    language = Language.SWEDISH
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def authors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.authors.add(*extracted)


class DraftFactory(MaterialFactory):
    status = Status.DRAFT
    published_at = None


def translation_of(material: Material, **kwargs: Any) -> Material:
    """The other language's version of `material` (same translation group and status)."""
    language = Language.ENGLISH if material.language == Language.SWEDISH else Language.SWEDISH
    values = {"status": material.status, "published_at": material.published_at, **kwargs}
    return MaterialFactory(group=material.group, language=language, **values)


def _shared_file() -> str:
    if not default_storage.exists(SHARED_FILE):
        default_storage.save(SHARED_FILE, ContentFile(PDF_BYTES))
    return SHARED_FILE


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    material = factory.SubFactory(MaterialFactory)
    file = factory.LazyFunction(_shared_file)
    original_name = "checklista.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    material = factory.SubFactory(MaterialFactory)
    helpful = True
    comment = "Bra."
