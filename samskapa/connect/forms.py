from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.connect.models import MESSAGE_MAX_LENGTH


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
