"""The showcase's vocabularies. Source strings are English; Swedish lives in the .po."""

from django.db import models
from django.utils.translation import pgettext_lazy


class VersionStatus(models.TextChoices):
    """Where one version of a public case stands. Only a draft can be edited; a published
    version is a snapshot that never changes again."""

    DRAFT = "draft", pgettext_lazy("case status", "Draft")
    REVIEW = "review", pgettext_lazy("case status", "In review")
    PUBLISHED = "published", pgettext_lazy("case status", "Published")
    SUPERSEDED = "superseded", pgettext_lazy("case status", "Replaced by a newer version")
    WITHDRAWN = "withdrawn", pgettext_lazy("case status", "Withdrawn")


class Licence(models.TextChoices):
    """The licence a project lead grants on the case's texts and picture when submitting."""

    CC_BY_4_0 = (
        "CC-BY-4.0",
        pgettext_lazy("licence", "Creative Commons Attribution 4.0 (CC BY 4.0)"),
    )
    CC_BY_SA_4_0 = (
        "CC-BY-SA-4.0",
        pgettext_lazy("licence", "Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)"),
    )
    CC0_1_0 = "CC0-1.0", pgettext_lazy("licence", "Public domain dedication (CC0 1.0)")


LICENCE_URLS = {
    Licence.CC_BY_4_0: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4_0: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0_1_0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class InterventionType(models.TextChoices):
    """What kind of intervention the innovation is (the registers' coarse classification)."""

    METHOD = "method", pgettext_lazy("intervention", "New working method")
    SERVICE = "service", pgettext_lazy("intervention", "New or changed service")
    ORGANISATION = "organisation", pgettext_lazy("intervention", "New way of organising")
    COLLABORATION = "collaboration", pgettext_lazy("intervention", "New form of collaboration")
    SKILLS = "skills", pgettext_lazy("intervention", "Skills development")
    POLICY = "policy", pgettext_lazy("intervention", "Policy or system change")


class Scaling(models.TextChoices):
    """The three ways an innovation spreads (Moore, Riddell & Vocisano 2015)."""

    OUT = "out", pgettext_lazy("scaling", "Scaling out: more people and places")
    UP = "up", pgettext_lazy("scaling", "Scaling up: policy and law")
    DEEP = "deep", pgettext_lazy("scaling", "Scaling deep: culture")


class SpreadKind(models.TextChoices):
    REPLICATION = "replication", pgettext_lazy("spread", "Replication")
    PRINCIPLES = "principles", pgettext_lazy("spread", "Spreading principles")
    POLICY = "policy", pgettext_lazy("spread", "New policy")
    PARTNERING = "partnering", pgettext_lazy("spread", "Partnering")
    ADVOCACY = "advocacy", pgettext_lazy("spread", "Advocacy")
    STORIES = "stories", pgettext_lazy("spread", "Ideas and stories")
    LEARNING = "learning", pgettext_lazy("spread", "Learning communities")


# Which way of scaling each kind belongs to: the one place this is decided.
SCALING_OF = {
    SpreadKind.REPLICATION: Scaling.OUT,
    SpreadKind.PRINCIPLES: Scaling.OUT,
    SpreadKind.POLICY: Scaling.UP,
    SpreadKind.PARTNERING: Scaling.UP,
    SpreadKind.ADVOCACY: Scaling.UP,
    SpreadKind.STORIES: Scaling.DEEP,
    SpreadKind.LEARNING: Scaling.DEEP,
}


class SpreadLevel(models.TextChoices):
    LOCAL = "local", pgettext_lazy("level", "Local")
    REGIONAL = "regional", pgettext_lazy("level", "Regional")
    NATIONAL = "national", pgettext_lazy("level", "National")
    EUROPEAN = "european", pgettext_lazy("level", "European")


class Instrument(models.TextChoices):
    DECISION = "decision", pgettext_lazy("instrument", "Decision")
    GUIDELINE = "guideline", pgettext_lazy("instrument", "Guideline")
    BUDGET_LINE = "budget_line", pgettext_lazy("instrument", "Budget line")
    COURSE = "course", pgettext_lazy("instrument", "Course")
    HANDBOOK = "handbook", pgettext_lazy("instrument", "Method handbook")


class SpreadStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("spread status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("spread status", "In progress")
    ADOPTED = "adopted", pgettext_lazy("spread status", "Adopted")
    STILL_APPLIED = (
        "still_applied",
        pgettext_lazy("spread status", "Still applied six months after the project ended"),
    )
