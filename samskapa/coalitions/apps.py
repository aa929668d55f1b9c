from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoalitionsConfig(AppConfig):
    name = "samskapa.coalitions"
    label = "coalitions"
    verbose_name = _("Coalitions")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.coalitions import dashboard, services  # noqa: F401  (registers the panels)
        from samskapa.core import navigation

        demo.register(self.name, "samskapa.demo.coalitions")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "coalitions:coalition-list",
                pgettext_lazy("nav", "Coalitions"),
                40,
                perm="coalitions.list_coalitions",
            )
        )
        navigation.register(
            navigation.NavItem(
                "coalitions:lessons",
                pgettext_lazy("nav", "Lessons learned"),
                50,
                perm="coalitions.view_lessons",
            )
        )
        personal_data.register(
            key="coalitions",
            export=services.export_personal_data,
            erase=services.erase_personal_data,
        )
