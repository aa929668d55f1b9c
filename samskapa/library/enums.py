"""The knowledge bank's vocabularies. Source strings are English; Swedish lives in the .po."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Topic(models.TextChoices):
    """The seven topics of the centre's support material."""

    WHAT_IS_SI = "what_is_si", pgettext_lazy("topic", "What social innovation is")
    SI_PROCESS = "si_process", pgettext_lazy("topic", "The social innovation process")
    COLLABORATION = (
        "collaboration",
        pgettext_lazy("topic", "Cross-sector collaboration and co-creation"),
    )
    PARTICIPATION = "participation", pgettext_lazy("topic", "Target-group participation")
    HORIZONTAL_PRINCIPLES = "horizontal_principles", pgettext_lazy("topic", "Horizontal principles")
    THEORY_OF_CHANGE = (
        "theory_of_change",
        pgettext_lazy("topic", "Theory of change and impact measurement"),
    )
    ECOSYSTEMS = (
        "ecosystems",
        pgettext_lazy("topic", "Ecosystems at project and society level"),
    )


class MaterialType(models.TextChoices):
    GUIDE = "guide", pgettext_lazy("material type", "Guide")
    METHOD = "method", pgettext_lazy("material type", "Method or tool")
    TEMPLATE = "template", pgettext_lazy("material type", "Template")
    CASE = "case", pgettext_lazy("material type", "Case")
    ARTICLE = "article", pgettext_lazy("material type", "Article")
    CHECKLIST = "checklist", pgettext_lazy("material type", "Checklist")
    VIDEO = "video", pgettext_lazy("material type", "Video link")


class Audience(models.TextChoices):
    PROJECT = "project", pgettext_lazy("audience", "Project teams")
    STAFF = "staff", pgettext_lazy("audience", "Centre staff")
    PUBLIC = "public", pgettext_lazy("audience", "The public")
    POLICY = "policy", pgettext_lazy("audience", "Policy makers")
    RESEARCHER = "researcher", pgettext_lazy("audience", "Researchers")


class Language(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("material status", "Draft")
    REVIEW = "review", pgettext_lazy("material status", "In review")
    PUBLISHED = "published", pgettext_lazy("material status", "Published")


class ToolKey(models.TextChoices):
    """The toolkit's tools, by the keys of samskapa.toolkit.registry (a test checks they match)."""

    PROBLEM_TREE = "problem_tree", pgettext_lazy("tool", "Problem tree")
    THEORY_OF_CHANGE = "theory_of_change", pgettext_lazy("tool", "Theory of change")
    INDICATORS = "indicators", pgettext_lazy("tool", "Indicators")
    ECOSYSTEM_MAP = "ecosystem_map", pgettext_lazy("tool", "Ecosystem map")
    COLLABORATION = "collaboration", pgettext_lazy("tool", "Collaboration depth")
    PARTICIPATION = "participation", pgettext_lazy("tool", "Participation")
    HORIZONTAL_PRINCIPLES = (
        "horizontal_principles",
        pgettext_lazy("tool", "Horizontal principles plan"),
    )
    SUSTAINABILITY_PLAN = "sustainability_plan", pgettext_lazy("tool", "Sustainability plan")
    SELF_ASSESSMENT = "self_assessment", pgettext_lazy("tool", "Self-assessment")
