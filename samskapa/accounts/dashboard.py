from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator

from samskapa.accounts.selectors import organisation_sector_counts
from samskapa.core import dashboard
from samskapa.core.typing import AuthenticatedHttpRequest


def _account_panel(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    has_mfa = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
    return {"has_mfa": has_mfa}


def _organisations_panel(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("accounts.view_organisation"):
        return None
    counts = organisation_sector_counts()
    return {"sector_counts": counts, "total": sum(row["count"] for row in counts)}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("account", "accounts/panels/account.html", _account_panel, 900),
    dashboard.Panel(
        "organisations", "accounts/panels/organisations.html", _organisations_panel, 800
    ),
]
