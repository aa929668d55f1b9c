"""Contact requests between projects."""

from __future__ import annotations

import factory

from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest
from tests.factories.projects import ProjectFactory


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRequest

    from_project = factory.SubFactory(ProjectFactory)
    to_project = factory.SubFactory(ProjectFactory)
    sender = None
    message = "Hej! Vi arbetar med samma målgrupp och vill gärna ses."
    status = RequestStatus.PENDING
