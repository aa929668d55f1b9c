"""The home page panel of surveys: open waves a member of one of a cycle's projects has not
answered yet, and for project leads the waves they can send single-use links for."""

from __future__ import annotations

from typing import Any

from samskapa.core import dashboard
from samskapa.evaluation import selectors_surveys


def _open_waves_panel(request: Any) -> dict[str, Any] | None:
    waves = selectors_surveys.open_waves_for(request.user)
    to_send = list(selectors_surveys.waves_to_send_links_for(request.user))
    return {"waves": waves, "to_send": to_send} if waves or to_send else None


PANELS = [
    dashboard.Panel("evaluation-surveys", "evaluation/panels/surveys.html", _open_waves_panel, 25),
]
