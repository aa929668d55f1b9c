from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class CoachingConfig(AppConfig):
    name = "samskapa.coaching"
    label = "coaching"
    verbose_name = _("Coaching")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.coaching import bench as coaching_bench
        from samskapa.coaching import dashboard as panels
        from samskapa.coaching import services

        demo.register(self.name, "samskapa.demo.coaching")  # loaded by `manage.py demo`

        navigation.register(
            NavItem(
                "coaching:overview",
                pgettext_lazy("nav", "Coaching"),
                45,
                perm="coaching.view_overview",
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        personal_data.register(
            PersonalDataSource(
                "coaching", services.export_personal_data, services.erase_personal_data
            )
        )
        bench.register(
            bench.BenchModule("coaching", pages=coaching_bench.PAGES, seed=coaching_bench.seed)
        )
