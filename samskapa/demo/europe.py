"""Demo data for the European catalogue: twenty example initiatives and five example
competence centres (samskapa/demo/europe_data.py), all marked as example data. Rerunnable:
initiatives are found by their source and identifier, centres by country and name."""

from __future__ import annotations

from samskapa.demo.clock import DemoCalendar
from samskapa.demo.europe_data import CENTRES, INITIATIVES
from samskapa.europe import services
from samskapa.europe.models import CompetenceCentre


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    for (
        source,
        source_id,
        title,
        country,
        organisation,
        programme,
        themes,
        start,
        end,
        summary,
    ) in INITIATIVES:
        services.upsert_initiative(
            source=source,
            source_id=source_id,
            values={
                "title": title,
                "summary": summary,
                "country": country,
                "organisation": organisation,
                "programme": programme,
                "themes": themes,
                "starts_on": calendar.fixed(start),
                "ends_on": calendar.fixed(end),
                "source_url": "",
                "is_example": True,
            },
        )
    for name, country, organisation, description in CENTRES:
        centre = CompetenceCentre.objects.filter(country=country, name=name).first()
        centre = centre or CompetenceCentre(country=country, name=name)
        centre.organisation = organisation
        centre.description = description
        centre.is_example = True
        services.save_centre(centre=centre)
