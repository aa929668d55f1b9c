from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Region, Sector, StaffRole
from samskapa.accounts.models import Organisation, User
from samskapa.accounts.selectors import NO_STAFF_ROLE


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
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To make sure it is you who asks."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self) -> str:
        value: str = self.cleaned_data["confirm_email"]
        if value.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not the e-mail address of your account."))
        return value

    def clean_password(self) -> str:
        value: str = self.cleaned_data["password"]
        if not self.user.check_password(value):
            raise forms.ValidationError(_("The password is not correct."))
        return value


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name or e-mail address"),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[
            ("", _("Everyone")),
            *StaffRole.choices,
            (NO_STAFF_ROLE, _("No staff role (project members)")),
        ],
    )


def _role_choices() -> list[tuple[str, Any]]:
    return [("", _("No staff role")), *StaffRole.choices]


class StaffRoleForm(forms.Form):
    staff_role = forms.ChoiceField(
        label=_("Staff role"),
        required=False,
        choices=_role_choices,
        help_text=_("Project members need no staff role: their rights come from their projects."),
    )


class StaffInvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    # No preselected role: an administrator's rights are never given by default.
    staff_role = forms.ChoiceField(
        label=_("Staff role"), choices=[("", _("Choose a role")), *StaffRole.choices]
    )

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "This address already has an account. Find the person in the list and "
                    "change their role there."
                )
            )
        return email
