"""Two-factor secrets are encrypted at rest (issue 18, point 3): allauth's TOTP secret and
recovery-code seed go through our MFA adapter's Fernet encryption, the migration encrypts
existing plaintext rows, and `rotate_mfa_key` re-encrypts everything with a new key."""

from __future__ import annotations

import datetime as dt
import importlib
import io
from typing import Any

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse

from samskapa.accounts import adapters
from samskapa.accounts.checks import check_mfa_keys
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
migration = importlib.import_module("samskapa.accounts.migrations.0003_encrypt_mfa_secrets")


def _code(secret: str) -> str:
    """The authenticator app's code for now (allauth's own TOTP helpers)."""
    return format_hotp_value(hotp_value(secret, int(dt.datetime.now(dt.UTC).timestamp()) // 30))


def _log_in(client: Any, email: str) -> Any:
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def test_activated_totp_is_stored_encrypted_and_login_with_a_code_works(client: Any) -> None:
    person = UserFactory()
    with time_machine.travel(T0, tick=False):
        assert _log_in(client, person.email).status_code == 302
        # allauth asks for the password again before two-factor settings change.
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        response = client.get(reverse("mfa_activate_totp"))
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        secret = client.session["mfa.totp.secret"]
        response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
        assert response.status_code == 302, response.content

    totp = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
    stored = totp.data["secret"]
    assert stored != secret and secret not in str(totp.data)
    assert stored.startswith(adapters.FERNET_PREFIX)
    assert adapters.decrypt_secret(stored) == secret
    # The recovery codes made at activation: their seed is encrypted too.
    codes = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)
    assert adapters.is_encrypted(codes.data["seed"])

    client.post(reverse("account_logout"))
    with time_machine.travel(T0 + dt.timedelta(minutes=2), tick=False):
        response = _log_in(client, person.email)
        assert response["Location"] == reverse("mfa_authenticate")
        assert client.get(reverse("accounts:profile")).status_code == 302  # not yet logged in
        response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
        assert response.status_code == 200  # a wrong code is refused
        response = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
        assert response.status_code == 302
        assert client.get(reverse("accounts:profile")).status_code == 200


def test_recovery_codes_still_work_with_an_encrypted_seed() -> None:
    person = UserFactory()
    recovery = RecoveryCodes.activate(person)
    assert adapters.is_encrypted(recovery.instance.data["seed"])
    code = recovery.get_unused_codes()[0]
    assert RecoveryCodes(Authenticator.objects.get(pk=recovery.instance.pk)).validate_code(code)


def test_migration_encrypts_plaintext_secrets_once() -> None:
    person, other = UserFactory(), UserFactory()
    secret = generate_totp_secret()
    plain = Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": secret}
    )
    seed = "ab12" * 20
    codes = Authenticator.objects.create(
        user=person,
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": seed, "used_mask": 0, "migrated_codes": ["1234abcd"]},
    )
    already = TOTP.activate(other, generate_totp_secret()).instance
    already_token = already.data["secret"]

    migration.encrypt_secrets(apps, None)

    plain.refresh_from_db()
    codes.refresh_from_db()
    already.refresh_from_db()
    assert adapters.is_encrypted(plain.data["secret"])
    assert adapters.decrypt_secret(plain.data["secret"]) == secret
    assert adapters.decrypt_secret(codes.data["seed"]) == seed
    assert codes.data["used_mask"] == 0
    assert [adapters.decrypt_secret(c) for c in codes.data["migrated_codes"]] == ["1234abcd"]
    assert already.data["secret"] == already_token  # recognised as encrypted: untouched
    # Running it again changes nothing.
    migrated = plain.data["secret"]
    migration.encrypt_secrets(apps, None)
    plain.refresh_from_db()
    assert plain.data["secret"] == migrated
    # The reverse migration gives the plaintext back.
    migration.decrypt_secrets(apps, None)
    plain.refresh_from_db()
    assert plain.data["secret"] == secret


def test_rotation_re_encrypts_with_the_new_key(settings: Any) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.SAMSKAPA_MFA_KEYS = [old]
    secret = generate_totp_secret()
    totp = TOTP.activate(UserFactory(), secret).instance

    settings.SAMSKAPA_MFA_KEYS = [new, old]  # the new key first, the old one still readable
    assert adapters.decrypt_secret(totp.data["secret"]) == secret
    out = io.StringIO()
    call_command("rotate_mfa_key", stdout=out)
    assert "1 two-factor" in out.getvalue()

    settings.SAMSKAPA_MFA_KEYS = [new]  # the old key removed
    totp.refresh_from_db()
    assert adapters.decrypt_secret(totp.data["secret"]) == secret
    with time_machine.travel(T0, tick=False):
        assert TOTP(totp).validate_code(_code(secret))
    settings.SAMSKAPA_MFA_KEYS = [old]
    with pytest.raises(ImproperlyConfigured, match="cannot be decrypted"):
        adapters.decrypt_secret(totp.data["secret"])


def test_plaintext_is_never_accepted_as_a_stored_secret() -> None:
    with pytest.raises(ValueError, match="unencrypted"):
        adapters.decrypt_secret(generate_totp_secret())


def test_production_needs_its_own_keys(settings: Any) -> None:
    settings.DEBUG = False
    settings.TESTING = False
    settings.SAMSKAPA_MFA_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="SAMSKAPA_MFA_KEYS"):
        adapters.encrypt_secret("GEZDGNBVGY3TQOJQ")
    assert [m.id for m in check_mfa_keys()] == ["samskapa.E001"]
    settings.SAMSKAPA_MFA_KEYS = ["not-a-key"]
    assert [m.id for m in check_mfa_keys()] == ["samskapa.E002"]
    settings.SAMSKAPA_MFA_KEYS = [Fernet.generate_key().decode()]
    assert check_mfa_keys() == []


def test_rotation_without_keys_stops_with_a_clear_message(settings: Any) -> None:
    TOTP.activate(UserFactory(), generate_totp_secret())
    settings.DEBUG = False
    settings.TESTING = False
    settings.SAMSKAPA_MFA_KEYS = []
    with pytest.raises(CommandError, match="SAMSKAPA_MFA_KEYS is not set"):
        call_command("rotate_mfa_key")
