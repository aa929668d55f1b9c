"""Seed the indicator catalogue (samskapa/evaluation/catalogue.py): the ESF+ common
indicators EECO01-EECO19 and EECR01-EECR05 and the centre's own indicators."""

from django.db import migrations

from samskapa.evaluation import catalogue


def seed(apps, schema_editor):
    catalogue.seed(apps.get_model("evaluation", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
