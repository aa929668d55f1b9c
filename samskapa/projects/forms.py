from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa.accounts.enums import Region, Sector
from samskapa.accounts.models import Organisation, User
from samskapa.core.enums import ProcessElement
from samskapa.core.widgets import DateInput
from samskapa.projects import importer
from samskapa.projects.enums import (
    MemberRole,
    NoveltyKind,
    OrganisationRole,
    ParticipantCategory,
    Phase,
)
from samskapa.projects.models import PROFILE_FIELDS, Call, Project
from samskapa.projects.selectors import SORTS, ProjectFilters
from samskapa.projects.validators import normalise_project_number


class CallForm(forms.ModelForm[Call]):
    class Meta:
        model = Call
        fields = [
            "reference",
            "title",
            "title_en",
            "programme_area",
            "specific_objective",
            "call_type",
            "national",
            "region",
            "opens",
            "closes",
            "earliest_start",
            "latest_start",
            "max_duration_months",
            "amount_announced",
            "theme",
            "expected_results",
        ]
        widgets = {
            "opens": DateInput(),
            "closes": DateInput(),
            "earliest_start": DateInput(),
            "latest_start": DateInput(),
            "theme": forms.Textarea(attrs={"rows": 4}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("national") and data.get("region"):
            self.add_error("region", _("A national call has no region. Clear the region."))
        if not data.get("national") and not data.get("region"):
            self.add_error("region", _("Choose the region of a regional call."))
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", _("The call cannot close before it opens."))
        return data


class ProjectForm(forms.ModelForm[Project]):
    novelty = forms.MultipleChoiceField(
        label=_("Kind of novelty"),
        choices=NoveltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "What is new: the understanding of the need, the solution, the place or the actors."
        ),
    )

    class Meta:
        model = Project
        fields = [
            "name",
            "phase",
            "start",
            "end",
            "region",
            "nuts_region",
            "planned_participants",
            "contact_name",
            "contact_email",
            *PROFILE_FIELDS,
            "summary_en",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "challenge": forms.Textarea(attrs={"rows": 6}),
            "target_group": forms.Textarea(attrs={"rows": 4}),
            "innovation": forms.Textarea(attrs={"rows": 6}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "challenge": _("The problem in society the project works on, and its causes."),
            "target_group": _("Who the project is for. Describe groups, never single people."),
            "summary": _("Two or three sentences for the public site."),
            "summary_en": _("The same summary in English."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Planned participants per ESF+ category: counts only, never people.
        current = (
            {c.category: c.count for c in self.instance.target_counts.all()}
            if self.instance.pk
            else {}
        )
        for category in ParticipantCategory:
            self.fields[f"count_{category.value}"] = forms.IntegerField(
                label=category.label,
                required=False,
                min_value=0,
                max_value=100000,
                initial=current.get(category.value),
            )

    def count_fields(self) -> list[Any]:
        return [self[f"count_{c.value}"] for c in ParticipantCategory]

    def profile_fields(self) -> list[Any]:
        return [f for f in self.visible_fields() if not f.name.startswith("count_")]

    def target_counts(self) -> dict[str, int]:
        return {
            c.value: self.cleaned_data.get(f"count_{c.value}") or 0 for c in ParticipantCategory
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The project cannot end before it starts."))
        return data


class ProjectAdminForm(ProjectForm):
    """Staff also edit the grant facts that come from the ESF Council's decision."""

    class Meta(ProjectForm.Meta):
        fields = [
            "number",
            "call",
            "owner",
            "specific_objective",
            "granted_support",
            "total_budget",
            "cofinancing_rate",
            *ProjectForm.Meta.fields,
        ]

    def clean_number(self) -> str:
        return normalise_project_number(self.cleaned_data["number"])


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    call = forms.ModelChoiceField(
        label=_("Call"),
        required=False,
        queryset=Call.objects.order_by("-opens"),
        empty_label=_("All calls"),
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    phase = forms.ChoiceField(
        label=_("Phase"), required=False, choices=[("", _("All phases")), *Phase.choices]
    )
    sector = forms.ChoiceField(
        label=_("Owner's sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
    )
    process_element = forms.ChoiceField(
        label=_("Process element"),
        required=False,
        choices=[("", _("All elements")), *ProcessElement.choices],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("", _("Relevance or project number")),
            ("name", _("Name, A–Ö")),
            ("-name", _("Name, Ö–A")),
            ("number", _("Project number")),
            ("-start", _("Start, latest first")),
            ("start", _("Start, earliest first")),
            ("-support", _("Granted support, highest first")),
            ("support", _("Granted support, lowest first")),
        ],
    )

    def filters(self) -> ProjectFilters:
        # A bad value in one filter (an old link, say) drops that filter only.
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data then holds the fields that are valid
            data = self.cleaned_data
        sort = str(data.get("sort") or "")
        return ProjectFilters(
            q=(data.get("q") or "").strip(),
            call=data.get("call"),
            region=data.get("region") or "",
            phase=data.get("phase") or "",
            sector=data.get("sector") or "",
            process_element=data.get("process_element") or "",
            sort=sort if sort in SORTS else "",
        )


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(
        label=_("Role in the project"),
        choices=[c for c in OrganisationRole.choices if c[0] != OrganisationRole.OWNER],
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=pgettext_lazy("member", "Role"), choices=MemberRole.choices, initial="member"
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if self.project.members.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the project."))
        return email


class AcceptInvitationForm(forms.Form):
    """A new account from an invitation: the address comes from the invitation."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=_("At least 12 characters. A few unusual words make a good password."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ. Type the same twice."))
        elif password1:
            try:
                password_validation.validate_password(
                    password1, User(email=self.email, name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("An .xlsx or .csv file, at most 5 MB, with one granted project per row."),
    )
    call = forms.ModelChoiceField(
        label=_("Call"),
        required=False,
        queryset=Call.objects.order_by("-opens"),
        empty_label=_("As given in the file"),
        help_text=_("The call the projects were granted under, if the file does not say."),
    )

    MAX_BYTES = importer.MAX_FILE_BYTES

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an .xlsx or a .csv file."))
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".xlsx") and head != b"PK\x03\x04":
            raise forms.ValidationError(_("This is not an Excel (.xlsx) file."))
        if name.endswith(".csv"):
            sample = upload.read(8192)
            upload.seek(0)
            if b"\x00" in sample or sample.startswith(b"PK\x03\x04"):
                # A binary file (often an Excel workbook renamed to .csv).
                raise forms.ValidationError(_("This is not a text (.csv) file."))
        return upload

    def clean(self) -> dict[str, Any]:
        """Read the file once here: a file that cannot be read is refused before it is stored,
        and a file without a call column needs the call chosen."""
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None:
            return data
        content = upload.read()
        upload.seek(0)
        parsed = importer.parse_file(content, upload.name or "")
        if parsed.unreadable:
            self.add_error("file", [issue.message for issue in parsed.errors])
        elif parsed.needs_call and not data.get("call"):
            self.add_error(
                "call",
                _(
                    "The file has no call column. Choose the call the projects were granted "
                    "under, and choose the file again."
                ),
            )
        return data
