"""Encrypt the two-factor secrets stored before the MFA adapter encrypted them."""

from typing import Any

from django.db import migrations


def encrypt_secrets(apps: Any, schema_editor: Any) -> None:
    from samskapa.accounts.mfa_secrets import reencrypt_all

    reencrypt_all(apps.get_model("mfa", "Authenticator"), plaintext_only=True)


def decrypt_secrets(apps: Any, schema_editor: Any) -> None:
    from samskapa.accounts.adapters import decrypt_secret, is_encrypted, transform_secrets

    authenticator_model = apps.get_model("mfa", "Authenticator")
    for authenticator in authenticator_model.objects.all():
        authenticator.data = transform_secrets(
            authenticator.data, lambda v: decrypt_secret(v) if is_encrypted(v) else v
        )
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_language"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
