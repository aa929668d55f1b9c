from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Country
from samskapa.europe.enums import Source
from samskapa.europe.models import CompetenceCentre
from samskapa.projects.importer import MAX_FILE_BYTES


class FilterForm(forms.Form):
    """The catalogue's filters. Unknown values are ignored rather than shown as errors."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    source = forms.ChoiceField(
        label=_("Source"), choices=[("", _("All sources")), *Source.choices], required=False
    )
    theme = forms.CharField(label=_("Theme"), required=False, max_length=100)

    def __init__(self, *args: Any, countries: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Country.choices)
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            ("", _("All countries")),
            *[(code, labels.get(code, code)) for code in countries],
        ]


class ImportForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Source of the file"),
        choices=Source.choices,
        widget=forms.RadioSelect,
        help_text=_("Initiatives are identified by the source and the source's own identifier."),
    )
    file = forms.FileField(
        label=_("Export file (.csv or .json)"),
        help_text=_("An export from Social Innovation Match or Kohesio; see the example files."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Choose a .csv or .json file."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": MAX_FILE_BYTES // 1024**2}
            )
        return upload


class CentreForm(forms.ModelForm):
    class Meta:
        model = CompetenceCentre
        fields = ["name", "country", "organisation", "url", "description", "is_example"]
