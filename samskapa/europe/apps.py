from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.core import bench, navigation
from samskapa.core.navigation import NavItem


class EuropeConfig(AppConfig):
    name = "samskapa.europe"
    label = "europe"
    verbose_name = _("Europe")

    def ready(self) -> None:
        # Imported here, not at the top: it imports models (samskapa.core.extensions).
        from samskapa.europe import bench as europe_bench

        demo.register(self.name, "samskapa.demo.europe")  # loaded by `manage.py demo`
        navigation.register(
            NavItem("europe:index", pgettext_lazy("nav", "Europe"), 40, public_section=True)
        )
        navigation.register(
            NavItem(
                "europe:import",
                pgettext_lazy("nav", "Import European initiatives"),
                75,
                perm="europe.import_initiatives",
            )
        )
        bench.register(
            bench.BenchModule("europe", pages=europe_bench.PAGES, seed=europe_bench.seed)
        )
