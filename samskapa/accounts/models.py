from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import (
    CENTRE_TEAM_ROLES,
    Country,
    OrganisationForm,
    Region,
    Sector,
    StaffRole,
)
from samskapa.accounts.validators import normalise_org_number


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default="SE")
    org_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        help_text=_("NNNNNN-NNNN. Required for Swedish organisations."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    form = models.CharField(
        _("organisation form"), max_length=20, choices=OrganisationForm.choices, blank=True
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            # Organisations are matched on their number when projects are imported.
            models.UniqueConstraint(
                fields=["org_number"],
                condition=~models.Q(org_number=""),
                name="organisation_unique_org_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organisation-detail", args=[self.pk])

    def clean(self) -> None:
        if self.org_number:
            self.org_number = normalise_org_number(self.org_number)
        elif self.country == Country.SE:
            raise ValidationError(
                {"org_number": _("A Swedish organisation needs its organisation number.")}
            )
        if self.country != Country.SE and self.region:
            raise ValidationError({"region": _("Swedish regions apply only in Sweden.")})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("staff_role", StaffRole.ADMIN)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    # People by staff role, for choosers and lists: the same roles as the predicates in
    # samskapa.accounts.rules (has_role, is_centre_team), active people only, by name.

    def with_role(self, *roles: str) -> models.QuerySet[User]:
        return self.filter(is_active=True, staff_role__in=roles).order_by("name", "email")

    def coaches(self) -> models.QuerySet[User]:
        return self.with_role(StaffRole.COACH)

    def process_leaders(self) -> models.QuerySet[User]:
        return self.with_role(StaffRole.PROCESS_LEADER)

    def centre_team(self) -> models.QuerySet[User]:
        return self.with_role(*CENTRE_TEAM_ROLES)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their e-mail address.

    Staff roles are the centre's (admin, process leader, coach, evaluator, funder); project
    members have no staff role and get their rights through project membership.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    staff_role = models.CharField(
        _("staff role"), max_length=20, choices=StaffRole.choices, blank=True
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("The language of Samskapa's pages and e-mails to you."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def is_staff(self) -> bool:
        """Django's admin site is for superusers only: every normal task, the conference's
        back office included, has its own pages."""
        return bool(self.is_superuser)

    @property
    def is_centre_staff(self) -> bool:
        return bool(self.staff_role)

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    def get_full_name(self) -> str:
        return self.name or self.email
