from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.core import navigation
from samskapa.core.navigation import NavItem


class EuropeConfig(AppConfig):
    name = "samskapa.europe"
    label = "europe"
    verbose_name = _("Europe")

    def ready(self) -> None:
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
