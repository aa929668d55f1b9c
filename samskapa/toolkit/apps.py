from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard


class ToolkitConfig(AppConfig):
    name = "samskapa.toolkit"
    label = "toolkit"
    verbose_name = _("Development toolkit")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.toolkit import bench as toolkit_bench
        from samskapa.toolkit import dashboard as panels
        from samskapa.toolkit import registry, services

        registry.autodiscover()  # every module of samskapa.toolkit.tools registers its tool

        demo.register(self.name, "samskapa.demo.toolkit")  # loaded by `manage.py demo`

        for panel in panels.PANELS:
            dashboard.register(panel)
        bench.register(bench.BenchModule("toolkit", pages=toolkit_bench.PAGES))
        personal_data.register(
            PersonalDataSource(
                "toolkit", services.export_personal_data, services.erase_personal_data
            )
        )
