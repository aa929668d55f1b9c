from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa.core.enums import FocusArea, ProcessElement
from samskapa.library.enums import Audience, Language, MaterialType, Status, ToolKey, Topic
from samskapa.library.models import Material
from samskapa.library.uploads import ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES, detect_type


class FilterForm(forms.Form):
    """The list page's filters. Unknown values are ignored rather than shown as errors."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, required=False)
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("All topics")), *Topic.choices], required=False
    )
    process_element = forms.ChoiceField(
        label=_("Process element"),
        choices=[("", _("All process elements")), *ProcessElement.choices],
        required=False,
    )
    focus_area = forms.ChoiceField(
        label=_("Focus area"),
        choices=[("", _("All focus areas")), *FocusArea.choices],
        required=False,
    )
    material_type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("All types")), *MaterialType.choices],
        required=False,
    )


def _multiple(label: Any, choices: Any, help_text: Any = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class TranslationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.get_language_display()})"


class MaterialForm(forms.ModelForm):
    topics = _multiple(_("Topics"), Topic.choices)
    focus_areas = _multiple(_("Focus areas"), FocusArea.choices)
    process_elements = _multiple(_("Process elements"), ProcessElement.choices)
    audience = _multiple(_("Audience"), Audience.choices)
    tools = _multiple(
        _("Toolkit tools"),
        ToolKey.choices,
        _("The tools in the toolkit that this material helps with."),
    )
    translation_of = TranslationChoiceField(
        label=_("Translation of"),
        queryset=Material.objects.none(),
        required=False,
        help_text=_("The same material in the other language, if there is one."),
    )

    class Meta:
        model = Material
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "material_type",
            "video_url",
            "language",
            "topics",
            "focus_areas",
            "process_elements",
            "audience",
            "tools",
        ]
        help_texts = {
            "slug": _("Letters a–z, digits and hyphens. Leave empty to make one from the title."),
            "summary": _("One or two sentences, shown in lists and search results."),
            "body": _(
                "Markdown: ## for headings, * for lists, [link text](https://…) for links. "
                "Start headings at ##: the title is the page's main heading."
            ),
            "video_url": _("Only for the type “Video link”."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 24}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["topics"].required = True
        others = Material.objects.only("pk", "title", "language").order_by("title")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.fields["translation_of"].initial = (
                others.filter(group=self.instance.group).values_list("pk", flat=True).first()
            )
        translation_field = self.fields["translation_of"]
        assert isinstance(translation_field, forms.ModelChoiceField)
        translation_field.queryset = others

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title", ""))
        if not slug:
            # The title's own error is reported on the title.
            return ""
        clash = Material.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Another material already uses this web address."))
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("material_type") == MaterialType.VIDEO and not data.get("video_url"):
            self.add_error("video_url", _("Give the link to the video."))
        other = data.get("translation_of")
        language = data.get("language")
        if other is not None and language:
            if other.language == language:
                self.add_error("translation_of", _("A translation must be in the other language."))
            elif (
                Material.objects.filter(group=other.group, language=language)
                .exclude(pk=self.instance.pk)
                .exists()
            ):
                self.add_error(
                    "translation_of",
                    _("That material already has a translation in this language."),
                )
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or JPEG; at most 10 MB."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."))
        data = upload.read()
        upload.seek(0)
        content_type = detect_type(data[:512], upload.name or "", data=data)
        if content_type is None:
            raise ValidationError(
                _(
                    "This kind of file cannot be attached. Allowed: PDF, DOCX, XLSX, PPTX, ODT, PNG and JPEG."
                )
            )
        extension = "." + (upload.name or "").lower().rsplit(".", 1)[-1]
        if extension not in ALLOWED_EXTENSIONS[content_type]:
            raise ValidationError(_("The file's name does not match its content."))
        self.cleaned_data["content_type"] = content_type
        return upload


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this material helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=pgettext_lazy("feedback", "Comment to the centre (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Your comment goes to the centre's staff. Do not write names or other personal details."
        ),
    )


STATUS_FILTER_CHOICES = [("", _("All statuses")), *Status.choices]
