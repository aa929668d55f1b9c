from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "samskapa.toolkit"
    label = "toolkit"
    verbose_name = _("Development toolkit")

    def ready(self) -> None:
        # Imported here, once the apps are loaded: these modules import models.
        from samskapa.accounts import personal_data
        from samskapa.toolkit import dashboard, registry, services  # noqa: F401  (the panel)

        registry.autodiscover()  # every module of samskapa.toolkit.tools registers its tool

        personal_data.register(
            key="toolkit",
            export=services.export_personal_data,
            erase=services.erase_personal_data,
        )
