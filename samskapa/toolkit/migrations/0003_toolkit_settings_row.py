from typing import Any

from django.db import migrations


def create_settings(apps: Any, schema_editor: Any) -> None:
    # The centre's one row of settings exists from the start: pages only read it.
    apps.get_model("toolkit", "ToolkitSettings").objects.get_or_create(id=1)


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0002_history_keeps_updated_at")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]
