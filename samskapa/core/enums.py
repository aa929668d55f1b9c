"""Enumerations shared by every app: the centre's five focus areas and its process model."""

from django.db import models
from django.utils.translation import pgettext_lazy


class FocusArea(models.TextChoices):
    CAUSES = "causes", pgettext_lazy("focus area", "Causal relationships of the societal challenge")
    COLLABORATION = (
        "collaboration",
        pgettext_lazy("focus area", "Cross-sector collaboration and co-creation"),
    )
    PARTICIPATION = "participation", pgettext_lazy("focus area", "Target-group participation")
    ECOSYSTEM = "ecosystem", pgettext_lazy("focus area", "Ecosystem")
    RESULTS = "results", pgettext_lazy("focus area", "Sustainable results and effects")


class ProcessElement(models.TextChoices):
    """The six elements of the centre's social innovation process (iterative, not a line)."""

    UNDERSTAND = "understand", pgettext_lazy("process", "Understand the societal challenge")
    ENVISION = "envision", pgettext_lazy("process", "Envision societal change")
    MOBILISE = "mobilise", pgettext_lazy("process", "Mobilise")
    DEVELOP_TEST = "develop_test", pgettext_lazy("process", "Develop and test")
    REALISE_SPREAD = "realise_spread", pgettext_lazy("process", "Realise and disseminate")
    CREATE_VALUE = "create_value", pgettext_lazy("process", "Create value")
