"""The scales and categories of the development tools (definitions in docs/domain.md, development tools)."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProblemNodeKind(models.TextChoices):
    CAUSE = "cause", pgettext_lazy("problem tree", "Cause")
    EFFECT = "effect", pgettext_lazy("problem tree", "Effect")


class CauseLevel(models.TextChoices):
    INDIVIDUAL = "individual", pgettext_lazy("cause level", "Individual")
    ORGANISATIONAL = "organisational", pgettext_lazy("cause level", "Organisational")
    STRUCTURAL = "structural", pgettext_lazy("cause level", "Structural")


class ChangeKind(models.TextChoices):
    """The elements of a theory of change, in the order the diagram reads them."""

    ACTIVITY = "activity", pgettext_lazy("theory of change", "Activity")
    OUTPUT = "output", pgettext_lazy("theory of change", "Output")
    PRECONDITION = "precondition", pgettext_lazy("theory of change", "Precondition")
    OUTCOME = "outcome", pgettext_lazy("theory of change", "Outcome")
    ASSUMPTION = "assumption", pgettext_lazy("theory of change", "Assumption")
    EXTERNAL_FACTOR = "external_factor", pgettext_lazy("theory of change", "External factor")


# Elements that sit in the causal chain and may be linked; the others are listed beside it.
LINKABLE_KINDS = (
    ChangeKind.ACTIVITY,
    ChangeKind.OUTPUT,
    ChangeKind.PRECONDITION,
    ChangeKind.OUTCOME,
)

# An element contributes to one at the same step of the chain or further along it
# (activity → output → precondition → outcome in the short, medium and long term); nothing
# contributes to an activity.
CHAIN_KINDS = (ChangeKind.ACTIVITY, ChangeKind.OUTPUT, ChangeKind.PRECONDITION)
CHAIN_HORIZONS = ("short", "medium", "long")


def chain_step(kind: str, horizon: str = "") -> int:
    """The step of an element in the chain: 0 for activities up to 5 for long-term outcomes."""
    if kind == ChangeKind.OUTCOME:
        return len(CHAIN_KINDS) + CHAIN_HORIZONS.index(horizon or "medium")
    return CHAIN_KINDS.index(ChangeKind(kind))


class Horizon(models.TextChoices):
    SHORT = "short", pgettext_lazy("horizon", "Short term")
    MEDIUM = "medium", pgettext_lazy("horizon", "Medium term")
    LONG = "long", pgettext_lazy("horizon", "Long term")


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", pgettext_lazy("indicator", "Output indicator")
    RESULT = "result", pgettext_lazy("indicator", "Result indicator")
    PROGRAMME_SPECIFIC = (
        "programme_specific",
        pgettext_lazy("indicator", "Programme-specific indicator"),
    )


class IndicatorUnit(models.TextChoices):
    PARTICIPANT = "participant", pgettext_lazy("indicator unit", "Participants")
    ENTITY = "entity", pgettext_lazy("indicator unit", "Entities")


class ActorRole(models.TextChoices):
    PROJECT_PROMOTER = "project_promoter", pgettext_lazy("actor role", "Project promoter")
    FUNDER = "funder", pgettext_lazy("actor role", "Funder")
    SUPPORT_ORGANISATION = (
        "support_organisation",
        pgettext_lazy("actor role", "Support organisation"),
    )
    POLICY_MAKER = "policy_maker", pgettext_lazy("actor role", "Policy maker or public authority")
    INTERMEDIARY = "intermediary", pgettext_lazy("actor role", "Intermediary")
    RESEARCHER = "researcher", pgettext_lazy("actor role", "Researcher")
    SOCIAL_ENTERPRISE = "social_enterprise", pgettext_lazy("actor role", "Social enterprise")
    TARGET_GROUP_ORGANISATION = (
        "target_group_organisation",
        pgettext_lazy("actor role", "Target-group organisation"),
    )


class ActorLevel(models.TextChoices):
    LOCAL = "local", pgettext_lazy("actor level", "Local")
    REGIONAL = "regional", pgettext_lazy("actor level", "Regional")
    NATIONAL = "national", pgettext_lazy("actor level", "National")
    EU = "eu", pgettext_lazy("actor level", "EU")


class RelationKind(models.TextChoices):
    COLLABORATION = "collaboration", pgettext_lazy("relation", "Collaboration")
    FUNDING = "funding", pgettext_lazy("relation", "Funding")
    KNOWLEDGE = "knowledge", pgettext_lazy("relation", "Knowledge exchange")
    GOVERNANCE = "governance", pgettext_lazy("relation", "Governance or steering")
    SERVICE = "service", pgettext_lazy("relation", "Services or referrals")


class RelationStrength(models.IntegerChoices):
    WEAK = 1, pgettext_lazy("relation strength", "Weak")
    MEDIUM = 2, pgettext_lazy("relation strength", "Medium")
    STRONG = 3, pgettext_lazy("relation strength", "Strong")


class CollaborationDepth(models.IntegerChoices):
    """Himmelman's continuum, from the least to the most shared."""

    NETWORKING = 1, pgettext_lazy("collaboration depth", "Networking")
    COORDINATING = 2, pgettext_lazy("collaboration depth", "Coordinating")
    COOPERATING = 3, pgettext_lazy("collaboration depth", "Cooperating")
    COLLABORATING = 4, pgettext_lazy("collaboration depth", "Collaborating")


