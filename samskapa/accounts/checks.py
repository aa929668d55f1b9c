"""System checks of the accounts app (registered in AccountsConfig.ready())."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from samskapa.accounts.adapters import mfa_fernet


def check_mfa_keys(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Production encrypts two-factor secrets with its own keys (`check --deploy`)."""
    if not [k for k in settings.SAMSKAPA_MFA_KEYS if k.strip()]:
        return [
            checks.Error(
                "SAMSKAPA_MFA_KEYS is not set.",
                hint=(
                    "Two-factor secrets are encrypted with it. Generate a key with "
                    '`python -c "from cryptography.fernet import Fernet; '
                    'print(Fernet.generate_key().decode())"` (docs/operating.md).'
                ),
                id="samskapa.E001",
            )
        ]
    try:
        mfa_fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="samskapa.E002")]
    return []
