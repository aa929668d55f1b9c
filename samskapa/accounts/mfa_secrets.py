"""Encrypting and re-encrypting the two-factor secrets already stored (the data migration
and `manage.py rotate_mfa_key`). The encryption itself: samskapa.accounts.adapters."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from samskapa.accounts.adapters import (
    encrypt_secret,
    is_encrypted,
    mfa_fernet,
    rotate_secret,
    transform_secrets,
)


@transaction.atomic
def reencrypt_all(authenticator_model: Any, *, plaintext_only: bool = False) -> int:
    """Encrypt the secrets of every row of `authenticator_model` (allauth's Authenticator, or
    the migration's historical model) with the current key and return the number of rows
    changed. `plaintext_only` (the migration): encrypt the plaintext values and leave the
    encrypted ones alone, so running it again changes nothing. Otherwise (rotation) every
    value is re-encrypted with the current key, the plaintext ones included."""
    if not authenticator_model.objects.exists():
        return 0  # no key needed for an installation without two-factor secrets
    fernet = mfa_fernet()

    def encrypt_plaintext(value: str) -> str:
        return value if is_encrypted(value) else encrypt_secret(value, fernet)

    def rotate(value: str) -> str:
        return rotate_secret(value, fernet)

    fn = encrypt_plaintext if plaintext_only else rotate
    changed = 0
    for authenticator in authenticator_model.objects.select_for_update().order_by("pk"):
        data = transform_secrets(authenticator.data, fn)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            changed += 1
    return changed
