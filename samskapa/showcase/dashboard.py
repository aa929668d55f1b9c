"""Role-home panels: the project's public case and spread records for its members, and the
versions waiting for review for the reviewers."""

from __future__ import annotations

from typing import Any

from samskapa.core import dashboard
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.showcase import selectors


def _review_panel(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("showcase.review_cases"):
        return None
    return {"waiting": selectors.review_queue().count()}


def _project_panel(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    rows = selectors.cases_for_member(request.user)
    return {"rows": rows} if rows else None


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("showcase-review", "showcase/panels/review.html", _review_panel, 55),
    dashboard.Panel("showcase-project", "showcase/panels/project.html", _project_panel, 130),
]
