from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class ProjectsConfig(AppConfig):
    name = "samskapa.projects"
    label = "projects"
    verbose_name = _("Calls and projects")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.projects import bench as projects_bench
        from samskapa.projects import dashboard as panels
        from samskapa.projects import services

        demo.register(self.name, "samskapa.demo.projects")  # loaded by `manage.py demo`

        navigation.register(
            NavItem(
                "projects:project-list",
                pgettext_lazy("nav", "Projects"),
                20,
                perm="projects.list_projects",
            )
        )
        navigation.register(
            NavItem(
                "projects:call-list", pgettext_lazy("nav", "Calls"), 30, perm="projects.view_call"
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        personal_data.register(
            PersonalDataSource(
                "projects",
                services.export_personal_data,
                services.erase_personal_data,
                refuse=services.refuse_erasure,
            )
        )
        bench.register(
            bench.BenchModule("projects", pages=projects_bench.PAGES, seed=projects_bench.seed)
        )
