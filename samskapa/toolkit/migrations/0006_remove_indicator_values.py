"""The toolkit's own indicator values are gone: they moved into the results app's one store
(0005_indicator_catalogue)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0005_indicator_catalogue"),
    ]

    operations = [
        migrations.RemoveField(model_name="indicatorvalue", name="indicator"),
        migrations.RemoveField(model_name="indicatorvalue", name="project"),
        migrations.DeleteModel(name="HistoricalIndicatorValue"),
        migrations.DeleteModel(name="IndicatorValue"),
    ]
