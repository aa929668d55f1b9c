from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    name = "samskapa.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from samskapa.core import navigation, retention, signals  # noqa: F401  (receivers, rules)

        navigation.register(
            navigation.NavItem("core:home", pgettext_lazy("nav", "Start"), 0, public_section=True)
        )
        navigation.register(
            navigation.NavItem(
                "core:support",
                pgettext_lazy("nav", "Support and learning"),
                10,
                public_section=True,
            )
        )
        navigation.register(
            navigation.NavItem("core:about", pgettext_lazy("nav", "About"), 90, public_section=True)
        )
        navigation.register(
            navigation.NavItem(
                "core:dashboard", pgettext_lazy("nav", "My overview"), 0, perm="core.view_dashboard"
            )
        )
        navigation.register(
            navigation.NavItem(
                "core:audit-log", pgettext_lazy("nav", "Audit log"), 95, perm="core.view_auditevent"
            )
        )
