from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """Where an initiative in the European catalogue comes from."""

    SIM = "sim", _("Social Innovation Match")
    KOHESIO = "kohesio", _("Kohesio")
