"""Choices of the coalitions app: when a reflection is written, what became of a follow-up."""

from django.db import models
from django.utils.translation import pgettext_lazy


class ReflectionTiming(models.TextChoices):
    BEFORE = "before", pgettext_lazy("reflection", "Before the meeting")
    AFTER = "after", pgettext_lazy("reflection", "After the meeting")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("follow-up", "Open")
    DONE = "done", pgettext_lazy("follow-up", "Done")
