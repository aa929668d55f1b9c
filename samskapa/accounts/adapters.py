from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from samskapa.core import mail, ratelimit
from samskapa.core.audit import record_failed_login

# Messages a stranger can make Samskapa send to any address by typing it into a form.
_ONCE_A_DAY = frozenset(
    {
        "account/email/password_reset_key",
        "account/email/unknown_account",
        "account/email/account_already_exists",
    }
)


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no type hints
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People join through a project invitation or are created by centre staff.
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's rate limits (the login lockout among them) key on the same client address
        # as Samskapa's own, from the trusted proxy header when one is configured.
        return ratelimit.client_ip(request)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # allauth's lockout refuses the attempt here, before Django's authenticate() (and its
        # user_login_failed signal) runs: audit the refused attempt too.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            login = credentials.get("email") or credentials.get("username") or ""
            record_failed_login(request=request, login=str(login), locked_out=True)
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # As allauth's own, but the message goes through the mail queue instead of being sent
        # inside the request (verification, password reset, notifications).
        if template_prefix in _ONCE_A_DAY and not ratelimit.first_mail_today(
            template_prefix, email
        ):
            return  # anyone can ask for these for any address: one a day per address
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)  # needs allauth's request
        mail.send_later(lambda: message)
