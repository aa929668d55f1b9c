"""Choices of the connect app. Source labels in English; Swedish in the .po."""

from django.db import models
from django.utils.translation import pgettext_lazy


class RequestStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("contact request", "Waiting for an answer")
    ACCEPTED = "accepted", pgettext_lazy("contact request", "Accepted")
    DECLINED = "declined", pgettext_lazy("contact request", "Declined")
