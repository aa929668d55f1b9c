from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "samskapa.toolkit"
    label = "toolkit"
    verbose_name = _("Development toolkit")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.toolkit import dashboard, services  # noqa: F401  (registers the panel)

        demo.register(self.name, "samskapa.demo.toolkit")  # loaded by `manage.py demo`

        personal_data.register(
            key="toolkit",
            export=services.export_personal_data,
            erase=services.erase_personal_data,
        )
