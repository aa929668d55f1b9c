from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class CoalitionsConfig(AppConfig):
    name = "samskapa.coalitions"
    label = "coalitions"
    verbose_name = _("Coalitions")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.coalitions import bench as coalitions_bench
        from samskapa.coalitions import dashboard as panels
        from samskapa.coalitions import (
            services,
            signals,  # noqa: F401  (connects the signal receivers)
        )

        demo.register(self.name, "samskapa.demo.coalitions")  # loaded by `manage.py demo`

        navigation.register(
            NavItem(
                "coalitions:coalition-list",
                pgettext_lazy("nav", "Coalitions"),
                40,
                perm="coalitions.list_coalitions",
            )
        )
        navigation.register(
            NavItem(
                "coalitions:lessons",
                pgettext_lazy("nav", "Lessons learned"),
                50,
                perm="coalitions.view_lessons",
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        personal_data.register(
            PersonalDataSource(
                "coalitions", services.export_personal_data, services.erase_personal_data
            )
        )
        bench.register(
            bench.BenchModule(
                "coalitions", pages=coalitions_bench.PAGES, seed=coalitions_bench.seed
            )
        )
