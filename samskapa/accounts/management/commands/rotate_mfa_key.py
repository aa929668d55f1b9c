"""Re-encrypt every stored two-factor secret with the current key (docs/operating.md)."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from samskapa.accounts.mfa_secrets import reencrypt_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every TOTP secret and recovery-code seed with the first key of "
        "SAMSKAPA_MFA_KEYS. Run it after putting a new key first; then the old key can be "
        "removed from the list."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            changed = reencrypt_all(Authenticator)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Re-encrypted the secrets of {changed} two-factor authenticator(s).")
