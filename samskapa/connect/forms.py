from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.connect.models import MESSAGE_MAX_LENGTH
from samskapa.europe.models import Initiative


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Say who you are and why you would like to get in touch. The other project sees "
            "your project's name and this message; contact details are shared only if they "
            "accept."
        ),
        error_messages={"required": _("Write a message to the other project.")},
    )


class CounterpartForm(forms.Form):
    """Link a case to an initiative of the catalogue by the number in the initiative's address
    (/europe/initiatives/<number>/)."""

    initiative = forms.IntegerField(
        label=_("Initiative number"),
        min_value=1,
        help_text=_(
            "The number in the initiative's address in the catalogue: "
            "/europe/initiatives/<number>/."
        ),
        error_messages={"required": _("Give the number of an initiative in the catalogue.")},
    )

    def clean_initiative(self) -> Any:
        initiative = Initiative.objects.filter(pk=self.cleaned_data["initiative"]).first()
        if initiative is None:
            raise forms.ValidationError(_("There is no initiative with this number."))
        return initiative
