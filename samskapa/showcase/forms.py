from __future__ import annotations

import io
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa.accounts.enums import NutsRegion
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput
from samskapa.library.uploads import JPEG, PNG, detect_type
from samskapa.projects.enums import ParticipantCategory, Phase
from samskapa.showcase.enums import Licence
from samskapa.showcase.models import TEXT_FIELDS, CaseVersion, SpreadRecord

MAX_PICTURE_BYTES = 5 * 1024 * 1024
# Larger pictures are refused before they are decoded (a small file can unpack to a huge image).
MAX_PICTURE_PIXELS = 40_000_000
MAX_LINKS = 10


class CaseFilterForm(forms.Form):
    """The public list's search and filters. Unknown values are ignored, not shown as errors."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.ChoiceField(
        label=_("Focus area"),
        choices=[("", _("All focus areas")), *FocusArea.choices],
        required=False,
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        choices=[("", _("All target groups")), *ParticipantCategory.choices],
        required=False,
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("All regions")), *NutsRegion.choices], required=False
    )
    call = forms.ChoiceField(label=_("Call"), choices=[("", _("All calls"))], required=False)
    phase = forms.ChoiceField(
        label=pgettext_lazy("project phase", "Status"),
        choices=[("", _("All statuses")), *Phase.choices],
        required=False,
    )

    def __init__(self, *args: Any, calls: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        call = self.fields["call"]
        assert isinstance(call, forms.ChoiceField)
        call.choices = [("", _("All calls")), *calls]


def _links_text(links: list[dict[str, str]]) -> str:
    return "\n".join(f"{link['url']} {link['label']}".strip() for link in links or [])


class CaseForm(forms.ModelForm):
    """The case's texts in Swedish and English, its classification and links."""

    focus_areas = forms.MultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=ParticipantCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    links_text = forms.CharField(
        label=pgettext_lazy("web links", "Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One link a line: the address first, then what it is, e.g. "
            "“https://example.se/report Final report”. At most 10."
        ),
    )

    class Meta:
        model = CaseVersion
        fields = [
            *[name for field in TEXT_FIELDS for name in (field, f"{field}_en")],
            "focus_areas",
            "target_groups",
            "intervention_type",
        ]
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 4})
                for field in TEXT_FIELDS[2:]
                for name in (field, f"{field}_en")
            },
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "summary": _("Two or three sentences for the list of cases; at most 600 characters."),
            "problem": _("Social Innovation Match: scope of the problem."),
            "approach": _("Social Innovation Match: approach and methodology. What is new?"),
            "results": _("Social Innovation Match: key results and benefits."),
            "scaling": _(
                "Social Innovation Match: potential for scaling and transfer. What does it take "
                "for another organisation to adopt it?"
            ),
            "co_creation": _("No names of participants and no health details."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["links_text"] = _links_text(self.instance.links)

    def clean_links_text(self) -> str:
        text = self.cleaned_data["links_text"]
        links = []
        validate = URLValidator(schemes=["https", "http"])
        for number, line in enumerate(
            [line.strip() for line in text.splitlines() if line.strip()], 1
        ):
            url, _space, label = line.partition(" ")
            try:
                validate(url)
            except ValidationError:
                raise ValidationError(
                    _("Line %(number)s does not start with a web address (https://…)."),
                    params={"number": number},
                ) from None
            links.append({"url": url, "label": label.strip()[:200] or url})
        if len(links) > MAX_LINKS:
            raise ValidationError(_("At most 10 links."))
        self.cleaned_data["links"] = links
        return text

    def save(self, commit: bool = True) -> CaseVersion:
        version = super().save(commit=False)
        version.links = self.cleaned_data.get("links", [])
        if commit:
            version.save()
        return version


def _picture_type(data: bytes, name: str) -> str:
    """PNG or JPEG, recognised by content and decoded in full; anything else is refused."""
    # Imported here, not at the top: Pillow is needed only when a picture is uploaded.
    from PIL import Image

    content_type = detect_type(data[:16], name)
    if content_type not in (PNG, JPEG):
        raise ValidationError(_("The picture must be a PNG or JPEG file."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PICTURE_PIXELS:
                raise ValidationError(_("The picture has too many pixels (at most 40 megapixels)."))
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError(_("The picture must be a PNG or JPEG file."))
            image.verify()
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(_("The file is not a picture that can be read.")) from None
    return content_type


class PictureForm(forms.Form):
    file = forms.FileField(label=_("Picture"), help_text=_("PNG or JPEG; at most 5 MB."))
    credit = forms.CharField(
        label=_("Copyright line"),
        max_length=200,
        help_text=_("Who took or made the picture, e.g. “Photo: Anna Berg”."),
    )
    alt = forms.CharField(
        label=_("Description of the picture"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    alt_en = forms.CharField(
        label=_("Description of the picture in English"), max_length=250, required=False
    )
    rights = forms.BooleanField(
        label=_("I have the right to publish this picture under the case's licence."),
    )
    consent = forms.BooleanField(
        label=_(
            "Everyone who can be recognised in the picture has agreed to its publication "
            "(or nobody can be recognised)."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PICTURE_BYTES:
            raise ValidationError(_("The picture is larger than 5 MB."))
        data = upload.read()
        upload.seek(0)
        self.cleaned_data["content_type"] = _picture_type(data, upload.name or "")
        return upload


class SubmitForm(forms.Form):
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        initial=Licence.CC_BY_4_0,
        widget=forms.RadioSelect,
        help_text=_("Others may reuse the case's texts and picture under this licence."),
    )
    grant = forms.BooleanField(
        label=_("On behalf of the project, I grant this licence on the case's texts and picture."),
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What the project should change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("The project answers you at this address.")
    )
    message = forms.CharField(
        label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )


class SpreadRecordForm(forms.ModelForm):
    class Meta:
        model = SpreadRecord
        fields = [
            "kind",
            "organisation",
            "level",
            "instrument",
            "status",
            "date",
            "evidence_url",
            "description",
            "description_en",
            "published",
        ]
        widgets = {
            "date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "published": _(
                "A published record shows on the project's public case and in the open data."
            ),
            "evidence_url": _("A decision, a guideline or an article that shows it."),
        }

    def clean_evidence_url(self) -> str:
        url = self.cleaned_data["evidence_url"]
        if url and not url.lower().startswith(("https://", "http://")):
            raise ValidationError(_("Enter a web address that starts with https://."))
        return url
