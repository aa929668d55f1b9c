from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class LibraryConfig(AppConfig):
    name = "samskapa.library"
    label = "library"
    verbose_name = _("Knowledge bank")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.library import bench as library_bench
        from samskapa.library import dashboard as panels
        from samskapa.library.personal_data import erase_authorship, export_authorship

        demo.register(self.name, "samskapa.demo.library")  # loaded by `manage.py demo`

        navigation.register(
            NavItem(
                "library:index", pgettext_lazy("nav", "Knowledge bank"), 20, public_section=True
            )
        )
        navigation.register(
            NavItem(
                "library:manage",
                pgettext_lazy("nav", "Authoring"),
                60,
                perm="library.add_material",
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        personal_data.register(PersonalDataSource("library", export_authorship, erase_authorship))
        bench.register(bench.BenchModule("library", pages=library_bench.PAGES))
