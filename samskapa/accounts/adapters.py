from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.utils import translation

from samskapa.core import languages, mail, ratelimit


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no type hints
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People join through a project invitation or are created by centre staff.
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's rate limits (the login lockout among them) key on the same client address
        # as Samskapa's own, from the trusted proxy header when one is configured.
        return ratelimit.client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # As allauth's own, but the message goes through the mail queue instead of being sent
        # inside the request (verification, password reset, notifications).
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)  # needs allauth's request
        mail.send_later(lambda: message)

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        # In the language of the page the message will be shown on: after logging in on a
        # Swedish address, a person who chose English continues in English. The message of
        # logging out is added just before it, and the next page is an anonymous one: it keeps
        # the language of the page.
        language = translation.get_language()
        if message_template != "account/messages/logged_out.txt":
            language = languages.language_for_person(request)
        with translation.override(language):
            super().add_message(
                request,
                level,
                message_template=message_template,
                message_context=message_context,
                extra_tags=extra_tags,
                message=str(message) if message is not None else None,
            )
