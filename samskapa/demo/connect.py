"""Demo contact requests between projects: one accepted (23-019-S01 asked 23-012-S01, whose
lead accepted, so both demo project leads see each other's contact details) and one waiting
for an answer (23-012-S01 asks 23-027-S01). Found by the two projects (a natural key) and
moved to dates around today on every run. And one case's counterpart in Europe
(`link_counterparts`)."""

from __future__ import annotations

from typing import Any

from samskapa.accounts.models import User
from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest, Counterpart
from samskapa.demo.clock import DemoCalendar
from samskapa.europe.models import Initiative
from samskapa.projects.models import Project
from samskapa.showcase.models import Case

REQUESTS: list[dict[str, Any]] = [
    {
        "from": "23-019-S01",
        "to": "23-012-S01",
        "sender": "projekt2@samskapa.test",
        "message": (
            "Hej! Vi i Kvinnor som kraft bygger vägar till välfärdsjobb för nyanlända kvinnor "
            "i Örebro och har sett att ni samskapar arbetsvägar med arbetsgivarna i Fyrbodal. "
            "Vi skulle gärna höra hur ni har fått arbetsgivarna att vara med från början, och "
            "berätta om våra erfarenheter av språkstöd på arbetsplatsen. Har ni tid för ett "
            "digitalt möte de närmaste veckorna?"
        ),
        "sent_days_ago": 12,
        "answer": (RequestStatus.ACCEPTED, "projekt@samskapa.test", 10),
    },
    {
        "from": "23-012-S01",
        "to": "23-027-S01",
        "sender": "projekt@samskapa.test",
        "message": (
            "Hej! Vi följer Unga ritar om med intresse. Vi vill gärna jämföra hur vi båda låter "
            "deltagarna vara med och forma stödet, och kanske bjuda in er till vårt nästa "
            "lärandeseminarium."
        ),
        "sent_days_ago": 3,
        "answer": None,
    },
]


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    for data in REQUESTS:
        projects = Project.objects.in_bulk([data["from"], data["to"]], field_name="number")
        sender = User.objects.filter(email=data["sender"]).first()
        if len(projects) < 2 or sender is None:
            continue
        request, _created = ContactRequest.objects.get_or_create(
            from_project=projects[data["from"]],
            to_project=projects[data["to"]],
            defaults={"sender": sender, "message": data["message"]},
        )
        sent = calendar.at(calendar.days(-data["sent_days_ago"]), 9, 30)
        fields: dict[str, Any] = {
            "sender": sender,
            "message": data["message"],
            "created_at": sent,
            "status": RequestStatus.PENDING,
            "answered_at": None,
            "answered_by": None,
        }
        if data["answer"] is not None:
            status, email, days_ago = data["answer"]
            fields.update(
                status=status,
                answered_at=calendar.at(calendar.days(-days_ago), 14),
                answered_by=User.objects.filter(email=email).first(),
            )
        ContactRequest.objects.filter(pk=request.pk).update(**fields)


# One demo case linked to its counterpart in the European catalogue (example data): called by
# the showcase's loader, which runs after the catalogue's and creates the cases.
COUNTERPARTS = [("23-019-S01", "kohesio", "EX-KOH-003")]


def link_counterparts() -> None:
    for number, source, source_id in COUNTERPARTS:
        case = Case.objects.filter(project__number=number).first()
        initiative = Initiative.objects.filter(source=source, source_id=source_id).first()
        if case is None or initiative is None:
            continue
        Counterpart.objects.get_or_create(case=case, initiative=initiative)
