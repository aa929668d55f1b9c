"""Named categories of the indicator catalogue and of reported values."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IndicatorKind(models.TextChoices):
    COMMON = "common", _("ESF+ common indicator")
    CENTRE = "centre", _("The centre's own indicator")
    PROJECT = "project", _("The project's own indicator")


class Level(models.TextChoices):
    OUTPUT = "output", pgettext_lazy("indicator level", "Output")
    IMMEDIATE = "immediate", pgettext_lazy("indicator level", "Immediate result")
    LONGER_TERM = "longer_term", pgettext_lazy("indicator level", "Longer-term result")


class Unit(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants")
    ORGANISATIONS = "organisations", _("Organisations")
    PROJECTS = "projects", _("Projects")
    OTHER = "other", _("Other")


class Measure(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage (numerator and denominator)")
    QUALITATIVE = "qualitative", _("Qualitative text")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum of the period's reports")
    LATEST = "latest", _("Only the latest report counts (cumulative figure)")


class ValueStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("value status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("value status", "Submitted")
    APPROVED = "approved", pgettext_lazy("value status", "Approved")
    RETURNED = "returned", pgettext_lazy("value status", "Returned")


class Gender(models.TextChoices):
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    NON_BINARY = "non_binary", _("Non-binary")
    NOT_STATED = "gender_not_stated", _("Gender not stated")


class AgeBand(models.TextChoices):
    UNDER_18 = "age_under_18", _("Under 18")
    FROM_18_TO_29 = "age_18_29", _("18–29")
    FROM_30_TO_54 = "age_30_54", _("30–54")
    FROM_55 = "age_55_plus", _("55 and over")


GENDER_FIELDS = [g.value for g in Gender]
AGE_FIELDS = [a.value for a in AgeBand]
BREAKDOWN_FIELDS = GENDER_FIELDS + AGE_FIELDS