class ParticipationScale(models.TextChoices):
    IAP2 = "iap2", _("IAP2 spectrum of public participation")
    BOVERKET = "boverket", _("Boverket's participation ladder")
    ARNSTEIN = "arnstein", _("Arnstein's ladder of citizen participation")


# The rungs of each scale, lowest first. A level is stored as its rung number (1 = lowest), so
# a project's levels can be drawn over time whatever the scale.
SCALE_LEVELS: dict[str, list[Promise]] = {
    ParticipationScale.IAP2: [
        pgettext_lazy("IAP2", "Inform"),
        pgettext_lazy("IAP2", "Consult"),
        pgettext_lazy("IAP2", "Involve"),
        pgettext_lazy("IAP2", "Collaborate"),
        pgettext_lazy("IAP2", "Empower"),
    ],
    ParticipationScale.BOVERKET: [
        pgettext_lazy("Boverket", "Information"),
        pgettext_lazy("Boverket", "Consultation"),
        pgettext_lazy("Boverket", "Participation"),
        pgettext_lazy("Boverket", "Co-determination"),
    ],
    ParticipationScale.ARNSTEIN: [
        pgettext_lazy("Arnstein", "Manipulation"),
        pgettext_lazy("Arnstein", "Therapy"),
        pgettext_lazy("Arnstein", "Informing"),
        pgettext_lazy("Arnstein", "Consultation"),
        pgettext_lazy("Arnstein", "Placation"),
        pgettext_lazy("Arnstein", "Partnership"),
        pgettext_lazy("Arnstein", "Delegated power"),
        pgettext_lazy("Arnstein", "Citizen control"),
    ],
}
MAX_SCALE_LEVEL = max(len(levels) for levels in SCALE_LEVELS.values())


def level_choices(scale: str) -> list[tuple[int, Promise]]:
    return list(enumerate(SCALE_LEVELS.get(scale, SCALE_LEVELS[ParticipationScale.IAP2]), 1))


def level_label(scale: str, level: int | None) -> str:
    if not level:
        return ""
    return str(dict(level_choices(scale)).get(level, level))


class ProgrammePeriod(models.TextChoices):
    P2014_2020 = "2014-2020", "2014–2020"
    P2021_2027 = "2021-2027", "2021–2027"


CURRENT_PERIOD = ProgrammePeriod.P2021_2027


class HorizontalPrinciple(models.TextChoices):
    GENDER_EQUALITY = "gender_equality", pgettext_lazy("principle", "Gender equality")
    ACCESSIBILITY = (
        "accessibility",
        pgettext_lazy("principle", "Accessibility for persons with disabilities"),
    )
    NON_DISCRIMINATION = "non_discrimination", pgettext_lazy("principle", "Non-discrimination")
    ENVIRONMENT = (
        "environment",
        pgettext_lazy("principle", "Environmentally sustainable development"),
    )


# The principles are tied to the programme period: 2014–20 had a fourth one.
PRINCIPLES_BY_PERIOD: dict[str, list[HorizontalPrinciple]] = {
    ProgrammePeriod.P2014_2020: [
        HorizontalPrinciple.GENDER_EQUALITY,
        HorizontalPrinciple.ACCESSIBILITY,
        HorizontalPrinciple.NON_DISCRIMINATION,
        HorizontalPrinciple.ENVIRONMENT,
    ],
    ProgrammePeriod.P2021_2027: [
        HorizontalPrinciple.GENDER_EQUALITY,
        HorizontalPrinciple.ACCESSIBILITY,
        HorizontalPrinciple.NON_DISCRIMINATION,
    ],
}


class PrincipleStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("principle status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("principle status", "In progress")
    DONE = "done", pgettext_lazy("principle status", "In place")
