from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.enums import FocusArea, ProcessElement
from samskapa.library.enums import Audience, Language, MaterialType, Status, ToolKey, Topic
from samskapa.library.markdown import count_words, html_to_text, reading_minutes, render_markdown


def _labels(choices: type[models.TextChoices], keys: list[str]) -> list[str]:
    """Labels of the keys in a JSON list field, in the enumeration's order; unknown keys skipped."""
    wanted = set(keys or [])
    return [str(label) for value, label in choices.choices if value in wanted]


class MaterialQuerySet(models.QuerySet["Material"]):
    def published(self) -> MaterialQuerySet:
        return self.filter(status=Status.PUBLISHED)


class Material(models.Model):
    """One piece of support material in one language.

    The Swedish and English versions of a material are two rows that share a `group` key: the
    simplest link that lets either page point to the other, whichever was written first.
    Topics, focus areas, process elements, audience and tools are lists of enum keys in JSON
    fields; `selectors.has_key` filters them on SQLite and PostgreSQL alike.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=200, unique=True, allow_unicode=False)
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("text"), blank=True)
    # Derived from `body` on save: the sanitised HTML that pages show, and its plain text
    # for search, snippets and reading time.
    body_html = models.TextField(editable=False, blank=True)
    body_text = models.TextField(editable=False, blank=True)
    word_count = models.PositiveIntegerField(editable=False, default=0)

    material_type = models.CharField(_("type"), max_length=20, choices=MaterialType.choices)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    process_elements = models.JSONField(_("process elements"), default=list, blank=True)
    audience = models.JSONField(_("audience"), default=list, blank=True)
    tools = models.JSONField(_("toolkit tools"), default=list, blank=True)
    video_url = models.URLField(_("video link"), blank=True)

    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    group = models.UUIDField(_("translation group"), default=uuid.uuid4, db_index=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("authors"), blank=True, related_name="+"
    )

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Counted with UPDATE … SET view_count = view_count + 1: no history row, no race.
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)

    history = HistoricalRecords(
        excluded_fields=["body_html", "body_text", "word_count", "view_count"]
    )
    objects = MaterialQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            # One version per language in a translation group.
            models.UniqueConstraint(fields=["group", "language"], name="library_one_per_language"),
            # A published material always has a publication date (the feed and lists sort by it).
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="library_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "language", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_markdown(self.body)
        self.body_text = html_to_text(self.body_html)
        self.word_count = count_words(f"{self.title} {self.summary} {self.body_text}")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_text", "word_count"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("library:material-detail", kwargs={"slug": self.slug})

    def topic_labels(self) -> list[str]:
        return _labels(Topic, self.topics)

    def focus_area_labels(self) -> list[str]:
        return _labels(FocusArea, self.focus_areas)

    def process_element_labels(self) -> list[str]:
        return _labels(ProcessElement, self.process_elements)

    def audience_labels(self) -> list[str]:
        return _labels(Audience, self.audience)

    def tool_labels(self) -> list[str]:
        return _labels(ToolKey, self.tools)

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_in_review(self) -> bool:
        return self.status == Status.REVIEW

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random stored name: nothing an uploader typed reaches the file system."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"library/attachments/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["original_name", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("library:attachment-download", kwargs={"pk": self.pk})


class Feedback(models.Model):
    """A reader's "was this helpful?". Anonymous by design: no user, no IP address."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.material_id}: {'+' if self.helpful else '-'}"
