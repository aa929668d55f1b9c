"""The European catalogue: initiatives imported from the European Competence Centre for
Social Innovation's Social Innovation Match (SIM) and from Kohesio, and the directory of the
national competence centres for social innovation (docs/europe.md)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Country
from samskapa.europe.enums import Source

THEME_SEPARATOR = ";"


class Initiative(models.Model):
    """One initiative as its source describes it, in English. Identified by its source and
    the source's own identifier, so importing a newer export updates it in place."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    programme = models.CharField(_("programme or fund"), max_length=300, blank=True)
    themes = models.CharField(
        _("themes"), max_length=1000, blank=True, help_text=_("Separated by semicolons.")
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_id = models.CharField(_("identifier in the source"), max_length=200)
    source_url = models.URLField(_("address in the source"), max_length=500, blank=True)
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Invented content for demonstration; shown as example data on every page."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("European initiative")
        verbose_name_plural = _("European initiatives")
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="initiative_source_id"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("europe:initiative", args=[self.pk])

    @property
    def theme_list(self) -> list[str]:
        return [t.strip() for t in self.themes.split(THEME_SEPARATOR) if t.strip()]


class CompetenceCentre(models.Model):
    """A national competence centre for social innovation in an EU member state, kept by the
    centre's admins in the admin site."""

    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    organisation = models.CharField(_("host organisation"), max_length=300, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    description = models.TextField(_("description (English)"), blank=True)
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Invented content for demonstration; shown as example data on every page."),
    )

    class Meta:
        ordering = ["country", "name", "pk"]
        verbose_name = _("competence centre")
        verbose_name_plural = _("competence centres")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="competence_centre_name"),
        ]

    def __str__(self) -> str:
        return self.name
