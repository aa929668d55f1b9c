from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoachingConfig(AppConfig):
    name = "samskapa.coaching"
    label = "coaching"
    verbose_name = _("Coaching")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.coaching import dashboard, services  # noqa: F401  (registers the panels)
        from samskapa.core import navigation

        demo.register(self.name, "samskapa.demo.coaching")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "coaching:overview",
                pgettext_lazy("nav", "Coaching"),
                45,
                perm="coaching.view_overview",
            )
        )
        personal_data.register(
            key="coaching",
            export=services.export_personal_data,
            erase=services.erase_personal_data,
        )
