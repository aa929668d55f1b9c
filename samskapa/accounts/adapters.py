from __future__ import annotations

import base64
import hashlib
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest
from django.utils import translation

from samskapa.core import languages, mail, ratelimit
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


# --- Secrets of two-factor authentication, encrypted at rest -----------------------------------
#
# allauth's MFA keeps each person's TOTP secret and recovery-code seed in
# `Authenticator.data` and passes them through the MFA adapter's encrypt()/decrypt() hooks.
# Samskapa encrypts them with Fernet (AES-128-CBC + HMAC-SHA256, from the cryptography
# library) under the keys in SAMSKAPA_MFA_KEYS: comma-separated, the first encrypts, every one
# decrypts (MultiFernet), so a key can be rotated without downtime (`manage.py rotate_mfa_key`;
# docs/operating.md). In DEBUG and tests, without keys, one key is derived from SECRET_KEY;
# production must set its own (`manage.py check --deploy` fails without it).

# Every Fernet token starts with these characters (version byte 0x80, then the timestamp's
# high bytes, in URL-safe base64); allauth's plaintext values never do: TOTP secrets are
# base32 (A-Z, 2-7) and recovery-code seeds hexadecimal.
FERNET_PREFIX = "gAAAAA"


def mfa_keys() -> list[str]:
    """The configured keys, the current one first; in DEBUG or tests, without configured keys,
    one derived from SECRET_KEY."""
    keys = [k.strip() for k in getattr(settings, "SAMSKAPA_MFA_KEYS", []) if k.strip()]
    if keys:
        return keys
    if settings.DEBUG or getattr(settings, "TESTING", False):
        digest = hashlib.sha256(b"samskapa-mfa-key:" + settings.SECRET_KEY.encode()).digest()
        return [base64.urlsafe_b64encode(digest).decode()]
    raise ImproperlyConfigured(
        "SAMSKAPA_MFA_KEYS is not set: two-factor secrets cannot be encrypted or read. "
        "See docs/operating.md (Two-factor secrets)."
    )


def mfa_fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in mfa_keys()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SAMSKAPA_MFA_KEYS holds a key that is not a Fernet key (32 bytes in URL-safe "
            "base64): " + str(error)
        ) from error


def is_encrypted(value: str) -> bool:
    return value.startswith(FERNET_PREFIX)


def encrypt_secret(text: str, fernet: MultiFernet | None = None) -> str:
    return (fernet or mfa_fernet()).encrypt(text.encode()).decode()


def decrypt_secret(token: str, fernet: MultiFernet | None = None) -> str:
    if not is_encrypted(token):
        # Never accept a plaintext secret: the migration encrypted every one.
        raise ValueError("A two-factor secret is stored unencrypted; run `manage.py migrate`.")
    try:
        return (fernet or mfa_fernet()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A two-factor secret cannot be decrypted with any key in SAMSKAPA_MFA_KEYS: "
            "a key that is still in use has been removed."
        ) from None


def rotate_secret(token: str, fernet: MultiFernet | None = None) -> str:
    """The value encrypted with the current key (a plaintext value is encrypted)."""
    fernet = fernet or mfa_fernet()
    if not is_encrypted(token):
        return encrypt_secret(token, fernet)
    return fernet.rotate(token.encode()).decode()


# The fields of Authenticator.data that hold secrets: the TOTP secret, the recovery-code seed,
# and the codes allauth migrated from older versions (a list).
SECRET_FIELDS = ("secret", "seed")
SECRET_LIST_FIELDS = ("migrated_codes",)


def transform_secrets(data: dict[str, Any], fn: Any) -> dict[str, Any]:
    """A copy of an Authenticator's `data` with `fn` applied to each secret value."""
    data = dict(data)
    for name in SECRET_FIELDS:
        if isinstance(data.get(name), str):
            data[name] = fn(data[name])
    for name in SECRET_LIST_FIELDS:
        if isinstance(data.get(name), list):
            data[name] = [fn(v) if isinstance(v, str) else v for v in data[name]]
    return data


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth has no type hints
    """allauth's MFA with its secrets encrypted in the database (see above)."""

    def encrypt(self, text: str) -> str:
        return encrypt_secret(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text)
