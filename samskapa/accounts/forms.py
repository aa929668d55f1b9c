from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Region, Sector
from samskapa.accounts.models import Organisation, User


class LoginForm(AllauthLoginForm):  # type: ignore[misc]  # allauth has no type hints
    """allauth's login form without its own "Forgot your password?" help text (the login
    page has that link once, beside the button) and without placeholders that repeat the
    labels."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ProfileForm(forms.ModelForm[User]):
    # Explicit fields: e-mail, role and organisation are never changed through this form.
    class Meta:
        model = User
        fields = ["name", "job_title", "language"]


class OrganisationForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = ["name", "country", "org_number", "sector", "form", "municipality", "region"]


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )


class ErasureForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Type your e-mail address to confirm"),
        help_text=_("Erasure cannot be undone. You will be logged out."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self) -> str:
        value: str = self.cleaned_data["confirm_email"]
        if value.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not the e-mail address of your account."))
        return value
