"""Each theory-of-change indicator stands for a catalogue indicator of the results app, and its
reported values move into the results app's one store of values (evaluation.Value).

- An indicator whose code is a code of the shared catalogue (EECO01; "EEC/O01" and "eeco01"
  too) is linked to that entry; any other becomes the project's own catalogue entry (kind
  "project", a count of the latest report, broken down by gender).
- The project reports on it (evaluation.ProjectIndicator, with the indicator's target).
- Each value reported on a date goes to the reporting period of the project's call that
  holds the date; where there is none, to the half-year holding it (made, due 45 and locked
  75 days after its end). Of several values in one period the latest is the period's value,
  as a draft the project submits; every reading stays in the value's history, dated as
  reported. A value the project already has in the store for that period is kept as it is.
"""

import datetime
import re

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone


def _normalised(code):
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def _half_year(day):
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30), f"{day.year} H1"
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31), f"{day.year} H2"


def _period(ReportingPeriod, call_id, day, cache):
    key = (call_id, day)
    if key in cache:
        return cache[key]
    period = (
        ReportingPeriod.objects.filter(call_id=call_id, starts__lte=day, ends__gte=day)
        .order_by("starts")
        .first()
    )
    if period is None:
        starts, ends, name = _half_year(day)
        period, _created = ReportingPeriod.objects.get_or_create(
            call_id=call_id,
            starts=starts,
            defaults={
                "name": name,
                "ends": ends,
                "due": ends + datetime.timedelta(days=45),
                "locks": ends + datetime.timedelta(days=75),
            },
        )
    cache[key] = period
    return period


def _when(day):
    moment = datetime.datetime.combine(day, datetime.time(12))
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def forwards(apps, schema_editor):
    ToolIndicator = apps.get_model("toolkit", "Indicator")
    IndicatorValue = apps.get_model("toolkit", "IndicatorValue")
    Catalogue = apps.get_model("evaluation", "Indicator")
    ProjectIndicator = apps.get_model("evaluation", "ProjectIndicator")
    ReportingPeriod = apps.get_model("evaluation", "ReportingPeriod")
    Value = apps.get_model("evaluation", "Value")
    HistoricalValue = apps.get_model("evaluation", "HistoricalValue")
    shared = {_normalised(i.code): i for i in Catalogue.objects.filter(project__isnull=True)}
    cache = {}
    for tool in ToolIndicator.objects.select_related("project").order_by("pk"):
        entry = tool.catalogue or shared.get(_normalised(tool.code))
        if entry is None:
            entry, _created = Catalogue.objects.get_or_create(
                project_id=tool.project_id,
                code=tool.code[:20],
                defaults={
                    "kind": "project",
                    "name_sv": tool.name[:250],
                    "name_en": tool.name[:250],
                    "level": "immediate" if tool.kind == "result" else "output",
                    "unit": "participants" if tool.unit == "participant" else "organisations",
                    "measure": "count",
                    "aggregation": "latest",
                    "by_gender": True,
                },
            )
        tool.catalogue = entry
        tool.save(update_fields=["catalogue"])
        ProjectIndicator.objects.get_or_create(
            project_id=tool.project_id, indicator=entry, defaults={"target": tool.target}
        )
        by_period = {}
        for reading in IndicatorValue.objects.filter(indicator=tool).order_by("reported_on", "pk"):
            period = _period(ReportingPeriod, tool.project.call_id, reading.reported_on, cache)
            by_period.setdefault(period.pk, (period, []))[1].append(reading)
        for period, readings in by_period.values():
            if Value.objects.filter(
                project_id=tool.project_id, indicator=entry, period=period
            ).exists():
                continue
            latest = readings[-1]
            value = Value.objects.create(
                project_id=tool.project_id,
                indicator=entry,
                period=period,
                status="draft",
                value=latest.value,
                women=latest.women,
                men=latest.men,
                non_binary=latest.non_binary,
            )
            for index, reading in enumerate(readings):
                HistoricalValue.objects.create(
                    id=value.pk,
                    project_id=tool.project_id,
                    indicator_id=entry.pk,
                    period_id=period.pk,
                    status="draft",
                    value=reading.value,
                    women=reading.women,
                    men=reading.men,
                    non_binary=reading.non_binary,
                    text="",
                    comment="",
                    version=1,
                    history_date=_when(reading.reported_on),
                    history_type="+" if index == 0 else "~",
                    history_change_reason="moved from the toolkit",
                )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0006_one_value_store"),
        ("toolkit", "0004_constraint_messages"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalindicator",
            name="catalogue",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The indicator of the results catalogue that this one is. Leave empty for an indicator of the project's own.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="evaluation.indicator",
                verbose_name="catalogue indicator",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="catalogue",
            field=models.ForeignKey(
                blank=True,
                help_text="The indicator of the results catalogue that this one is. Leave empty for an indicator of the project's own.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="toolkit_indicators",
                to="evaluation.indicator",
                verbose_name="catalogue indicator",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
