from __future__ import annotations

import factory
from django.utils import timezone

from samskapa.library.enums import Language, MaterialType, Status, Topic
from samskapa.library.models import Material


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

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


class DraftFactory(MaterialFactory):
    status = Status.DRAFT
    published_at = None
