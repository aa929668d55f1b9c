"""People and organisations. Every test builds the people it needs here, never the demo's."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from samskapa.accounts.enums import OrganisationForm, Sector, StaffRole
from samskapa.accounts.models import Organisation, User

PASSWORD = "test-password-1234"  # test accounts only


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "SE"
    sector = Sector.PUBLIC
    form = OrganisationForm.MUNICIPALITY
    municipality = "Örebro"
    region = "orebro"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address and the password `PASSWORD`."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.se")
    name = factory.Sequence(lambda n: f"Person {n}")
    staff_role = ""
    language = "sv"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def staff(role: str, **kwargs: object) -> User:
    """staff("coach") → a new person with that staff role (admins are superusers, as in use)."""
    kwargs.setdefault("is_superuser", role == StaffRole.ADMIN)
    return UserFactory(staff_role=role, **kwargs)
