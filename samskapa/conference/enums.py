"""The conference's enumerations: source strings in English, Swedish in the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ParticipantCategory(models.TextChoices):
    """Registration categories (docs/domain.md, conference)."""

    ESF_PROJECT = "esf_project", _("ESF project (actor or organisation in a running project)")
    ESF_COUNCIL = "esf_council", _("Swedish ESF Council")
    KEY_ACTOR = "key_actor", _("Other key actor")
    RESEARCHER = "researcher", _("Researcher")
    EUROPEAN_CENTRE = (
        "european_centre",
        _("Other European competence centre for social innovation"),
    )
    ECOSYSTEM = "ecosystem", _("Swedish social-innovation ecosystem")
    OTHER = "other", pgettext_lazy("participant category", "Other")


class SubmissionFormat(models.TextChoices):
    TALK = "talk", _("Talk")
    WORKSHOP = "workshop", _("Workshop")
    PANEL = "panel", _("Panel")
    POSTER = "poster", _("Poster")
    SHORT_INPUT = "short_input", _("Short input")


# The formats the call for input asks at least one speaker for (the form says so).
FORMATS_WITH_SPEAKERS = frozenset(
    {SubmissionFormat.TALK, SubmissionFormat.WORKSHOP, SubmissionFormat.PANEL}
)


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    REVISE = "revise", _("Revision requested")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Decision(models.TextChoices):
    ACCEPT = "accepted", _("Accept")
    REJECT = "rejected", _("Reject")
    REVISE = "revise", _("Ask for revision")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Seat confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")


class RegistrationEmail(models.TextChoices):
    """Which e-mail about a registration is sent; the e-mail templates branch on these
    (given to them as `Kind`). Never shown, so not translated."""

    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    PROMOTED = "promoted"
    SEAT = "seat"
    CANCELLED = "cancelled"
    ALREADY = "already"


class SubmissionEmail(models.TextChoices):
    """Which e-mail about a submission is sent (`Kind` in the templates); the decisions
    reuse the submission's status values."""

    RECEIVED = "received"
    WITHDRAWN = "withdrawn"
    ACCEPTED = SubmissionStatus.ACCEPTED.value
    REJECTED = SubmissionStatus.REJECTED.value
    REVISE = SubmissionStatus.REVISE.value


class Language(models.TextChoices):
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class DietaryNeed(models.TextChoices):
    VEGETARIAN = "vegetarian", _("Vegetarian")
    VEGAN = "vegan", _("Vegan")
    GLUTEN_FREE = "gluten_free", _("Gluten-free")
    LACTOSE_FREE = "lactose_free", _("Lactose-free")
    NUT_ALLERGY = "nut_allergy", _("Nut allergy")
    HALAL = "halal", _("Halal")
    OTHER = "other", pgettext_lazy("dietary need", "Other")
