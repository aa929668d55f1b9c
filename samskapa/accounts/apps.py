from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AccountsConfig(AppConfig):
    name = "samskapa.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import dashboard  # noqa: F401  (registers the dashboard panels)
        from samskapa.core import navigation

        demo.register(self.name, "samskapa.demo.accounts")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "accounts:organisation-list",
                pgettext_lazy("nav", "Organisations"),
                80,
                perm="accounts.view_organisation",
            )
        )
