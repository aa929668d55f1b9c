from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class AccountsConfig(AppConfig):
    name = "samskapa.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.accounts import bench as accounts_bench
        from samskapa.accounts import checks as accounts_checks
        from samskapa.accounts import dashboard as panels

        checks.register(accounts_checks.check_mfa_keys, checks.Tags.security, deploy=True)
        demo.register(self.name, "samskapa.demo.accounts")  # loaded by `manage.py demo`

        navigation.register(
            NavItem(
                "accounts:organisation-list",
                pgettext_lazy("nav", "Organisations"),
                80,
                perm="accounts.view_organisation",
            )
        )
        navigation.register(
            NavItem(
                "accounts:people",
                pgettext_lazy("nav", "People and roles"),
                85,
                perm="accounts.manage_people",
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        bench.register(
            bench.BenchModule("accounts", pages=accounts_bench.PAGES, seed=accounts_bench.seed)
        )
