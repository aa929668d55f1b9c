from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProjectsConfig(AppConfig):
    name = "samskapa.projects"
    label = "projects"
    verbose_name = _("Calls and projects")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.core import navigation
        from samskapa.projects import dashboard, services  # noqa: F401  (registers panels)

        demo.register(self.name, "samskapa.demo.projects")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "projects:project-list",
                pgettext_lazy("nav", "Projects"),
                20,
                perm="projects.list_projects",
            )
        )
        navigation.register(
            navigation.NavItem(
                "projects:call-list", pgettext_lazy("nav", "Calls"), 30, perm="projects.view_call"
            )
        )
        personal_data.register(
            key="projects",
            export=services.export_personal_data,
            erase=services.erase_personal_data,
        )
