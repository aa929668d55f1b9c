"""Retention: a cancelled registration's dietary and access needs go at cancellation."""

from __future__ import annotations

import pytest

from samskapa.conference import services
from samskapa.conference.models import ParticipantNeeds
from tests.factories.conference import ParticipantNeedsFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_cancellation_deletes_the_needs_and_keeps_others() -> None:
    leaving = ParticipantNeedsFactory(accessibility="Hörslinga")
    staying = ParticipantNeedsFactory(
        registration=RegistrationFactory(edition=leaving.registration.edition)
    )
    services.cancel_registration(registration=leaving.registration, site_url="")
    assert not ParticipantNeeds.objects.filter(pk=leaving.pk).exists()
    assert ParticipantNeeds.objects.filter(pk=staying.pk).exists()
