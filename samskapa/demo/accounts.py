"""Demo organisations and one account per role. The accounts are a stable interface."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import Organisation, User
from samskapa.demo.accounts_data import ORGANISATIONS
from samskapa.demo.clock import DemoCalendar

DEMO_PASSWORD = "samskapa-demo"  # noqa: S105  (demo mode only; printed by `manage.py demo`)

# (email, name, staff role or "" for project members)
DEMO_ACCOUNTS: list[tuple[str, str, str]] = [
    ("admin@samskapa.test", "Anna Bergström", StaffRole.ADMIN),
    ("processledare@samskapa.test", "Pia Nordin", StaffRole.PROCESS_LEADER),
    ("coach@samskapa.test", "Karim Saleh", StaffRole.COACH),
    ("utvarderare@samskapa.test", "Eva Lindqvist", StaffRole.EVALUATOR),
    ("finansiar@samskapa.test", "Jonas Ek", StaffRole.FUNDER),
    ("projekt@samskapa.test", "Petra Lind", ""),
    ("projekt2@samskapa.test", "Omar Haddad", ""),
]


def load_organisations() -> dict[str, Organisation]:
    by_key: dict[str, Organisation] = {}
    for row in ORGANISATIONS:
        values = {
            "name": row["name"],
            "country": row["country"],
            "sector": row["sector"],
            "form": row["form"],
            "municipality": row["municipality"],
            "region": row["region"],
        }
        if row["org_number"]:
            organisation, _created = Organisation.objects.update_or_create(
                org_number=row["org_number"], defaults=values
            )
        else:
            organisation, _created = Organisation.objects.update_or_create(
                name=row["name"], country=row["country"], defaults=values
            )
        by_key[str(row["key"])] = organisation
    return by_key


def load(calendar: DemoCalendar | None = None) -> None:
    load_organisations()
    for email, name, role in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, name=name, staff_role=role)
        else:
            user.name = name
            user.staff_role = role
            user.is_active = True
            if not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
        user.is_superuser = role == StaffRole.ADMIN
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
