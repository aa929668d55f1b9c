"""Types for views (docs/architecture.md, "Typing").

`LoginRequiredMiddleware` denies every view to anonymous people unless it is marked
`@login_not_required`, so in every other view `request.user` is a `User`. Annotate such a view's
request as `AuthenticatedHttpRequest` and use `request.user` directly: no `Any`, no cast.
Public views (`@login_not_required`) keep `HttpRequest`, whose user may be anonymous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:  # a type only: core does not import the accounts app at run time
    from samskapa.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
