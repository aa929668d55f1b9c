"""Enumerations of calls and projects (docs/domain.md, calls and projects). Source labels in English; Swedish in the .po."""

from django.db import models
from django.utils.translation import pgettext_lazy


class CallType(models.TextChoices):
    PRE_STUDY = "pre_study", pgettext_lazy("call type", "Pre-study")
    IMPLEMENTATION = "implementation", pgettext_lazy("call type", "Implementation")


class Phase(models.TextChoices):
    PRE_STUDY = "pre_study", pgettext_lazy("phase", "Pre-study")
    ANALYSIS = "analysis", pgettext_lazy("phase", "Analysis and planning")
    IMPLEMENTATION = "implementation", pgettext_lazy("phase", "Implementation")
    CLOSURE = "closure", pgettext_lazy("phase", "Closure")


class OrganisationRole(models.TextChoices):
    """The role an organisation plays in one project."""

    OWNER = "owner", pgettext_lazy("organisation role", "Project owner (applicant)")
    PARTNER = "partner", pgettext_lazy("organisation role", "Partner sharing the grant")
    CO_FINANCER = "co_financer", pgettext_lazy("organisation role", "Co-financer")
    COOPERATION_PARTNER = (
        "cooperation_partner",
        pgettext_lazy("organisation role", "Cooperation partner without costs"),
    )
    STEERING_GROUP = "steering_group", pgettext_lazy("organisation role", "Steering group member")


class MemberRole(models.TextChoices):
    LEAD = "lead", pgettext_lazy("member role", "Project lead")
    MEMBER = "member", pgettext_lazy("member role", "Member")


class NoveltyKind(models.TextChoices):
    """What is new about the innovation: why, what, where or who."""

    WHY = "why", pgettext_lazy("novelty", "Why (a new understanding of the need)")
    WHAT = "what", pgettext_lazy("novelty", "What (a new solution)")
    WHERE = "where", pgettext_lazy("novelty", "Where (new in this place or context)")
    WHO = "who", pgettext_lazy("novelty", "Who (new actors or a new target group)")


class ParticipantCategory(models.TextChoices):
    """ESF+ participant categories. Samskapa stores counts only, never people."""

    UNEMPLOYED = "unemployed", pgettext_lazy("participants", "Unemployed")
    LONG_TERM_UNEMPLOYED = (
        "long_term_unemployed",
        pgettext_lazy("participants", "Long-term unemployed"),
    )
    INACTIVE = "inactive", pgettext_lazy("participants", "Inactive (outside the labour force)")
    EMPLOYED = "employed", pgettext_lazy("participants", "Employed")
    YOUNG_PEOPLE = "young_people", pgettext_lazy("participants", "Young people (under 30)")
    OLDER_PEOPLE = "older_people", pgettext_lazy("participants", "Older people (55 and over)")
    PERSONS_WITH_DISABILITIES = (
        "persons_with_disabilities",
        pgettext_lazy("participants", "Persons with disabilities"),
    )
    NEWLY_ARRIVED = "newly_arrived", pgettext_lazy("participants", "Newly arrived migrants")
