"""Target-group participation (focus area: participation): where the project stands on the
centre's participation scale and where it aims to be, and the activities where the target
group takes part. No names of participants and no health details."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit import charts, services
from samskapa.toolkit.compare import Names
from samskapa.toolkit.enums import ParticipationScale, level_choices, level_label
from samskapa.toolkit.forms import DATE, TEXT, ToolForm
from samskapa.toolkit.models import ParticipationActivity, ParticipationProfile, ToolkitSettings
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState, participation_scale


def _level_field(scale: str, label: Any, required: bool) -> forms.TypedChoiceField:
    empty: list[tuple[Any, Any]] = [] if required else [("", _("Not chosen"))]
    return forms.TypedChoiceField(
        label=label,
        choices=empty + [(n, f"{n}. {name}") for n, name in level_choices(scale)],
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
    )


class ParticipationProfileForm(ToolForm):
    class Meta:
        model = ParticipationProfile
        fields = ["current_level", "aim_level", "description"]
        widgets = {"description": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.scale = ToolkitSettings.load().participation_scale
        scale = self.instance.scale
        self.fields["current_level"] = _level_field(scale, _("Current level"), False)
        self.fields["aim_level"] = _level_field(scale, _("Level we aim for"), False)


class ParticipationActivityForm(ToolForm):
    class Meta:
        model = ParticipationActivity
        fields = ["held_on", "title", "level", "participants", "notes"]
        widgets = {"held_on": DATE, "notes": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scale = participation_scale(self.project.pk)
        self.fields["level"] = _level_field(scale, _("Level of participation"), True)


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    profile = state.participation
    scale = profile.scale if profile else ToolkitSettings.load().participation_scale
    activities = sorted(state.activities, key=lambda a: (a.held_on, a.pk))
    return {
        "profile": profile,
        "scale": scale,
        "scale_label": ParticipationScale(scale).label,
        "levels": [{"number": n, "label": str(name)} for n, name in level_choices(scale)],
        "current": level_label(scale, profile.current_level if profile else None),
        "aim": level_label(scale, profile.aim_level if profile else None),
        "activities": [{"activity": a, "level": level_label(scale, a.level)} for a in activities],
        "chart": charts.participation_chart(activities, scale),
        "chart_message": charts.participation_message(activities, scale),
        "is_empty": profile is None and not activities,
    }


def _level(raw: Any, names: Names) -> str:
    """A level in the comparison, named on the scale of the project's profile."""
    scale = next(
        (s.participation.scale for s in names.states if s.participation is not None),
        ParticipationScale.IAP2,
    )
    return level_label(scale, raw)


TOOL = register(
    Tool(
        key="participation",
        name=_("Target-group participation"),
        focus_area=FocusArea.PARTICIPATION,
        guide=_(
            "How much influence does the target group have? Place the project on the scale "
            "today and where you want to be, and log the activities where the target group "
            "takes part. Write no names of participants and no health details."
        ),
        order=60,
        parts=(
            Part(
                "participation",
                "participation",
                ParticipationProfile,
                ParticipationProfileForm,
                single=True,
                check=services.check_participation_level,
                values={"current_level": _level, "aim_level": _level},
            ),
            Part(
                "activity",
                "activities",
                ParticipationActivity,
                ParticipationActivityForm,
                check=services.check_participation_level,
                values={"level": _level},
                anchor="part-participation",
            ),
        ),
        present=present,
        summary=count_rows("participation", "activities"),
    )
)
