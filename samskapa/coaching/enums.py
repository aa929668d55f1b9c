"""Choices of the coaching app: who may read a note, where an agreed action stands."""

from django.db import models
from django.utils.translation import pgettext_lazy


class NoteVisibility(models.TextChoices):
    SHARED = "shared", pgettext_lazy("note visibility", "Shared with the project")
    PRIVATE = "private", pgettext_lazy("note visibility", "Private: coach and centre staff only")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action", "Open")
    DONE = "done", pgettext_lazy("action", "Done")
    CANCELLED = "cancelled", pgettext_lazy("action", "Cancelled")
