from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class ShowcaseConfig(AppConfig):
    name = "samskapa.showcase"
    label = "showcase"
    verbose_name = _("Showcase")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.showcase import bench as showcase_bench
        from samskapa.showcase import dashboard as panels
        from samskapa.showcase.personal_data import erase_showcase, export_showcase

        demo.register(self.name, "samskapa.demo.showcase")  # loaded by `manage.py demo`
        navigation.register(
            NavItem(
                "showcase:case-list",
                pgettext_lazy("nav", "Innovations"),
                22,
                public_section=True,
            )
        )
        navigation.register(
            NavItem(
                "showcase:open-data", pgettext_lazy("nav", "Open data"), 24, public_section=True
            )
        )
        navigation.register(
            NavItem(
                "showcase:review-queue",
                pgettext_lazy("nav", "Case review"),
                62,
                perm="showcase.review_cases",
            )
        )
        navigation.register(
            NavItem(
                "showcase:spread-dashboard",
                pgettext_lazy("nav", "Spread"),
                64,
                perm="showcase.view_spread_dashboard",
            )
        )
        personal_data.register(PersonalDataSource("showcase", export_showcase, erase_showcase))
        for panel in panels.PANELS:
            dashboard.register(panel)
        bench.register(
            bench.BenchModule("showcase", pages=showcase_bench.PAGES, seed=showcase_bench.seed)
        )
